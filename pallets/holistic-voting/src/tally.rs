//! Counting votes and deciding polls: the decisive tally (weights capped in large
//! cooperatives), and whether a poll passed, failed, or can still go either way.

use crate::{math, Config, MemberVote, MemberVotes, Pallet, Poll, PollScope, CAP_MIN_MEMBERS};
use alloc::vec::Vec;
use confoederatio_primitives::{Cooperatives, PollId, Tally, VotingWeight};
use frame_support::traits::Get;
use sp_runtime::Perbill;

/// What a poll's votes say now.
#[derive(PartialEq, Eq, Debug)]
pub(crate) enum Outcome {
	Approved,
	Rejected,
	Undecided,
}

/// Counts one vote of `weight`, for or against, in `tally`: the one way a vote enters a tally,
/// when it is cast, when the decisive tally recounts a capped poll, and when `try_state`
/// recounts the votes.
pub(crate) fn count_vote(tally: &mut Tally, aye: bool, weight: VotingWeight) {
	let side = if aye { &mut tally.ayes } else { &mut tally.nays };
	*side = side.saturating_add(weight);
	tally.voters = tally.voters.saturating_add(1);
}

impl<T: Config> Pallet<T> {
	/// The tally that decides a poll: in a cooperative of at least [`CAP_MIN_MEMBERS`] members,
	/// each vote capped so that none holds more than the cooperative's `weight_cap` of the total
	/// ([`math::cap_level`]); otherwise the votes as cast. Reads every vote of a capped poll.
	pub fn decisive_tally(poll_id: PollId, poll: &Poll<T>) -> Tally {
		let PollScope::Cooperative(coop) = poll.scope else { return poll.tally };
		if T::Cooperatives::member_count(coop) < CAP_MIN_MEMBERS {
			return poll.tally;
		}
		let Some(params) = T::Cooperatives::params(coop) else { return poll.tally };
		let votes: Vec<MemberVote> = MemberVotes::<T>::iter_prefix_values(poll_id)
			.take(T::MaxVoters::get() as usize)
			.collect();
		let weights: Vec<VotingWeight> = votes.iter().map(|vote| vote.weight).collect();
		let level = math::cap_level(&weights, params.weight_cap);
		let mut capped = Tally::default();
		for vote in votes {
			count_vote(&mut capped, vote.aye, math::capped(vote.weight, level));
		}
		Tally { voters: poll.tally.voters, ..capped }
	}

	/// The decisive tally of an open poll (what the runtime API reports).
	pub fn poll_tally(poll: PollId) -> Option<Tally> {
		crate::Polls::<T>::get(poll).map(|open| Self::decisive_tally(poll, &open))
	}

	/// Whether a poll passed, failed, or can still go either way, now.
	///
	/// A cooperative poll is decided once every member voted or its period is over: it passes
	/// if the share of members who voted reaches the quorum, the ayes are strictly more than the
	/// approval share of the weight cast (all of it when the approval is 100%), and the
	/// cooperative is active. A federation poll passes as soon as its track's share of the
	/// active cooperatives voted aye, and fails as soon as that share is out of reach or its
	/// period is over.
	pub(crate) fn outcome(poll_id: PollId, poll: &Poll<T>) -> Outcome {
		let ended = !poll.is_open_at(frame_system::Pallet::<T>::block_number());
		let Tally { ayes, nays, voters } = Self::decisive_tally(poll_id, poll);
		match poll.scope {
			PollScope::Cooperative(coop) => {
				let members = T::Cooperatives::member_count(coop);
				if !ended && voters < members {
					return Outcome::Undecided;
				}
				let Some(params) = T::Cooperatives::params(coop) else { return Outcome::Rejected };
				let quorate =
					members > 0 && Perbill::from_rational(voters, members) >= params.quorum;
				let cast = ayes.saturating_add(nays);
				let approved = if params.approval.is_one() {
					cast > 0 && ayes == cast
				} else {
					ayes > params.approval.mul_floor(cast)
				};
				if quorate && approved && T::Cooperatives::is_active(coop) {
					Outcome::Approved
				} else {
					Outcome::Rejected
				}
			},
			PollScope::Federation { track, .. } => {
				let active = u64::from(T::Cooperatives::active_count());
				if track.passes(ayes, active) {
					Outcome::Approved
				} else if ended || !track.passes(active.saturating_sub(nays), active) {
					Outcome::Rejected
				} else {
					Outcome::Undecided
				}
			},
		}
	}
}
