//! Credit limits: a member's, the default for new members, the coop account's issuance limit.

use super::*;

#[test]
fn the_cooperative_sets_a_members_limit() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::set_credit_limit(coop_origin(0), 0, 1, 2_000));
		assert_eq!(
			last_event(),
			Event::<Test>::CreditLimitSet { coop: 0, who: 1, limit: 2_000 }.into()
		);
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 2_000));
		assert_eq!(balance(0, 1), -2_000);
		// Not below what the member owes now.
		assert_noop!(
			MutualCredit::set_credit_limit(coop_origin(0), 0, 1, 1_999),
			Error::<Test>::BelowCurrentDebt
		);
		assert_ok!(MutualCredit::set_credit_limit(coop_origin(0), 0, 1, 2_000));
		assert_ok!(MutualCredit::set_credit_limit(coop_origin(0), 0, 2, 0));
	});
}

#[test]
fn limits_are_bounded_and_the_cooperatives_own() {
	build_and_execute(|| {
		assert_noop!(
			MutualCredit::set_credit_limit(coop_origin(0), 0, 1, MAX_CREDIT_LIMIT + 1),
			Error::<Test>::LimitTooHigh
		);
		assert_noop!(
			MutualCredit::set_credit_limit(coop_origin(1), 0, 1, 10),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualCredit::set_credit_limit(RuntimeOrigin::signed(1), 0, 1, 10),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualCredit::set_credit_limit(federation(), 0, 1, 10),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualCredit::set_credit_limit(coop_origin(0), 0, 4, 10),
			Error::<Test>::NotMember
		);
		assert_noop!(
			MutualCredit::set_credit_limit(coop_origin(9), 9, 4, 10),
			Error::<Test>::UnknownCooperative
		);
	});
}

#[test]
fn the_cooperatives_own_limit_is_its_issuance_limit() {
	build_and_execute(|| {
		let coop_account_0 = coop_account(0);
		assert_ok!(MutualCredit::set_credit_limit(
			coop_origin(0),
			0,
			coop_account_0,
			MAX_CREDIT_LIMIT + 1
		));
		assert_eq!(MutualCredit::account_of(0, &coop_account_0).credit_limit, MAX_CREDIT_LIMIT + 1);
		assert_noop!(
			MutualCredit::set_credit_limit(
				coop_origin(0),
				0,
				coop_account_0,
				MAX_ISSUANCE_LIMIT + 1
			),
			Error::<Test>::LimitTooHigh
		);
	});
}

#[test]
fn new_members_get_the_default_limit_and_old_ones_keep_theirs() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::set_default_credit_limit(coop_origin(0), 0, 1_000));
		assert_eq!(
			last_event(),
			Event::<Test>::DefaultCreditLimitSet { coop: 0, limit: 1_000 }.into()
		);
		assert_eq!(MutualCredit::currency_info(0).default_credit_limit, 1_000);
		join(0, 9);
		assert_eq!(MutualCredit::account_of(0, &9).credit_limit, 1_000);
		assert_eq!(MutualCredit::account_of(0, &1).credit_limit, DEFAULT_LIMIT);
		assert_noop!(
			MutualCredit::set_default_credit_limit(coop_origin(0), 0, MAX_CREDIT_LIMIT + 1),
			Error::<Test>::LimitTooHigh
		);
		assert_noop!(
			MutualCredit::set_default_credit_limit(coop_origin(1), 0, 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualCredit::set_default_credit_limit(RuntimeOrigin::signed(1), 0, 1),
			DispatchError::BadOrigin
		);
	});
}
