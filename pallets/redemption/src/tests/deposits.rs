//! Who holds a waiting request's deposit: the member, or its cooperative's account for a member
//! who cannot pay it ([`Config::DepositPayer`], the kit's `CoopPaysDeposits` here); the deposit
//! goes back to the account it was held from when the request is paid or cancelled.

use super::*;
use frame_support::traits::fungible::Mutate as _;

/// A member of cooperative 0 holding no native token, and 100 of its `Subsistence` credit.
const PENNILESS: u64 = 99;

/// What cooperative 0's account holds before the test: its deposits come out of it.
const COOP_FUNDS: u64 = 100;

fn coop_account(coop: CoopId) -> u64 {
	MockCooperatives::account_of(coop)
}

/// Makes [`PENNILESS`] a member of cooperative 0 holding 100 of its `Subsistence` credit, sets
/// the rate to 10 (the reserve is empty: a redemption waits), funds the coop account with
/// `funds` and lets it hold up to `budget` for its members' deposits.
fn coop_pays(funds: u64, budget: u128) {
	MockCooperatives::change(0, |c| c.members.push(PENNILESS));
	MockLedger::issue(0, PENNILESS, Subsistence, 100);
	set_rate(0, 10);
	if funds > 0 {
		assert_eq!(Balances::set_balance(&coop_account(0), funds), funds);
	}
	MockCooperatives::set_deposit_budget(0, budget);
}

fn redeem_by(who: u64, credit: u128) -> DispatchResult {
	Redemption::redeem(RuntimeOrigin::signed(who), 0, Subsistence, credit)
}

fn depositor(index: QueueIndex) -> u64 {
	Requests::<Test>::get((0, Subsistence), index).expect("waiting").depositor
}

/// What cooperative 0 holds for [`PENNILESS`]'s deposits, as the payer counts it.
fn paid_for() -> u128 {
	confoederatio_test_kit::CoopPaysDeposits::<Balances>::paid_for(0, &PENNILESS)
}

/// The deposits are back on cooperative 0's account, none is held from the member, and the
/// payer was told.
fn assert_deposits_back_with_the_cooperative() {
	assert_eq!((deposits_held(coop_account(0)), native(coop_account(0))), (0, COOP_FUNDS));
	assert_eq!(deposits_held(PENNILESS), 0);
	assert_eq!(paid_for(), 0);
}

#[test]
fn a_member_without_funds_queues_and_its_cooperative_holds_the_deposit() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, u128::from(COOP_FUNDS));
		assert_ok!(redeem_by(PENNILESS, 10));
		assert_eq!(
			last_event(),
			Event::<Test>::Queued {
				coop: 0,
				who: PENNILESS,
				category: Subsistence,
				index: 0,
				credit: 10,
				payout: 90,
				deposit: REQUEST_DEPOSIT
			}
			.into()
		);
		assert_eq!(depositor(0), coop_account(0));
		assert_eq!(
			(deposits_held(coop_account(0)), native(coop_account(0))),
			(REQUEST_DEPOSIT, COOP_FUNDS - REQUEST_DEPOSIT)
		);
		assert_eq!((deposits_held(PENNILESS), native(PENNILESS)), (0, 0));

		// Paid: the payout goes to the member, the deposit back to the cooperative.
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1_000));
		assert_eq!(native(PENNILESS), 90);
		assert_deposits_back_with_the_cooperative();
		assert_eq!(WaitingRequests::<Test>::get((0, Subsistence), PENNILESS), 0);
	});
}

#[test]
fn a_cancelled_request_returns_the_deposit_to_the_cooperative() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, u128::from(COOP_FUNDS));
		assert_ok!(redeem_by(PENNILESS, 10));
		assert_ok!(redeem_by(PENNILESS, 20));
		assert_eq!((depositor(0), depositor(1)), (coop_account(0), coop_account(0)));
		assert_eq!(deposits_held(coop_account(0)), 2 * REQUEST_DEPOSIT);
		assert_eq!(paid_for(), 2 * u128::from(REQUEST_DEPOSIT));
		assert_ok!(Redemption::cancel(RuntimeOrigin::signed(PENNILESS), 0, Subsistence, 0));
		assert_eq!(deposits_held(coop_account(0)), REQUEST_DEPOSIT);
		assert_ok!(Redemption::cancel(RuntimeOrigin::signed(PENNILESS), 0, Subsistence, 1));
		assert_eq!(MockLedger::holding(0, PENNILESS).balance, 100);
		assert_deposits_back_with_the_cooperative();
		assert_eq!(native(PENNILESS), 0);
	});
}

#[test]
fn the_deposit_returns_to_the_cooperative_even_if_the_member_can_pay_by_then() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, u128::from(COOP_FUNDS));
		assert_ok!(redeem_by(PENNILESS, 10));
		assert_eq!(Balances::set_balance(&PENNILESS, 500), 500);
		assert_ok!(Redemption::cancel(RuntimeOrigin::signed(PENNILESS), 0, Subsistence, 0));
		assert_deposits_back_with_the_cooperative();
		assert_eq!(native(PENNILESS), 500);
	});
}

#[test]
fn a_member_with_funds_pays_its_own_deposit() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, u128::from(COOP_FUNDS));
		MockLedger::issue(0, 1, Subsistence, 100);
		let before = native(1);
		assert_ok!(redeem_by(1, 10));
		assert_eq!(depositor(0), 1);
		assert_eq!((deposits_held(1), deposits_held(coop_account(0))), (REQUEST_DEPOSIT, 0));
		assert_ok!(Redemption::cancel(RuntimeOrigin::signed(1), 0, Subsistence, 0));
		assert_eq!((deposits_held(1), native(1)), (0, before));
		assert_eq!(native(coop_account(0)), COOP_FUNDS);
	});
}

#[test]
fn a_request_nobody_can_pay_the_deposit_for_changes_nothing() {
	build_and_execute(|| {
		// No budget: the member pays, and cannot.
		coop_pays(COOP_FUNDS, 0);
		assert_noop!(redeem_by(PENNILESS, 10), TokenError::FundsUnavailable);
		// A budget, but an account without the funds.
		assert_eq!(Balances::set_balance(&coop_account(0), 0), 0);
		MockCooperatives::set_deposit_budget(0, u128::from(COOP_FUNDS));
		assert_noop!(redeem_by(PENNILESS, 10), TokenError::FundsUnavailable);
		// A budget for one deposit: the second is the member's, who cannot pay it.
		assert_eq!(Balances::set_balance(&coop_account(0), COOP_FUNDS), COOP_FUNDS);
		MockCooperatives::set_deposit_budget(0, u128::from(REQUEST_DEPOSIT));
		assert_ok!(redeem_by(PENNILESS, 10));
		assert_eq!(depositor(0), coop_account(0));
		assert_noop!(redeem_by(PENNILESS, 20), TokenError::FundsUnavailable);
		// A refused request holds nothing from anyone, and its credit stays with the member.
		assert_eq!(deposits_held(coop_account(0)), REQUEST_DEPOSIT);
		assert_eq!(MockLedger::holding(0, PENNILESS).balance, 90);
		// Cancelling the first makes room for another.
		assert_ok!(Redemption::cancel(RuntimeOrigin::signed(PENNILESS), 0, Subsistence, 0));
		assert_ok!(redeem_by(PENNILESS, 20));
		assert_eq!(depositor(1), coop_account(0));
	});
}
