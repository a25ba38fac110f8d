//! Who holds a resting order's deposit: the owner, or, for a member who cannot pay it, its
//! cooperative's account ([`Config::DepositPayer`], the kit's `CoopPaysDeposits` here), asked
//! for the cooperative whose credit the order gives, else the one whose credit it gets. The
//! deposit goes back to the account it was held from by every way the order leaves the book.

use super::*;
use frame_support::traits::fungible::Mutate as _;
use sp_runtime::TokenError;

/// A member of cooperative 0 holding no native token, and 1,000 of its credit.
const PENNILESS: u64 = 99;

/// What cooperative 0's account holds before the test: its deposits come out of it.
const COOP_FUNDS: u128 = 100;

fn coop_account(coop: CoopId) -> u64 {
	MockCooperatives::account_of(coop)
}

/// Makes `who` a member of `coop`.
fn join(coop: CoopId, who: u64) {
	MockCooperatives::change(coop, |c| c.members.push(who));
}

/// Makes [`PENNILESS`] a member of cooperative 0 holding 1,000 of its credit, funds the coop
/// account with `funds` and lets it hold up to `budget` for its members' deposits.
fn coop_pays(funds: u128, budget: u128) {
	join(0, PENNILESS);
	MockLedger::issue(0, PENNILESS, Commons, 1_000);
	if funds > 0 {
		assert_eq!(Balances::set_balance(&coop_account(0), funds), funds);
	}
	MockCooperatives::set_deposit_budget(0, budget);
}

fn depositor(id: OrderId) -> u64 {
	Orders::<Test>::get(id).expect("resting").depositor
}

/// The deposit is back on cooperative 0's account, none is held from the member, and the payer
/// was told.
fn assert_deposit_back_with_the_cooperative() {
	assert_eq!((deposit_held(coop_account(0)), native(coop_account(0))), (0, COOP_FUNDS));
	assert_eq!(deposit_held(PENNILESS), 0);
	assert_eq!(confoederatio_test_kit::CoopPaysDeposits::<Balances>::paid_for(0, &PENNILESS), 0);
}

#[test]
fn a_member_without_funds_rests_an_order_and_its_cooperative_holds_the_deposit() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, COOP_FUNDS);
		let ask = place(PENNILESS, Credit(0), Native, 400, price(10));
		assert_eq!(depositor(ask), coop_account(0));
		assert_eq!(
			(deposit_held(coop_account(0)), native(coop_account(0))),
			(DEPOSIT, COOP_FUNDS - DEPOSIT)
		);
		assert_eq!((deposit_held(PENNILESS), native(PENNILESS)), (0, 0));
		assert_eq!(offered(0, PENNILESS), 400);

		// Cancelled: the credit goes back to the member, the deposit to the cooperative.
		assert_ok!(Dex::cancel_order(signed(PENNILESS), ask));
		assert_eq!(
			events().last(),
			Some(&Event::OrderCancelled { id: ask, owner: PENNILESS, released: 400 })
		);
		assert_eq!(offered(0, PENNILESS), 0);
		assert_deposit_back_with_the_cooperative();
		assert_eq!(native(PENNILESS), 0);
	});
}

#[test]
fn once_its_owner_left_anyone_cancels_an_order_its_cooperative_holds_the_deposit_of() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, COOP_FUNDS);
		let ask = place(PENNILESS, Credit(0), Native, 400, price(10));
		assert_eq!(depositor(ask), coop_account(0));
		// While it is a member, only it cancels its order.
		assert_noop!(Dex::cancel_order(signed(4), ask), Error::<Test>::NotOwner);
		// It leaves: its order would rest for ever on the cooperative's deposit.
		MockCooperatives::change(0, |c| c.members.retain(|m| *m != PENNILESS));
		assert_ok!(Dex::cancel_order(signed(4), ask));
		assert_eq!(
			events().last(),
			Some(&Event::OrderCancelled { id: ask, owner: PENNILESS, released: 400 })
		);
		// What it offered goes back to its owner, the deposit to the cooperative; the caller
		// gains nothing.
		assert_eq!(offered(0, PENNILESS), 0);
		assert_deposit_back_with_the_cooperative();
		assert_eq!(deposit_held(4), 0);
		// An order whose owner paid its own deposit stays its owner's to cancel, member or not.
		MockLedger::issue(0, 1, Commons, 10);
		let own = place(1, Credit(0), Native, 10, price(10));
		MockCooperatives::change(0, |c| c.members.retain(|m| *m != 1));
		assert_noop!(Dex::cancel_order(signed(4), own), Error::<Test>::NotOwner);
		assert_ok!(Dex::cancel_order(signed(1), own));
	});
}

