//! Membership: leaving only without debt, write-offs, and keeping credit after leaving.

use super::*;

#[test]
fn a_member_who_owes_cannot_leave_until_settled() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 100));
		assert_noop!(leave(0, 1), Error::<Test>::UnsettledDebt);
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 1, 100));
		assert_ok!(leave(0, 1));
		// Nothing left, so no account left.
		assert!(!Accounts::<Test>::contains_key(0, 1));
	});
}

#[test]
fn the_cooperative_may_write_a_debt_off() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 120));
		assert_noop!(MutualCredit::write_off(coop_origin(0), 0, 2), Error::<Test>::NoDebt);
		assert_noop!(MutualCredit::write_off(coop_origin(1), 0, 1), DispatchError::BadOrigin);
		assert_noop!(
			MutualCredit::write_off(RuntimeOrigin::signed(2), 0, 1),
			DispatchError::BadOrigin
		);
		assert_noop!(MutualCredit::write_off(coop_origin(0), 0, 4), Error::<Test>::NoCreditAccount);
		assert_noop!(
			MutualCredit::write_off(coop_origin(0), 0, coop_account(0)),
			Error::<Test>::NotMember
		);
		assert_ok!(MutualCredit::write_off(coop_origin(0), 0, 1));
		assert_eq!(last_event(), Event::<Test>::WrittenOff { coop: 0, who: 1, amount: 120 }.into());
		assert_eq!((balance(0, 1), balance(0, coop_account(0))), (0, -120));
		assert_eq!(MutualCredit::currency_info(0).written_off, 120);
		assert_ok!(leave(0, 1));
	});
}

#[test]
fn a_write_off_stays_within_the_issuance_limit() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 120));
		assert_ok!(MutualCredit::set_credit_limit(coop_origin(0), 0, coop_account(0), 100));
		assert_noop!(
			MutualCredit::write_off(coop_origin(0), 0, 1),
			Error::<Test>::OverIssuanceLimit
		);
	});
}

#[test]
fn a_member_who_leaves_with_credit_keeps_it_and_may_pay_it_out() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 100));
		assert_ok!(leave(0, 2));
		let kept = MutualCredit::account_info(0, &2);
		assert_eq!((kept.balance, kept.credit_limit, kept.available), (100, 0, 100));
		// A former member is no payee...
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 1),
			Error::<Test>::NotMember
		);
		// ... but pays out what it kept, and never into debt.
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 1, 101),
			Error::<Test>::OverCreditLimit
		);
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 1, 60));
		// Rejoining gives the limit back.
		join(0, 2);
		assert_eq!(MutualCredit::account_of(0, &2).credit_limit, DEFAULT_LIMIT);
		assert_eq!(balance(0, 2), 40);
	});
}
