//! Membership: who belongs to a cooperative, joining and leaving.

use crate::{Config, Error, Event, Members, Pallet, Registry};
use alloc::vec::Vec;
use confoederatio_primitives::{CoopId, MembershipHooks};
use frame_support::{ensure, traits::Get};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	/// The members of a cooperative (at most `MaxMembers`).
	pub fn members_of(coop: CoopId) -> Vec<T::AccountId> {
		Members::<T>::iter_key_prefix(coop).take(T::MaxMembers::get() as usize).collect()
	}

	/// Adds `who` to `coop`, within `MaxMembers`. Does not check the origin nor the status.
	pub fn do_add_member(coop: CoopId, who: T::AccountId) -> DispatchResult {
		ensure!(!Members::<T>::contains_key(coop, &who), Error::<T>::AlreadyMember);
		Registry::<T>::try_mutate(coop, |entry| -> DispatchResult {
			let cooperative = entry.as_mut().ok_or(Error::<T>::UnknownCooperative)?;
			cooperative.count_joined(T::MaxMembers::get())?;
			Ok(())
		})?;
		Members::<T>::insert(coop, &who, frame_system::Pallet::<T>::block_number());
		T::MembershipHooks::on_joined(coop, &who);
		Self::deposit_event(Event::MemberAdded { coop, who });
		Ok(())
	}

	/// Removes `who` from `coop`, if it is not the last member and the other pallets agree
	/// ([`MembershipHooks::can_leave`]). Does not check the origin nor the status.
	pub fn do_remove_member(coop: CoopId, who: T::AccountId) -> DispatchResult {
		ensure!(Members::<T>::contains_key(coop, &who), Error::<T>::NotMember);
		Registry::<T>::try_mutate(coop, |entry| -> DispatchResult {
			let cooperative = entry.as_mut().ok_or(Error::<T>::UnknownCooperative)?;
			cooperative.count_left()?;
			T::MembershipHooks::can_leave(coop, &who)
		})?;
		Members::<T>::remove(coop, &who);
		T::MembershipHooks::on_left(coop, &who);
		Self::deposit_event(Event::MemberRemoved { coop, who });
		Ok(())
	}
}
