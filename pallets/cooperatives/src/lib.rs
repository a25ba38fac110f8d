//! # Cooperatives
//!
//! The registry of cooperatives, their members, and the federation they form. A cooperative is
//! a collective on the chain: it acts only after its members vote (origin
//! [`CollectiveOrigin::Cooperative`]), and the federation acts only after its active
//! cooperatives vote ([`CollectiveOrigin::Federation`], or
//! [`CollectiveOrigin::FederationSupermajority`] for runtime upgrades). The polls themselves are
//! run by the governance pallet; this pallet defines the origins, which the runtime's
//! `RuntimeOrigin` carries, and checks them with the `EnsureOrigin` types of
//! `confoederatio-primitives`.
//!
//! ## Life of a cooperative
//!
//! 1. [`Pallet::apply`]: a signed account applies with a name and at least
//!    [`Config::MinFounders`] distinct founders, itself among them. [`Config::ApplicationDeposit`]
//!    is held from it. The cooperative is `Pending` and its founders are its members.
//! 2. [`Pallet::admit`] (federation): `Pending` → `Active`. Or [`Pallet::reject`] (federation):
//!    the application is removed and the deposit released.
//! 3. [`Pallet::suspend`] / [`Pallet::reinstate`] (federation): `Active` ⇄ `Suspended`. A
//!    suspended cooperative cannot act, propose or vote.
//!
//! ## Membership
//!
//! [`Pallet::add_member`] and [`Pallet::remove_member`] need the cooperative's own origin, that
//! is, a passed poll of its members. [`Pallet::leave`] is signed by the member. A member can
//! leave only when the other pallets agree ([`Config::MembershipHooks`]: a negative credit
//! balance must be settled first), and never as the last member.
//!
//! [`Pallet::set_parameters`] (the cooperative's origin) sets the voting period, quorum,
//! approval threshold and vote-weight knobs, within [`Config::MinVotingPeriod`] and
//! [`Config::MaxVotingPeriod`].
//!
//! Each cooperative has a keyless sovereign account, [`Pallet::account_of`], derived from its
//! id and [`Config::PalletId`]: nobody holds its key; it moves funds only by the cooperative's
//! decisions.
//!
//! ## Invariants (checked by `try_state`)
//!
//! - A cooperative's `member_count` equals its number of `Members` entries, and is at least 1.
//! - `ActiveCount` equals the number of `Active` cooperatives.
//! - Every cooperative's id is below `NextCoopId`; no `Members` entry names a missing cooperative.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use confoederatio_primitives::{
	CollectiveOrigin, CoopId, CoopParams, Cooperatives as CooperativesTrait, MembershipHooks,
};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::Precision,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use sp_runtime::{traits::AccountIdConversion, Perbill};

