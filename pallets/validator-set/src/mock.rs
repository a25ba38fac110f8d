//! A mock runtime for the validator set, from the test kit, with a real pallet-session: test
//! keys (`UintAuthorityId(who)`, whose ownership proof is checked), a key deposit of 10, and
//! sessions of [`CurrentSessionLength`] through `PeriodicSessions`.
//!
//! Cooperatives: 0 and 1 active, 2 suspended. Accounts 1..=9 hold 1,000,000 native units.
//! By default the genesis validators are 1, 2 (run by cooperative 0), 3 and 4 (run by 1), all
//! with keys; sessions are 5 blocks (2 to 20 allowed); at least 3 validators, at most 6.

use crate::{self as pallet_validator_set, CurrentSessionLength};
use codec::Encode;
use confoederatio_primitives::{CoopId, CoopParams, EnsureFederation};
use frame_support::traits::{ConstU32, ConstU64, Hooks};
use pallet_session::PeriodicSessions;
use sp_runtime::{
	impl_opaque_keys,
	testing::{TestSignature, UintAuthorityId},
	traits::ConvertInto,
	BuildStorage,
};

pub use confoederatio_test_kit::MockCooperatives;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Origins: confoederatio_test_kit::origins,
		// Before Session: its genesis is read by Session's.
		ValidatorSet: pallet_validator_set,
		Session: pallet_session,
	}
);

confoederatio_test_kit::mock_system_and_balances!(Test, u64);

impl confoederatio_test_kit::origins::Config for Test {}

impl_opaque_keys! {
	pub struct MockSessionKeys {
		pub dummy: UintAuthorityId,
	}
}

/// `who`'s test session keys.
pub fn keys_of(who: u64) -> MockSessionKeys {
	MockSessionKeys { dummy: UintAuthorityId(who) }
}

pub const KEY_DEPOSIT: u64 = 10;

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = PeriodicSessions<CurrentSessionLength<Test>, ConstU64<0>>;
	type NextSessionRotation = PeriodicSessions<CurrentSessionLength<Test>, ConstU64<0>>;
	type SessionManager = ValidatorSet;
	type SessionHandler = pallet_session::TestSessionHandler;
	type Keys = MockSessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<KEY_DEPOSIT>;
}

pub const MIN_VALIDATORS: u32 = 3;
pub const MAX_VALIDATORS: u32 = 6;
pub const SESSION_LENGTH: u64 = 5;
pub const MIN_SESSION_LENGTH: u64 = 2;
pub const MAX_SESSION_LENGTH: u64 = 20;

