//! A care record's life: created by its first attestation ([`Pallet::do_attest`]), joined by
//! more, then confirmed (by enough attesters, or by the cooperative: [`Pallet::do_confirm`]) or
//! withdrawn by its first attester ([`Pallet::do_withdraw`]). The deposit is held while the
//! record is pending from the first attester, or from its cooperative's account for an attester
//! who cannot pay it ([`Config::DepositPayer`]), and released to the account it was held from
//! ([`CareRecord::depositor`]). A confirmed note is remembered for its member
//! ([`ConfirmedNoteList`]) and not attested again while its care counts: a note counts once.

use crate::*;
use frame_support::traits::{fungible::MutateHold, tokens::Precision};
use sp_runtime::traits::CheckedDiv;

impl<T: Config> Pallet<T> {
	/// Records `attester`'s attestation of `points` of care work that `member` did for `coop`,
	/// described by `note`: creates the record of `(coop, member, note)` (holding the deposit) or
	/// joins it, and confirms it once it [has enough attesters](CareRecord::has_enough_attesters).
	/// A note [confirmed for the member already](Pallet::is_note_confirmed) is refused. Checks
	/// everything but the origin.
	pub fn do_attest(
		coop: CoopId,
		attester: T::AccountId,
		member: T::AccountId,
		points: u32,
		note: T::Hash,
	) -> DispatchResult {
		ensure!(points > 0, Error::<T>::ZeroPoints);
		ensure!(points <= T::MaxPointsPerAttestation::get(), Error::<T>::TooManyPoints);
		ensure!(attester != member, Error::<T>::SelfAttestation);
		T::Cooperatives::ensure_active(coop).map_err(Error::<T>::from)?;
		ensure!(T::Cooperatives::is_member(coop, &attester), Error::<T>::NotMember);
		ensure!(T::Cooperatives::is_member(coop, &member), Error::<T>::SubjectNotMember);

		let now = frame_system::Pallet::<T>::block_number();
		let usage = Self::attester_usage(coop, &attester, now);
		ensure!(usage.has_room(T::MaxAttestationsPerPeriod::get()), Error::<T>::PeriodLimitReached);

		let (record, mut pending) = match RecordIndex::<T>::get((coop, &member), note) {
			Some(record) => {
				let pending = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
				ensure!(!pending.attested_by(&attester), Error::<T>::AlreadyAttested);
				ensure!(pending.points == points, Error::<T>::PointsMismatch);
				(record, pending)
			},
			None => {
				ensure!(
					!Self::is_note_confirmed(coop, &member, &note),
					Error::<T>::NoteAlreadyConfirmed
				);
				Self::create_record(coop, &attester, member, points, note, now)?
			},
		};
		pending.attesters.try_push(attester.clone()).map_err(|_| Error::<T>::TooManyAttesters)?;
		AttesterUsage::<T>::insert(coop, &attester, usage.counted());
		Self::deposit_event(Event::Attested {
			record,
			coop,
			member: pending.member.clone(),
			attester,
			points,
			attestations: pending.attestations(),
		});

		if Self::attestations_needed(coop)
			.is_some_and(|needed| pending.has_enough_attesters(needed))
		{
			Self::confirm_record(record, pending, false)
		} else {
			Records::<T>::insert(record, pending);
			Ok(())
		}
	}

	/// The cooperative confirms pending record `record` (which is `pending`): its points join the
	/// member's reputation, who must still be a member. Does not check the origin.
	pub fn do_confirm(record: RecordId, pending: RecordOf<T>) -> DispatchResult {
		ensure!(
			T::Cooperatives::is_member(pending.coop, &pending.member),
			Error::<T>::SubjectNotMember
		);
		Self::confirm_record(record, pending, true)
	}

	/// `who` withdraws pending record `record`, which only its first attester may; the deposit
	/// is released to its depositor.
	pub fn do_withdraw(who: &T::AccountId, record: RecordId) -> DispatchResult {
		let pending = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
		let first = pending.first_attester();
		// Read whichever way it goes, so the benchmark weighs the read.
		let first_left = first.is_some_and(|first| !T::Cooperatives::is_member(pending.coop, first));
		ensure!(first == Some(who) || first_left, Error::<T>::NotFirstAttester);
		Self::remove_record(record, &pending)?;
		Self::deposit_event(Event::Withdrawn { record });
		Ok(())
	}

