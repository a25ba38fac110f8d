//! # Cooperatives
//!
//! The registry of cooperatives, their members, and the federation they form. A cooperative is
//! a collective on the chain: it acts only after its members vote (origin
//! [`CollectiveOrigin::Cooperative`]), and the federation acts only after its active
//! cooperatives vote ([`CollectiveOrigin::Federation`], or
//! [`CollectiveOrigin::FederationSupermajority`] for runtime upgrades). The polls themselves are
//! run by the governance pallet; this pallet declares the origins ([`Origin`]), which the
//! runtime's `RuntimeOrigin` carries, and requires them through [`Config::CooperativeOrigin`]
//! ("this cooperative decided", an `EnsureOriginWithArg` over the cooperative a call names) and
//! [`Config::FederationOrigin`].
//!
//! ## Life of a cooperative
//!
//! 1. [`Pallet::apply`]: a signed account applies with a name and at least
//!    [`Config::MinFounders`] (at most [`Config::MaxFounders`]) distinct founders, itself among
//!    them. [`Config::ApplicationDeposit`] is held from it while the application is pending. The
//!    cooperative is `Pending`, its founders are its members (each with a `MemberAdded`), and
//!    the applicant has confirmed, by applying.
//! 2. [`Pallet::confirm_founding`]: each other named founder confirms, once, that it founds the
//!    cooperative ([`Confirmations`]). Nobody becomes a founder of an admitted cooperative
//!    without consenting. A founder who does not agree calls [`Pallet::decline_founding`]
//!    instead (a founder who confirmed may still decline, until the admission): the application
//!    is withdrawn at once — removed with its founders' memberships, the deposit released — and
//!    the applicant may apply again without them.
//! 3. [`Pallet::admit`] (federation): `Pending` → `Active`, only once every named founder
//!    confirmed (`FoundersNotConfirmed` before); the deposit is released, for the application is
//!    decided. Or [`Pallet::reject`] (federation): the application is removed, its founders'
//!    memberships with it (each with a `MemberRemoved`), and the deposit released.
//! 4. [`Pallet::suspend`] / [`Pallet::reinstate`] (federation): `Active` ⇄ `Suspended`. A
//!    suspended cooperative cannot act, propose or vote.
//!
//! While a cooperative is pending its members are exactly its named founders: nobody joins,
//! leaves or is removed (`ApplicationPending`); a founder who wants out declines.
//!
//! Consent stops one thing: naming people as founders who did not agree. It does not stop one
//! person with several accounts from founding a cooperative alone — each account confirms —
//! since accounts are not people; that is for the federation to judge before it admits.
//!
//! The transitions are methods of the stored [`Cooperative`] ([`Cooperative::admit`], which
//! needs every founder's confirmation ([`Cooperative::all_founders_confirmed`]) and hands back
//! the deposit, [`Cooperative::suspend`], [`Cooperative::reinstate`]);
//! [`Cooperative::is_active`] is the one rule for "active", used by the calls, `do_try_state`,
//! `ActiveCount` and the [`Cooperatives`](confoederatio_primitives::Cooperatives) trait.
//!
//! ## Membership
//!
//! [`Pallet::add_member`] and [`Pallet::remove_member`] need the cooperative's own origin, that
//! is, a passed poll of its members, and an active cooperative. [`Pallet::leave`] is signed by
//! the member. A member can leave (or be removed) only when the other pallets agree
//! ([`Config::MembershipHooks`]: a negative credit balance must be settled first), and never as
//! the last member; a cooperative has at most [`Config::MaxMembers`]. Every change of
//! membership — founders at `apply`, `add_member`, `remove_member`, `leave`, and the founders
//! dropped by `reject` or `decline_founding` — emits `MemberAdded` or `MemberRemoved`, and runs
//! [`Config::MembershipHooks`] (`on_joined`, `on_left`) at the same moment, so an indexer that
//! follows the events sees every member come and go.
//!
//! [`Pallet::set_parameters`] (the cooperative's origin, active) sets its [`CoopParams`]: the
//! voting period (within [`Config::MinVotingPeriod`] and [`Config::MaxVotingPeriod`]), quorum
//! and approval threshold, the vote-weight factors (at most [`Config::MaxWeightFactor`]) and
//! cap, the care half-life and attestations needed, and the reserve split.
//!
//! Each cooperative has a keyless sovereign account, [`Pallet::account_of`], derived from its
//! id and [`Config::PalletId`]: nobody holds its key; it moves funds only by the cooperative's
//! decisions.
//!
//! ## Invariants ([`Pallet::do_try_state`])
//!
//! - A cooperative's `member_count` equals its number of `Members` entries, is at least 1 and at
//!   most `MaxMembers`.
//! - `ActiveCount` equals the number of active cooperatives.
//! - Every cooperative's id is below `NextCoopId`; no `Members` entry names a missing cooperative.
//! - [`Confirmations`] exist only for pending cooperatives and name only their members (the
//!   named founders), each once; a pending cooperative has at most `MaxFounders` members.
//! - Only a pending cooperative has a deposit ([`Cooperative::held_deposit`]); what is held from
//!   each applicant for `ApplicationDeposit` is the sum of its pending applications' deposits.
//!
//! ## Where things are
//!
//! | module | what |
//! |---|---|
//! | [`types`] | [`Cooperative`] and its rules (status transitions, member count, the deposit it holds), [`CoopStatus`], [`ConfirmationsOf`] |
//! | `founding` | applying, confirming or declining to found, admitting, rejecting |
//! | `registry` | creating, status changes, parameters; the [`Cooperatives`](confoederatio_primitives::Cooperatives) impl |
//! | `membership` | adding, removing and listing members |
//! | `try_state` | [`Pallet::do_try_state`] |
//! | [`migrations`] | storage migrations ([`migrations::v2`]) |
//! | [`weights`] | generated weights |

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod founding;
mod membership;
pub mod migrations;
#[cfg(test)]
mod mock;
mod registry;
#[cfg(test)]
mod tests;
mod try_state;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use confoederatio_primitives::{
	CollectiveOrigin, CoopId, CoopParams, CoopUnavailable, Cooperatives as CooperativesTrait,
};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, MutateHold},
		EnsureOriginWithArg,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;

