//! The pallet's invariants, checked after every unit test and by try-runtime.

use crate::{
	all_distinct, ActiveCount, BalanceOf, Config, Confirmations, HoldReason, Members, NextCoopId,
	Pallet, Registry,
};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// The invariants of this pallet's storage (iterates over all of it: for tests and
	/// try-runtime, never for a call):
	/// - a cooperative's `member_count` is its number of `Members` entries, at least 1 and at
	///   most `MaxMembers` (at most `MaxFounders` while it is pending);
	/// - `ActiveCount` is the number of active cooperatives ([`crate::Cooperative::is_active`]);
	/// - every cooperative's id is below `NextCoopId`; no membership names a missing cooperative;
	/// - [`Confirmations`] exist only for pending cooperatives and name only their members (its
	///   named founders), each once;
	/// - only a pending cooperative has a deposit, and what is held from each applicant for
	///   `ApplicationDeposit` is the sum of its pending applications' deposits
	///   ([`crate::Cooperative::held_deposit`]).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextCoopId::<T>::get();
		let mut active = 0u32;
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (coop, cooperative) in Registry::<T>::iter() {
			ensure!(coop < next, "a cooperative's id is not below NextCoopId");
			let members = Members::<T>::iter_key_prefix(coop).count();
			ensure!(
				members == cooperative.member_count as usize,
				"member_count disagrees with the Members entries"
			);
			ensure!(cooperative.member_count >= 1, "a cooperative has no members");
			ensure!(cooperative.member_count <= T::MaxMembers::get(), "too many members");
			if cooperative.is_active() {
				active = active.saturating_add(1);
			}
			if cooperative.is_pending() {
				ensure!(
					cooperative.member_count <= T::MaxFounders::get(),
					"a pending cooperative has more members than MaxFounders"
				);
				let confirmed = Confirmations::<T>::get(coop);
				ensure!(all_distinct(&confirmed), "a founder confirmed twice");
				ensure!(
					confirmed.iter().all(|founder| Members::<T>::contains_key(coop, founder)),
					"a confirmation by someone who is not a named founder"
				);
			} else {
				ensure!(
					!Confirmations::<T>::contains_key(coop),
					"confirmations of a cooperative that is not pending"
				);
				ensure!(cooperative.deposit.is_zero(), "an admitted cooperative holds a deposit");
			}
			let expected = held.entry(cooperative.applicant.clone()).or_insert_with(Zero::zero);
			*expected = expected.saturating_add(cooperative.held_deposit());
		}
		ensure!(active == ActiveCount::<T>::get(), "ActiveCount disagrees with the cooperatives");
		for (who, expected) in held {
			let actual = T::Currency::balance_on_hold(&HoldReason::ApplicationDeposit.into(), &who);
			ensure!(
				actual == expected,
				"an applicant's held deposit is not the sum of its pending applications'"
			);
		}
		for (coop, _, _) in Members::<T>::iter() {
			ensure!(Registry::<T>::contains_key(coop), "a membership of a missing cooperative");
		}
		for coop in Confirmations::<T>::iter_keys() {
			ensure!(
				Registry::<T>::get(coop).is_some_and(|cooperative| cooperative.is_pending()),
				"confirmations of a cooperative that is not pending"
			);
		}
		Ok(())
	}
}
