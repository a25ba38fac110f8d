//! Payments within a currency: down to the credit limit, and what is refused.

use super::*;

#[test]
fn members_pay_each_other_down_to_their_credit_limit() {
	build_and_execute(|| {
		assert_eq!(MutualCredit::account_of(0, &1).credit_limit, DEFAULT_LIMIT);
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 300));
		assert_eq!(
			last_event(),
			Event::<Test>::Transferred { coop: 0, from: 1, to: 2, amount: 300 }.into()
		);
		assert_eq!((balance(0, 1), balance(0, 2)), (-300, 300));
		// Exactly down to the limit...
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 3, 200));
		assert_eq!(balance(0, 1), -500);
		assert_eq!(MutualCredit::account_info(0, &1).available, 0);
		// ... and not one unit beyond it.
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 1),
			Error::<Test>::OverCreditLimit
		);
		// Credit received can be spent, and more: 2 holds 300 and may go to -500.
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 1, 800));
		assert_eq!((balance(0, 1), balance(0, 2)), (300, -500));
	});
}

#[test]
fn the_cooperative_itself_can_be_paid() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, coop_account(0), 100));
		assert_eq!(balance(0, coop_account(0)), 100);
		assert_eq!(MutualCredit::account_of(0, &coop_account(0)).credit_limit, ISSUANCE_LIMIT);
	});
}

#[test]
fn rejects_zero_self_and_strangers() {
	build_and_execute(|| {
		let signed = RuntimeOrigin::signed;
		assert_noop!(MutualCredit::transfer(signed(1), 0, 2, 0), Error::<Test>::ZeroAmount);
		assert_noop!(MutualCredit::transfer(signed(1), 0, 1, 5), Error::<Test>::SelfTransfer);
		// A member of another cooperative is not a payee here.
		assert_noop!(MutualCredit::transfer(signed(1), 0, 4, 5), Error::<Test>::NotMember);
		// Nor is the other cooperative's coop account.
		assert_noop!(
			MutualCredit::transfer(signed(1), 0, coop_account(1), 5),
			Error::<Test>::NotMember
		);
		// A stranger has no account to pay from.
		assert_noop!(MutualCredit::transfer(signed(4), 0, 1, 5), Error::<Test>::NoCreditAccount);
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::none(), 0, 1, 5),
			DispatchError::BadOrigin
		);
		assert_noop!(MutualCredit::transfer(coop_origin(0), 0, 1, 5), DispatchError::BadOrigin);
		assert_noop!(
			MutualCredit::transfer(signed(coop_account(0)), 0, 1, 5),
			Error::<Test>::PayerIsCooperative
		);
	});
}

#[test]
fn rejects_unknown_and_suspended_cooperatives() {
	build_and_execute(|| {
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(1), 9, 2, 5),
			Error::<Test>::UnknownCooperative
		);
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(7), 2, 8, 5),
			Error::<Test>::CooperativeNotActive
		);
		// Suspension stops payments that worked before.
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 5));
		MockCooperatives::set_active(0, false);
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 5),
			Error::<Test>::CooperativeNotActive
		);
	});
}

#[test]
fn rejects_amounts_beyond_any_range() {
	build_and_execute(|| {
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, u128::MAX),
			Error::<Test>::OverCreditLimit
		);
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, i128::MAX as u128),
			Error::<Test>::OverCreditLimit
		);
		// A payee whose balance cannot grow further: the payment fails whole.
		let huge = i128::MAX;
		Accounts::<Test>::insert(0, 2, CreditAccount { balance: huge, ..Default::default() });
		Accounts::<Test>::insert(
			0,
			coop_account(0),
			CreditAccount { balance: -huge, credit_limit: huge as u128, ..Default::default() },
		);
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 1),
			Error::<Test>::Overflow
		);
	});
}