/// A balance of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	///
	/// 2: the founders' [`Confirmations`]; an admitted cooperative holds no deposit
	/// ([`migrations::v2`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The origins of collective decisions, carried by the runtime's `RuntimeOrigin`.
	#[pallet::origin]
	pub type Origin = CollectiveOrigin;

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a cooperative's application, held while the application is pending.
		ApplicationDeposit,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency deposits are held in (the native token).
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// "This cooperative decided" (after its members' vote), for the cooperative a call
		/// names; any other origin, another cooperative's among them, is `BadOrigin`.
		type CooperativeOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CoopId>;

		/// The federation acting after its cooperatives' vote.
		type FederationOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// What other pallets say when a member leaves.
		type MembershipHooks: confoederatio_primitives::MembershipHooks<Self::AccountId>;

		/// Derives the cooperatives' sovereign accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Held from the applicant while the application is pending.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

		/// The fewest founders an application may have.
		#[pallet::constant]
		type MinFounders: Get<u32>;

		/// The most founders an application may have.
		#[pallet::constant]
		type MaxFounders: Get<u32>;

		/// The most members a cooperative may have.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// The longest name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The shortest voting period a cooperative may choose, in blocks.
		#[pallet::constant]
		type MinVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest voting period a cooperative may choose, in blocks.
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The largest `a` or `b` in the vote weight formula.
		#[pallet::constant]
		type MaxWeightFactor: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The id the next cooperative gets.
	#[pallet::storage]
	pub type NextCoopId<T> = StorageValue<_, CoopId, ValueQuery>;

	/// The cooperatives, by id.
	#[pallet::storage]
	pub type Registry<T: Config> = StorageMap<_, Twox64Concat, CoopId, Cooperative<T>>;

	/// Memberships: the block at which each member joined each cooperative.
	#[pallet::storage]
	pub type Members<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		BlockNumberFor<T>,
	>;

	/// The named founders of each pending cooperative who confirmed that they found it (the
	/// applicant by applying). Removed when the application is admitted, rejected or declined.
	#[pallet::storage]
	pub type Confirmations<T: Config> =
		StorageMap<_, Twox64Concat, CoopId, ConfirmationsOf<T>, ValueQuery>;

	/// How many cooperatives are active: the federation's electorate.
	#[pallet::storage]
	pub type ActiveCount<T> = StorageValue<_, u32, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Active cooperatives at genesis: a name and the members (the first is the applicant).
		/// No deposit is held for them.
		pub cooperatives: Vec<(Vec<u8>, Vec<T::AccountId>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		/// Genesis is the operator's configuration, not user input: an invalid cooperative stops
		/// the chain spec from building, with the reason.
		fn build(&self) {
			for (name, members) in &self.cooperatives {
				let name: NameOf<T> =
					name.clone().try_into().expect("genesis cooperative name too long");
				let applicant = members.first().expect("a genesis cooperative has members");
				assert!(all_distinct(members), "a genesis member is named twice");
				let coop = Pallet::<T>::do_create(
					name,
					applicant.clone(),
					members,
					Default::default(),
					CoopStatus::Active,
				)
				.expect("genesis cooperatives are within MaxMembers");
				Pallet::<T>::deposit_event(Event::Admitted { coop });
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A cooperative applied to join the federation.
		Applied {
			/// The new cooperative.
			coop: CoopId,
			/// Who applied and holds the deposit.
			applicant: T::AccountId,
			/// Its founders, now its members; each but the applicant must confirm.
			founders: u32,
		},
		/// A named founder confirmed that it founds a pending cooperative.
		FoundingConfirmed {
			/// The pending cooperative.
			coop: CoopId,
			/// The founder.
			founder: T::AccountId,
		},
		/// A named founder declined: the application was withdrawn, its founders' memberships
		/// removed and its deposit released.
		FoundingDeclined {
			/// The cooperative that was pending.
			coop: CoopId,
			/// The founder who declined.
			founder: T::AccountId,
		},
		/// The federation admitted a cooperative; its application deposit was released.
		Admitted {
			/// The cooperative.
			coop: CoopId,
		},
		/// The federation rejected an application; the deposit was released.
		Rejected {
			/// The cooperative that was pending.
			coop: CoopId,
		},
		/// The federation suspended a cooperative.
		Suspended {
			/// The cooperative.
			coop: CoopId,
		},
		/// The federation reinstated a suspended cooperative.
		Reinstated {
			/// The cooperative.
			coop: CoopId,
		},
		/// A member joined a cooperative.
		MemberAdded {
			/// The cooperative.
			coop: CoopId,
			/// The new member.
			who: T::AccountId,
		},
		/// A member was removed from a cooperative, or left it.
		MemberRemoved {
			/// The cooperative.
			coop: CoopId,
			/// The former member.
			who: T::AccountId,
		},
		/// A cooperative set its parameters.
		ParametersSet {
			/// The cooperative.
			coop: CoopId,
			/// The new parameters.
			params: CoopParams<BlockNumberFor<T>>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No cooperative has this id.
		UnknownCooperative,
		/// The name is empty.
		EmptyName,
		/// The name is longer than `MaxNameLength`.
		NameTooLong,
		/// Fewer founders than `MinFounders`.
		TooFewFounders,
		/// More founders than `MaxFounders`.
		TooManyFounders,
		/// A founder is named twice.
		DuplicateFounder,
		/// The applicant is not among the founders.
		ApplicantNotFounder,
		/// The cooperative is not pending.
		NotPending,
		/// The cooperative is not active.
		NotActive,
		/// The cooperative is not suspended.
		NotSuspended,
		/// The account is a member already.
		AlreadyMember,
		/// The account is not a member.
		NotMember,
		/// The cooperative has `MaxMembers` members.
		TooManyMembers,
		/// The last member cannot leave.
		LastMember,
		/// The voting period is outside `MinVotingPeriod..=MaxVotingPeriod`.
		InvalidVotingPeriod,
		/// The approval threshold is below one half, or the quorum is zero.
		InvalidThreshold,
		/// A weight factor is above `MaxWeightFactor`, or the cap is zero.
		InvalidWeightParameters,
		/// The care half-life is zero, or a care record would need no attester.
		InvalidCareParameters,
		/// No more cooperative ids.
		IdsExhausted,
		/// The account is not a named founder of this pending cooperative.
		NotFounder,
		/// The founder has confirmed already.
		AlreadyConfirmed,
		/// Not every named founder has confirmed yet.
		FoundersNotConfirmed,
		/// The cooperative is pending: its founders are fixed (a founder declines instead).
		ApplicationPending,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Apply to found a cooperative. Signed; holds `ApplicationDeposit`.
		///
		/// `founders` are at least `MinFounders` distinct accounts, the caller among them; they
		/// become the members of the new, `Pending` cooperative. The caller confirms by applying;
		/// each other founder confirms with [`Pallet::confirm_founding`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::apply(founders.len().try_into().unwrap_or(u32::MAX)))]
		pub fn apply(
			origin: OriginFor<T>,
			name: Vec<u8>,
			founders: Vec<T::AccountId>,
		) -> DispatchResult {
			let applicant = ensure_signed(origin)?;
			Self::do_apply(applicant, name, founders)
		}

		/// Admit a pending cooperative into the federation, once every named founder confirmed;
		/// releases the application deposit. Federation origin.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::admit())]
		pub fn admit(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_admit(coop)
		}

		/// Suspend an active cooperative. Federation origin.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_change_status(coop, Cooperative::suspend)?;
			Self::deposit_event(Event::Suspended { coop });
			Ok(())
		}

		/// Reinstate a suspended cooperative. Federation origin.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_change_status(coop, Cooperative::reinstate)?;
			Self::deposit_event(Event::Reinstated { coop });
			Ok(())
		}

		/// Add a member. The cooperative's own origin; the cooperative must be active.
		/// `MaxMembers` at most.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::add_member())]
		pub fn add_member(origin: OriginFor<T>, coop: CoopId, who: T::AccountId) -> DispatchResult {
			Self::ensure_cooperative(origin, coop)?;
			Self::do_add_member(coop, who)
		}

		/// Remove a member. The cooperative's own origin; the cooperative must be active. Not
		/// the last member, and only if the other pallets agree (`MembershipHooks::can_leave`).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_member())]
		pub fn remove_member(
			origin: OriginFor<T>,
			coop: CoopId,
			who: T::AccountId,
		) -> DispatchResult {
			Self::ensure_cooperative(origin, coop)?;
			Self::do_remove_member(coop, who)
		}

		/// Leave a cooperative. Signed by the member; not the last one, and only if the other
		/// pallets agree (`MembershipHooks::can_leave`). Not a pending cooperative: its founders
		/// decline instead ([`Pallet::decline_founding`]).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_member(coop, who)
		}

		/// Set the cooperative's parameters, within the runtime's bounds
		/// ([`Pallet::validate_params`]). The cooperative's own origin; the cooperative must be
		/// active.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_parameters())]
		pub fn set_parameters(
			origin: OriginFor<T>,
			coop: CoopId,
			params: CoopParams<BlockNumberFor<T>>,
		) -> DispatchResult {
			Self::ensure_cooperative(origin, coop)?;
			Self::do_set_parameters(coop, params)
		}

		/// Reject a pending application: remove the cooperative and its founders' memberships
		/// and release the deposit. Federation origin.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::reject(T::MaxFounders::get()))]
		pub fn reject(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_reject(coop)
		}

		/// Confirm that you found a pending cooperative that named you. Signed by a named
		/// founder, once. The federation admits the cooperative only once every founder
		/// confirmed.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::confirm_founding())]
		pub fn confirm_founding(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			let founder = ensure_signed(origin)?;
			Self::do_confirm_founding(coop, founder)
		}

		/// Decline to found a pending cooperative that named you (even after confirming, until
		/// it is admitted): the application is withdrawn — the cooperative and its founders'
		/// memberships removed, the deposit released to the applicant. Signed by a named
		/// founder; the applicant withdraws its own application the same way.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::decline_founding(T::MaxFounders::get()))]
		pub fn decline_founding(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			let founder = ensure_signed(origin)?;
			Self::do_decline_founding(coop, founder)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinFounders::get() >= 1, "a cooperative needs a founder");
			assert!(T::MinFounders::get() <= T::MaxFounders::get());
			assert!(T::MaxFounders::get() <= T::MaxMembers::get());
			assert!(T::MinVotingPeriod::get() <= T::MaxVotingPeriod::get());
			let default = CoopParams::<BlockNumberFor<T>>::default();
			assert!(
				Pallet::<T>::validate_params(&default).is_ok(),
				"the default parameters must be valid"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Ensures `origin` is `coop`'s own decision ([`Config::CooperativeOrigin`]; `BadOrigin`
	/// otherwise) and that `coop` is active (`UnknownCooperative`, `NotActive`).
	fn ensure_cooperative(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
		T::CooperativeOrigin::ensure_origin(origin, &coop)?;
		<Self as CooperativesTrait<_, _>>::ensure_active(coop).map_err(Error::<T>::from)?;
		Ok(())
	}
}

/// Whether no account is named twice.
fn all_distinct<AccountId: Ord + Clone>(accounts: &[AccountId]) -> bool {
	let mut distinct = accounts.to_vec();
	distinct.sort();
	distinct.dedup();
	distinct.len() == accounts.len()
}

/// A cooperative that cannot act now, as this pallet's errors.
impl<T> From<CoopUnavailable> for Error<T> {
	fn from(unavailable: CoopUnavailable) -> Self {
		match unavailable {
			CoopUnavailable::Unknown => Error::UnknownCooperative,
			CoopUnavailable::NotActive => Error::NotActive,
		}
	}
}