#[test]
fn a_filled_order_returns_the_deposit_to_the_cooperative_though_the_member_can_pay_by_then() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, COOP_FUNDS);
		let ask = place(PENNILESS, Credit(0), Native, 400, price(10));
		assert_eq!(depositor(ask), coop_account(0));
		// 4 buys all 400 at 10: the member is paid 4,000 native units, the order is filled.
		place(4, Native, Credit(0), 4_000, price(10));
		assert!(events().contains(&Event::OrderClosed {
			id: ask,
			owner: PENNILESS,
			released: 0,
			reason: CloseReason::Filled
		}));
		assert_eq!(native(PENNILESS), 4_000);
		assert_deposit_back_with_the_cooperative();
	});
}

#[test]
fn an_order_closed_as_unfillable_returns_the_deposit_to_the_cooperative() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, COOP_FUNDS);
		let one_and_a_half = Price::checked_from_rational(3, 2).unwrap();
		// Three units at 1.5 (a lot is two): a bid of 3 buys one lot, one unit is left.
		let ask = place(PENNILESS, Credit(0), Native, 3, one_and_a_half);
		assert_eq!(depositor(ask), coop_account(0));
		place(4, Native, Credit(0), 3, one_and_a_half);
		assert!(events().contains(&Event::OrderClosed {
			id: ask,
			owner: PENNILESS,
			released: 1,
			reason: CloseReason::Unfillable
		}));
		assert_eq!((native(PENNILESS), offered(0, PENNILESS)), (3, 0));
		assert_deposit_back_with_the_cooperative();
	});
}

#[test]
fn an_order_closed_outside_the_band_returns_the_deposit_to_the_cooperative() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, COOP_FUNDS);
		let ask = place(PENNILESS, Credit(0), Native, 400, price(10));
		assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(20), price(30)));
		// A bid inside the new band reaches the ask below it: the ask is closed, not traded.
		place(4, Native, Credit(0), 2_500, price(25));
		assert!(events().contains(&Event::OrderClosed {
			id: ask,
			owner: PENNILESS,
			released: 400,
			reason: CloseReason::OutsideBand
		}));
		assert_eq!(credit(0, PENNILESS), 1_000);
		assert_deposit_back_with_the_cooperative();
	});
}

#[test]
fn an_evicted_order_returns_the_deposit_to_the_cooperative() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, COOP_FUNDS);
		MockLedger::issue(0, 1, Commons, 1_000);
		// The member's ask is the worst of a full book.
		let worst = place(PENNILESS, Credit(0), Native, 10, price(20));
		for at in 10..9 + MAX_ORDERS {
			place(1, Credit(0), Native, 10, price(at));
		}
		assert_eq!(depositor(worst), coop_account(0));
		place(1, Credit(0), Native, 10, price(9));
		assert!(events().contains(&Event::OrderClosed {
			id: worst,
			owner: PENNILESS,
			released: 10,
			reason: CloseReason::Evicted
		}));
		assert_deposit_back_with_the_cooperative();
		assert_eq!(deposit_held(1), DEPOSIT * u128::from(MAX_ORDERS));
	});
}

/// A member buying its cooperative's credit with all the native units it has: the order gives
/// no credit, so the cooperative asked is the one whose credit it gets.
#[test]
fn a_bid_for_its_cooperatives_credit_asks_that_cooperative() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, COOP_FUNDS);
		let buyer = 98;
		join(0, buyer);
		// 5 units: the deposit (5) would leave nothing to keep the account alive, so the
		// cooperative whose credit it buys holds it; the bid offers 4.
		assert_eq!(Balances::set_balance(&buyer, 5), 5);
		let bid = place(buyer, Native, Credit(0), 4, price(1));
		assert_eq!(depositor(bid), coop_account(0));
		assert_eq!((native_held(buyer), deposit_held(buyer)), (4, 0));
		assert_ok!(Dex::cancel_order(signed(buyer), bid));
		assert_eq!(native(buyer), 5);
		assert_deposit_back_with_the_cooperative();
	});
}

/// Who holds the deposit is asked before the order holds what it offers: a member who could
/// pay its deposit pays it, and does not make its cooperative pay by offering all it has (the
/// order is refused, changing nothing).
#[test]
fn what_an_order_offers_does_not_make_the_cooperative_pay_its_deposit() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, COOP_FUNDS);
		let buyer = 98;
		join(0, buyer);
		assert_eq!(Balances::set_balance(&buyer, 1_000), 1_000);
		assert_noop!(
			Dex::place_order(signed(buyer), Native, Credit(0), 999, price(10)),
			TokenError::FundsUnavailable
		);
		let bid = place(buyer, Native, Credit(0), 990, price(10));
		assert_eq!(depositor(bid), buyer);
		assert_eq!((native_held(buyer), deposit_held(buyer)), (990, DEPOSIT));
	});
}

