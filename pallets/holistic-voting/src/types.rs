//! The types the governance pallet stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use confoederatio_primitives::{CollectiveOrigin, CoopId, Tally, VotingWeight};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

use crate::{BalanceOf, Config};

/// A federation poll's track: how many cooperatives must agree.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Track {
	/// More than half of the active cooperatives; dispatches as `Federation`.
	Federation,
	/// At least two thirds of the active cooperatives; dispatches as `FederationSupermajority`
	/// (runtime upgrades).
	Upgrade,
}

impl Track {
	/// Whether `ayes` cooperatives voting aye carry a poll on this track among `active` active
	/// cooperatives: at least one, and more than half (`Federation`) or at least two thirds
	/// (`Upgrade`) of them.
	pub fn passes(self, ayes: u64, active: u64) -> bool {
		ayes > 0
			&& match self {
				Track::Federation => ayes.saturating_mul(2) > active,
				Track::Upgrade => ayes.saturating_mul(3) >= active.saturating_mul(2),
			}
	}

	/// The origin a passed poll on this track dispatches its call with.
	pub fn origin(self) -> CollectiveOrigin {
		match self {
			Track::Federation => CollectiveOrigin::Federation,
			Track::Upgrade => CollectiveOrigin::FederationSupermajority,
		}
	}
}

/// Where a proposal is decided, as the proposer names it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum ProposalScope {
	/// By the members of a cooperative; proposed by one of them.
	Cooperative(CoopId),
	/// By the active cooperatives; proposed by a cooperative (its own origin).
	Federation(Track),
}

/// Where a poll is decided.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum PollScope {
	/// The members of a cooperative vote; passed, the call runs as `Cooperative(coop)`.
	Cooperative(CoopId),
	/// The active cooperatives vote, each once; passed, the call runs as `Federation` or
	/// `FederationSupermajority`.
	Federation {
		/// The track.
		track: Track,
		/// The cooperative that proposed it.
		proposer: CoopId,
	},
}

impl PollScope {
	/// The origin a passed poll dispatches its call with: `Cooperative(coop)` for a cooperative
	/// poll, the track's for a federation poll. Never Root.
	pub fn origin(self) -> CollectiveOrigin {
		match self {
			PollScope::Cooperative(coop) => CollectiveOrigin::Cooperative(coop),
			PollScope::Federation { track, .. } => track.origin(),
		}
	}
}

/// Who voted.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Voter<AccountId> {
	/// A member, in a cooperative poll.
	Member(AccountId),
	/// A cooperative, in a federation poll.
	Cooperative(CoopId),
}

/// A member's vote in a cooperative poll.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct MemberVote {
	/// For or against.
	pub aye: bool,
	/// The weight it was cast with, fixed when cast.
	pub weight: VotingWeight,
}

/// The encoded call a poll decides on, at most `MaxProposalLength` bytes.
pub type ProposalOf<T> = BoundedVec<u8, <T as Config>::MaxProposalLength>;

/// An open poll.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Poll<T: Config> {
	/// Where it is decided.
	pub scope: PollScope,
	/// Who proposed it: a member (a cooperative poll) or the proposing cooperative's account
	/// (a federation poll).
	pub proposer: T::AccountId,
	/// Who holds the deposit, and gets it back when the poll closes: the proposing member, or
	/// its cooperative's account for a member who could not pay it
	/// ([`Config::DepositPayer`](crate::Config::DepositPayer)); for a federation poll, the
	/// proposing cooperative's account.
	pub depositor: T::AccountId,
	/// The deposit held while the poll is open.
	pub deposit: BalanceOf<T>,
	/// The call it decides on, encoded.
	pub proposal: ProposalOf<T>,
	/// The last block in which votes count.
	pub end: BlockNumberFor<T>,
	/// The votes so far, as cast (uncapped, and counting members who left since they voted).
	pub tally: Tally,
	/// The size of the electorate, fixed when the poll opened: the cooperative's members (a
	/// cooperative poll: its quorum and "everyone voted" count them, though some leave); the
	/// active cooperatives (a federation poll: recorded only, its tracks count the cooperatives
	/// active when it is decided).
	pub electorate: u32,
}

impl<T: Config> Poll<T> {
	/// Whether votes still count at block `now` (the voting period includes `end`).
	pub fn is_open_at(&self, now: BlockNumberFor<T>) -> bool {
		now <= self.end
	}
}
