//! Counting votes and deciding polls: the decisive tally (the votes of the poll's electorate,
//! weights under the cooperative's cap, whatever its size), and whether a poll passed, failed,
//! or can still go either way.

use crate::{math, Config, MemberVote, MemberVotes, Pallet, Poll, PollScope};
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
/// when it is cast, when the decisive tally recounts a poll, and when `try_state` recounts the
/// votes.
pub(crate) fn count_vote(tally: &mut Tally, aye: bool, weight: VotingWeight) {
	let side = if aye { &mut tally.ayes } else { &mut tally.nays };
	*side = side.saturating_add(weight);
	tally.voters = tally.voters.saturating_add(1);
}

impl<T: Config> Pallet<T> {
	/// The tally that decides a poll. A cooperative poll counts the votes of its electorate
	/// only (members who left since they voted no longer count: [`Self::ensure_in_electorate`]),
	/// and caps them, whatever the cooperative's size, so that none holds more than the
	/// cooperative's `weight_cap` of the total ([`math::cap_level`]); with fewer counted votes
	/// than `1 / weight_cap` no cap level can do that, and they count equally (each holds
	/// `1 / n`, the least the largest can): under the default cap of 10% a cooperative of fewer
	/// than ten members votes one member, one vote. A federation poll's tally is its votes as
	/// cast. Reads every vote of a cooperative poll, and its voter's membership.
	pub fn decisive_tally(poll_id: PollId, poll: &Poll<T>) -> Tally {
		let PollScope::Cooperative(coop) = poll.scope else { return poll.tally };
		let votes: Vec<MemberVote> = MemberVotes::<T>::iter_prefix(poll_id)
			.take(T::MaxVoters::get() as usize)
			.filter(|(voter, _)| Self::ensure_in_electorate(coop, voter, poll_id).is_ok())
			.map(|(_, vote)| vote)
			.collect();
		let weights: Vec<VotingWeight> = votes.iter().map(|vote| vote.weight).collect();
		let level = T::Cooperatives::params(coop)
			.and_then(|params| math::cap_level(&weights, params.weight_cap));
		let mut tally = Tally::default();
		for vote in votes {
			count_vote(&mut tally, vote.aye, math::capped(vote.weight, level));
		}
		tally
	}

	/// The decisive tally of an open poll (what the runtime API reports).
	pub fn poll_tally(poll: PollId) -> Option<Tally> {
		crate::Polls::<T>::get(poll).map(|open| Self::decisive_tally(poll, &open))
	}

	/// Whether a poll whose decisive tally ([`Self::decisive_tally`]) is `tally` passed, failed,
	/// or can still go either way, now.
	///
	/// A cooperative poll is decided once its whole electorate (fixed when it opened) voted, or
	/// its period is over: a member who left can no longer vote, so its poll waits for its end.
	/// It passes if the share of the electorate whose votes count reaches the quorum, the ayes
	/// are strictly more than the approval share of the weight cast (all of it when the approval
	/// is 100%), and the cooperative is active. A federation poll passes as soon as its track's
	/// share of the active cooperatives voted aye, and fails as soon as that share is out of reach
	/// or its period is over.
	pub(crate) fn outcome(poll: &Poll<T>, tally: Tally) -> Outcome {
		let ended = !poll.is_open_at(frame_system::Pallet::<T>::block_number());
		let Tally { ayes, nays, voters } = tally;
		match poll.scope {
			PollScope::Cooperative(coop) => {
				let electorate = poll.electorate;
				if !ended && voters < electorate {
					return Outcome::Undecided;
				}
				let Some(params) = T::Cooperatives::params(coop) else { return Outcome::Rejected };
				let quorate =
					electorate > 0 && Perbill::from_rational(voters, electorate) >= params.quorum;
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
