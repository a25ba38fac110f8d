//! Vote locks: credit that weighed in a vote stays with its voter while that poll is open; each
//! poll locks and releases its own.

use super::*;
use confoederatio_primitives::{LockableCredit, OfferableCredit};

#[test]
fn credit_that_voted_stays_until_the_poll_ends() {
	build_and_execute(|| {
		earn(0, 2, 300);
		assert_ok!(MutualCredit::set_federation_limit(federation(), 0, 1_000));
		assert_ok!(MutualCredit::set_federation_limit(federation(), 1, 1_000));
		// 2 voted with its 300 in a poll open until block 10.
		assert_ok!(MutualCredit::lock(0, &2, 0, 300, 10));
		let info = MutualCredit::account_info(0, &2);
		assert_eq!((info.locked, info.available), (300, 0));
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 1),
			Error::<Test>::CreditLocked
		);
		assert_noop!(
			MutualCredit::transfer_across(RuntimeOrigin::signed(2), 0, 1, 4, 1),
			Error::<Test>::CreditLocked
		);
		// What comes in above the lock may move.
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 50));
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 50));
		// A second poll extends the lock, never shortens it.
		assert_ok!(MutualCredit::lock(0, &2, 1, 100, 5));
		assert_eq!(MutualCredit::account_info(0, &2).locked, 300);
		System::set_block_number(10);
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 1),
			Error::<Test>::CreditLocked
		);
		System::set_block_number(11);
		assert_eq!(MutualCredit::account_info(0, &2).locked, 0);
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 300));
		// No account, no lock.
		assert_noop!(MutualCredit::lock(0, &99, 2, 5, 100), Error::<Test>::InsufficientCredit);
		assert!(!Accounts::<Test>::contains_key(0, 99));
	});
}

#[test]
fn closing_the_polls_early_releases_the_lock() {
	build_and_execute(|| {
		earn(0, 2, 300);
		// Two open polls, ending at 10 and 20, hold 2's 300.
		assert_ok!(MutualCredit::lock(0, &2, 0, 300, 10));
		assert_ok!(MutualCredit::lock(0, &2, 1, 300, 20));
		MutualCredit::unlock(0, &2, 0);
		assert_eq!(MutualCredit::account_info(0, &2).locked, 300, "the second still holds it");
		MutualCredit::unlock(0, &2, 1);
		assert_eq!(MutualCredit::account_info(0, &2).locked, 0);
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 300));
	});
}

#[test]
fn a_poll_closed_after_its_end_does_not_release_a_newer_lock() {
	build_and_execute(|| {
		earn(0, 2, 300);
		assert_ok!(MutualCredit::lock(0, &2, 0, 300, 10));
		// The first poll ended unclosed; a new one locks afresh.
		System::set_block_number(11);
		assert_ok!(MutualCredit::lock(0, &2, 1, 300, 30));
		// The first is closed late: the new lock stands.
		MutualCredit::unlock(0, &2, 0);
		assert_eq!(MutualCredit::account_info(0, &2).locked, 300);
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 1),
			Error::<Test>::CreditLocked
		);
	});
}

/// Votes as Governance's `HolisticWeight` does: `who`'s voting credit now, locked for `poll`
/// (open until `end`) if there is any. Returns the credit that voted.
fn vote(who: u64, poll: u32, end: u64) -> u128 {
	let credit = MutualCredit::voting_credit(0, &who);
	if credit > 0 {
		assert_ok!(MutualCredit::lock(0, &who, poll, credit, end));
	}
	credit
}

/// Closes `poll` as Governance does: every voter's lock for it is released,
/// whether its vote locked anything or not.
fn close(poll: u32, voters: &[u64]) {
	for voter in voters {
		MutualCredit::unlock(0, voter, poll);
	}
}

/// Issue 12, attack 1: a member who voted with no credit in poll P1 must keep her lock from open
/// poll P2 when P1 closes early, so that her credit cannot move to another member who votes with
/// it again in P2.
#[test]
fn closing_a_poll_that_locked_nothing_keeps_another_polls_lock() {
	build_and_execute(|| {
		let (p1, p2) = (0, 1);
		// Member 2 votes in P1 (open until 10) with no credit: nothing to lock.
		assert_eq!(vote(2, p1, 10), 0);
		// She receives 300 and votes with them in P2 (open until 20).
		earn(0, 2, 300);
		assert_eq!(vote(2, p2, 20), 300);
		// P1 closes early, at block 5: every voter of P1 is released.
		System::set_block_number(5);
		close(p1, &[1, 2]);
		// P2 is open: her 300 stay locked and cannot go to member 3 to vote again in P2.
		assert_eq!(MutualCredit::account_info(0, &2).locked, 300);
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 300),
			Error::<Test>::CreditLocked
		);
		assert_eq!(MutualCredit::voting_credit(0, &3), 0);
	});
}

/// Issue 12, attack 1, the opposite: a member votes in poll A, then in poll B (later end); A is
/// closed after its end, B early. No poll is open: the credit is free.
#[test]
fn the_lock_goes_when_the_last_open_poll_closes() {
	build_and_execute(|| {
		let (a, b) = (0, 1);
		earn(0, 2, 300);
		assert_eq!(vote(2, a, 10), 300);
		assert_eq!(vote(2, b, 20), 300);
		// A is closed after its end.
		System::set_block_number(11);
		close(a, &[2]);
		assert_eq!(MutualCredit::account_info(0, &2).locked, 300, "B is open");
		// B is closed early.
		System::set_block_number(12);
		close(b, &[2]);
		assert_eq!(MutualCredit::account_info(0, &2).locked, 0, "no poll is open");
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 300));
	});
}