/// A balance of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The origins of collective decisions, carried by the runtime's `RuntimeOrigin`.
	#[pallet::origin]
	pub type Origin = CollectiveOrigin;

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a cooperative's application, held while the cooperative exists.
		ApplicationDeposit,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency deposits are held in (the native token).
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// A cooperative acting after its members' vote; succeeds with its id.
		type CooperativeOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = CoopId>;

		/// The federation acting after its cooperatives' vote.
		type FederationOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// What other pallets say when a member leaves.
		type MembershipHooks: confoederatio_primitives::MembershipHooks<Self::AccountId>;

		/// Derives the cooperatives' sovereign accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Held from the applicant while the cooperative exists.
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
				let mut distinct = members.clone();
				distinct.sort();
				distinct.dedup();
				assert_eq!(distinct.len(), members.len(), "a genesis member is named twice");
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
			/// Its founders, now its members.
			founders: u32,
		},
		/// The federation admitted a cooperative.
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
		/// The origin is another cooperative's.
		WrongCooperative,
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
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Apply to found a cooperative. Signed; holds `ApplicationDeposit`.
		///
		/// `founders` are at least `MinFounders` distinct accounts, the caller among them; they
		/// become the members of the new, `Pending` cooperative.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::apply(founders.len().try_into().unwrap_or(u32::MAX)))]
		pub fn apply(
			origin: OriginFor<T>,
			name: Vec<u8>,
			founders: Vec<T::AccountId>,
		) -> DispatchResult {
			let applicant = ensure_signed(origin)?;
			ensure!(!name.is_empty(), Error::<T>::EmptyName);
			let name: NameOf<T> = name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
			let count = u32::try_from(founders.len()).map_err(|_| Error::<T>::TooManyFounders)?;
			ensure!(count >= T::MinFounders::get(), Error::<T>::TooFewFounders);
			ensure!(count <= T::MaxFounders::get(), Error::<T>::TooManyFounders);
			ensure!(founders.contains(&applicant), Error::<T>::ApplicantNotFounder);
			let mut sorted = founders.clone();
			sorted.sort();
			sorted.dedup();
			ensure!(sorted.len() == founders.len(), Error::<T>::DuplicateFounder);

			let deposit = T::ApplicationDeposit::get();
			T::Currency::hold(&HoldReason::ApplicationDeposit.into(), &applicant, deposit)?;
			let coop =
				Self::do_create(name, applicant.clone(), &founders, deposit, CoopStatus::Pending)?;
			Self::deposit_event(Event::Applied { coop, applicant, founders: count });
			Ok(())
		}

		/// Admit a pending cooperative into the federation. Federation origin.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::admit())]
		pub fn admit(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_change_status(coop, CoopStatus::Pending, CoopStatus::Active)?;
			Self::deposit_event(Event::Admitted { coop });
			Ok(())
		}

		/// Suspend an active cooperative. Federation origin.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_change_status(coop, CoopStatus::Active, CoopStatus::Suspended)?;
			Self::deposit_event(Event::Suspended { coop });
			Ok(())
		}

		/// Reinstate a suspended cooperative. Federation origin.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_change_status(coop, CoopStatus::Suspended, CoopStatus::Active)?;
			Self::deposit_event(Event::Reinstated { coop });
			Ok(())
		}

		/// Add a member. The cooperative's own origin; the cooperative must be active.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::add_member())]
		pub fn add_member(origin: OriginFor<T>, coop: CoopId, who: T::AccountId) -> DispatchResult {
			Self::ensure_cooperative(origin, coop)?;
			Self::do_add_member(coop, who)
		}

		/// Remove a member. The cooperative's own origin; the cooperative must be active.
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

		/// Leave a cooperative. Signed by the member.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_member(coop, who)
		}

		/// Set the cooperative's parameters. The cooperative's own origin.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_parameters())]
		pub fn set_parameters(
			origin: OriginFor<T>,
			coop: CoopId,
			params: CoopParams<BlockNumberFor<T>>,
		) -> DispatchResult {
			Self::ensure_cooperative(origin, coop)?;
			Self::validate_params(&params)?;
			Registry::<T>::try_mutate(coop, |entry| -> DispatchResult {
				let cooperative = entry.as_mut().ok_or(Error::<T>::UnknownCooperative)?;
				cooperative.params = params.clone();
				Ok(())
			})?;
			Self::deposit_event(Event::ParametersSet { coop, params });
			Ok(())
		}

		/// Reject a pending application: remove the cooperative and its founders' memberships
		/// and release the deposit. Federation origin.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::reject(T::MaxFounders::get()))]
		pub fn reject(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_reject(coop)
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
	/// The keyless sovereign account of a cooperative.
	pub fn account_of(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(coop)
	}

	/// The members of a cooperative (at most `MaxMembers`).
	pub fn members_of(coop: CoopId) -> Vec<T::AccountId> {
		Members::<T>::iter_key_prefix(coop).take(T::MaxMembers::get() as usize).collect()
	}

	/// Ensures `origin` is `coop`'s own, and that `coop` is active.
	fn ensure_cooperative(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
		let acting = T::CooperativeOrigin::ensure_origin(origin)?;
		ensure!(acting == coop, Error::<T>::WrongCooperative);
		let cooperative = Registry::<T>::get(coop).ok_or(Error::<T>::UnknownCooperative)?;
		ensure!(cooperative.status == CoopStatus::Active, Error::<T>::NotActive);
		Ok(())
	}

	/// Checks that parameters are within the runtime's bounds.
	pub fn validate_params(params: &CoopParams<BlockNumberFor<T>>) -> DispatchResult {
		ensure!(
			params.voting_period >= T::MinVotingPeriod::get()
				&& params.voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::InvalidVotingPeriod
		);
		ensure!(
			params.approval >= Perbill::from_percent(50) && params.quorum > Perbill::zero(),
			Error::<T>::InvalidThreshold
		);
		ensure!(
			params.work_weight <= T::MaxWeightFactor::get()
				&& params.care_weight <= T::MaxWeightFactor::get()
				&& params.weight_cap > Perbill::zero(),
			Error::<T>::InvalidWeightParameters
		);
		ensure!(
			!params.care_half_life.is_zero() && params.attestations_needed >= 1,
			Error::<T>::InvalidCareParameters
		);
		Ok(())
	}

	/// Creates a cooperative with the given members and status. Does not check the founders'
	/// number or uniqueness, nor hold the deposit: the caller did.
	pub fn do_create(
		name: NameOf<T>,
		applicant: T::AccountId,
		members: &[T::AccountId],
		deposit: BalanceOf<T>,
		status: CoopStatus,
	) -> Result<CoopId, DispatchError> {
		let coop = NextCoopId::<T>::get();
		let next = coop.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let member_count: u32 = members.len().try_into().map_err(|_| Error::<T>::TooManyMembers)?;
		ensure!(member_count <= T::MaxMembers::get(), Error::<T>::TooManyMembers);
		let now = frame_system::Pallet::<T>::block_number();
		for member in members {
			Members::<T>::insert(coop, member, now);
		}
		Registry::<T>::insert(
			coop,
			Cooperative {
				name,
				status,
				applicant,
				deposit,
				member_count,
				params: Default::default(),
			},
		);
		if status == CoopStatus::Active {
			ActiveCount::<T>::mutate(|count| *count = count.saturating_add(1));
		}
		NextCoopId::<T>::put(next);
		for member in members {
			T::MembershipHooks::on_joined(coop, member);
		}
		Ok(coop)
	}

	/// Moves a cooperative from status `from` to `to`, keeping `ActiveCount`.
	fn do_change_status(coop: CoopId, from: CoopStatus, to: CoopStatus) -> DispatchResult {
		Registry::<T>::try_mutate(coop, |entry| -> DispatchResult {
			let cooperative = entry.as_mut().ok_or(Error::<T>::UnknownCooperative)?;
			ensure!(
				cooperative.status == from,
				match from {
					CoopStatus::Pending => Error::<T>::NotPending,
					CoopStatus::Active => Error::<T>::NotActive,
					CoopStatus::Suspended => Error::<T>::NotSuspended,
				}
			);
			cooperative.status = to;
			Ok(())
		})?;
		match (from, to) {
			(_, CoopStatus::Active) => {
				ActiveCount::<T>::mutate(|count| *count = count.saturating_add(1))
			},
			(CoopStatus::Active, _) => {
				ActiveCount::<T>::mutate(|count| *count = count.saturating_sub(1))
			},
			_ => {},
		}
		Ok(())
	}

	/// Adds `who` to `coop`. Does not check the origin.
	pub fn do_add_member(coop: CoopId, who: T::AccountId) -> DispatchResult {
		ensure!(!Members::<T>::contains_key(coop, &who), Error::<T>::AlreadyMember);
		Registry::<T>::try_mutate(coop, |entry| -> DispatchResult {
			let cooperative = entry.as_mut().ok_or(Error::<T>::UnknownCooperative)?;
			ensure!(cooperative.member_count < T::MaxMembers::get(), Error::<T>::TooManyMembers);
			cooperative.member_count = cooperative.member_count.saturating_add(1);
			Ok(())
		})?;
		Members::<T>::insert(coop, &who, frame_system::Pallet::<T>::block_number());
		T::MembershipHooks::on_joined(coop, &who);
		Self::deposit_event(Event::MemberAdded { coop, who });
		Ok(())
	}

	/// Removes `who` from `coop`, if the other pallets agree and it is not the last member.
	/// Does not check the origin.
	pub fn do_remove_member(coop: CoopId, who: T::AccountId) -> DispatchResult {
		ensure!(Members::<T>::contains_key(coop, &who), Error::<T>::NotMember);
		Registry::<T>::try_mutate(coop, |entry| -> DispatchResult {
			let cooperative = entry.as_mut().ok_or(Error::<T>::UnknownCooperative)?;
			ensure!(cooperative.member_count > 1, Error::<T>::LastMember);
			T::MembershipHooks::can_leave(coop, &who)?;
			cooperative.member_count = cooperative.member_count.saturating_sub(1);
			Ok(())
		})?;
		Members::<T>::remove(coop, &who);
		T::MembershipHooks::on_left(coop, &who);
		Self::deposit_event(Event::MemberRemoved { coop, who });
		Ok(())
	}

	/// Removes a pending cooperative and releases its deposit. Does not check the origin.
	pub fn do_reject(coop: CoopId) -> DispatchResult {
		let cooperative = Registry::<T>::get(coop).ok_or(Error::<T>::UnknownCooperative)?;
		ensure!(cooperative.status == CoopStatus::Pending, Error::<T>::NotPending);
		T::Currency::release(
			&HoldReason::ApplicationDeposit.into(),
			&cooperative.applicant,
			cooperative.deposit,
			Precision::BestEffort,
		)?;
		// A pending cooperative cannot act, so its members are its founders: at most
		// `MaxFounders` entries.
		let founders: Vec<T::AccountId> =
			Members::<T>::iter_key_prefix(coop).take(T::MaxFounders::get() as usize).collect();
		for founder in &founders {
			Members::<T>::remove(coop, founder);
			T::MembershipHooks::on_left(coop, founder);
		}
		Registry::<T>::remove(coop);
		Self::deposit_event(Event::Rejected { coop });
		Ok(())
	}

	/// The invariants of this pallet's storage (iterates over all of it: for tests and
	/// try-runtime, never for a call).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextCoopId::<T>::get();
		let mut active = 0u32;
		for (coop, cooperative) in Registry::<T>::iter() {
			ensure!(coop < next, "a cooperative's id is not below NextCoopId");
			let members = Members::<T>::iter_key_prefix(coop).count();
			ensure!(
				members == cooperative.member_count as usize,
				"member_count disagrees with the Members entries"
			);
			ensure!(cooperative.member_count >= 1, "a cooperative has no members");
			ensure!(cooperative.member_count <= T::MaxMembers::get(), "too many members");
			if cooperative.status == CoopStatus::Active {
				active = active.saturating_add(1);
			}
		}
		ensure!(active == ActiveCount::<T>::get(), "ActiveCount disagrees with the cooperatives");
		for (coop, _, _) in Members::<T>::iter() {
			ensure!(Registry::<T>::contains_key(coop), "a membership of a missing cooperative");
		}
		Ok(())
	}
}

impl<T: Config> CooperativesTrait<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn is_active(coop: CoopId) -> bool {
		Registry::<T>::get(coop).is_some_and(|c| c.status == CoopStatus::Active)
	}
	fn is_member(coop: CoopId, who: &T::AccountId) -> bool {
		Members::<T>::contains_key(coop, who)
	}
	fn member_count(coop: CoopId) -> u32 {
		Registry::<T>::get(coop).map_or(0, |c| c.member_count)
	}
	fn active_count() -> u32 {
		ActiveCount::<T>::get()
	}
	fn account(coop: CoopId) -> T::AccountId {
		Self::account_of(coop)
	}
	fn params(coop: CoopId) -> Option<CoopParams<BlockNumberFor<T>>> {
		Registry::<T>::get(coop).map(|c| c.params)
	}
}
