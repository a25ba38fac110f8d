//! Voting in cooperative polls: members only, once each, at most `MaxVoters`, and the tally
//! always the sum of the votes.

use super::*;
use frame_support::assert_noop;

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
