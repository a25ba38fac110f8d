//! Redemption: credit burnt up to the entitlement, and unburnt.

use super::*;
use confoederatio_primitives::{LockableCredit, RedeemableCredit};

fn earn_by_work(who: u64, amount: u128) {
	let id = submit(0, who, amount, Subsistence);
	assert_ok!(MutualCredit::approve_contribution(coop_origin(0), id));
}

#[test]
fn burning_takes_credit_out_of_circulation_up_to_the_entitlement() {
	build_and_execute(|| {
		earn_by_work(1, 300);
		assert_eq!(MutualCredit::entitlement(0, &1, Subsistence), 300);
		assert_ok!(MutualCredit::burn(0, &1, Subsistence, 120));
		let info = MutualCredit::account_info(0, &1);
		assert_eq!((info.balance, info.subsistence_entitlement), (180, 180));
		assert_eq!(balance(0, coop_account(0)), -180);
		assert_eq!(
			last_event(),
			Event::<Test>::Burned { coop: 0, who: 1, category: Subsistence, amount: 120 }.into()
		);
		// And back.
		assert_ok!(MutualCredit::unburn(0, &1, Subsistence, 120));
		let info = MutualCredit::account_info(0, &1);
		assert_eq!((info.balance, info.subsistence_entitlement), (300, 300));
		assert_eq!(balance(0, coop_account(0)), -300);
	});
}

#[test]
fn burning_is_checked() {
	build_and_execute(|| {
		earn_by_work(1, 300);
		assert_noop!(MutualCredit::burn(0, &1, Subsistence, 0), Error::<Test>::ZeroAmount);
		assert_noop!(MutualCredit::burn(0, &1, Subsistence, 301), Error::<Test>::OverEntitlement);
		assert_noop!(MutualCredit::burn(0, &1, Commons, 1), Error::<Test>::OverEntitlement);
		assert_noop!(MutualCredit::burn(0, &4, Subsistence, 1), Error::<Test>::NoCreditAccount);
		assert_noop!(
			MutualCredit::burn(0, &coop_account(0), Subsistence, 1),
			Error::<Test>::PayerIsCooperative
		);
		// Only credit held: spent credit is no longer earned, so no longer an entitlement.
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 250));
		assert_eq!(MutualCredit::entitlement(0, &1, Subsistence), 50);
		assert_noop!(MutualCredit::burn(0, &1, Subsistence, 51), Error::<Test>::OverEntitlement);
		// Credit received is held but not earned: no entitlement.
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 1, 100));
		assert_eq!(MutualCredit::account_info(0, &1).balance, 150);
		assert_noop!(MutualCredit::burn(0, &1, Subsistence, 51), Error::<Test>::OverEntitlement);
		// Nor earned credit that voted in an open poll.
		assert_ok!(MutualCredit::lock(0, &1, 0, 50, 10));
		assert_eq!(MutualCredit::entitlement(0, &1, Subsistence), 0);
		assert_noop!(MutualCredit::burn(0, &1, Subsistence, 1), Error::<Test>::CreditLocked);
	});
}

#[test]
fn unburning_stays_within_the_issuance_limit() {
	build_and_execute(|| {
		earn_by_work(1, 300);
		assert_ok!(MutualCredit::burn(0, &1, Subsistence, 100));
		assert_ok!(MutualCredit::set_credit_limit(coop_origin(0), 0, coop_account(0), 200));
		assert_noop!(
			MutualCredit::unburn(0, &1, Subsistence, 100),
			Error::<Test>::OverIssuanceLimit
		);
	});
}
