//! Who holds a contribution's deposit: the member, or its cooperative's account for a member
//! who cannot pay it ([`Config::DepositPayer`], the kit's `CoopPaysDeposits` here); the deposit
//! goes back to the account it was held from, whoever decides.

use super::*;
use frame_support::traits::fungible::{Inspect, Mutate};

/// A member of cooperative 0 holding no native token.
const PENNILESS: u64 = 99;

/// Makes [`PENNILESS`] a member of cooperative 0, funds the coop account with `funds` and lets
/// it hold up to `budget` for its members' deposits.
fn coop_pays(funds: u64, budget: u128) {
	join(0, PENNILESS);
	if funds > 0 {
		assert_eq!(Balances::set_balance(&coop_account(0), funds), funds);
	}
	MockCooperatives::set_deposit_budget(0, budget);
}

fn free(who: u64) -> u64 {
	Balances::balance(&who)
}

/// What cooperative 0 holds for `who`'s deposits, as the payer counts it.
fn paid_for(who: u64) -> u128 {
	confoederatio_test_kit::CoopPaysDeposits::<Balances>::paid_for(0, &who)
}

fn depositor(id: ContributionId) -> u64 {
	MutualCredit::pending_contribution(id).expect("pending").depositor
}

#[test]
fn a_member_without_funds_submits_and_its_cooperative_holds_the_deposit() {
	build_and_execute(|| {
		coop_pays(100, 100);
		let id = submit(0, PENNILESS, 250, Subsistence);
		assert_eq!(
			last_event(),
			Event::<Test>::ContributionSubmitted {
				id,
				coop: 0,
				who: PENNILESS,
				hours: 250,
				category: Subsistence,
				evidence: evidence(1),
			}
			.into()
		);
		assert_eq!(depositor(id), coop_account(0));
		assert_eq!((held(coop_account(0)), free(coop_account(0))), (DEPOSIT, 100 - DEPOSIT));
		assert_eq!((held(PENNILESS), free(PENNILESS)), (0, 0));
		assert_eq!(paid_for(PENNILESS), u128::from(DEPOSIT));

		// Approved: the credit goes to the member, the deposit back to the cooperative.
		assert_ok!(MutualCredit::approve_contribution(coop_origin(0), id));
		assert_eq!(paid_for(PENNILESS), 0, "the payer is told of the release");
		assert_eq!(balance(0, PENNILESS), 250);
		assert_eq!((held(coop_account(0)), free(coop_account(0))), (0, 100));
		assert_eq!((held(PENNILESS), free(PENNILESS)), (0, 0));
	});
}

#[test]
fn a_rejected_contribution_returns_the_deposit_to_the_cooperative() {
	build_and_execute(|| {
		coop_pays(100, 100);
		let id = submit(0, PENNILESS, 100, Commons);
		assert_eq!(held(coop_account(0)), DEPOSIT);
		assert_ok!(MutualCredit::reject_contribution(coop_origin(0), id));
		assert_eq!(paid_for(PENNILESS), 0, "the payer is told of the release");
		assert_eq!((held(coop_account(0)), free(coop_account(0))), (0, 100));
		assert_eq!((held(PENNILESS), free(PENNILESS)), (0, 0));
		assert_eq!(balance(0, PENNILESS), 0);
	});
}

#[test]
fn the_deposit_returns_to_the_cooperative_even_if_the_member_can_pay_by_then() {
	build_and_execute(|| {
		coop_pays(100, 100);
		let id = submit(0, PENNILESS, 100, Commons);
		assert_eq!(Balances::set_balance(&PENNILESS, 500), 500);
		assert_ok!(MutualCredit::approve_contribution(coop_origin(0), id));
		assert_eq!((held(coop_account(0)), free(coop_account(0))), (0, 100));
		assert_eq!((held(PENNILESS), free(PENNILESS)), (0, 500));
	});
}

#[test]
fn a_member_with_funds_pays_its_own_deposit() {
	build_and_execute(|| {
		coop_pays(100, 100);
		let id = submit(0, 1, 100, Commons);
		assert_eq!(depositor(id), 1);
		assert_eq!((held(1), held(coop_account(0))), (DEPOSIT, 0));
		assert_ok!(MutualCredit::reject_contribution(coop_origin(0), id));
		assert_eq!((held(1), free(1)), (0, 1_000));
	});
}

#[test]
fn a_submission_nobody_can_pay_for_changes_nothing() {
	build_and_execute(|| {
		let submit_by = |who| {
			MutualCredit::submit_contribution(
				RuntimeOrigin::signed(who),
				0,
				100,
				Commons,
				evidence(1),
			)
		};
		// No budget: the member pays, and cannot.
		coop_pays(100, 0);
		assert_noop!(submit_by(PENNILESS), TokenError::FundsUnavailable);
		// A budget, but an account without the funds.
		assert_eq!(Balances::set_balance(&coop_account(0), 0), 0);
		MockCooperatives::set_deposit_budget(0, 100);
		assert_noop!(submit_by(PENNILESS), TokenError::FundsUnavailable);
		// A budget for one deposit: the second is the member's, who cannot pay it.
		assert_eq!(Balances::set_balance(&coop_account(0), 100), 100);
		MockCooperatives::set_deposit_budget(0, u128::from(DEPOSIT));
		let first = submit(0, PENNILESS, 100, Commons);
		assert_noop!(submit_by(PENNILESS), TokenError::FundsUnavailable);
		// A refused submission holds nothing from anyone.
		assert_noop!(
			MutualCredit::submit_contribution(
				RuntimeOrigin::signed(PENNILESS),
				0,
				0,
				Commons,
				evidence(1)
			),
			Error::<Test>::ZeroAmount
		);
		assert_eq!(held(coop_account(0)), DEPOSIT);
		// Deciding the first makes room for another.
		assert_ok!(MutualCredit::reject_contribution(coop_origin(0), first));
		let second = submit(0, PENNILESS, 100, Commons);
		assert_eq!(depositor(second), coop_account(0));
	});
}
