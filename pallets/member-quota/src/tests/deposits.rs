//! Who holds a member's storage deposit: the member if it can, else its cooperative, within
//! the budget the cooperative sets for all its members and the limit for any one of them.

use super::*;
use confoederatio_primitives::DepositPayer;
use frame_support::traits::fungible::Mutate;

fn payer(coop: u32, who: u64, amount: u64) -> u64 {
	<MemberQuota as DepositPayer<u64, u64>>::payer(coop, &who, amount)
}

fn released(coop: u32, who: u64, depositor: u64, amount: u64) {
	<MemberQuota as DepositPayer<u64, u64>>::released(coop, &who, &depositor, amount)
}

#[test]
fn a_cooperative_pays_the_deposits_of_its_members_without_funds_within_its_budget() {
	build_and_execute(|| {
		let coop_account = MockCooperatives::account_of(0);
		assert_ok!(Balances::mint_into(&coop_account, 1_000));
		join(0, 6);
		// 1 can pay its own: nothing is counted for it.
		assert_eq!(payer(0, 1, 10), 1);
		assert_eq!(PaidFor::<Test>::get(0, 1), 0);
		// 6 holds nothing: its cooperative pays, and counts it.
		assert_eq!(payer(0, 6, 10), coop_account);
		assert_eq!(PaidFor::<Test>::get(0, 6), 10);
		// Not a member of cooperative 1, nor is 7 of any: they pay their own (and cannot).
		assert_eq!(payer(1, 6, 1), 6);
		assert_eq!(payer(0, 7, 1), 7);
		released(0, 6, coop_account, 10);
		assert!(!PaidFor::<Test>::contains_key(0, 6), "released in full: the entry goes");
	});
}

#[test]
fn one_member_cannot_use_up_the_budget_of_all() {
	build_and_execute(|| {
		let coop_account = MockCooperatives::account_of(0);
		assert_ok!(Balances::mint_into(&coop_account, 1_000));
		join(0, 6);
		join(0, 7);
		// 6 may have its cooperative hold up to MEMBER_LIMIT for it, not a unit more.
		assert_eq!(payer(0, 6, MEMBER_LIMIT - 1), coop_account);
		assert_eq!(payer(0, 6, 2), 6, "past the member's limit it pays its own");
		assert_eq!(payer(0, 6, 1), coop_account, "exactly at the limit is within it");
		assert_eq!(PaidFor::<Test>::get(0, 6), MEMBER_LIMIT);
		// 7 still finds the budget there for it.
		assert_eq!(payer(0, 7, MEMBER_LIMIT), coop_account);
		// A release makes room again for 6, and only for 6.
		released(0, 6, coop_account, 5);
		assert_eq!(PaidFor::<Test>::get(0, 6), MEMBER_LIMIT - 5);
		assert_eq!(payer(0, 6, 5), coop_account);
		// A deposit 6 held itself (or another account held) changes nothing of the count.
		released(0, 6, 6, 5);
		released(0, 6, 1, 5);
		assert_eq!(PaidFor::<Test>::get(0, 6), MEMBER_LIMIT);
		// Releasing more than was counted (a deposit from before the count) stops at zero.
		released(0, 7, coop_account, MEMBER_LIMIT + 100);
		assert!(!PaidFor::<Test>::contains_key(0, 7));
		released(0, 6, coop_account, MEMBER_LIMIT);
	});
}

#[test]
fn a_cooperative_sets_its_budget_and_member_limit_by_its_own_decision() {
	build_and_execute(|| {
		join(0, 6);
		let coop_account = MockCooperatives::account_of(0);
		assert_ok!(Balances::mint_into(&coop_account, 1_000));
		assert_eq!(MemberQuota::deposit_budget(0), BUDGET);
		assert_eq!(MemberQuota::member_deposit_limit(0), MEMBER_LIMIT);
		assert_ok!(MemberQuota::set_deposit_budget(coop_origin(0), 0, 40, 30));
		System::assert_last_event(
			Event::<Test>::DepositBudgetSet { coop: 0, budget: 40, per_member: 30 }.into(),
		);
		assert_eq!((MemberQuota::deposit_budget(0), MemberQuota::member_deposit_limit(0)), (40, 30));
		assert_eq!(payer(0, 6, 30), coop_account);
		released(0, 6, coop_account, 30);
		// Zero: members pay their own.
		assert_ok!(MemberQuota::set_deposit_budget(coop_origin(0), 0, 0, 0));
		assert_eq!(payer(0, 6, 1), 6);
		// Refusals change nothing.
		assert_noop!(
			MemberQuota::set_deposit_budget(coop_origin(0), 0, 10, 11),
			Error::<Test>::MemberLimitAboveBudget
		);
		assert_noop!(
			MemberQuota::set_deposit_budget(RuntimeOrigin::signed(1), 0, 5, 5),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			MemberQuota::set_deposit_budget(coop_origin(9), 9, 5, 5),
			Error::<Test>::UnknownCooperative
		);
		assert_noop!(
			MemberQuota::set_deposit_budget(coop_origin(1), 0, 5, 5),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
