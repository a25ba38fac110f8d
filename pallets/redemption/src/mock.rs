//! A mock runtime for redemption: balances, the shared mock registry of cooperatives, and a mock
//! credit ledger (no dependency on the other pallets).
//!
//! Cooperatives: 0 = {1, 2, 3}, active; 1 = {4, 5}, suspended. Reserve split 75% / 25%; exit fee
//! 10%; a deposit serves at most 3 requests; at most 4 wait per bucket. Accounts 1..=20 hold
//! 1,000,000 native units; the existential deposit is 1.

use crate as pallet_redemption;
use confoederatio_primitives::{CollectiveOrigin, CoopId, CoopParams, EnsureCooperative};
use frame_support::{derive_impl, parameter_types, traits::ConstU32, PalletId};
use sp_runtime::{BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Origins: origins,
		Redemption: pallet_redemption,
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

pub use confoederatio_primitives::testing::{MockCooperatives, MockLedger};

pub const EXIT_FEE: Perbill = Perbill::from_percent(10);
pub const MAX_SERVED: u32 = 3;
pub const MAX_QUEUE: u32 = 4;

parameter_types! {
	pub const RedemptionPalletId: PalletId = PalletId(*b"conf/rdm");
	pub const ExitFee: Perbill = EXIT_FEE;
}

impl pallet_redemption::Config for Test {
	type Currency = Balances;
	type Cooperatives = MockCooperatives;
	type Credit = MockLedger;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type PalletId = RedemptionPalletId;
	type ExitFee = ExitFee;
	type MaxServedPerFund = ConstU32<MAX_SERVED>;
	type MaxQueueLength = ConstU32<MAX_QUEUE>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCooperatives;
	#[cfg(feature = "runtime-benchmarks")]
	type CreditHelper = MockBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::CreditHelper<u64> for MockBenchmarkHelper {
	fn issue(
		coop: CoopId,
		who: &u64,
		category: confoederatio_primitives::WorkCategory,
		amount: confoederatio_primitives::Credit,
	) {
		MockLedger::issue(coop, *who, category, amount);
	}
}

pub fn coop_origin(coop: CoopId) -> RuntimeOrigin {
	CollectiveOrigin::Cooperative(coop).into()
}

pub fn empty_test_ext() -> sp_io::TestExternalities {
	MockCooperatives::reset();
	MockLedger::reset();
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=20).map(|who| (who, 1_000_000)).collect(),
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