	/// Whether `note` was confirmed for `member` in `coop` and its care still counts now
	/// ([`ConfirmedNoteList::counts`]): then it is not attested again.
	pub fn is_note_confirmed(coop: CoopId, member: &T::AccountId, note: &T::Hash) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		ConfirmedNotes::<T>::get(coop, member).is_some_and(|notes| notes.counts(note, now))
	}

	/// How many distinct attesters confirm a record in `coop`; `None` if there is no such
	/// cooperative.
	pub fn attestations_needed(coop: CoopId) -> Option<u32> {
		T::Cooperatives::params(coop).map(|params| params.attestations_needed)
	}

	/// `attester`'s attestations in `coop` in the period of block `now`.
	fn attester_usage(
		coop: CoopId,
		attester: &T::AccountId,
		now: BlockNumberFor<T>,
	) -> PeriodUsage<BlockNumberFor<T>> {
		// `integrity_test` ensures the period is not zero.
		let period = now.checked_div(&T::AttestationPeriod::get()).unwrap_or_default();
		PeriodUsage::in_period(AttesterUsage::<T>::get(coop, attester), period)
	}

	/// Creates the record of `(coop, member, note)`, holding the deposit from the account
	/// [`Config::DepositPayer`] names for `attester` (itself, or its cooperative's account),
	/// which the record keeps as its depositor, and indexes it; the caller adds `attester` to it
	/// and stores it.
	fn create_record(
		coop: CoopId,
		attester: &T::AccountId,
		member: T::AccountId,
		points: u32,
		note: T::Hash,
		now: BlockNumberFor<T>,
	) -> Result<(RecordId, RecordOf<T>), DispatchError> {
		let record = NextRecordId::<T>::get();
		let next = record.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let deposit = T::RecordDeposit::get();
		let depositor = T::DepositPayer::payer(coop, attester, deposit);
		T::Currency::hold(&HoldReason::RecordDeposit.into(), &depositor, deposit)?;
		NextRecordId::<T>::put(next);
		RecordIndex::<T>::insert((coop, &member), note, record);
		let pending = CareRecord {
			coop,
			member,
			points,
			note,
			attesters: BoundedVec::new(),
			deposit,
			depositor,
			created: now,
		};
		Ok((record, pending))
	}

	/// Removes `pending` (record `record`), adds its points to its member's reputation and
	/// remembers its note for the member ([`ConfirmedNoteList::remember`]).
	fn confirm_record(record: RecordId, pending: RecordOf<T>, by_decision: bool) -> DispatchResult {
		let (coop, member) = (pending.coop, &pending.member);
		let now = frame_system::Pallet::<T>::block_number();
		let mut notes = ConfirmedNotes::<T>::get(coop, member).unwrap_or_default();
		// A pending record's note does not count (`do_try_state`); checked again here, as the
		// rule that a note counts once is this pallet's to keep.
		ensure!(!notes.counts(&pending.note, now), Error::<T>::NoteAlreadyConfirmed);
		Self::remove_record(record, &pending)?;
		let added = milli_points_of(pending.points);
		let total = Self::milli_points(coop, member).saturating_add(added);
		Self::set_milli_points(coop, member, total);
		notes.remember(ConfirmedNote::new(
			pending.note,
			pending.points,
			now,
			Self::half_life(coop),
		));
		ConfirmedNotes::<T>::insert(coop, member, notes);
		Self::deposit_event(Event::Confirmed {
			record,
			coop: pending.coop,
			member: pending.member,
			points: pending.points,
			by_decision,
		});
		Ok(())
	}

	/// Releases `pending`'s deposit to its depositor and removes it and its index entry.
	fn remove_record(record: RecordId, pending: &RecordOf<T>) -> DispatchResult {
		T::Currency::release(
			&HoldReason::RecordDeposit.into(),
			&pending.depositor,
			pending.deposit,
			Precision::BestEffort,
		)?;
		if let Some(first) = pending.first_attester() {
			T::DepositPayer::released(pending.coop, first, &pending.depositor, pending.deposit);
		}
		RecordIndex::<T>::remove((pending.coop, &pending.member), pending.note);
		Records::<T>::remove(record);
		Ok(())
	}
}
