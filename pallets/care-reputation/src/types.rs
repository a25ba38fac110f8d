//! The records this pallet keeps, and the rules that belong to each: a [`CareRecord`]'s
//! confirmation and deposit, a [`CareSnapshot`]'s decay, the [`ConfirmedNote`]s that a note counts
//! once, an attester's [`PeriodUsage`]. The calls, `do_try_state` and the runtime API all ask these
//! methods.

use crate::math;
use alloc::collections::btree_set::BTreeSet;
use codec::{Decode, Encode, MaxEncodedLen};
use confoederatio_primitives::CoopId;
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound,
	PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{AtLeast32BitUnsigned, UniqueSaturatedInto},
	SaturatedConversion,
};

/// A record's id.
pub type RecordId = u32;

/// Reputation is kept in thousandths of a point ("milli-points"), so that decay rounds finely.
pub const MILLI_POINTS_PER_POINT: u128 = 1_000;

/// `points` whole points in milli-points.
pub fn milli_points_of(points: u32) -> u128 {
	u128::from(points).saturating_mul(MILLI_POINTS_PER_POINT)
}

/// Care work attested for a member, waiting for enough attesters (or the cooperative) to confirm
/// it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound)]
#[scale_info(skip_type_params(MaxAttesters))]
pub struct CareRecord<AccountId, Balance, Hash, BlockNumber, MaxAttesters>
where
	AccountId: core::fmt::Debug,
	Balance: core::fmt::Debug,
	Hash: core::fmt::Debug,
	BlockNumber: core::fmt::Debug,
	MaxAttesters: Get<u32>,
{
	/// The cooperative the work was for.
	pub coop: CoopId,
	/// The member who did the care work.
	pub member: AccountId,
	/// The points each attester vouches for.
	pub points: u32,
	/// The hash of a note describing the work (kept off chain).
	pub note: Hash,
	/// The distinct members who attested it, the first one (who created it) first.
	pub attesters: BoundedVec<AccountId, MaxAttesters>,
	/// The deposit held from `depositor` until the record is confirmed or withdrawn.
	pub deposit: Balance,
	/// Who holds the deposit, and gets it back when the record is confirmed or withdrawn: the
	/// first attester, or its cooperative's account if the first attester could not pay it
	/// ([`crate::Config::DepositPayer`]).
	pub depositor: AccountId,
	/// When it was first attested.
	pub created: BlockNumber,
}

impl<AccountId, Balance, Hash, BlockNumber, MaxAttesters>
	CareRecord<AccountId, Balance, Hash, BlockNumber, MaxAttesters>
where
	AccountId: core::fmt::Debug + Ord,
	Balance: core::fmt::Debug,
	Hash: core::fmt::Debug,
	BlockNumber: core::fmt::Debug,
	MaxAttesters: Get<u32>,
{
	/// The member who created the record by attesting it first, and alone may withdraw it
	/// (its deposit goes back to [`CareRecord::depositor`], whoever withdraws).
	pub fn first_attester(&self) -> Option<&AccountId> {
		self.attesters.first()
	}

	/// Whether `who` attested the record.
	pub fn attested_by(&self, who: &AccountId) -> bool {
		self.attesters.contains(who)
	}

	/// How many members attested the record.
	pub fn attestations(&self) -> u32 {
		self.attesters.len().unique_saturated_into()
	}

	/// Whether no member attested the record twice.
	pub fn attesters_are_distinct(&self) -> bool {
		let distinct: BTreeSet<&AccountId> = self.attesters.iter().collect();
		distinct.len() == self.attesters.len()
	}

	/// The confirmation rule: whether enough members attested the record to confirm it, in a
	/// cooperative whose `attestations_needed` is this (one at the least).
	pub fn has_enough_attesters(&self, attestations_needed: u32) -> bool {
		self.attestations() >= attestations_needed.max(1)
	}
}

/// A member's care reputation in one cooperative, as of its last update (it decays from there).
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct CareSnapshot<BlockNumber> {
	/// Thousandths of a point, as of `updated`.
	pub milli_points: u128,
	/// When it was last brought up to date.
	pub updated: BlockNumber,
}

impl<BlockNumber: AtLeast32BitUnsigned + Copy> CareSnapshot<BlockNumber> {
	/// The milli-points left at block `now`, halving every `half_life` blocks since `updated`
	/// ([`math::decay`]; a zero half-life means no decay).
	pub fn decayed_to(&self, now: BlockNumber, half_life: BlockNumber) -> u128 {
		let elapsed: u64 = now.saturating_sub(self.updated).saturated_into();
		math::decay(self.milli_points, elapsed, half_life.saturated_into())
	}
}

