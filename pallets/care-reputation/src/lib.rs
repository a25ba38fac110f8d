//! # Care reputation
//!
//! A soulbound reputation for the care and reproductive work that keeps a cooperative alive
//! (organising, mediating, looking after people), which no ledger measures. Governance weighs it
//! into a member's vote next to work credit, through
//! [`CareLedger::reputation`](confoederatio_primitives::CareLedger::reputation).
//!
//! ## Overview
//!
//! A member attests care work done by another member ([`Pallet::attest`]): so many points, with
//! the hash of a note. The first attestation creates a [`CareRecord`] and holds a deposit (see
//! *Deposits* below); other members attest the same record (same member, same note, same
//! points).
//! When the cooperative's `attestations_needed` distinct members attested it
//! ([`CareRecord::has_enough_attesters`]), or when the cooperative decides so
//! ([`Pallet::confirm`]), the points join the member's reputation and the deposit is released.
//! The cooperative may take points away ([`Pallet::revoke`]); the first attester may withdraw a
//! record nobody confirmed ([`Pallet::withdraw`]). A note counts once (see below). The
//! cooperative's calls require its own decision (`Config::CooperativeOrigin`, checked against the
//! cooperative the call names or the record belongs to); any other origin is `BadOrigin`.
//!
//! A member's reputation is stored as a [`CareSnapshot`]: milli-points (thousandths of a point)
//! as of a block. It decays: it halves every `care_half_life` blocks (a cooperative parameter,
//! 180 days by default), falling in a straight line between halvings ([`math::decay`]). It is
//! decayed lazily ([`CareSnapshot::decayed_to`]): when read ([`Pallet::reputation`], the
//! runtime API) and when changed (confirmed or revoked), in integers.
//!
//! ## Deposits
//!
//! A pending record is storage a member created, so the first attestation holds
//! `RecordDeposit` of the native token. A member of a timebank may hold none: the deposit is
//! held from the account [`Config::DepositPayer`] names
//! ([`DepositPayer::payer`](confoederatio_primitives::DepositPayer::payer)): the first attester
//! itself when it can pay, else its cooperative's account, within the budget the cooperative
//! set. The record keeps that account ([`CareRecord::depositor`]); confirming or withdrawing the
//! record releases the deposit to it, never to the attester. Only the first attester
//! ([`CareRecord::first_attester`]) withdraws, whoever paid. If the account named cannot hold
//! the deposit, the attestation fails and changes nothing.
//!
//! ## Modules
//!
//! | module | what is in it |
//! |---|---|
//! | `lib.rs`: [`pallet`] | config, storage, events, errors; the calls check their origin and call `do_*` |
//! | `attestations.rs` | [`Pallet::do_attest`], [`Pallet::do_confirm`], [`Pallet::do_withdraw`]: records from first attestation to confirmation or withdrawal; [`Pallet::is_note_confirmed`] |
//! | `reputation.rs` | [`Pallet::reputation`], [`Pallet::do_revoke`]; the `CareLedger` and `MembershipHooks` impls |
//! | `try_state.rs` | [`Pallet::do_try_state`] |
//! | [`types`] | [`CareRecord`], [`CareSnapshot`], [`ConfirmedNote`], [`ConfirmedNoteList`], [`PeriodUsage`] and their rules |
//! | [`math`] | [`math::decay`], [`math::blocks_until_gone`], pure |
//! | [`migrations`] | the storage migrations ([`migrations::v2::MigrateV1ToV2`]: a record keeps its depositor) |
//!
//! ## A note counts once
//!
//! A note's hash stands for one piece of care work, which joins the member's reputation once. A
//! confirmed note is remembered for its member ([`ConfirmedNotes`], a [`ConfirmedNoteList`]) and
//! attesting it again for that member fails with [`Error::NoteAlreadyConfirmed`] (also after a
//! revocation). At most `MaxConfirmedNotes` are remembered per member and cooperative; a note is
//! forgotten when nothing of the care it added is left ([`ConfirmedNote::still_counts`], fixed at
//! confirmation with the half-life then: [`math::blocks_until_gone`]), when the list is full and
//! a newer note is confirmed (the oldest first), or when the member leaves. A forgotten note
//! attested again is no cheaper than a new one. What the rule cannot stop: a new note hash costs
//! nothing, so invented care meets only the `attestations_needed` distinct attesters within their
//! per-period bounds, and the cooperative's revocation; the README says more.
//!
//! ## Soulbound
//!
//! There is no transfer call and no `fungible`/`fungibles` implementation through which
//! reputation could move. Leaving a cooperative drops the reputation held there and the notes
//! confirmed for the member
//! ([`MembershipHooks::on_left`](confoederatio_primitives::MembershipHooks::on_left)).
//!
//! ## Bounds
//!
//! At most `MaxPointsPerAttestation` points per attestation; at most `MaxAttestationsPerPeriod`
//! attestations per attester and cooperative in each `AttestationPeriod`
//! ([`PeriodUsage`]); at most `MaxAttesters` per record; at most `MaxConfirmedNotes` remembered
//! confirmed notes per member and cooperative.
//!
//! ## Invariants ([`Pallet::do_try_state`])
//!
//! - Every pending record has an id below `NextRecordId`, a first attester, no repeated
//!   attester, not the member among them, fewer attesters than would confirm it (unless
//!   its cooperative is gone), its index entry, and a note not
//!   [confirmed for its member](Pallet::is_note_confirmed) already; the index has nothing else.
//! - Every depositor (a first attester, or a cooperative's account paying for its members)
//!   holds under `RecordDeposit` exactly the deposits of its pending records.
//! - Every stored [`ConfirmedNoteList`] is not empty, oldest first, confirmed no later than now,
//!   each note counting after its confirmation, and has no note twice.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod attestations;
pub mod math;
pub mod migrations;
mod reputation;
mod try_state;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use confoederatio_primitives::{CoopId, CoopUnavailable, Cooperatives, DepositPayer};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, MutateHold},
		EnsureOriginWithArg,
	},
};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::Zero;

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

