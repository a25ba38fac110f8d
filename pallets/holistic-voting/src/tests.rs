//! Unit tests of governance: cooperative and federation polls, and every negative case.

use crate::{mock::*, *};
use confoederatio_primitives::CollectiveOrigin;
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::{DispatchError, TokenError};

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Governance(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn record_call(value: u32) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Target(target::Call::as_cooperative { value }))
}

fn federation_call(value: u32) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Target(target::Call::as_federation { value }))
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::PollDeposit.into(), &who)
}

/// Member 1 proposes `call` to cooperative 0; returns the poll.
fn coop_poll(call: Box<RuntimeCall>) -> PollId {
	let poll = NextPollId::<Test>::get();
	assert_ok!(Governance::propose(RuntimeOrigin::signed(1), ProposalScope::Cooperative(0), call));
	poll
}

/// Cooperative 0 proposes `call` to the federation on `track`; returns the poll.
fn federation_poll(track: Track, call: Box<RuntimeCall>) -> PollId {
	let poll = NextPollId::<Test>::get();
	assert_ok!(Governance::propose(coop_origin(0), ProposalScope::Federation(track), call));
	poll
}

fn vote(who: u64, poll: PollId, aye: bool) -> DispatchResult {
	Governance::vote(RuntimeOrigin::signed(who), poll, aye)
}

#[test]
fn a_cooperative_poll_passes_and_dispatches_as_the_cooperative() {
	build_and_execute(|| {
		let poll = coop_poll(record_call(7));
		assert_eq!(held(1), DEPOSIT);
		assert_eq!(
			events().last(),
			Some(&Event::Proposed {
				poll,
				scope: PollScope::Cooperative(0),
				depositor: 1,
				end: 1 + VOTING_PERIOD
			})
		);
		assert_ok!(vote(1, poll, true));
		assert_ok!(vote(2, poll, true));
		assert_eq!(Governance::poll_tally(poll), Some(Tally { ayes: 2, nays: 0, voters: 2 }));
		// Member 3 has not voted and the period is not over: the outcome may still change.
		assert_noop!(Governance::close(RuntimeOrigin::signed(9), poll), Error::<Test>::TooEarly);
		assert_ok!(vote(3, poll, false));
		// Everyone voted: it can close at once, by anyone.
		assert_ok!(Governance::close(RuntimeOrigin::signed(19), poll));

		let tally = Tally { ayes: 2, nays: 1, voters: 3 };
		let events = events();
		assert!(events.contains(&Event::Approved { poll, tally }));
		assert!(events.contains(&Event::Executed { poll, result: Ok(()) }));
		assert_eq!(target::Record::<Test>::get().to_vec(), vec![(Some(0), 7)]);
		assert_eq!(held(1), 0, "the deposit is released");
		assert!(Polls::<Test>::get(poll).is_none());
		assert_eq!(MemberVotes::<Test>::iter_prefix(poll).count(), 0);
		assert_eq!(Governance::poll_tally(poll), None);
	});
}

#[test]
fn a_tie_or_minority_fails_and_nothing_is_dispatched() {
	build_and_execute(|| {
		set_coop(0, |c| c.members = vec![1, 2, 3, 4]);
		let poll = coop_poll(record_call(1));
		for (who, aye) in [(1, true), (2, true), (3, false), (4, false)] {
			assert_ok!(vote(who, poll, aye));
		}
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(events()
			.contains(&Event::Rejected { poll, tally: Tally { ayes: 2, nays: 2, voters: 4 } }));
		assert!(target::Record::<Test>::get().is_empty());
		assert_eq!(held(1), 0);
	});
}

#[test]
fn without_quorum_a_poll_fails_after_its_period() {
	build_and_execute(|| {
		set_coop(0, |c| c.params.quorum = quorum(60));
		let poll = coop_poll(record_call(1));
		assert_ok!(vote(1, poll, true));
		System::set_block_number(1 + VOTING_PERIOD);
		assert_noop!(Governance::close(RuntimeOrigin::signed(1), poll), Error::<Test>::TooEarly);
		System::set_block_number(2 + VOTING_PERIOD);
		// One of three voted: 33% < 60%.
		assert_noop!(vote(2, poll, true), Error::<Test>::VotingClosed);
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(events()
			.contains(&Event::Rejected { poll, tally: Tally { ayes: 1, nays: 0, voters: 1 } }));
	});
}

