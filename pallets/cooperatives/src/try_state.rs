//! The pallet's invariants, checked after every unit test and by try-runtime.

use crate::{ActiveCount, Config, Members, NextCoopId, Pallet, Registry};
use frame_support::{ensure, traits::Get};

impl<T: Config> Pallet<T> {
	/// The invariants of this pallet's storage (iterates over all of it: for tests and
	/// try-runtime, never for a call):
	/// - a cooperative's `member_count` is its number of `Members` entries, at least 1 and at
	///   most `MaxMembers`;
	/// - `ActiveCount` is the number of active cooperatives ([`crate::Cooperative::is_active`]);
	/// - every cooperative's id is below `NextCoopId`; no membership names a missing cooperative.
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
			if cooperative.is_active() {
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