impl pallet_validator_set::Config for Test {
	type FederationOrigin = EnsureFederation<RuntimeOrigin>;
	type Cooperatives = MockCooperatives;
	type KeysRegistered = Session;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type MinSessionLength = ConstU64<MIN_SESSION_LENGTH>;
	type MaxSessionLength = ConstU64<MAX_SESSION_LENGTH>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// The benchmarks' cooperatives (the mock registry's) and session keys (registered by
/// `Session.set_keys`, after minting the deposit).
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl confoederatio_primitives::BenchmarkHelper<u64, RuntimeOrigin> for MockBenchmarkHelper {
	fn create_active_cooperative(members: &[u64]) -> CoopId {
		<MockCooperatives as confoederatio_primitives::BenchmarkHelper<u64, RuntimeOrigin>>::create_active_cooperative(members)
	}
	fn cooperative_origin(coop: CoopId) -> RuntimeOrigin {
		confoederatio_test_kit::coop_origin(coop)
	}
	fn register_session_keys(who: &u64) {
		use frame_support::traits::fungible::Mutate;
		Balances::mint_into(who, 1_000).expect("the benchmark account is funded");
		register_keys(*who);
	}
}

/// `who` registers its test keys with `Session.set_keys` and their ownership proof.
pub fn register_keys(who: u64) {
	Session::set_keys(RuntimeOrigin::signed(who), keys_of(who), proof_of(who, who))
		.expect("the keys register");
}

/// The ownership proof of `key`'s test keys, signed for the account `owner`.
pub fn proof_of(key: u64, owner: u64) -> Vec<u8> {
	(TestSignature(key, owner.encode()),).encode()
}

/// `who` removes its keys with `Session.purge_keys`.
pub fn purge_keys(who: u64) {
	Session::purge_keys(RuntimeOrigin::signed(who)).expect("the keys are purged");
}

/// Runs blocks, pallet-session's `on_initialize` in each, until session `index` has started.
pub fn run_to_session(index: u32) {
	while Session::current_index() < index {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
	}
}

/// The validators of pallet-session's current session.
pub fn session_validators() -> Vec<u64> {
	pallet_session::Validators::<Test>::get()
}

/// The validators pallet-session queued for the next session.
pub fn queued_validators() -> Vec<u64> {
	pallet_session::QueuedKeys::<Test>::get().into_iter().map(|(who, _)| who).collect()
}

/// The mock's genesis, with knobs.
pub struct ExtBuilder {
	/// The genesis validators and their operators.
	validators: Vec<(u64, CoopId)>,
	/// The genesis validators that have no session keys.
	without_keys: Vec<u64>,
	session_length: u64,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			validators: vec![(1, 0), (2, 0), (3, 1), (4, 1)],
			without_keys: Vec::new(),
			session_length: SESSION_LENGTH,
		}
	}
}

impl ExtBuilder {
	/// A development chain: one validator, 1, run by cooperative 0.
	pub fn dev() -> Self {
		Self { validators: vec![(1, 0)], ..Default::default() }
	}

	/// These genesis validators and operators.
	pub fn validators(mut self, validators: &[(u64, CoopId)]) -> Self {
		self.validators = validators.to_vec();
		self
	}

	/// These genesis validators have no session keys.
	pub fn without_keys(mut self, who: &[u64]) -> Self {
		self.without_keys = who.to_vec();
		self
	}

	/// Sessions of `blocks` blocks.
	pub fn session_length(mut self, blocks: u64) -> Self {
		self.session_length = blocks;
		self
	}

	/// Builds the test externalities at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		MockCooperatives::reset();
		let mut storage = frame_system::GenesisConfig::<Test>::default()
			.build_storage()
			.expect("the mock's system genesis builds");
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=9).map(|who| (who, 1_000_000)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.expect("the mock's balances genesis builds");
		pallet_validator_set::GenesisConfig::<Test> {
			validators: self.validators.clone(),
			session_length: self.session_length,
		}
		.assimilate_storage(&mut storage)
		.expect("the mock's validator set genesis builds");
		let keys = self
			.validators
			.iter()
			.filter(|(who, _)| !self.without_keys.contains(who))
			.map(|(who, _)| (*who, *who, keys_of(*who)))
			.collect();
		pallet_session::GenesisConfig::<Test> { keys, ..Default::default() }
			.assimilate_storage(&mut storage)
			.expect("the mock's session genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			MockCooperatives::create(0, true, &[], CoopParams::default());
			MockCooperatives::create(1, true, &[], CoopParams::default());
			MockCooperatives::create(2, false, &[], CoopParams::default());
		});
		ext
	}

	/// Runs a test, then checks the pallet's invariants and that pallet-session's current and
	/// queued validators are what this pallet recorded.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			ValidatorSet::do_try_state().expect("invariants hold after the test");
			assert_eq!(
				crate::CurrentSet::<Test>::get().into_inner(),
				session_validators(),
				"the current set is pallet-session's"
			);
			assert_eq!(
				crate::NextSet::<Test>::get().into_inner(),
				queued_validators(),
				"the next set is pallet-session's queued one"
			);
		});
	}
}

/// Runs a test on the default genesis, then checks the invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	ExtBuilder::default().build_and_execute(test)
}

/// The mock's default genesis, for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}
