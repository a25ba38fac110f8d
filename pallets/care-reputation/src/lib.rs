//! # Care reputation
//!
//! A soulbound reputation for the care and reproductive work that keeps a cooperative alive
//! (organising, mediating, looking after people), which no ledger measures.
//!
//! ## Overview
//!
//! A member attests care work done by another member ([`Pallet::attest`]): so many points, with
//! the hash of a note. The first attestation creates a record and holds a deposit from its
//! attester; other members attest the same record (same member, same note, same points). When
//! the cooperative's `attestations_needed` distinct members attested it, or when the cooperative
//! decides so ([`Pallet::confirm`]), the points join the member's reputation and the deposit is
//! released. The cooperative may take points away ([`Pallet::revoke`]); the first attester may
//! withdraw a record nobody confirmed ([`Pallet::withdraw`]).
//!
//! Reputation decays: it halves every `care_half_life` blocks (a cooperative parameter, 180 days
//! by default), falling in a straight line between halvings ([`math::decay`]). It is computed
//! lazily, from the last update, in integers.
//!
//! ## Soulbound
//!
//! There is no transfer call and no `fungible`/`fungibles` implementation through which
//! reputation could move. Leaving a cooperative drops the reputation held there
//! ([`MembershipHooks::on_left`]).
//!
//! ## Bounds
//!
//! At most `MaxPointsPerAttestation` points per attestation; at most `MaxAttestationsPerPeriod`
//! attestations per attester and cooperative in each `AttestationPeriod`; at most `MaxAttesters`
//! per record.
//!
//! ## Invariants ([`Pallet::do_try_state`])
//!
//! - Every pending record has at least one attester, none of them the member, no duplicates, and
//!   fewer than would confirm it (or the cooperative is gone); its index entry points to it.
//! - The deposits held are exactly those of the pending records.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod math;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use confoederatio_primitives::{CareLedger, CoopId, Cooperatives, MembershipHooks};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::Precision,
	},
};
use frame_system::pallet_prelude::*;
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto, Zero},
	SaturatedConversion,
};

/// A balance of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A record as stored.
pub type RecordOf<T> = CareRecord<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	<T as frame_system::Config>::Hash,
	BlockNumberFor<T>,
	<T as Config>::MaxAttesters,