#[test]
fn an_account_keeps_locks_for_at_most_max_vote_locks_open_polls() {
	build_and_execute(|| {
		earn(0, 2, 300);
		// Three open polls hold locks (the mock's `MaxVoteLocks`): a fourth is refused.
		for (poll, end) in [(0, 5), (1, 10), (2, 20)] {
			assert_ok!(MutualCredit::lock(0, &2, poll, 100, end));
		}
		assert_noop!(MutualCredit::lock(0, &2, 3, 100, 20), Error::<Test>::TooManyVoteLocks);
		// Locking a poll again takes no room: one lock per poll, the larger amount.
		assert_ok!(MutualCredit::lock(0, &2, 1, 200, 10));
		assert_eq!(MutualCredit::account_of(0, &2).vote_locks.len(), 3);
		assert_eq!(MutualCredit::account_info(0, &2).locked, 200);
		// Once poll 0 has ended, its lock is pruned before the room is counted.
		System::set_block_number(6);
		assert_ok!(MutualCredit::lock(0, &2, 3, 100, 20));
		let polls: Vec<u32> =
			MutualCredit::account_of(0, &2).vote_locks.iter().map(|lock| lock.poll).collect();
		assert_eq!(polls, vec![1, 2, 3]);
		// Closing one makes room too.
		MutualCredit::unlock(0, &2, 2);
		assert_ok!(MutualCredit::lock(0, &2, 4, 100, 20));
	});
}

#[test]
fn only_voting_credit_can_be_locked() {
	build_and_execute(|| {
		earn(0, 2, 300);
		assert_ok!(MutualCredit::offer(0, &2, 100));
		// 200 vote: the positive balance less what is on offer.
		assert_noop!(MutualCredit::lock(0, &2, 0, 201, 10), Error::<Test>::InsufficientCredit);
		// A member in debt has no voting credit.
		assert_noop!(MutualCredit::lock(0, &1, 0, 1, 10), Error::<Test>::InsufficientCredit);
		assert_ok!(MutualCredit::lock(0, &2, 0, 200, 10));
		// Nothing locked, nothing to keep: a zero lock changes nothing.
		assert_ok!(MutualCredit::lock(0, &1, 1, 0, 10));
		assert!(MutualCredit::account_of(0, &1).vote_locks.is_empty());
	});
}

#[test]
fn releasing_a_poll_that_locked_nothing_changes_nothing() {
	build_and_execute(|| {
		earn(0, 2, 300);
		assert_ok!(MutualCredit::lock(0, &2, 1, 300, 20));
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		MutualCredit::unlock(0, &2, 0);
		MutualCredit::unlock(0, &3, 1);
		MutualCredit::unlock(0, &99, 1);
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
		assert_eq!(MutualCredit::account_info(0, &2).locked, 300);
		assert!(!Accounts::<Test>::contains_key(0, 99));
	});
}

#[test]
fn the_lock_is_the_largest_vote_of_the_open_polls() {
	build_and_execute(|| {
		earn(0, 2, 100);
		assert_ok!(MutualCredit::lock(0, &2, 0, 100, 30));
		earn(0, 2, 200);
		assert_ok!(MutualCredit::lock(0, &2, 1, 300, 10));
		assert_eq!(MutualCredit::account_info(0, &2).locked, 300);
		// Poll 1 ends: poll 0's 100 hold; 200 are free again.
		System::set_block_number(11);
		let info = MutualCredit::account_info(0, &2);
		assert_eq!((info.locked, info.available), (100, 200));
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 200));
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 1),
			Error::<Test>::CreditLocked
		);
	});
}

/// The benchmarks' costliest lock: credit to lock, and the locks one short of full.
#[cfg(feature = "runtime-benchmarks")]
#[test]
fn the_benchmarks_costliest_lock_fills_the_last_room() {
	build_and_execute(|| {
		MutualCredit::prepare_costliest_lock(0, &2, 10);
		let account = MutualCredit::account_of(0, &2);
		assert_eq!(account.vote_locks.len(), MAX_VOTE_LOCKS as usize - 1);
		assert_ok!(MutualCredit::lock(0, &2, 0, MutualCredit::voting_credit(0, &2), 10));
		assert_noop!(MutualCredit::lock(0, &2, 1, 1, 10), Error::<Test>::TooManyVoteLocks);
	});
}

#[test]
fn only_earned_credit_still_held_votes() {
	build_and_execute(|| {
		// 2 earned 100 by its work; 1 (in debt) pays it 500 more, as a friend pooling credit would.
		earn(0, 2, 100);
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 500));
		assert_eq!(MutualCredit::account_info(0, &2).balance, 600);
		// Issue 12, attack 7: the pooled credit adds no weight.
		assert_eq!(MutualCredit::voting_credit(0, &2), 100);
		assert_noop!(MutualCredit::lock(0, &2, 0, 101, 10), Error::<Test>::InsufficientCredit);
		// Offering the credit it did not earn costs nothing; offering earned credit does.
		assert_ok!(MutualCredit::offer(0, &2, 500));
		assert_eq!(MutualCredit::voting_credit(0, &2), 100);
		assert_ok!(MutualCredit::withdraw_offer(0, &2, 500));
		// Paying away below what it earned takes the weight with it, and it does not come back
		// with credit received afterwards.
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 560));
		assert_eq!(MutualCredit::voting_credit(0, &2), 40);
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(3), 0, 2, 560));
		assert_eq!(MutualCredit::voting_credit(0, &2), 40);
		// The receiver of earned credit gains no weight either.
		assert_eq!(MutualCredit::voting_credit(0, &3), 0);
	});
}
