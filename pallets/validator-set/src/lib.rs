//! # Validator set
//!
//! The federation's validators: the federation admits and removes them, each run by one of its
//! cooperatives, and pallet-session follows.
//!
//! ## Overview
//!
//! Confoederatio is a solochain run by the cooperatives that federate on it. Who produces and
//! finalizes blocks is the federation's decision, taken by poll like any other
//! (`Federation` origin), and the chain says whose node each validator is.
//!
//! - **The set** ([`Validators`]): each validator's account and its operator, the cooperative
//!   that runs its node. [`Pallet::add_validator`] admits one (the operator must be an active
//!   cooperative); [`Pallet::remove_validator`] removes one, unless that would leave fewer than
//!   `MinValidators` in the set. At most `MaxValidators`.
//! - **Keys**: a validator counts only once it has registered its session keys with
//!   `Session.set_keys(keys, proof)` (the proof from its node's `author_rotateKeysWithOwner`).
//!   The runtime says who has keys (`KeysRegistered`: pallet-session itself).
//! - **Sessions**: this pallet is pallet-session's `SessionManager`. When pallet-session plans
//!   a session, it gets the validators of the set that have keys, if there are at least
//!   `MinValidators` of them; if there are fewer, it gets nothing new and keeps the current
//!   validators ([`Event::ChangeDeferred`]), so a session never has fewer validators than
//!   GRANDPA needs because keys are missing. At genesis a smaller set is taken as it is: a
//!   development chain runs with one validator. pallet-session plans each session one session
//!   ahead, so a change made during session `n` is planned when session `n + 1` starts and
//!   validates from session `n + 2`: between one and two sessions later.
//! - **Session length** ([`SessionLength`]): set at genesis (an hour on the federation's chain,
//!   a minute on a test chain, from the same runtime) and changed by the federation within
//!   `MinSessionLength..=MaxSessionLength` ([`Pallet::set_session_length`]).
//!   [`CurrentSessionLength`] is the `Get` the runtime gives
//!   `pallet_session::PeriodicSessions`.
//! - **Who validates** ([`CurrentSet`], [`NextSet`], [`Leaving`]): what this pallet planned
//!   for the current and the next session, and the removed validators still in one of them,
//!   with their operators: what the runtime API reports ([`Pallet::validators_info`]) and
//!   `do_try_state` checks.
//!
//! ## Calls
//!
//! | call | origin | what |
//! |---|---|---|
//! | [`add_validator(who, operator)`](Pallet::add_validator) | Federation | admits `who`, run by `operator` |
//! | [`remove_validator(who)`](Pallet::remove_validator) | Federation | removes `who`, never below `MinValidators` |
//! | [`set_session_length(blocks)`](Pallet::set_session_length) | Federation | the length of a session |
//!
//! ## Where things are
//!
//! | module | what |
//! |---|---|
//! | [`types`] | the stored sets and their bounds |
//! | [`session`] | the `SessionManager` and [`CurrentSessionLength`] |
//! | [`weights`] | weights |

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod session;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use session::CurrentSessionLength;
pub use types::{LeavingOf, MaxLeaving, SessionSetOf, ValidatorsOf};
pub use weights::WeightInfo;

use alloc::vec::Vec;
use confoederatio_primitives::{CoopId, CoopUnavailable, Cooperatives, ValidatorInfo};
use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
use frame_system::pallet_prelude::*;

