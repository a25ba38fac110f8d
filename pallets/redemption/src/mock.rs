//! A mock runtime for redemption, from the test kit: balances, the mock registry of cooperatives
//! and the mock credit ledger (no dependency on the other pallets).
//!
//! Cooperatives: 0 = {1, 2, 3}, active; 1 = {4, 5}, suspended. Reserve split 75% / 25%; exit fee
//! 10%; a deposit serves at most 3 requests; at most 4 wait per bucket, at most 2 of one
//! member's; each waiting request holds a deposit of 10. Accounts 1..=20 hold 1,000,000 native
//! units; the existential deposit is 1. Deposits: the kit's [`CoopPaysDeposits`], so every member
//! pays its own until a test gives its cooperative a budget
//! ([`MockCooperatives::set_deposit_budget`]) and the member cannot pay; a cooperative's account
//! is `1_000 + coop` ([`MockCooperatives::account_of`]).

use crate as pallet_redemption;
use confoederatio_primitives::{CoopParams, EnsureCooperative};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use sp_runtime::Perbill;

pub use confoederatio_test_kit::{coop_origin, CoopPaysDeposits, MockCooperatives, MockLedger};

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Origins: confoederatio_test_kit::origins,
		Redemption: pallet_redemption,
	}
);

confoederatio_test_kit::mock_system_and_balances!(Test, u64);

impl confoederatio_test_kit::origins::Config for Test {}

pub const EXIT_FEE: Perbill = Perbill::from_percent(10);
pub const MAX_SERVED: u32 = 3;
pub const MAX_QUEUE: u32 = 4;
pub const MAX_PER_MEMBER: u32 = 2;
pub const REQUEST_DEPOSIT: u64 = 10;

parameter_types! {
	pub const RedemptionPalletId: PalletId = PalletId(*b"conf/rdm");
	pub const ExitFee: Perbill = EXIT_FEE;
}

impl pallet_redemption::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cooperatives = MockCooperatives;
	type Ledger = MockLedger;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type PalletId = RedemptionPalletId;
	type ExitFee = ExitFee;
	type MaxServedPerFund = ConstU32<MAX_SERVED>;
	type MaxQueueLength = ConstU32<MAX_QUEUE>;
	type MaxRequestsPerMember = ConstU32<MAX_PER_MEMBER>;
	type RequestDeposit = ConstU64<REQUEST_DEPOSIT>;
	type DepositPayer = CoopPaysDeposits<Balances>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCooperatives;
	#[cfg(feature = "runtime-benchmarks")]
	type CreditHelper = MockLedgerIssues;
}

/// The benchmarks' credit: issued by the mock ledger.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockLedgerIssues;
#[cfg(feature = "runtime-benchmarks")]
impl crate::CreditHelper<u64> for MockLedgerIssues {
	fn issue(
		coop: confoederatio_primitives::CoopId,
		who: &u64,
		category: confoederatio_primitives::WorkCategory,
		amount: confoederatio_primitives::Credit,
	) {
		MockLedger::issue(coop, *who, category, amount);
	}
}

/// No cooperatives yet; accounts 1..=20 hold 1,000,000 each.
pub fn empty_test_ext() -> sp_io::TestExternalities {
	confoederatio_test_kit::test_ext::<Test>((1..=20).map(|who| (who, 1_000_000)))
}

/// With cooperatives 0 (active: 1, 2, 3) and 1 (suspended: 4, 5).
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut ext = empty_test_ext();
	ext.execute_with(|| {
		MockCooperatives::create(0, true, &[1, 2, 3], CoopParams::default());
		MockCooperatives::create(1, false, &[4, 5], CoopParams::default());
	});
	ext
}

/// Runs a test, then checks the pallet's invariants and that credit still sums to zero.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Redemption::do_try_state().expect("invariants hold after the test");
		assert!(MockLedger::consistent(), "credit sums to zero");
	});
}