/// A member's reputation as stored.
pub type CareSnapshotOf<T> = CareSnapshot<BlockNumberFor<T>>;

/// A member's confirmed notes as stored.
pub type ConfirmedNoteListOf<T> = ConfirmedNoteList<
	<T as frame_system::Config>::Hash,
	BlockNumberFor<T>,
	<T as Config>::MaxConfirmedNotes,
>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	///
	/// 2: a record keeps the account its deposit is held from ([`CareRecord::depositor`],
	/// [`migrations::v2`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a pending care record, held from its first attester or its
		/// cooperative's account.
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

		/// A cooperative acting after its members' vote: `ensure_origin(origin, &coop)` succeeds
		/// only for that cooperative's own decision.
		type CooperativeOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CoopId>;

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

		/// Held for each pending record until it is confirmed or withdrawn.
		#[pallet::constant]
		type RecordDeposit: Get<BalanceOf<Self>>;

		/// Who holds a record's deposit: its first attester, or the cooperative's account for
		/// an attester who cannot pay it (`()`: every attester pays its own).
		type DepositPayer: DepositPayer<Self::AccountId, BalanceOf<Self>>;

		/// The most confirmed notes the chain remembers per member and cooperative, so that none
		/// is confirmed twice; when more are confirmed, the oldest is forgotten.
		#[pallet::constant]
		type MaxConfirmedNotes: Get<u32>;

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
		CareSnapshotOf<T>,
	>;

	/// The notes confirmed for each member in each cooperative whose care may still count, oldest
	/// first: none of them is attested again for that member (a note counts once). Forgotten when
	/// nothing of their care is left, when the list is full (the oldest), or when the member leaves.
	#[pallet::storage]
	pub type ConfirmedNotes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		ConfirmedNoteListOf<T>,
	>;

	/// How many attestations each member made in each cooperative this period.
	#[pallet::storage]
	pub type AttesterUsage<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		PeriodUsage<BlockNumberFor<T>>,
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
		/// The first attester withdrew a pending record; its deposit was released to its
		/// depositor.
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
		/// Only the record's first attester may withdraw it (anyone, once it left the
		/// cooperative).
		NotFirstAttester,
		/// The member holds fewer points than would be revoked.
		RevokeExceedsReputation,
		/// No more record ids.
		IdsExhausted,
		/// This note was confirmed for the member already: the care it evidences counts once.
		NoteAlreadyConfirmed,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Attest `points` of care work that `member` did for `coop`, described by the note whose
		/// hash is `note`.
		///
		/// Signed by another member of the active cooperative, within the per-period bound. The
		/// first attestation of a `(member, note)` creates a record and holds `RecordDeposit`
		/// (from the attester, or for an attester who cannot pay it from the cooperative's
		/// account: `Config::DepositPayer`), unless the note was confirmed for the member
		/// already (`NoteAlreadyConfirmed`: a note counts once); later ones must vouch for the
		/// same points. The record is confirmed as soon as the cooperative's
		/// `attestations_needed` distinct members attested it.
		#[pallet::call_index(0)]
		#[pallet::weight(
			T::WeightInfo::attest_new()
				.max(T::WeightInfo::attest_confirming())
				.saturating_add(T::DepositPayer::weight())
		)]
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
		/// Origin `Cooperative(coop)` of the record's cooperative (an unknown record fails with
		/// `UnknownRecord` whatever the origin); the member must still be one.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::confirm())]
		pub fn confirm(origin: OriginFor<T>, record: RecordId) -> DispatchResult {
			let pending = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
			T::CooperativeOrigin::ensure_origin(origin, &pending.coop)?;
			Self::do_confirm(record, pending)
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
			T::CooperativeOrigin::ensure_origin(origin, &coop)?;
			Self::do_revoke(coop, member, points)
		}

		/// Withdraw pending record `record`, releasing its deposit to its depositor.
		///
		/// Signed by its first attester; or by anyone once the first attester has left the
		/// cooperative, so that a deposit the cooperative held for it comes back.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, record: RecordId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(&who, record)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxAttesters::get() >= 1, "a record needs room for one attester");
			assert!(T::MaxConfirmedNotes::get() >= 1, "a member's list needs room for one note");
			assert!(!T::AttestationPeriod::get().is_zero(), "the attestation period is not zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

/// Each pallet's view of an unavailable cooperative: these two errors, used by every call.
impl<T> From<CoopUnavailable> for Error<T> {
	fn from(unavailable: CoopUnavailable) -> Self {
		match unavailable {
			CoopUnavailable::Unknown => Error::<T>::UnknownCooperative,
			CoopUnavailable::NotActive => Error::<T>::CooperativeNotActive,
		}
	}
}