/// The index of a session (pallet-session's `SessionIndex`).
pub type SessionIndex = u32;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The federation's decision, after a poll of its cooperatives.
		type FederationOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The registry of cooperatives: whether an operator is an active cooperative.
		type Cooperatives: Cooperatives<Self::AccountId, BlockNumberFor<Self>>;

		/// Who has registered session keys: pallet-session (`NextKeys`), whose `ValidatorId` is
		/// the account.
		type KeysRegistered: ValidatorRegistration<Self::AccountId>;

		/// The fewest validators a session may be given, and the set may be left with: 3 for
		/// GRANDPA (4 survive one down).
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// The most validators the set holds.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// The shortest session the federation may set, in blocks.
		#[pallet::constant]
		type MinSessionLength: Get<BlockNumberFor<Self>>;

		/// The longest session the federation may set, in blocks.
		#[pallet::constant]
		type MaxSessionLength: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need from the runtime: an active cooperative to run validators,
		/// and session keys for them.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: confoederatio_primitives::BenchmarkHelper<
			Self::AccountId,
			Self::RuntimeOrigin,
		>;
	}

	/// The federation's validators, each with the cooperative that runs it.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, ValidatorsOf<T>, ValueQuery>;

	/// The default session length: the shortest allowed (a chain sets its own at genesis).
	#[pallet::type_value]
	pub fn DefaultSessionLength<T: Config>() -> BlockNumberFor<T> {
		T::MinSessionLength::get()
	}

	/// The length of a session, in blocks.
	#[pallet::storage]
	pub type SessionLength<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, DefaultSessionLength<T>>;

	/// The validators of the current session, as this pallet planned or kept them (what
	/// pallet-session's `Validators` holds).
	#[pallet::storage]
	pub type CurrentSet<T: Config> = StorageValue<_, SessionSetOf<T>, ValueQuery>;

	/// The validators of the next session, as this pallet planned or kept them (what
	/// pallet-session's `QueuedKeys` holds).
	#[pallet::storage]
	pub type NextSet<T: Config> = StorageValue<_, SessionSetOf<T>, ValueQuery>;

	/// Validators the federation removed that are still in the current or the next session's
	/// set, with their operators; each goes once it is in neither.
	#[pallet::storage]
	pub type Leaving<T: Config> = StorageValue<_, LeavingOf<T>, ValueQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The first validators, each with the cooperative that runs it. Their session keys go
		/// in pallet-session's genesis (`keys`), which must be built after this one. Fewer than
		/// `MinValidators` is allowed here only (a development chain with one validator).
		pub validators: Vec<(T::AccountId, CoopId)>,
		/// The length of a session, in blocks.
		pub session_length: BlockNumberFor<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self { validators: Vec::new(), session_length: T::MinSessionLength::get() }
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut validators = ValidatorsOf::<T>::new();
			for (who, operator) in &self.validators {
				let added = validators.try_insert(who.clone(), *operator);
				assert!(added.is_ok(), "more genesis validators than MaxValidators");
				assert!(added == Ok(None), "a genesis validator listed twice");
			}
			assert!(
				Pallet::<T>::session_length_allowed(self.session_length),
				"the genesis session length is outside MinSessionLength..=MaxSessionLength"
			);
			Validators::<T>::put(validators);
			SessionLength::<T>::put(self.session_length);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The federation admitted a validator; it validates from the second session after
		/// this one, once it has session keys.
		ValidatorAdded {
			/// The validator's account.
			validator: T::AccountId,
			/// The cooperative that runs it.
			operator: CoopId,
		},
		/// The federation removed a validator; it stops validating once the sessions planned
		/// before are over.
		ValidatorRemoved {
			/// The validator's account.
			validator: T::AccountId,
			/// The cooperative that ran it.
			operator: CoopId,
		},
		/// The federation set the length of a session.
		SessionLengthSet {
			/// The length, in blocks.
			blocks: BlockNumberFor<T>,
		},
		/// A session was planned with the validators of the session before it: too few of the
		/// set's validators have session keys for the set as it is now.
		ChangeDeferred {
			/// The session planned.
			session: SessionIndex,
			/// How many of the set's validators have keys (fewer than `MinValidators`).
			with_keys: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is a validator already.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The set holds `MaxValidators` already.
		TooManyValidators,
		/// Removing it would leave fewer than `MinValidators` in the set.
		TooFewValidators,
		/// No cooperative has this id.
		UnknownCooperative,
		/// The cooperative is not active.
		CooperativeNotActive,
		/// The session length is outside `MinSessionLength..=MaxSessionLength`.
		SessionLengthOutOfBounds,
		/// More removed validators are still validating than the two planned sessions hold
		/// (cannot happen: each is in one of them).
		TooManyLeaving,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "MinValidators is at least one");
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"MinValidators above MaxValidators"
			);
			assert!(!T::MinSessionLength::get().is_zero(), "a session is at least one block");
			assert!(
				T::MinSessionLength::get() <= T::MaxSessionLength::get(),
				"MinSessionLength above MaxSessionLength"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admit `who` as a validator, its node run by the cooperative `operator` (active). The
		/// federation's decision. `who` validates from the second session after this one, once
		/// it has registered session keys (`Session.set_keys`), before or after this call.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(
			origin: OriginFor<T>,
			who: T::AccountId,
			operator: CoopId,
		) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_add_validator(who, operator)
		}

		/// Remove `who` from the validators, unless fewer than `MinValidators` would be left in
		/// the set. The federation's decision. `who` stops validating once the sessions planned
		/// before are over (one or two sessions from now).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(who)
		}

		/// Set the length of a session to `blocks` (within
		/// `MinSessionLength..=MaxSessionLength`). The federation's decision. Sessions end at
		/// the multiples of the length (`PeriodicSessions`), so the current one ends at the
		/// next multiple of the new length.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_session_length())]
		pub fn set_session_length(
			origin: OriginFor<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_set_session_length(blocks)
		}
	}
}