#[test]
fn with_quorum_a_poll_passes_after_its_period() {
	build_and_execute(|| {
		let poll = coop_poll(record_call(3));
		assert_ok!(vote(1, poll, true));
		assert_ok!(vote(2, poll, true));
		System::set_block_number(2 + VOTING_PERIOD);
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert_eq!(target::Record::<Test>::get().to_vec(), vec![(Some(0), 3)]);
	});
}

#[test]
fn non_members_and_double_votes_are_refused() {
	build_and_execute(|| {
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(4),
				ProposalScope::Cooperative(0),
				record_call(1)
			),
			Error::<Test>::NotMember
		);
		let poll = coop_poll(record_call(1));
		assert_noop!(vote(4, poll, true), Error::<Test>::NotMember);
		assert_ok!(vote(2, poll, true));
		assert_noop!(vote(2, poll, true), Error::<Test>::AlreadyVoted);
		assert_noop!(vote(2, poll, false), Error::<Test>::AlreadyVoted);
		assert_noop!(vote(2, 99, true), Error::<Test>::UnknownPoll);
		assert_noop!(Governance::close(RuntimeOrigin::signed(2), 99), Error::<Test>::UnknownPoll);
	});
}

#[test]
fn a_suspended_cooperative_cannot_propose_vote_or_pass() {
	build_and_execute(|| {
		let poll = coop_poll(record_call(1));
		assert_ok!(vote(1, poll, true));
		set_coop(0, |c| c.active = false);
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(1),
				ProposalScope::Cooperative(0),
				record_call(1)
			),
			Error::<Test>::CooperativeNotActive
		);
		assert_noop!(
			Governance::propose(
				coop_origin(0),
				ProposalScope::Federation(Track::Federation),
				federation_call(1)
			),
			Error::<Test>::CooperativeNotActive
		);
		assert_noop!(vote(2, poll, true), Error::<Test>::CooperativeNotActive);
		System::set_block_number(2 + VOTING_PERIOD);
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(target::Record::<Test>::get().is_empty());
		assert!(matches!(events().last(), Some(Event::Rejected { .. })));
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(1),
				ProposalScope::Cooperative(42),
				record_call(1)
			),
			Error::<Test>::CooperativeNotActive
		);
	});
}

#[test]
fn wrong_origins_are_refused() {
	build_and_execute(|| {
		// A cooperative poll is proposed by a member, not by a cooperative or root.
		for origin in [coop_origin(0), RuntimeOrigin::root(), RuntimeOrigin::none()] {
			assert_noop!(
				Governance::propose(origin, ProposalScope::Cooperative(0), record_call(1)),
				DispatchError::BadOrigin
			);
		}
		// A federation poll is proposed by a cooperative, not by a member or root.
		for origin in [RuntimeOrigin::signed(1), RuntimeOrigin::root()] {
			assert_noop!(
				Governance::propose(
					origin,
					ProposalScope::Federation(Track::Federation),
					federation_call(1)
				),
				DispatchError::BadOrigin
			);
		}
		let poll = coop_poll(record_call(1));
		assert_noop!(Governance::vote(RuntimeOrigin::root(), poll, true), DispatchError::BadOrigin);
		assert_noop!(Governance::vote(coop_origin(0), poll, true), Error::<Test>::WrongScope);
		assert_noop!(Governance::close(RuntimeOrigin::root(), poll), DispatchError::BadOrigin);
		assert_noop!(Governance::close(RuntimeOrigin::none(), poll), DispatchError::BadOrigin);
		for origin in [
			RuntimeOrigin::root(),
			RuntimeOrigin::signed(1),
			coop_origin(0),
			CollectiveOrigin::Federation.into(),
		] {
			assert_noop!(
				Governance::authorize_upgrade(origin, Default::default()),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn oversized_and_overweight_calls_are_refused() {
	build_and_execute(|| {
		let big =
			Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 100] }));
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(1), ProposalScope::Cooperative(0), big),
			Error::<Test>::ProposalTooLarge
		);
		let heavy = Box::new(RuntimeCall::Target(target::Call::heavy {}));
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(1), ProposalScope::Cooperative(0), heavy),
			Error::<Test>::ProposalTooHeavy
		);
	});
}

