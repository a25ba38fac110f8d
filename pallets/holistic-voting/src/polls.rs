//! A poll's life: opened with a deposit (held from the account [`Config::DepositPayer`] names
//! for a proposing member: the member, or its cooperative's account), voted in, closed — the
//! deposit released to the account it was held from, the votes and their locks dropped, and a
//! passed call dispatched with the poll's collective origin.

use crate::{
	tally::{count_vote, Outcome},
	Config, CoopVotes, Error, Event, HoldReason, MemberVote, MemberVotes, NextPollId, Pallet, Poll,
	PollScope, Polls, ProposalOf, Voter, WeightInfo, MAX_CALL_DEPTH,
};
use codec::DecodeLimit;
use confoederatio_primitives::{
	CollectiveOrigin, Cooperatives, DepositPayer, PollId, Tally, VoteWeight,
};
use frame_support::{
	dispatch::GetDispatchInfo,
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Dispatchable, Saturating};

impl<T: Config> Pallet<T> {
	/// Opens a poll proposed by `proposer` (a member of the cooperative for a cooperative poll,
	/// the proposing cooperative's account for a federation poll) and fixes its electorate: the
	/// cooperative's members now (a cooperative poll), the active cooperatives now (a
	/// federation poll). Holds [`Config::PollDeposit`] from the poll's depositor, which the poll
	/// records: for a cooperative poll the account [`Config::DepositPayer`] names (the member,
	/// or its cooperative's account for a member who cannot pay), for a federation poll the
	/// proposing cooperative's account. Does not check the proposer's right to propose nor the
	/// call.
	pub fn do_propose(
		scope: PollScope,
		proposer: T::AccountId,
		proposal: ProposalOf<T>,
		period: BlockNumberFor<T>,
	) -> Result<PollId, DispatchError> {
		let poll = NextPollId::<T>::get();
		let next = poll.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let deposit = T::PollDeposit::get();
		let depositor = match scope {
			PollScope::Cooperative(coop) => T::DepositPayer::payer(coop, &proposer, deposit),
			PollScope::Federation { .. } => proposer.clone(),
		};
		T::Currency::hold(&HoldReason::PollDeposit.into(), &depositor, deposit)?;
		let end = frame_system::Pallet::<T>::block_number().saturating_add(period);
		let electorate = match scope {
			PollScope::Cooperative(coop) => T::Cooperatives::member_count(coop),
			PollScope::Federation { .. } => T::Cooperatives::active_count(),
		};
		Polls::<T>::insert(
			poll,
			Poll {
				scope,
				proposer: proposer.clone(),
				depositor: depositor.clone(),
				deposit,
				proposal,
				end,
				tally: Tally::default(),
				electorate,
			},
		);
		NextPollId::<T>::put(next);
		Self::deposit_event(Event::Proposed { poll, scope, proposer, depositor, end });
		Ok(poll)
	}

	/// Records a vote: a member's in a cooperative poll (one of its electorate, fixed when it
	/// opened: [`Pallet::ensure_in_electorate`]; weighed by [`Config::VoteWeight`], which locks
	/// what gave it weight for this poll, and may refuse the vote), a cooperative's in a
	/// federation poll (weighing 1). Checks everything but the origin, which the caller turned
	/// into `voter`.
	pub fn do_vote(poll: PollId, voter: Voter<T::AccountId>, aye: bool) -> DispatchResult {
		Polls::<T>::try_mutate(poll, |entry| -> DispatchResult {
			let open = entry.as_mut().ok_or(Error::<T>::UnknownPoll)?;
			ensure!(
				open.is_open_at(frame_system::Pallet::<T>::block_number()),
				Error::<T>::VotingClosed
			);
			ensure!(open.tally.voters < T::MaxVoters::get(), Error::<T>::TooManyVoters);
			let weight = match (&open.scope, &voter) {
				(PollScope::Cooperative(coop), Voter::Member(who)) => {
					T::Cooperatives::ensure_active(*coop).map_err(Error::<T>::from)?;
					Self::ensure_in_electorate(*coop, who, poll)?;
					ensure!(!MemberVotes::<T>::contains_key(poll, who), Error::<T>::AlreadyVoted);
					let weight = T::VoteWeight::vote_weight(*coop, who);
					T::VoteWeight::lock_for_poll(*coop, who, poll, open.end)?;
					MemberVotes::<T>::insert(poll, who, MemberVote { aye, weight });
					weight
				},
				(PollScope::Federation { .. }, Voter::Cooperative(coop)) => {
					T::Cooperatives::ensure_active(*coop).map_err(Error::<T>::from)?;
					ensure!(!CoopVotes::<T>::contains_key(poll, coop), Error::<T>::AlreadyVoted);
					CoopVotes::<T>::insert(poll, coop, aye);
					1
				},
				_ => return Err(Error::<T>::WrongScope.into()),
			};
			count_vote(&mut open.tally, aye, weight);
			Self::deposit_event(Event::Voted { poll, voter, aye, weight });
			Ok(())
		})
	}

