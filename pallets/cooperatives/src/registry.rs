//! The registry: creating a cooperative, its status changes and parameters, and what other
//! pallets ask of it ([`Cooperatives`]). Applying, confirming, admitting and rejecting are in
//! `founding`.

use crate::{
	ActiveCount, BalanceOf, Config, Confirmations, CoopStatus, Cooperative, Error, Event, Members,
	NameOf, NextCoopId, Pallet, Registry,
};
use confoederatio_primitives::{CoopId, CoopParams, Cooperatives, MembershipHooks};
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{AccountIdConversion, Zero},
	DispatchError, DispatchResult, Perbill,
};

impl<T: Config> Pallet<T> {
	/// The keyless sovereign account of a cooperative.
	pub fn account_of(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(coop)
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

	/// Creates a cooperative with the given members and status: each member joins
	/// (`MembershipHooks::on_joined` and a `MemberAdded`); a `Pending` one starts with its
	/// applicant's confirmation. Does not check the founders' number or uniqueness, that the
	/// applicant is among them, nor hold the deposit: the caller did.
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
		let cooperative = Cooperative {
			name,
			status,
			applicant,
			deposit,
			member_count,
			params: Default::default(),
		};
		if cooperative.is_pending() {
			Confirmations::<T>::insert(coop, Self::applicant_confirmation(&cooperative.applicant)?);
		}
		Self::count_active(false, cooperative.is_active());
		Registry::<T>::insert(coop, cooperative);
		NextCoopId::<T>::put(next);
		for member in members {
			T::MembershipHooks::on_joined(coop, member);
			Self::deposit_event(Event::MemberAdded { coop, who: member.clone() });
		}
		Ok(coop)
	}

	/// Changes `coop`'s status by `transition` (a method of [`Cooperative`]: `admit`,
	/// `suspend`, `reinstate`), keeping `ActiveCount`.
	pub(crate) fn do_change_status(
		coop: CoopId,
		transition: impl FnOnce(&mut Cooperative<T>) -> Result<(), Error<T>>,
	) -> DispatchResult {
		let (was_active, is_active) =
			Registry::<T>::try_mutate(coop, |entry| -> Result<_, DispatchError> {
				let cooperative = entry.as_mut().ok_or(Error::<T>::UnknownCooperative)?;
				let was_active = cooperative.is_active();
				transition(cooperative)?;
				Ok((was_active, cooperative.is_active()))
			})?;
		Self::count_active(was_active, is_active);
		Ok(())
	}

	/// Keeps `ActiveCount` when a cooperative goes from `was_active` to `is_active`.
	fn count_active(was_active: bool, is_active: bool) {
		match (was_active, is_active) {
			(false, true) => ActiveCount::<T>::mutate(|count| *count = count.saturating_add(1)),
			(true, false) => ActiveCount::<T>::mutate(|count| *count = count.saturating_sub(1)),
			_ => {},
		}
	}

	/// Sets `coop`'s parameters, if within the runtime's bounds. Does not check the origin.
	pub fn do_set_parameters(
		coop: CoopId,
		params: CoopParams<BlockNumberFor<T>>,
	) -> DispatchResult {
		Self::validate_params(&params)?;
		Registry::<T>::try_mutate(coop, |entry| -> DispatchResult {
			let cooperative = entry.as_mut().ok_or(Error::<T>::UnknownCooperative)?;
			cooperative.params = params.clone();
			Ok(())
		})?;
		Self::deposit_event(Event::ParametersSet { coop, params });
		Ok(())
	}
}

/// What the other pallets ask about cooperatives.
impl<T: Config> Cooperatives<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn is_active(coop: CoopId) -> bool {
		Registry::<T>::get(coop).is_some_and(|cooperative| cooperative.is_active())
	}
	fn is_admitted(coop: CoopId) -> bool {
		Registry::<T>::get(coop).is_some_and(|cooperative| !cooperative.is_pending())
	}
	fn is_member(coop: CoopId, who: &T::AccountId) -> bool {
		Members::<T>::contains_key(coop, who)
	}
	fn member_count(coop: CoopId) -> u32 {
		Registry::<T>::get(coop).map_or(0, |cooperative| cooperative.member_count)
	}
	fn active_count() -> u32 {
		ActiveCount::<T>::get()
	}
	fn account(coop: CoopId) -> T::AccountId {
		Self::account_of(coop)
	}
	fn params(coop: CoopId) -> Option<CoopParams<BlockNumberFor<T>>> {
		Registry::<T>::get(coop).map(|cooperative| cooperative.params)
	}
}
