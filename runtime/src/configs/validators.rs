//! Sessions and the federation's validators: pallet-session, with pallet-validator-set as its
//! `SessionManager`, and Aura and GRANDPA following each session.

use confoederatio_primitives::EnsureFederation;
use frame_support::traits::{ConstU128, ConstU32};
use pallet_session::PeriodicSessions;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

use crate::{
	configs::MaxAuthorities, opaque::SessionKeys, AccountId, Balances, BlockNumber, Cooperatives,
	Runtime, RuntimeEvent, RuntimeOrigin, ValidatorSet, DAYS, UNIT,
};

/// The fewest validators a session may be given: GRANDPA finalizes with 3 (and 4 survive one
/// down). Only a genesis set may be smaller (`--dev` has one).
pub const MIN_VALIDATORS: u32 = 3;

/// The shortest session the federation may set: 5 blocks (30 seconds).
pub const MIN_SESSION_LENGTH: BlockNumber = 5;

/// The longest session the federation may set: a day.
pub const MAX_SESSION_LENGTH: BlockNumber = DAYS;

/// What registering session keys holds from the validator's account: 10 CONF.
pub const SESSION_KEY_DEPOSIT: crate::Balance = 10 * UNIT;

/// Sessions end at every multiple of the session length in ValidatorSet's storage.
pub type Sessions = PeriodicSessions<pallet_validator_set::CurrentSessionLength<Runtime>, ConstU32<0>>;

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is its account: its keys are registered under it.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	/// The federation's validators with keys, at least `MinValidators` of them.
	type SessionManager = ValidatorSet;
	/// Aura and GRANDPA: each new session's keys become their authorities.
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// Nobody is disabled: there are no offences to report without stake; the federation removes
	/// a misbehaving validator by vote.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = ConstU128<SESSION_KEY_DEPOSIT>;
}

impl pallet_validator_set::Config for Runtime {
	type FederationOrigin = EnsureFederation<RuntimeOrigin>;
	type Cooperatives = Cooperatives;
	/// Who has keys: pallet-session's `NextKeys`.
	type KeysRegistered = crate::Session;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	/// As many as Aura and GRANDPA take.
	type MaxValidators = MaxAuthorities;
	type MinSessionLength = ConstU32<MIN_SESSION_LENGTH>;
	type MaxSessionLength = ConstU32<MAX_SESSION_LENGTH>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ValidatorBenchmarkHelper;
}

/// The validator-set benchmarks' cooperatives (as for governance), and real session keys: the
/// keys are generated in the benchmark's keystore with their ownership proof, and registered
/// by `Session.set_keys` after the deposit is minted.
#[cfg(feature = "runtime-benchmarks")]
pub struct ValidatorBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl confoederatio_primitives::BenchmarkHelper<AccountId, RuntimeOrigin>
	for ValidatorBenchmarkHelper
{
	fn create_active_cooperative(members: &[AccountId]) -> confoederatio_primitives::CoopId {
		<crate::configs::CooperativeBenchmarkHelper as confoederatio_primitives::BenchmarkHelper<
			AccountId,
			RuntimeOrigin,
		>>::create_active_cooperative(members)
	}

	fn cooperative_origin(coop: confoederatio_primitives::CoopId) -> RuntimeOrigin {
		confoederatio_primitives::CollectiveOrigin::Cooperative(coop).into()
	}

	fn register_session_keys(who: &AccountId) {
		use codec::Encode;
		use frame_support::traits::fungible::Mutate;
		// The deposit, and enough besides to keep the account alive.
		Balances::mint_into(who, SESSION_KEY_DEPOSIT.saturating_add(UNIT))
			.expect("minting into a benchmark account works");
		let generated = SessionKeys::generate(&who.encode(), None);
		crate::Session::set_keys(
			RuntimeOrigin::signed(who.clone()),
			generated.keys,
			generated.proof.encode(),
		)
		.expect("the benchmark validator's keys register");
	}
}
