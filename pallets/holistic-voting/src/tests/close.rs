//! Closing cooperative polls: when a poll passes or fails, what closing releases, and how a
//! passed call is dispatched.

use super::*;
use frame_support::assert_noop;
use sp_runtime::DispatchError;

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
				proposer: 1,
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