#[test]
fn a_proposer_without_funds_for_the_deposit_is_refused() {
	build_and_execute(|| {
		set_coop(0, |c| c.members.push(77));
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(77),
				ProposalScope::Cooperative(0),
				record_call(1)
			),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn a_federation_poll_passes_with_a_majority_of_cooperatives() {
	build_and_execute(|| {
		let poll = federation_poll(Track::Federation, federation_call(5));
		assert_eq!(held(1_000), DEPOSIT, "the proposing cooperative's account holds the deposit");
		// Members do not vote in federation polls; cooperatives do, once each.
		assert_noop!(vote(1, poll, true), Error::<Test>::WrongScope);
		assert_ok!(Governance::vote(coop_origin(0), poll, true));
		assert_noop!(Governance::vote(coop_origin(0), poll, false), Error::<Test>::AlreadyVoted);
		assert_noop!(
			Governance::vote(coop_origin(9), poll, true),
			Error::<Test>::CooperativeNotActive
		);
		// One of three is not a majority yet.
		assert_noop!(Governance::close(RuntimeOrigin::signed(1), poll), Error::<Test>::TooEarly);
		assert_ok!(Governance::vote(coop_origin(1), poll, true));
		// Two of three is: it closes at once.
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(events().contains(&Event::Executed { poll, result: Ok(()) }));
		assert_eq!(target::Record::<Test>::get().to_vec(), vec![(None, 5)]);
		assert_eq!(held(1_000), 0);
	});
}

#[test]
fn a_federation_poll_fails_early_when_a_majority_is_out_of_reach() {
	build_and_execute(|| {
		let poll = federation_poll(Track::Federation, federation_call(5));
		assert_ok!(Governance::vote(coop_origin(1), poll, false));
		assert_noop!(Governance::close(RuntimeOrigin::signed(1), poll), Error::<Test>::TooEarly);
		assert_ok!(Governance::vote(coop_origin(2), poll, false));
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(events()
			.contains(&Event::Rejected { poll, tally: Tally { ayes: 0, nays: 2, voters: 2 } }));
		assert!(target::Record::<Test>::get().is_empty());
	});
}

#[test]
fn the_upgrade_track_needs_two_thirds() {
	build_and_execute(|| {
		set_coop(3, |c| c.members = vec![10, 11, 12]);
		let hash = sp_core::H256::repeat_byte(7);
		let call = Box::new(RuntimeCall::Governance(Call::authorize_upgrade { code_hash: hash }));
		let poll = federation_poll(Track::Upgrade, call.clone());
		assert_ok!(Governance::vote(coop_origin(0), poll, true));
		assert_ok!(Governance::vote(coop_origin(1), poll, true));
		// Two of four is half, not two thirds.
		assert_noop!(Governance::close(RuntimeOrigin::signed(1), poll), Error::<Test>::TooEarly);
		assert_ok!(Governance::vote(coop_origin(2), poll, true));
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(events().contains(&Event::UpgradeAuthorized { code_hash: hash }));
		assert!(events().contains(&Event::Executed { poll, result: Ok(()) }));
		assert_eq!(
			frame_system::Pallet::<Test>::authorized_upgrade().map(|a| *a.code_hash()),
			Some(hash)
		);
	});
}

#[test]
fn a_simple_majority_cannot_authorize_an_upgrade() {
	build_and_execute(|| {
		let call = Box::new(RuntimeCall::Governance(Call::authorize_upgrade {
			code_hash: Default::default(),
		}));
		let poll = federation_poll(Track::Federation, call);
		assert_ok!(Governance::vote(coop_origin(0), poll, true));
		assert_ok!(Governance::vote(coop_origin(1), poll, true));
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(events().contains(&Event::Executed { poll, result: Err(DispatchError::BadOrigin) }));
		assert!(frame_system::Pallet::<Test>::authorized_upgrade().is_none());
	});
}

#[test]
fn governance_never_dispatches_as_root() {
	build_and_execute(|| {
		let call = Box::new(RuntimeCall::System(frame_system::Call::set_storage { items: vec![] }));
		let poll = coop_poll(call);
		for who in [1, 2, 3] {
			assert_ok!(vote(who, poll, true));
		}
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(events().contains(&Event::Executed { poll, result: Err(DispatchError::BadOrigin) }));
	});
}

#[test]
fn a_failing_call_still_closes_the_poll() {
	build_and_execute(|| {
		let poll = coop_poll(Box::new(RuntimeCall::Target(target::Call::fail {})));
		for who in [1, 2, 3] {
			assert_ok!(vote(who, poll, true));
		}
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		let failed: DispatchError = target::Error::<Test>::Failed.into();
		assert!(events().contains(&Event::Executed { poll, result: Err(failed) }));
		assert!(Polls::<Test>::get(poll).is_none());
		assert_eq!(held(1), 0);
	});
}

#[test]
fn a_poll_takes_at_most_max_voters() {
	build_and_execute(|| {
		set_coop(0, |c| c.members = (1..=MAX_VOTERS as u64 + 1).collect());
		let poll = coop_poll(record_call(1));
		for who in 1..=MAX_VOTERS as u64 {
			assert_ok!(vote(who, poll, true));
		}
		assert_noop!(vote(MAX_VOTERS as u64 + 1, poll, true), Error::<Test>::TooManyVoters);
	});
}

#[test]
fn try_state_catches_a_tally_that_disagrees_with_the_votes() {
	new_test_ext().execute_with(|| {
		let poll = coop_poll(record_call(1));
		assert_ok!(vote(1, poll, true));
		Polls::<Test>::mutate(poll, |p| p.as_mut().unwrap().tally.ayes = 5);
		assert!(Governance::do_try_state().is_err());
	});
}

mod holistic {
	use super::*;

	/// Cooperative 3 with members 10..10 + size; member 10 weighs `whale`.
	fn weighted_cooperative(size: u64, whale: u64) -> CoopId {
		set_coop(3, |c| c.members = (10..10 + size).collect());
		Weights::mutate(|w| {
			w.insert(10, whale);
		});
		3
	}

	fn poll_of(coop: CoopId) -> PollId {
		let poll = NextPollId::<Test>::get();
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(10),
			ProposalScope::Cooperative(coop),
			record_call(1)
		));
		poll
	}

	#[test]
	fn in_ten_members_or_more_no_vote_counts_for_more_than_the_cap() {
		build_and_execute(|| {
			let coop = weighted_cooperative(10, 100);
			let poll = poll_of(coop);
			assert_ok!(vote(10, poll, true));
			for member in 11..20 {
				assert_ok!(vote(member, poll, false));
			}
			// As cast: 100 against 9; capped at 10% each vote weighs 1: 1 against 9.
			assert_eq!(Polls::<Test>::get(poll).unwrap().tally.ayes, 100);
			assert_eq!(Governance::poll_tally(poll), Some(Tally { ayes: 1, nays: 9, voters: 10 }));
			assert_ok!(Governance::close(RuntimeOrigin::signed(10), poll));
			assert!(events().contains(&Event::Rejected {
				poll,
				tally: Tally { ayes: 1, nays: 9, voters: 10 }
			}));
		});
	}

	#[test]
	fn below_ten_members_the_weights_count_as_cast() {
		build_and_execute(|| {
			let coop = weighted_cooperative(9, 100);
			let poll = poll_of(coop);
			assert_ok!(vote(10, poll, true));
			for member in 11..19 {
				assert_ok!(vote(member, poll, false));
			}
			assert_eq!(Governance::poll_tally(poll), Some(Tally { ayes: 100, nays: 8, voters: 9 }));
			assert_ok!(Governance::close(RuntimeOrigin::signed(10), poll));
			assert!(events()
				.iter()
				.any(|e| matches!(e, Event::Approved { poll: p, .. } if *p == poll)));
		});
	}

	#[test]
	fn voting_locks_what_gave_the_weight_until_the_poll_ends() {
		build_and_execute(|| {
			let poll = coop_poll(record_call(1));
			let end = Polls::<Test>::get(poll).unwrap().end;
			assert_ok!(vote(2, poll, true));
			assert_eq!(Locks::get(), vec![(0, 2, end)]);
			// A refused vote locks nothing.
			assert_noop!(vote(2, poll, true), Error::<Test>::AlreadyVoted);
			assert_noop!(vote(4, poll, true), Error::<Test>::NotMember);
			assert_eq!(Locks::get().len(), 1);
			// Closing the poll releases what its votes locked.
			assert_ok!(vote(1, poll, true));
			assert_ok!(vote(3, poll, true));
			assert_eq!(Locks::get().len(), 3);
			assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
			assert_eq!(Locks::get(), vec![]);
		});
	}
}
