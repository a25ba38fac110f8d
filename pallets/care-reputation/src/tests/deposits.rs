//! Who holds a record's deposit: its first attester, or the cooperative's account for an
//! attester who cannot pay it ([`Config::DepositPayer`], the kit's `CoopPaysDeposits` here);
//! the deposit goes back to the account it was held from, however the record ends.

use super::*;
use frame_support::traits::fungible::{Inspect, Mutate};

/// A member of cooperative 0 holding no native token.
const PENNILESS: u64 = 99;

/// Cooperative 0's account.
fn coop_account() -> u64 {
	MockCooperatives::account_of(0)
}

/// Makes [`PENNILESS`] a member of cooperative 0, funds the cooperative's account with `funds`
/// and lets it hold up to `budget` for its members' deposits.
fn coop_pays(funds: u64, budget: u128) {
	MockCooperatives::change(0, |c| c.members.push(PENNILESS));
	if funds > 0 {
		assert_eq!(Balances::set_balance(&coop_account(), funds), funds);
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

fn depositor(record: RecordId) -> u64 {
	Records::<Test>::get(record).expect("pending").depositor
}

#[test]
fn a_member_without_funds_attests_and_its_cooperative_holds_the_deposit() {
	build_and_execute(|| {
		coop_pays(100, 100);
		assert_ok!(attest(0, PENNILESS, 3, 5, 1));
		assert_eq!(
			last_event(),
			Event::<Test>::Attested {
				record: 0,
				coop: 0,
				member: 3,
				attester: PENNILESS,
				points: 5,
				attestations: 1,
			}
			.into()
		);
		assert_eq!(depositor(0), coop_account());
		assert_eq!(
			Records::<Test>::get(0).and_then(|r| r.first_attester().copied()),
			Some(PENNILESS)
		);
		assert_eq!((held(coop_account()), free(coop_account())), (DEPOSIT, 100 - DEPOSIT));
		assert_eq!((held(PENNILESS), free(PENNILESS)), (0, 0));
		assert_eq!(paid_for(PENNILESS), u128::from(DEPOSIT));

		// A second attester confirms it: the deposit goes back to the cooperative, not to the
		// first attester nor to the second.
		assert_ok!(attest(0, 2, 3, 5, 1));
		assert_eq!(CareReputation::reputation(0, &3), 5);
		assert_eq!(paid_for(PENNILESS), 0, "the payer is told of the release");
		assert_eq!((held(coop_account()), free(coop_account())), (0, 100));
		assert_eq!((held(PENNILESS), free(PENNILESS)), (0, 0));
		assert_eq!((held(2), free(2)), (0, 1_000));
	});
}

#[test]
fn a_record_confirmed_by_decision_returns_the_deposit_to_the_cooperative() {
	build_and_execute(|| {
		coop_pays(100, 100);
		assert_ok!(attest(0, PENNILESS, 3, 5, 1));
		assert_ok!(CareReputation::confirm(coop_origin(0), 0));
		assert_eq!((held(coop_account()), free(coop_account())), (0, 100));
		assert_eq!((held(PENNILESS), free(PENNILESS)), (0, 0));
	});
}

#[test]
fn the_first_attester_withdraws_and_the_deposit_returns_to_the_cooperative() {
	build_and_execute(|| {
		coop_pays(100, 100);
		assert_ok!(attest(0, PENNILESS, 3, 5, 1));
		// The cooperative's account paid, but only the first attester withdraws.
		assert_noop!(
			CareReputation::withdraw(RuntimeOrigin::signed(coop_account()), 0),
			Error::<Test>::NotFirstAttester
		);
		assert_eq!(Balances::set_balance(&PENNILESS, 500), 500);
		assert_ok!(CareReputation::withdraw(RuntimeOrigin::signed(PENNILESS), 0));
		assert_eq!(last_event(), Event::<Test>::Withdrawn { record: 0 }.into());
		assert_eq!((held(coop_account()), free(coop_account())), (0, 100));
		assert_eq!((held(PENNILESS), free(PENNILESS)), (0, 500));
	});
}

#[test]
fn once_the_first_attester_left_anyone_returns_the_deposit_to_the_cooperative() {
	build_and_execute(|| {
		coop_pays(100, 100);
		assert_ok!(attest(0, PENNILESS, 3, 5, 1));
		assert_ok!(attest(0, 2, 3, 5, 2));
		assert_eq!(paid_for(PENNILESS), u128::from(DEPOSIT));
		// While it is a member, nobody else withdraws its records.
		assert_noop!(
			CareReputation::withdraw(RuntimeOrigin::signed(2), 0),
			Error::<Test>::NotFirstAttester
		);
		// It leaves: its cooperative would hold these deposits for ever. Anyone may now
		// withdraw its records; the deposits go back to the cooperative, not to the caller.
		MockCooperatives::change(0, |c| c.members.retain(|m| *m != PENNILESS));
		assert_ok!(CareReputation::withdraw(RuntimeOrigin::signed(2), 0));
		assert_eq!(last_event(), Event::<Test>::Withdrawn { record: 0 }.into());
		assert_eq!((held(coop_account()), free(coop_account())), (0, 100));
		// The caller gains nothing (it holds only its own record's deposit).
		assert_eq!((held(2), free(2)), (DEPOSIT, 1_000 - DEPOSIT));
		assert_eq!(paid_for(PENNILESS), 0);
		// A record whose first attester is still a member stays theirs alone.
		assert_noop!(
			CareReputation::withdraw(RuntimeOrigin::signed(1), 1),
			Error::<Test>::NotFirstAttester
		);
		assert_ok!(CareReputation::withdraw(RuntimeOrigin::signed(2), 1));
	});
}

#[test]
fn a_member_with_funds_pays_its_own_deposit() {
	build_and_execute(|| {
		coop_pays(100, 100);
		assert_ok!(attest(0, 1, 3, 5, 1));
		assert_eq!(depositor(0), 1);
		assert_eq!((held(1), held(coop_account())), (DEPOSIT, 0));
		assert_ok!(CareReputation::withdraw(RuntimeOrigin::signed(1), 0));
		assert_eq!((held(1), free(1)), (0, 1_000));
	});
}

#[test]
fn an_attestation_nobody_can_pay_for_changes_nothing() {
	build_and_execute(|| {
		// No budget: the attester pays, and cannot.
		coop_pays(100, 0);
		assert_noop!(attest(0, PENNILESS, 3, 5, 1), TokenError::FundsUnavailable);
		// A budget, but an account without the funds.
		assert_eq!(Balances::set_balance(&coop_account(), 0), 0);
		MockCooperatives::set_deposit_budget(0, 100);
		assert_noop!(attest(0, PENNILESS, 3, 5, 1), TokenError::FundsUnavailable);
		// A budget for one deposit: the second is the attester's, who cannot pay it.
		assert_eq!(Balances::set_balance(&coop_account(), 100), 100);
		MockCooperatives::set_deposit_budget(0, u128::from(DEPOSIT));
		assert_ok!(attest(0, PENNILESS, 3, 5, 1));
		assert_noop!(attest(0, PENNILESS, 4, 5, 2), TokenError::FundsUnavailable);
		// A refused attestation holds nothing from anyone.
		assert_noop!(attest(0, PENNILESS, 4, 0, 2), Error::<Test>::ZeroPoints);
		assert_eq!(held(coop_account()), DEPOSIT);
		// Joining a record holds no deposit: another member's attestation confirms the first.
		assert_ok!(attest(0, 2, 3, 5, 1));
		assert_eq!(held(coop_account()), 0);
		assert_ok!(attest(0, PENNILESS, 4, 5, 2));
		assert_eq!(depositor(1), coop_account());
	});
}
