//! A poll's electorate is fixed when it opens: members who leave still count in its size, their
//! votes no longer count; members who join later do not vote in it.

use super::*;
use frame_support::assert_noop;
use sp_runtime::DispatchError;

/// Issue 12, attack 6: a member who leaves must not let anyone close a poll early. Cooperative 0
/// is {1, 2, 3}; 1 and 2 vote, 2 leaves: 3 has not voted, so the poll is not decided before its
/// end.
#[test]
fn a_member_who_leaves_does_not_let_a_poll_close_early() {
	build_and_execute(|| {
		let poll = coop_poll(record_call(1));
		assert_ok!(vote(1, poll, true));
		assert_ok!(vote(2, poll, true));
		leave(0, 2);
		assert_noop!(Governance::close(RuntimeOrigin::signed(9), poll), Error::<Test>::TooEarly);
		assert_ok!(vote(3, poll, false));
		// Member 2 can never vote again: the poll waits for its end.
		assert_noop!(Governance::close(RuntimeOrigin::signed(9), poll), Error::<Test>::TooEarly);
		// Member 2 left: its aye no longer counts, and one aye against one nay is a tie.
		assert_eq!(Governance::poll_tally(poll), Some(Tally { ayes: 1, nays: 1, voters: 2 }));
		System::set_block_number(2 + VOTING_PERIOD);
		assert_ok!(Governance::close(RuntimeOrigin::signed(9), poll));
		assert!(events()
			.contains(&Event::Rejected { poll, tally: Tally { ayes: 1, nays: 1, voters: 2 } }));
		assert!(target::Record::<Test>::get().is_empty());
		// What the votes locked is released, the departed member's too.
		assert_eq!(Locks::get(), vec![]);
	});
}

/// Issue 12, attack 6: a member added after a poll opened does not vote in it.
#[test]
fn a_member_added_after_opening_does_not_vote() {
	build_and_execute(|| {
		let poll = coop_poll(record_call(1));
		join(0, 10);
		assert_noop!(vote(10, poll, true), Error::<Test>::JoinedAfterOpening);
		for who in [1, 2, 3] {
			assert_ok!(vote(who, poll, true));
		}
		// The three members it opened with voted: it closes at once.
		assert_ok!(Governance::close(RuntimeOrigin::signed(9), poll));
		assert!(events()
			.contains(&Event::Approved { poll, tally: Tally { ayes: 3, nays: 0, voters: 3 } }));
		// The next poll is the new member's to decide too.
		let next = coop_poll(record_call(2));
		assert_eq!(Polls::<Test>::get(next).map(|p| p.electorate), Some(4));
		assert_ok!(vote(10, next, true));
	});
}

#[test]
fn a_poll_records_its_electorate_when_it_opens() {
	build_and_execute(|| {
		let poll = coop_poll(record_call(1));
		assert_eq!(Polls::<Test>::get(poll).map(|p| p.electorate), Some(3));
		join(0, 10);
		leave(0, 2);
		leave(0, 3);
		assert_eq!(Polls::<Test>::get(poll).map(|p| p.electorate), Some(3));
		// A federation poll records the active cooperatives.
		let federation = federation_poll(Track::Federation, federation_call(1));
		assert_eq!(Polls::<Test>::get(federation).map(|p| p.electorate), Some(3));
	});
}

#[test]
fn members_who_leave_do_not_make_a_quorum() {
	build_and_execute(|| {
		set_coop(0, |c| c.params.quorum = quorum(60));
		let poll = coop_poll(record_call(1));
		assert_ok!(vote(1, poll, true));
		leave(0, 2);
		leave(0, 3);
		// One member of three voted: 33% < 60%, though it is the only member left.
		System::set_block_number(2 + VOTING_PERIOD);
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(events()
			.contains(&Event::Rejected { poll, tally: Tally { ayes: 1, nays: 0, voters: 1 } }));
	});
}

#[test]
fn a_member_who_rejoins_does_not_bring_its_vote_back() {
	build_and_execute(|| {
		let poll = coop_poll(record_call(1));
		assert_ok!(vote(1, poll, true));
		assert_ok!(vote(2, poll, false));
		leave(0, 2);
		join(0, 2);
		// A new membership, after the poll opened: the old vote stays out, no new one.
		assert_noop!(vote(2, poll, true), Error::<Test>::JoinedAfterOpening);
		assert_eq!(Governance::poll_tally(poll), Some(Tally { ayes: 1, nays: 0, voters: 1 }));
		assert_ok!(vote(3, poll, true));
		assert_noop!(Governance::close(RuntimeOrigin::signed(1), poll), Error::<Test>::TooEarly);
	});
}

#[test]
fn a_vote_whose_lock_is_refused_is_refused() {
	build_and_execute(|| {
		let poll = coop_poll(record_call(1));
		RefuseLocks::set(true);
		assert_noop!(vote(1, poll, true), DispatchError::Other("lock refused"));
		RefuseLocks::set(false);
		assert_ok!(vote(1, poll, true));
		assert_eq!(Locks::get(), vec![(0, 1, poll, 1 + VOTING_PERIOD)]);
	});
}
