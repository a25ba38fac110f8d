//! The records this pallet keeps.

use codec::{Decode, Encode, MaxEncodedLen};
use confoederatio_primitives::CoopId;
use frame_support::{BoundedVec, DebugNoBound};
use scale_info::TypeInfo;

/// A record's id.
pub type RecordId = u32;

/// Reputation is kept in thousandths of a point, so that decay rounds finely.
pub const PRECISION: u128 = 1_000;

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
	MaxAttesters: frame_support::traits::Get<u32>,
{
	/// The cooperative the work was for.
	pub coop: CoopId,
	/// The member who did the care work.
	pub member: AccountId,
	/// The points each attester vouches for.
	pub points: u32,
	/// The hash of a note describing the work (kept off chain).
	pub note: Hash,
	/// The distinct members who attested it, the first one holding the deposit.
	pub attesters: BoundedVec<AccountId, MaxAttesters>,
	/// The deposit held from the first attester until the record is confirmed or withdrawn.
	pub deposit: Balance,
	/// When it was first attested.
	pub created: BlockNumber,
}

/// A member's care reputation in one cooperative, as of its last update.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Standing<BlockNumber> {
	/// Thousandths of a point, as of `updated`.
	pub milli_points: u128,
	/// When it was last brought up to date.
	pub updated: BlockNumber,
}

/// How many attestations an attester made in the current period.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Usage<BlockNumber> {
	/// The period (block number divided by `AttestationPeriod`).
	pub period: BlockNumber,
	/// Attestations made in it.
	pub count: u32,
}