/// Credit for credit, the cooperative asked is the one whose credit the order gives.
#[test]
fn credit_for_credit_asks_the_cooperative_whose_credit_the_order_gives() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, COOP_FUNDS);
		MockLedger::issue(1, PENNILESS, Commons, 1_000);
		// Giving cooperative 1's credit: cooperative 1 is asked, and the member is not its
		// member, so it pays its own, and cannot.
		assert_noop!(
			Dex::place_order(signed(PENNILESS), Credit(1), Credit(0), 100, price(1)),
			TokenError::FundsUnavailable
		);
		// Giving cooperative 0's credit: cooperative 0 pays.
		let ask = place(PENNILESS, Credit(0), Credit(1), 100, price(1));
		assert_eq!(depositor(ask), coop_account(0));
		assert_eq!(deposit_held(coop_account(0)), DEPOSIT);
	});
}

#[test]
fn a_member_with_funds_pays_its_own_deposit() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, COOP_FUNDS);
		MockLedger::issue(0, 1, Commons, 1_000);
		let ask = place(1, Credit(0), Native, 400, price(10));
		assert_eq!(depositor(ask), 1);
		assert_eq!((deposit_held(1), deposit_held(coop_account(0))), (DEPOSIT, 0));
		assert_ok!(Dex::cancel_order(signed(1), ask));
		assert_eq!((deposit_held(1), native(1)), (0, ENDOWMENT));
		assert_eq!(native(coop_account(0)), COOP_FUNDS);
	});
}

#[test]
fn an_order_nobody_can_pay_the_deposit_for_changes_nothing() {
	build_and_execute(|| {
		let ask_by_penniless =
			|at: u32| Dex::place_order(signed(PENNILESS), Credit(0), Native, 10, price(at));
		// No budget: the member pays, and cannot.
		coop_pays(COOP_FUNDS, 0);
		assert_noop!(ask_by_penniless(10), TokenError::FundsUnavailable);
		// A budget, but an account without the funds.
		assert_eq!(Balances::set_balance(&coop_account(0), 0), 0);
		MockCooperatives::set_deposit_budget(0, COOP_FUNDS);
		assert_noop!(ask_by_penniless(10), TokenError::FundsUnavailable);
		// A budget for one deposit: the second is the member's, who cannot pay it.
		assert_eq!(Balances::set_balance(&coop_account(0), COOP_FUNDS), COOP_FUNDS);
		MockCooperatives::set_deposit_budget(0, DEPOSIT);
		let first = place(PENNILESS, Credit(0), Native, 10, price(10));
		assert_eq!(depositor(first), coop_account(0));
		assert_noop!(ask_by_penniless(11), TokenError::FundsUnavailable);
		// A refused order holds nothing from anyone.
		assert_noop!(
			Dex::place_order(signed(PENNILESS), Credit(0), Native, 0, price(11)),
			Error::<Test>::ZeroAmount
		);
		assert_eq!(deposit_held(coop_account(0)), DEPOSIT);
		// Cancelling the first makes room for another.
		assert_ok!(Dex::cancel_order(signed(PENNILESS), first));
		let second = place(PENNILESS, Credit(0), Native, 10, price(11));
		assert_eq!(depositor(second), coop_account(0));
	});
}

#[test]
fn an_order_filled_at_once_leaves_nothing_counted_against_the_cooperative() {
	build_and_execute(|| {
		coop_pays(COOP_FUNDS, COOP_FUNDS);
		// A bid rests; the member's ask is filled by it at once and never rests.
		let bid = place(1, Native, Credit(0), 10_000, price(10));
		let ask = NextOrderId::<Test>::get();
		assert_ok!(Dex::place_order(signed(PENNILESS), Credit(0), Native, 100, price(10)));
		assert!(Orders::<Test>::get(ask).is_none(), "filled, not resting");
		assert!(Orders::<Test>::get(bid).is_some());
		// The cooperative was asked to pay the deposit (the member held no native token), but
		// nothing was held: nothing stays counted against the cooperative for the member (it
		// would use up the member's limit of deposits paid, and break the payer's count of what
		// it holds).
		assert_eq!(deposit_held(coop_account(0)), 0);
		assert_eq!(CoopPaysDeposits::<Balances>::paid_for(0, &PENNILESS), 0);
	});
}