	/// Closes a poll if it is decided: releases the deposit to its depositor, removes the poll
	/// and its votes (releasing what the votes locked), and dispatches a passed call with the
	/// poll's origin ([`PollScope::origin`]). Returns the weight used.
	pub fn do_close(poll_id: PollId) -> Result<Weight, DispatchError> {
		let poll = Polls::<T>::get(poll_id).ok_or(Error::<T>::UnknownPoll)?;
		let tally = Self::decisive_tally(poll_id, &poll);
		let outcome = Self::outcome(&poll, tally);
		ensure!(outcome != Outcome::Undecided, Error::<T>::TooEarly);

		T::Currency::release(
			&HoldReason::PollDeposit.into(),
			&poll.depositor,
			poll.deposit,
			Precision::BestEffort,
		)?;
		if let PollScope::Cooperative(coop) = poll.scope {
			T::DepositPayer::released(coop, &poll.proposer, &poll.depositor, poll.deposit);
		}
		Polls::<T>::remove(poll_id);
		let voters = poll.tally.voters;
		match poll.scope {
			PollScope::Cooperative(coop) => {
				// What the votes locked for this poll is free (other polls' locks stay; a vote
				// that locked nothing releases nothing).
				for voter in
					MemberVotes::<T>::iter_key_prefix(poll_id).take(T::MaxVoters::get() as usize)
				{
					T::VoteWeight::release_poll(coop, &voter, poll_id);
				}
				let _ = MemberVotes::<T>::clear_prefix(poll_id, T::MaxVoters::get(), None);
			},
			PollScope::Federation { .. } => {
				let _ = CoopVotes::<T>::clear_prefix(poll_id, T::MaxVoters::get(), None);
			},
		}

		if outcome == Outcome::Rejected {
			Self::deposit_event(Event::Rejected { poll: poll_id, tally });
			return Ok(T::WeightInfo::close_rejected(voters));
		}
		Self::deposit_event(Event::Approved { poll: poll_id, tally });
		let (used, result) = Self::dispatch_proposal(&poll.proposal, poll.scope.origin());
		Self::deposit_event(Event::Executed { poll: poll_id, result });
		Ok(T::WeightInfo::close_approved(voters).saturating_add(used))
	}

	/// Decodes a passed poll's call and dispatches it with `origin`: returns the weight the call
	/// used and what it returned ([`Error::UndecodableProposal`] if it no longer decodes).
	fn dispatch_proposal(
		proposal: &ProposalOf<T>,
		origin: CollectiveOrigin,
	) -> (Weight, DispatchResult) {
		let Ok(call) = <T as Config>::RuntimeCall::decode_all_with_depth_limit(
			MAX_CALL_DEPTH,
			&mut &proposal[..],
		) else {
			return (Weight::zero(), Err(Error::<T>::UndecodableProposal.into()));
		};
		let info = call.get_dispatch_info();
		let result = call.dispatch(origin.into());
		let post_info = match result {
			Ok(post_info) => post_info,
			Err(error) => error.post_info,
		};
		(post_info.calc_actual_weight(&info), result.map(|_| ()).map_err(|error| error.error))
	}
}
