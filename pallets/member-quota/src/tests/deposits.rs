//! Who holds a member's storage deposit: the member if it can, else its cooperative, within
//! the budget the cooperative sets.

use super::*;
use confoederatio_primitives::DepositPayer;
use frame_support::traits::fungible::Mutate;

fn payer(coop: u32, who: u64, amount: u64) -> u64 {
	<MemberQuota as DepositPayer<u64, u64>>::payer(coop, &who, amount)
}

#[test]
fn a_cooperative_pays_the_deposits_of_its_members_without_funds_within_its_budget() {
	build_and_execute(|| {
		let coop_account = MockCooperatives::account_of(0);
		assert_ok!(Balances::mint_into(&coop_account, 1_000));
		join(0, 6);
		// 1 can pay its own; 6 holds nothing: its cooperative pays, up to the budget.
		assert_eq!(payer(0, 1, 10), 1);
		assert_eq!(payer(0, 6, BUDGET), coop_account);
		assert_eq!(payer(0, 6, BUDGET + 1), 6);
		// Not a member of cooperative 1, nor is 7 of any: they pay their own (and cannot).
		assert_eq!(payer(1, 6, 1), 6);
		assert_eq!(payer(0, 7, 1), 7);
		// The cooperative decides its budget; zero: members pay their own.
		assert_ok!(MemberQuota::set_deposit_budget(coop_origin(0), 0, 0));
		System::assert_last_event(Event::<Test>::DepositBudgetSet { coop: 0, budget: 0 }.into());
		assert_eq!(payer(0, 6, 1), 6);
		assert_noop!(
			MemberQuota::set_deposit_budget(RuntimeOrigin::signed(1), 0, 5),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			MemberQuota::set_deposit_budget(coop_origin(9), 9, 5),
			Error::<Test>::UnknownCooperative
		);
	});
}