impl<T: Config> From<CoopUnavailable> for Error<T> {
	fn from(unavailable: CoopUnavailable) -> Self {
		match unavailable {
			CoopUnavailable::Unknown => Error::UnknownCooperative,
			CoopUnavailable::NotActive => Error::CooperativeNotActive,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Admits `who`, run by `operator`. Checks everything but the origin.
	pub fn do_add_validator(who: T::AccountId, operator: CoopId) -> DispatchResult {
		T::Cooperatives::ensure_active(operator).map_err(Error::<T>::from)?;
		let mut validators = Validators::<T>::get();
		ensure!(!validators.contains_key(&who), Error::<T>::AlreadyValidator);
		validators.try_insert(who.clone(), operator).map_err(|_| Error::<T>::TooManyValidators)?;
		Validators::<T>::put(validators);
		// Back before it left: it is a validator again, not a leaving one.
		Leaving::<T>::mutate(|leaving| leaving.remove(&who));
		Self::deposit_event(Event::ValidatorAdded { validator: who, operator });
		Ok(())
	}

	/// Removes `who`, unless that leaves fewer than `MinValidators` in the set; while it is
	/// still in the current or the next session's set, it is listed as leaving. Checks
	/// everything but the origin.
	pub fn do_remove_validator(who: T::AccountId) -> DispatchResult {
		let mut validators = Validators::<T>::get();
		let operator = validators.remove(&who).ok_or(Error::<T>::NotValidator)?;
		ensure!(Self::enough_validators(validators.len(), false), Error::<T>::TooFewValidators);
		if CurrentSet::<T>::get().contains(&who) || NextSet::<T>::get().contains(&who) {
			let mut leaving = Leaving::<T>::get();
			leaving.try_insert(who.clone(), operator).map_err(|_| Error::<T>::TooManyLeaving)?;
			Leaving::<T>::put(leaving);
		}
		Validators::<T>::put(validators);
		Self::deposit_event(Event::ValidatorRemoved { validator: who, operator });
		Ok(())
	}

	/// Sets the session length. Checks everything but the origin.
	pub fn do_set_session_length(blocks: BlockNumberFor<T>) -> DispatchResult {
		ensure!(Self::session_length_allowed(blocks), Error::<T>::SessionLengthOutOfBounds);
		SessionLength::<T>::put(blocks);
		Self::deposit_event(Event::SessionLengthSet { blocks });
		Ok(())
	}

	/// Whether `blocks` is a session length the runtime allows.
	pub fn session_length_allowed(blocks: BlockNumberFor<T>) -> bool {
		T::MinSessionLength::get() <= blocks && blocks <= T::MaxSessionLength::get()
	}

	/// The one rule on how few validators there may be: a set left by a removal, or a new set
	/// planned for a session, has at least `MinValidators`; the genesis set at least one.
	pub fn enough_validators(count: usize, genesis: bool) -> bool {
		let least = if genesis { 1 } else { T::MinValidators::get() };
		u32::try_from(count).map_or(true, |count| count >= least)
	}

	/// Whether `who` has registered session keys.
	pub fn has_keys(who: &T::AccountId) -> bool {
		T::KeysRegistered::is_registered(who)
	}

	/// The validators of the set that have session keys, ordered by account: what a new
	/// session is given, if there are enough of them.
	pub fn ready() -> SessionSetOf<T> {
		let ready: Vec<_> = Validators::<T>::get()
			.into_inner()
			.into_keys()
			.filter(|who| Self::has_keys(who))
			.collect();
		// A subset of a set bounded by `MaxValidators`: nothing is cut.
		SessionSetOf::<T>::truncate_from(ready)
	}

	/// Plans session `session`: the validators with keys if there are enough of them
	/// ([`Pallet::enough_validators`]) and they differ from the current ones, else `None`, and
	/// pallet-session keeps the current validators (those of them with keys: pallet-session drops
	/// the others). Records what the next session gets in [`NextSet`] (and at genesis in
	/// [`CurrentSet`] too).
	///
	/// An unchanged set is not planned again: pallet-session would call it a change, and GRANDPA
	/// would start a new authority set every session (a session whose validators rotated their
	/// keys is still a change: pallet-session sees new keys by itself).
	pub fn plan_session(session: SessionIndex, genesis: bool) -> Option<Vec<T::AccountId>> {
		let ready = Self::ready();
		let (next, planned) = if Self::enough_validators(ready.len(), genesis) {
			let unchanged = !genesis && ready == CurrentSet::<T>::get();
			(ready.clone(), (!unchanged).then(|| ready.into_inner()))
		} else {
			let kept: Vec<_> =
				CurrentSet::<T>::get().into_iter().filter(|who| Self::has_keys(who)).collect();
			let kept = SessionSetOf::<T>::truncate_from(kept);
			if !genesis && ready != kept {
				let with_keys = u32::try_from(ready.len()).unwrap_or(u32::MAX);
				Self::deposit_event(Event::ChangeDeferred { session, with_keys });
			}
			(kept, None)
		};
		if genesis && session == 0 {
			CurrentSet::<T>::put(&next);
		}
		NextSet::<T>::put(next);
		Self::prune_leaving();
		planned
	}

	/// Session `session` starts: it has the validators planned for it.
	pub fn start_planned_session(_session: SessionIndex) {
		CurrentSet::<T>::put(NextSet::<T>::get());
		Self::prune_leaving();
	}

	/// Forgets the leaving validators that are in neither the current nor the next session.
	fn prune_leaving() {
		let (current, next) = (CurrentSet::<T>::get(), NextSet::<T>::get());
		let mut leaving = Leaving::<T>::get();
		if leaving.is_empty() {
			return;
		}
		leaving.retain(|who, _| current.contains(who) || next.contains(who));
		Leaving::<T>::put(leaving);
	}

	/// What the runtime API reports: every validator of the set, then every leaving one.
	pub fn validators_info() -> Vec<ValidatorInfo<T::AccountId>> {
		let (current, next) = (CurrentSet::<T>::get(), NextSet::<T>::get());
		let info = |validator: T::AccountId, operator: CoopId, leaving: bool| ValidatorInfo {
			has_keys: Self::has_keys(&validator),
			active: current.contains(&validator),
			next: next.contains(&validator),
			validator,
			operator,
			leaving,
		};
		let validators = Validators::<T>::get().into_iter().map(|(v, o)| info(v, o, false));
		let leaving = Leaving::<T>::get().into_iter().map(|(v, o)| info(v, o, true));
		validators.chain(leaving).collect()
	}

	/// The invariants (reads the whole of this pallet's storage, a few bounded values):
	/// - the session length is within bounds;
	/// - every validator has an operator and nobody is both a validator and leaving (one map
	///   each, so an operator is there by construction);
	/// - the current and the next session's validators are validators of the set or leaving
	///   ones (removed since those sessions were planned: the one-session delay);
	/// - every leaving validator is still in the current or the next session;
	/// - a next session with anyone new (not in the current one) has at least
	///   `MinValidators`: only a kept set may be smaller;
	/// - while the set has validators, the next session has some.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Self::session_length_allowed(SessionLength::<T>::get()),
			"the session length is out of bounds"
		);
		let validators = Validators::<T>::get();
		let (current, next, leaving) =
			(CurrentSet::<T>::get(), NextSet::<T>::get(), Leaving::<T>::get());
		ensure!(
			leaving.keys().all(|who| !validators.contains_key(who)),
			"a validator is also listed as leaving"
		);
		ensure!(
			current
				.iter()
				.chain(next.iter())
				.all(|who| { validators.contains_key(who) || leaving.contains_key(who) }),
			"a session has a validator that is neither in the set nor leaving"
		);
		ensure!(
			leaving.keys().all(|who| current.contains(who) || next.contains(who)),
			"a leaving validator validates in neither the current nor the next session"
		);
		ensure!(
			next.iter().all(|who| current.contains(who))
				|| Self::enough_validators(next.len(), false),
			"a new set with fewer than MinValidators was planned"
		);
		ensure!(validators.is_empty() || !next.is_empty(), "the next session has no validators");
		ensure!(
			next.windows(2).all(|pair| matches!(pair, [a, b] if a < b))
				&& current.windows(2).all(|pair| matches!(pair, [a, b] if a < b)),
			"a session's validators are not ordered by account, or repeat"
		);
		Ok(())
	}
}
