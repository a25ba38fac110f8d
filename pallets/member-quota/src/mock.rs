//! A mock runtime for the member quota, from the test kit: balances, transaction payment (a fee
//! of one unit per byte), the origins pallet and the mock registry of cooperatives.
//!
//! Cooperatives: 0 = {1, 2, 3} and 1 = {4, 5}, active. Accounts 1..=5 hold 1,000,000 native
//! units; 6 (a member of cooperative 0 added by [`join`]) and 7 (a non-member) hold none. A
//! `System::remark` whose first byte is `c` is an act in cooperative `c` ([`MockActs`]); every
//! other call is not a member's act. Quota: 3 free transactions per 10 blocks by default, at most
//! 5; periods from 5 to 100 blocks.

use crate as pallet_member_quota;
use confoederatio_primitives::{CoopId, CoopParams, EnsureCooperative, MemberActs, MembershipHooks};
use frame_support::{
	traits::{ConstU32, ConstU64, ConstU8},
	weights::IdentityFee,
};
use pallet_transaction_payment::FungibleAdapter;

pub use confoederatio_test_kit::MockCooperatives;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		TransactionPayment: pallet_transaction_payment,
		Origins: confoederatio_test_kit::origins,
		MemberQuota: pallet_member_quota,
	}
);

confoederatio_test_kit::mock_system_and_balances!(Test, u64);

impl confoederatio_test_kit::origins::Config for Test {}

impl pallet_transaction_payment::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	/// A picosecond of weight costs nothing and a byte one unit: fees are small and exact.
	type WeightToFee = frame_support::weights::FixedFee<0, u64>;
	type LengthToFee = IdentityFee<u64>;
	type FeeMultiplierUpdate = ();
	type WeightInfo = ();
}

/// A `System::remark` whose first byte is `c` is an act in cooperative `c`; so is a
/// `System::set_heap_pages` of `c` pages, which a signed origin can never make (it fails).
pub struct MockActs;
impl MemberActs<u64, RuntimeCall> for MockActs {
	fn cooperative_of(_: &u64, call: &RuntimeCall) -> Option<CoopId> {
		match call {
			// A `remark_with_event` is named too, but `reads_to_tell` rules it out: a runtime whose
			// two answers disagree, to test that the pallet never makes it free.
			RuntimeCall::System(
				frame_system::Call::remark { remark } |
				frame_system::Call::remark_with_event { remark },
			) => remark.first().map(|c| CoopId::from(*c)),
			RuntimeCall::System(frame_system::Call::set_heap_pages { pages }) => {
				CoopId::try_from(*pages).ok()
			},
			_ => None,
		}
	}

	fn reads_to_tell(call: &RuntimeCall) -> Option<u64> {
		match call {
			RuntimeCall::System(
				frame_system::Call::remark { .. } | frame_system::Call::set_heap_pages { .. },
			) => Some(0),
			_ => None,
		}
	}
}

pub const QUOTA: u32 = 3;
pub const PERIOD: u64 = 10;
pub const MAX_QUOTA: u32 = 5;

pub const BUDGET: u64 = 25;
pub const MEMBER_LIMIT: u64 = 15;

impl pallet_member_quota::Config for Test {
	type Currency = Balances;
	type DefaultDepositBudget = ConstU64<BUDGET>;
	type DefaultMemberDepositLimit = ConstU64<MEMBER_LIMIT>;
	type Cooperatives = MockCooperatives;
	type MemberActs = MockActs;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type DefaultQuota = ConstU32<QUOTA>;
	type DefaultPeriod = ConstU64<PERIOD>;
	type MaxQuota = ConstU32<MAX_QUOTA>;
	type MinPeriod = ConstU64<5>;
	type MaxPeriod = ConstU64<100>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCooperatives;
}

/// `who` joins cooperative `coop`, as by `Cooperatives.add_member`.
pub fn join(coop: CoopId, who: u64) {
	MockCooperatives::change(coop, |c| c.members.push(who));
	MemberQuota::on_joined(coop, &who);
}

/// `who` leaves cooperative `coop`, as by `Cooperatives.leave`.
pub fn leave(coop: CoopId, who: u64) {
	MockCooperatives::change(coop, |c| c.members.retain(|m| *m != who));
	MemberQuota::on_left(coop, &who);
}

/// The mock's genesis: accounts 1..=5 funded, the two cooperatives.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut ext = confoederatio_test_kit::test_ext::<Test>((1..=5).map(|who| (who, 1_000_000)));
	ext.execute_with(|| {
		MockCooperatives::create(0, true, &[1, 2, 3], CoopParams::default());
		MockCooperatives::create(1, true, &[4, 5], CoopParams::default());
	});
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		MemberQuota::do_try_state().expect("invariants hold after the test");
	});
}
