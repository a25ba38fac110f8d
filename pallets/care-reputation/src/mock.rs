//! A mock runtime for care reputation: balances, and a mock registry of cooperatives whose
//! parameters a test can change (no dependency on the cooperatives pallet).
//!
//! Cooperatives: 0 = {1, 2, 3, 4, 5} and 1 = {6, 7, 8}, active; 2 = {9, 10}, suspended. Half-life
//! 1,000 blocks; two attestations confirm a record. Accounts 1..=20 hold 1,000 native units.

use crate as pallet_care_reputation;
use confoederatio_primitives::{
	CollectiveOrigin, CoopId, CoopParams, EnsureCooperative, MembershipHooks,
};
use frame_support::{derive_impl, traits::ConstU32};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Origins: origins,
		CareReputation: pallet_care_reputation,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Carries the collective origins into the mock's `RuntimeOrigin`.
#[frame_support::pallet]
pub mod origins {
	use confoederatio_primitives::CollectiveOrigin;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::origin]
	pub type Origin = CollectiveOrigin;
}

impl origins::Config for Test {}

pub const HALF_LIFE: u64 = 1_000;
pub const PERIOD: u64 = 100;
pub const MAX_POINTS: u32 = 10;
pub const MAX_PER_PERIOD: u32 = 3;
pub const MAX_ATTESTERS: u32 = 4;
pub const DEPOSIT: u64 = 10;

pub fn default_params() -> CoopParams<u64> {
	CoopParams { care_half_life: HALF_LIFE, attestations_needed: 2, ..Default::default() }
}

pub use confoederatio_primitives::testing::MockCooperatives;

pub fn create_coop(coop: CoopId, active: bool, members: &[u64]) {
	MockCooperatives::create(coop, active, members, default_params());
}

pub fn set_params(coop: CoopId, change: impl FnOnce(&mut CoopParams<u64>)) {
	MockCooperatives::change(coop, |c| change(&mut c.params));
}

/// A member leaves, as by `Cooperatives.leave`.
pub fn leave(coop: CoopId, who: u64) {
	CareReputation::can_leave(coop, &who).expect("care never keeps anyone");
	MockCooperatives::change(coop, |c| c.members.retain(|m| *m != who));
	CareReputation::on_left(coop, &who);
}

impl pallet_care_reputation::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cooperatives = MockCooperatives;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type MaxPointsPerAttestation = ConstU32<MAX_POINTS>;
	type MaxAttestationsPerPeriod = ConstU32<MAX_PER_PERIOD>;
	type AttestationPeriod = frame_support::traits::ConstU64<PERIOD>;
	type MaxAttesters = ConstU32<MAX_ATTESTERS>;
	type RecordDeposit = frame_support::traits::ConstU64<DEPOSIT>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl confoederatio_primitives::BenchmarkHelper<u64, RuntimeOrigin> for MockBenchmarkHelper {
	fn create_active_cooperative(members: &[u64]) -> CoopId {
		let coop = MockCooperatives::next_id();
		create_coop(coop, true, members);
		coop
	}
	fn cooperative_origin(coop: CoopId) -> RuntimeOrigin {
		coop_origin(coop)
	}
}

pub fn coop_origin(coop: CoopId) -> RuntimeOrigin {
	CollectiveOrigin::Cooperative(coop).into()
}

/// The mock's genesis, without cooperatives (the benchmarks create their own).
pub fn empty_test_ext() -> sp_io::TestExternalities {
	MockCooperatives::reset();
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=20).map(|who| (who, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut ext = empty_test_ext();
	ext.execute_with(|| {
		create_coop(0, true, &[1, 2, 3, 4, 5]);
		create_coop(1, true, &[6, 7, 8]);
		create_coop(2, false, &[9, 10]);
	});
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		CareReputation::do_try_state().expect("invariants hold after the test");
	});
}
