//! The invariants of this pallet's storage ([`Pallet::do_try_state`]), run after every unit test
//! and by try-runtime. They ask the same methods of [`CareRecord`] the calls do.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::traits::fungible::InspectHold;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Checks that every pending record has an id below `NextRecordId`, a first attester,
	/// distinct attesters, not its member among them, fewer than would confirm it (unless its
	/// cooperative is gone), its index entry, and a note not [confirmed](Pallet::is_note_confirmed)
	/// for its member already; that the index has no other entries; that every depositor (a
	/// first attester, or a cooperative's account paying for its members) holds exactly the
	/// deposits of its pending records; and that every stored list of confirmed notes is not
	/// empty, oldest first, confirmed no later than now, each note counting after its
	/// confirmation, and has no note twice. Iterates over all of the pallet's records: for tests
	/// and try-runtime, never for a call.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextRecordId::<T>::get();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (record, pending) in Records::<T>::iter() {
			ensure!(record < next, "a record's id is not below NextRecordId");
			ensure!(pending.first_attester().is_some(), "a record has no attester");
			ensure!(!pending.attested_by(&pending.member), "a member attested its own care");
			ensure!(pending.attesters_are_distinct(), "a record has a repeated attester");
			if let Some(needed) = Self::attestations_needed(pending.coop) {
				ensure!(
					!pending.has_enough_attesters(needed),
					"a record that should be confirmed is pending"
				);
			}
			ensure!(
				RecordIndex::<T>::get((pending.coop, &pending.member), pending.note)
					== Some(record),
				"a record is missing from the index"
			);
			ensure!(
				!Self::is_note_confirmed(pending.coop, &pending.member, &pending.note),
				"a pending record's note was confirmed for its member already"
			);
			let held = deposits.entry(pending.depositor.clone()).or_default();
			*held = held.saturating_add(pending.deposit);
		}
		ensure!(
			RecordIndex::<T>::iter().count() == Records::<T>::iter().count(),
			"the index has entries without records"
		);
		for (who, deposit) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::RecordDeposit.into(), &who);
			ensure!(held == deposit, "held deposits differ from the pending records'");
		}
		let now = frame_system::Pallet::<T>::block_number();
		for (_, _, notes) in ConfirmedNotes::<T>::iter() {
			ensure!(!notes.is_empty(), "an empty list of confirmed notes is stored");
			ensure!(
				notes.is_in_order(now),
				"confirmed notes are not oldest first, or in the future"
			);
			ensure!(notes.notes_are_distinct(), "a note is confirmed twice for a member");
		}
		Ok(())
	}
}
