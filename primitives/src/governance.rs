//! What Governance asks of the other pallets: how much a member's vote weighs, and what a vote
//! locks until its poll closes. The holistic formula itself lives in Governance
//! (`pallet_holistic_voting::HolisticWeight`), over [`crate::LockableCredit`] and
//! [`crate::CareLedger`].

use crate::{CoopId, Cooperatives, PollId};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use scale_info::TypeInfo;

/// A vote's weight.
pub type VotingWeight = u64;

/// How much a member's vote weighs in its cooperative.
pub trait VoteWeight<AccountId, BlockNumber> {
	/// The weight of `who` in a poll of `coop`; 0 for a non-member.
	fn vote_weight(coop: CoopId, who: &AccountId) -> VotingWeight;
	/// `who` votes in `poll` of `coop`, open until `until`: keep what gave the vote its weight
	/// from voting again in that poll (for example, credit moving to another member) while it
	/// is open. An error refuses the vote (for example, the credit votes in too many open polls
	/// already).
	fn lock_for_poll(
		coop: CoopId,
		who: &AccountId,
		poll: PollId,
		until: BlockNumber,
	) -> sp_runtime::DispatchResult;
	/// `poll` of `coop` was closed: free what `who`'s vote in it locked (what another open poll
	/// locked stays). Nothing happens if that vote locked nothing.
	fn release_poll(coop: CoopId, who: &AccountId, poll: PollId);

	/// Benchmarks only: makes `who`'s next vote in `coop` (in a poll open until `until`) as
	/// costly as it can be, and so its release. Nothing by default.
	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_costliest_vote(_coop: CoopId, _who: &AccountId, _until: BlockNumber) {}
}

/// One member, one vote: every member weighs 1.
pub struct OneMemberOneVote<C, BlockNumber>(PhantomData<(C, BlockNumber)>);

impl<AccountId, BlockNumber, C: Cooperatives<AccountId, BlockNumber>>
	VoteWeight<AccountId, BlockNumber> for OneMemberOneVote<C, BlockNumber>
{
	fn vote_weight(coop: CoopId, who: &AccountId) -> VotingWeight {
		if C::is_member(coop, who) {
			1
		} else {
			0
		}
	}
	fn lock_for_poll(
		_: CoopId,
		_: &AccountId,
		_: PollId,
		_: BlockNumber,
	) -> sp_runtime::DispatchResult {
		Ok(())
	}
	fn release_poll(_: CoopId, _: &AccountId, _: PollId) {}
}

/// The votes cast in a poll so far.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Tally {
	/// The weight of the aye votes (a cooperative's vote weighs 1 in a federation poll).
	pub ayes: VotingWeight,
	/// The weight of the nay votes.
	pub nays: VotingWeight,
	/// How many voted.
	pub voters: u32,
}
