//! A mock runtime for the exchange, from the test kit: balances, the origins pallet, the mock
//! registry of cooperatives, the mock credit ledger and the mock reserve (no dependency on the
//! other pallets).
//!
//! Cooperatives: 0 = {1, 2, 3} and 1 = {4, 5, 6}, active; 2 = {7}, suspended. Fee 1% to account
//! 999; order deposit 5; at most 4 fills per call and 5 orders per side. Accounts 1..=20 hold
//! 1,000,000,000 native units; the existential deposit is 1. A reserve's account is
//! `2_000 + coop`; it splits deposits 75% / 25%. Order deposits: the kit's [`CoopPaysDeposits`],
//! so every owner pays its own until a test gives its cooperative a budget
//! ([`MockCooperatives::set_deposit_budget`]) and the member cannot pay; a cooperative's account
//! is `1_000 + coop` ([`MockCooperatives::account_of`]).

use crate as pallet_federated_dex;
use confoederatio_primitives::{CoopParams, EnsureCooperative};
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32},
};
use sp_runtime::Permill;

pub use confoederatio_test_kit::{coop_origin, CoopPaysDeposits, MockCooperatives, MockLedger};

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Origins: confoederatio_test_kit::origins,
		Dex: pallet_federated_dex,
	}
);

confoederatio_test_kit::mock_system_and_balances!(Test, u128);

impl confoederatio_test_kit::origins::Config for Test {}

/// The mock reserve, paying in the mock's native token.
pub type MockReserve = confoederatio_test_kit::MockReserve<Balances>;

pub const FEE_ACCOUNT: u64 = 999;
pub const DEPOSIT: u128 = 5;
pub const MAX_FILLS: u32 = 4;
pub const MAX_ORDERS: u32 = 5;
pub const ENDOWMENT: u128 = 1_000_000_000;

parameter_types! {
	pub const FeeAccount: u64 = FEE_ACCOUNT;
	pub const TradeFee: Permill = Permill::from_percent(1);
}

impl pallet_federated_dex::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cooperatives = MockCooperatives;
	type Ledger = MockLedger;
	type Reserve = MockReserve;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type FeeAccount = FeeAccount;
	type TradeFee = TradeFee;
	type OrderDeposit = ConstU128<DEPOSIT>;
	type DepositPayer = CoopPaysDeposits<Balances>;
	type MaxFills = ConstU32<MAX_FILLS>;
	type MaxOrdersPerSide = ConstU32<MAX_ORDERS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCooperatives;
	#[cfg(feature = "runtime-benchmarks")]
	type ExchangeHelper = MockExchangeHelper;
}

/// The benchmarks' credit and reserves: the mock ledger issues, the mock reserve is funded.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockExchangeHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::ExchangeHelper<u64> for MockExchangeHelper {
	fn issue(coop: confoederatio_primitives::CoopId, who: &u64, amount: u128) {
		MockLedger::issue(coop, *who, confoederatio_primitives::WorkCategory::Commons, amount);
	}
	fn fund(coop: confoederatio_primitives::CoopId, from: &u64, amount: u128) {
		MockReserve::fund(coop, *from, amount);
	}
}

/// The mock's genesis without cooperatives (the benchmarks create their own): accounts 1..=20
/// hold [`ENDOWMENT`], the fee account the existential deposit.
pub fn empty_test_ext() -> sp_io::TestExternalities {
	confoederatio_test_kit::test_ext::<Test>(
		(1..=20).map(|who| (who, ENDOWMENT)).chain([(FEE_ACCOUNT, 1)]),
	)
}

/// The mock's genesis with its three cooperatives.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut ext = empty_test_ext();
	ext.execute_with(|| {
		MockCooperatives::create(0, true, &[1, 2, 3], CoopParams::default());
		MockCooperatives::create(1, true, &[4, 5, 6], CoopParams::default());
		MockCooperatives::create(2, false, &[7], CoopParams::default());
	});
	ext
}

/// Runs a test, then checks the pallet's invariants, that credit sums to zero and that the
/// reserves hold their buckets.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check_invariants();
	});
}

/// The pallet's invariants, credit summing to zero within every floor, and every reserve
/// holding its buckets.
pub fn check_invariants() {
	Dex::do_try_state().expect("invariants hold");
	assert!(MockLedger::consistent(), "credit sums to zero, within every floor");
	assert!(MockReserve::consistent(), "every reserve holds its buckets");
}