>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a pending care record, held from its first attester.
		RecordDeposit,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency deposits are held in (the native token).
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// The registry of cooperatives, their members and parameters.
		type Cooperatives: Cooperatives<Self::AccountId, BlockNumberFor<Self>>;

		/// A cooperative acting after its members' vote; succeeds with its id.
		type CooperativeOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = CoopId>;

		/// The most points one attestation may vouch for.
		#[pallet::constant]
		type MaxPointsPerAttestation: Get<u32>;

		/// The most attestations a member may make in one cooperative per period.
		#[pallet::constant]
		type MaxAttestationsPerPeriod: Get<u32>;

		/// The length of that period, in blocks.
		#[pallet::constant]
		type AttestationPeriod: Get<BlockNumberFor<Self>>;

		/// The most attesters a record keeps (a cooperative needing more confirms by decision).
		#[pallet::constant]
		type MaxAttesters: Get<u32>;

		/// Held from a record's first attester until it is confirmed or withdrawn.
		#[pallet::constant]
		type RecordDeposit: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need from the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: confoederatio_primitives::BenchmarkHelper<
			Self::AccountId,
			Self::RuntimeOrigin,
		>;
	}

	/// Pending care records, by id.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Twox64Concat, RecordId, RecordOf<T>>;

	/// The pending record of each `(coop, member)` and note.
	#[pallet::storage]
	pub type RecordIndex<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(CoopId, T::AccountId),
		Blake2_128Concat,
		T::Hash,
		RecordId,
	>;

	/// The id the next record gets.
	#[pallet::storage]
	pub type NextRecordId<T> = StorageValue<_, RecordId, ValueQuery>;

	/// Members' reputations, as of their last update.
	#[pallet::storage]
	pub type Reputation<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		Standing<BlockNumberFor<T>>,
	>;

	/// How many attestations each member made in each cooperative this period.
	#[pallet::storage]
	pub type AttesterUsage<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		Usage<BlockNumberFor<T>>,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A member attested care work by another member.
		Attested {
			/// The record.
			record: RecordId,
			/// The cooperative.
			coop: CoopId,
			/// The member who did the work.
			member: T::AccountId,
			/// The member who attested it.
			attester: T::AccountId,
			/// The points vouched for.
			points: u32,
			/// How many distinct members attested the record so far.
			attestations: u32,
		},
		/// A record's points joined the member's reputation.
		Confirmed {
			/// The record.
			record: RecordId,
			/// The cooperative.
			coop: CoopId,
			/// The member.
			member: T::AccountId,
			/// The points added.
			points: u32,
			/// Whether the cooperative decided it (rather than enough attesters).
			by_decision: bool,
		},
		/// The cooperative took points away from a member's reputation.
		Revoked {
			/// The cooperative.
			coop: CoopId,
			/// The member.
			member: T::AccountId,
			/// The points taken away.
			points: u32,
		},
		/// The first attester withdrew a pending record; its deposit was released.
		Withdrawn {
			/// The record.
			record: RecordId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No cooperative has this id.
		UnknownCooperative,
		/// The cooperative is not active.
		CooperativeNotActive,
		/// The caller is not a member of the cooperative.
		NotMember,
		/// The member whose work is attested is not a member of the cooperative.
		SubjectNotMember,
		/// Nobody attests their own care work.
		SelfAttestation,
		/// Zero points.
		ZeroPoints,
		/// More points than `MaxPointsPerAttestation`.
		TooManyPoints,
		/// The caller made `MaxAttestationsPerPeriod` attestations this period already.
		PeriodLimitReached,
		/// The caller attested this record already.
		AlreadyAttested,
		/// The record vouches for a different number of points.
		PointsMismatch,
		/// The record has `MaxAttesters` attesters; the cooperative may confirm it.
		TooManyAttesters,
		/// No pending record has this id.
		UnknownRecord,
		/// The origin is another cooperative's.
		WrongCooperative,
		/// Only the record's first attester may withdraw it.
		NotDepositor,
		/// The member holds fewer points than would be revoked.
		RevokeExceedsReputation,
		/// No more record ids.
		IdsExhausted,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Attest `points` of care work that `member` did for `coop`, described by the note whose
		/// hash is `note`.
		///
		/// Signed by another member of the active cooperative, within the per-period bound. The
		/// first attestation of a `(member, note)` creates a record and holds `RecordDeposit`;
		/// later ones must vouch for the same points. The record is confirmed as soon as the
		/// cooperative's `attestations_needed` distinct members attested it.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::attest_new().max(T::WeightInfo::attest_confirming()))]
		pub fn attest(
			origin: OriginFor<T>,
			coop: CoopId,
			member: T::AccountId,
			points: u32,
			note: T::Hash,
		) -> DispatchResult {
			let attester = ensure_signed(origin)?;
			Self::do_attest(coop, attester, member, points, note)
		}

		/// Confirm pending record `record`: its points join the member's reputation now.
		///
		/// Origin `Cooperative(coop)` of the record's cooperative; the member must still be one.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::confirm())]
		pub fn confirm(origin: OriginFor<T>, record: RecordId) -> DispatchResult {
			let acting = T::CooperativeOrigin::ensure_origin(origin)?;
			let entry = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
			ensure!(entry.coop == acting, Error::<T>::WrongCooperative);
			ensure!(
				T::Cooperatives::is_member(entry.coop, &entry.member),
				Error::<T>::SubjectNotMember
			);
			Self::do_confirm(record, entry, true)
		}

		/// Take `points` away from `member`'s reputation in `coop` (no more than it holds now).
		///
		/// Origin `Cooperative(coop)`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(
			origin: OriginFor<T>,
			coop: CoopId,
			member: T::AccountId,
			points: u32,
		) -> DispatchResult {
			let acting = T::CooperativeOrigin::ensure_origin(origin)?;
			ensure!(acting == coop, Error::<T>::WrongCooperative);
			Self::do_revoke(coop, member, points)
		}

		/// Withdraw pending record `record`, releasing its deposit.
		///
		/// Signed by its first attester.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, record: RecordId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let entry = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
			ensure!(entry.attesters.first() == Some(&who), Error::<T>::NotDepositor);
			Self::remove_record(record, &entry)?;
			Self::deposit_event(Event::Withdrawn { record });
			Ok(())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxAttesters::get() >= 1, "a record needs room for one attester");
			assert!(!T::AttestationPeriod::get().is_zero(), "the attestation period is not zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

impl<T: Config> Pallet<T> {
	/// `member`'s reputation in `coop` now, in thousandths of a point.
	pub fn milli_points(coop: CoopId, member: &T::AccountId) -> u128 {
		let Some(standing) = Reputation::<T>::get(coop, member) else { return 0 };
		Self::decayed(coop, standing)
	}

	/// `member`'s reputation in `coop` now, in whole points (rounded down).
	pub fn reputation(coop: CoopId, member: &T::AccountId) -> u128 {
		Self::milli_points(coop, member) / PRECISION
	}

	/// A standing decayed to now with `coop`'s half-life.
	fn decayed(coop: CoopId, standing: Standing<BlockNumberFor<T>>) -> u128 {
		let now = frame_system::Pallet::<T>::block_number();
		let half_life: u64 = T::Cooperatives::params(coop)
			.map(|params| params.care_half_life.saturated_into())
			.unwrap_or(0);
		let elapsed: u64 = now.saturating_sub(standing.updated).saturated_into();
		math::decay(standing.milli_points, elapsed, half_life)
	}

	/// Ensures `coop` is active, saying whether it is unknown or only not active.
	fn ensure_active(coop: CoopId) -> DispatchResult {
		if T::Cooperatives::is_active(coop) {
			return Ok(());
		}
		ensure!(T::Cooperatives::params(coop).is_some(), Error::<T>::UnknownCooperative);
		Err(Error::<T>::CooperativeNotActive.into())
	}

	/// Records an attestation, creating the record or confirming it. Checks everything but the
	/// origin.
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
		Self::ensure_active(coop)?;
		ensure!(T::Cooperatives::is_member(coop, &attester), Error::<T>::NotMember);
		ensure!(T::Cooperatives::is_member(coop, &member), Error::<T>::SubjectNotMember);

		// The per-period bound.
		let now = frame_system::Pallet::<T>::block_number();
		let period = now / T::AttestationPeriod::get();
		let mut usage = AttesterUsage::<T>::get(coop, &attester)
			.filter(|usage| usage.period == period)
			.unwrap_or(Usage { period, count: 0 });
		ensure!(usage.count < T::MaxAttestationsPerPeriod::get(), Error::<T>::PeriodLimitReached);
		usage.count = usage.count.saturating_add(1);

		let (record, mut entry) = match RecordIndex::<T>::get((coop, &member), note) {
			Some(record) => {
				let entry = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
				ensure!(!entry.attesters.contains(&attester), Error::<T>::AlreadyAttested);
				ensure!(entry.points == points, Error::<T>::PointsMismatch);
				(record, entry)
			},
			None => {
				let record = NextRecordId::<T>::get();
				let next = record.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
				let deposit = T::RecordDeposit::get();
				T::Currency::hold(&HoldReason::RecordDeposit.into(), &attester, deposit)?;
				NextRecordId::<T>::put(next);
				RecordIndex::<T>::insert((coop, &member), note, record);
				let entry = CareRecord {
					coop,
					member: member.clone(),
					points,
					note,
					attesters: BoundedVec::new(),
					deposit,
					created: now,
				};
				(record, entry)
			},
		};
		entry.attesters.try_push(attester.clone()).map_err(|_| Error::<T>::TooManyAttesters)?;
		AttesterUsage::<T>::insert(coop, &attester, usage);
		let attestations = entry.attesters.len().unique_saturated_into();
		Self::deposit_event(Event::Attested {
			record,
			coop,
			member,
			attester,
			points,
			attestations,
		});

		let needed = T::Cooperatives::params(coop).map_or(u32::MAX, |p| p.attestations_needed);
		if attestations >= needed.max(1) {
			Self::do_confirm(record, entry, false)
		} else {
			Records::<T>::insert(record, entry);
			Ok(())
		}
	}

	/// Adds a record's points to its member's reputation and removes the record.
	fn do_confirm(record: RecordId, entry: RecordOf<T>, by_decision: bool) -> DispatchResult {
		Self::remove_record(record, &entry)?;
		let added = u128::from(entry.points).saturating_mul(PRECISION);
		let now = frame_system::Pallet::<T>::block_number();
		let current = Self::milli_points(entry.coop, &entry.member);
		Reputation::<T>::insert(
			entry.coop,
			&entry.member,
			Standing { milli_points: current.saturating_add(added), updated: now },
		);
		Self::deposit_event(Event::Confirmed {
			record,
			coop: entry.coop,
			member: entry.member,
			points: entry.points,
			by_decision,
		});
		Ok(())
	}

	/// Releases a record's deposit and removes it and its index entry.
	fn remove_record(record: RecordId, entry: &RecordOf<T>) -> DispatchResult {
		if let Some(depositor) = entry.attesters.first() {
			T::Currency::release(
				&HoldReason::RecordDeposit.into(),
				depositor,
				entry.deposit,
				Precision::BestEffort,
			)?;
		}
		RecordIndex::<T>::remove((entry.coop, &entry.member), entry.note);
		Records::<T>::remove(record);
		Ok(())
	}

	/// Takes points away from a member's reputation. Does not check the origin.
	pub fn do_revoke(coop: CoopId, member: T::AccountId, points: u32) -> DispatchResult {
		ensure!(points > 0, Error::<T>::ZeroPoints);
		ensure!(T::Cooperatives::params(coop).is_some(), Error::<T>::UnknownCooperative);
		let current = Self::milli_points(coop, &member);
		let taken = u128::from(points).saturating_mul(PRECISION);
		ensure!(taken <= current, Error::<T>::RevokeExceedsReputation);
		let left = current.saturating_sub(taken);
		if left.is_zero() {
			Reputation::<T>::remove(coop, &member);
		} else {
			let now = frame_system::Pallet::<T>::block_number();
			Reputation::<T>::insert(coop, &member, Standing { milli_points: left, updated: now });
		}
		Self::deposit_event(Event::Revoked { coop, member, points });
		Ok(())
	}

	/// The invariants of this pallet's storage (iterates over all of it: for tests and
	/// try-runtime, never for a call).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;

		let next = NextRecordId::<T>::get();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (record, entry) in Records::<T>::iter() {
			ensure!(record < next, "a record's id is not below NextRecordId");
			let depositor = entry.attesters.first().ok_or("a record has no attester")?;
			ensure!(!entry.attesters.contains(&entry.member), "a member attested its own care");
			let mut distinct: Vec<_> = entry.attesters.iter().collect();
			distinct.sort();
			distinct.dedup();
			ensure!(distinct.len() == entry.attesters.len(), "a record has a repeated attester");
			if let Some(params) = T::Cooperatives::params(entry.coop) {
				ensure!(
					(entry.attesters.len() as u32) < params.attestations_needed.max(1),
					"a record that should be confirmed is pending"
				);
			}
			ensure!(
				RecordIndex::<T>::get((entry.coop, &entry.member), entry.note) == Some(record),
				"a record is missing from the index"
			);
			let held = deposits.entry(depositor.clone()).or_default();
			*held = held.saturating_add(entry.deposit);
		}
		ensure!(
			RecordIndex::<T>::iter().count() == Records::<T>::iter().count(),
			"the index has entries without records"
		);
		for (who, deposit) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::RecordDeposit.into(), &who);
			ensure!(held == deposit, "held deposits differ from the pending records'");
		}
		Ok(())
	}
}

impl<T: Config> CareLedger<T::AccountId> for Pallet<T> {
	fn reputation(coop: CoopId, who: &T::AccountId) -> u128 {
		Self::reputation(coop, who)
	}
}

/// Leaving a cooperative drops the reputation held there.
impl<T: Config> MembershipHooks<T::AccountId> for Pallet<T> {
	fn on_joined(_: CoopId, _: &T::AccountId) {}

	fn can_leave(_: CoopId, _: &T::AccountId) -> DispatchResult {
		Ok(())
	}

	fn on_left(coop: CoopId, who: &T::AccountId) {
		Reputation::<T>::remove(coop, who);
		AttesterUsage::<T>::remove(coop, who);
	}
}
