//! Benchmarks of care reputation (frame-benchmarking v2).

use super::*;
use alloc::vec::Vec;
use confoederatio_primitives::BenchmarkHelper as _;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;
use sp_runtime::traits::{Hash as _, Saturating};

/// An active cooperative of `size` funded members; returns it and its members.
fn cooperative<T: Config>(size: u32) -> (CoopId, Vec<T::AccountId>)
where
	T::Currency: Mutate<T::AccountId>,
{
	let members: Vec<T::AccountId> = (0..size)
		.map(|i| {
			let who: T::AccountId = account("member", i, 0);
			let amount = T::RecordDeposit::get()
				.saturating_mul(10u32.into())
				.saturating_add(T::Currency::minimum_balance().saturating_mul(100u32.into()));
			T::Currency::set_balance(&who, amount);
			who
		})
		.collect();
	(T::BenchmarkHelper::create_active_cooperative(&members), members)
}

fn member<T: Config>(
	members: &[T::AccountId],
	index: usize,
) -> Result<T::AccountId, BenchmarkError> {
	members.get(index).cloned().ok_or(BenchmarkError::Stop("too few members"))
}

/// The worst case of a member's confirmed notes: `MaxConfirmedNotes` of them, none the record's
/// (default) note, all still counting, so that looking a note up reads them all and confirming
/// one more forgets the oldest.
fn fill_confirmed_notes<T: Config>(
	coop: CoopId,
	member: &T::AccountId,
) -> Result<(), BenchmarkError> {
	let mut notes = ConfirmedNoteListOf::<T>::default();
	for i in 0..T::MaxConfirmedNotes::get() {
		let confirmed = ConfirmedNote::new(
			T::Hashing::hash_of(&i),
			T::MaxPointsPerAttestation::get(),
			frame_system::Pallet::<T>::block_number(),
			Pallet::<T>::half_life(coop),
		);
		notes.0.try_push(confirmed).map_err(|_| BenchmarkError::Stop("notes"))?;
	}
	ConfirmedNotes::<T>::insert(coop, member, notes);
	Ok(())
}

/// A pending record about member 0 by member 1, whose member already holds reputation and a full
/// list of confirmed notes.
fn pending<T: Config>() -> Result<(CoopId, Vec<T::AccountId>, RecordId), BenchmarkError>
where
	T::Currency: Mutate<T::AccountId>,
{
	let (coop, members) = cooperative::<T>(3);
	let (subject, attester) = (member::<T>(&members, 0)?, member::<T>(&members, 1)?);
	let points = T::MaxPointsPerAttestation::get();
	let snapshot = CareSnapshot { milli_points: milli_points_of(points), updated: Zero::zero() };
	Reputation::<T>::insert(coop, &subject, snapshot);
	fill_confirmed_notes::<T>(coop, &subject)?;
	let record = NextRecordId::<T>::get();
	Pallet::<T>::do_attest(coop, attester, subject, points, T::Hash::default())
		.map_err(|_| BenchmarkError::Stop("attest"))?;
	ensure!(Records::<T>::contains_key(record), BenchmarkError::Stop("confirmed at once"));
	Ok((coop, members, record))
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	/// The first attestation of a record: looks the note up among the member's (full list of)
	/// confirmed notes, holds the deposit, creates the record.
	#[benchmark]
	fn attest_new() -> Result<(), BenchmarkError> {
		let (coop, members) = cooperative::<T>(2);
		let (subject, attester) = (member::<T>(&members, 0)?, member::<T>(&members, 1)?);
		fill_confirmed_notes::<T>(coop, &subject)?;
		let points = T::MaxPointsPerAttestation::get();
		let record = NextRecordId::<T>::get();

		#[extrinsic_call]
		attest(RawOrigin::Signed(attester), coop, subject, points, T::Hash::default());

		ensure!(Records::<T>::contains_key(record), BenchmarkError::Stop("no pending record"));
		Ok(())
	}

	/// The attestation that confirms a record: releases the deposit, removes the record, decays
	/// and grows the member's reputation, and adds the note to the member's full list of confirmed
	/// notes (forgetting the oldest).
	#[benchmark]
	fn attest_confirming() -> Result<(), BenchmarkError> {
		let (coop, members, record) = pending::<T>()?;
		let subject = member::<T>(&members, 0)?;
		let second = member::<T>(&members, 2)?;
		let points = T::MaxPointsPerAttestation::get();

		#[extrinsic_call]
		attest(RawOrigin::Signed(second), coop, subject.clone(), points, T::Hash::default());

		// The second attestation confirms it (two is the default `attestations_needed`).
		ensure!(!Records::<T>::contains_key(record), BenchmarkError::Stop("not confirmed"));
		ensure!(
			Pallet::<T>::is_note_confirmed(coop, &subject, &T::Hash::default()),
			BenchmarkError::Stop("note not remembered")
		);
		Ok(())
	}

	/// The cooperative confirms a record: as `attest_confirming`, the member's full list of
	/// confirmed notes included.
	#[benchmark]
	fn confirm() -> Result<(), BenchmarkError> {
		let (coop, members, record) = pending::<T>()?;
		let subject = member::<T>(&members, 0)?;
		let origin = T::BenchmarkHelper::cooperative_origin(coop);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, record);

		ensure!(!Records::<T>::contains_key(record), BenchmarkError::Stop("not confirmed"));
		ensure!(
			Pallet::<T>::is_note_confirmed(coop, &subject, &T::Hash::default()),
			BenchmarkError::Stop("note not remembered")
		);
		Ok(())
	}

	#[benchmark]
	fn revoke() -> Result<(), BenchmarkError> {
		let (coop, members, _) = pending::<T>()?;
		let subject = member::<T>(&members, 0)?;
		let origin = T::BenchmarkHelper::cooperative_origin(coop);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, subject.clone(), 1);

		ensure!(Reputation::<T>::contains_key(coop, &subject), BenchmarkError::Stop("all revoked"));
		Ok(())
	}

	#[benchmark]
	fn withdraw() -> Result<(), BenchmarkError> {
		let (_, members, record) = pending::<T>()?;
		let attester = member::<T>(&members, 1)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(attester), record);

		ensure!(!Records::<T>::contains_key(record), BenchmarkError::Stop("not withdrawn"));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::empty_test_ext(), crate::mock::Test);
}