/// A note that was confirmed for a member: the care work it evidences counted once, and the note
/// is not attested again for that member until nothing of that care is left
/// ([`ConfirmedNote::still_counts`]).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct ConfirmedNote<Hash, BlockNumber> {
	/// The hash of the note.
	pub note: Hash,
	/// When it was confirmed.
	pub confirmed: BlockNumber,
	/// The first block at which nothing of the care it added is left, at the half-life of its
	/// cooperative when it was confirmed ([`math::blocks_until_gone`]); the greatest block
	/// number if that half-life was zero (no decay).
	pub counts_until: BlockNumber,
}

impl<Hash, BlockNumber: AtLeast32BitUnsigned + Copy> ConfirmedNote<Hash, BlockNumber> {
	/// `note`, confirmed at block `now` for `points` points in a cooperative whose half-life is
	/// `half_life` blocks.
	pub fn new(note: Hash, points: u32, now: BlockNumber, half_life: BlockNumber) -> Self {
		let counts_until =
			match math::blocks_until_gone(milli_points_of(points), half_life.saturated_into()) {
				Some(blocks) => now.saturating_add(blocks.saturated_into()),
				None => BlockNumber::max_value(),
			};
		Self { note, confirmed: now, counts_until }
	}

	/// Whether something of the care this note added is left at block `now`. While it is, the
	/// note is not attested again for the member; afterwards it may be forgotten. Fixed when the
	/// note is confirmed, so a note that stopped counting never counts again.
	pub fn still_counts(&self, now: BlockNumber) -> bool {
		now < self.counts_until
	}
}

/// The notes confirmed for one member in one cooperative, oldest first, at most `MaxNotes`
/// ([`ConfirmedNoteList::remember`] keeps it so).
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DefaultNoBound,
	Encode,
	Decode,
	MaxEncodedLen,
	TypeInfo,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxNotes))]
pub struct ConfirmedNoteList<Hash, BlockNumber, MaxNotes>(
	/// The notes, oldest first.
	pub BoundedVec<ConfirmedNote<Hash, BlockNumber>, MaxNotes>,
)
where
	Hash: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxNotes: Get<u32>;

impl<Hash, BlockNumber, MaxNotes> ConfirmedNoteList<Hash, BlockNumber, MaxNotes>
where
	Hash: Clone + PartialEq + Eq + Ord + core::fmt::Debug,
	BlockNumber: AtLeast32BitUnsigned + Copy + core::fmt::Debug,
	MaxNotes: Get<u32>,
{
	/// Whether `note` is in the list and [still counts](ConfirmedNote::still_counts) at block
	/// `now`: then it is not attested again.
	pub fn counts(&self, note: &Hash, now: BlockNumber) -> bool {
		self.0.iter().any(|kept| kept.note == *note && kept.still_counts(now))
	}

	/// Adds `confirmed`, a note confirmed now: forgets first the notes that no longer count (an
	/// earlier entry of the same note among them, or it would not have been attested again), then,
	/// if the list is still full, the oldest note, whose care decayed the most.
	pub fn remember(&mut self, confirmed: ConfirmedNote<Hash, BlockNumber>) {
		let now = confirmed.confirmed;
		self.0.retain(|kept| kept.note != confirmed.note && kept.still_counts(now));
		// Appends, dropping the first (oldest) note if the list is full; a bound of zero, which
		// `integrity_test` refuses, would keep nothing.
		let _ = self.0.force_insert_keep_right(self.0.len(), confirmed);
	}

	/// Whether no note is in the list twice.
	pub fn notes_are_distinct(&self) -> bool {
		let distinct: BTreeSet<&Hash> = self.0.iter().map(|kept| &kept.note).collect();
		distinct.len() == self.0.len()
	}

	/// Whether the notes are oldest first, none confirmed after block `now`, each counting
	/// after its confirmation.
	pub fn is_in_order(&self, now: BlockNumber) -> bool {
		self.0.windows(2).all(|pair| match pair {
			[earlier, later] => earlier.confirmed <= later.confirmed,
			_ => true,
		}) && self.0.iter().all(|kept| kept.confirmed <= now && kept.confirmed < kept.counts_until)
	}

	/// Whether the list has no notes (then it is not stored).
	pub fn is_empty(&self) -> bool {
		self.0.is_empty()
	}
}

/// How many attestations an attester made in one cooperative in one period.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct PeriodUsage<BlockNumber> {
	/// The period (block number divided by `AttestationPeriod`).
	pub period: BlockNumber,
	/// Attestations made in it.
	pub count: u32,
}

impl<BlockNumber: PartialEq> PeriodUsage<BlockNumber> {
	/// The usage in `period`, given the usage stored: that counts only if it is of `period`.
	pub fn in_period(stored: Option<Self>, period: BlockNumber) -> Self {
		match stored {
			Some(usage) if usage.period == period => usage,
			_ => Self { period, count: 0 },
		}
	}

	/// Whether one more attestation stays within `max_per_period`.
	pub fn has_room(&self, max_per_period: u32) -> bool {
		self.count < max_per_period
	}

	/// The usage after one more attestation.
	pub fn counted(self) -> Self {
		Self { count: self.count.saturating_add(1), ..self }
	}
}
