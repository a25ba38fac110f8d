//! Vote locks: credit that weighed in a vote stays until the polls it voted in close.

use super::*;
use confoederatio_primitives::LockableCredit;

#[test]
fn credit_that_voted_stays_until_the_poll_ends() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 300));
		assert_ok!(MutualCredit::set_federation_limit(federation(), 0, 1_000));
		assert_ok!(MutualCredit::set_federation_limit(federation(), 1, 1_000));
		// 2 voted with its 300 in a poll open until block 10.
		MutualCredit::lock(0, &2, 300, 10);
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
		MutualCredit::lock(0, &2, 100, 5);
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
		MutualCredit::lock(0, &99, 5, 100);
		assert!(!Accounts::<Test>::contains_key(0, 99));
	});
}

#[test]
fn closing_the_polls_early_releases_the_lock() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 300));
		// Two open polls, ending at 10 and 20, hold 2's 300.
		MutualCredit::lock(0, &2, 300, 10);
		MutualCredit::lock(0, &2, 300, 20);
		MutualCredit::unlock(0, &2, 10);
		assert_eq!(MutualCredit::account_info(0, &2).locked, 300, "the second still holds it");
		MutualCredit::unlock(0, &2, 20);
		assert_eq!(MutualCredit::account_info(0, &2).locked, 0);
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 300));
	});
}

#[test]
fn a_poll_closed_after_its_end_does_not_release_a_newer_lock() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 300));
		MutualCredit::lock(0, &2, 300, 10);
		// The first poll ended unclosed; a new one locks afresh.
		System::set_block_number(11);
		MutualCredit::lock(0, &2, 300, 30);
		// The first is closed late: the new lock stands.
		MutualCredit::unlock(0, &2, 10);
		assert_eq!(MutualCredit::account_info(0, &2).locked, 300);
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 1),
			Error::<Test>::CreditLocked
		);
	});
}
