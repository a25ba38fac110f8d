//! The runtime API: quotes and the book.

use super::*;

#[test]
fn a_quote_walks_the_book_as_an_order_would() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		place(1, Credit(0), Native, 100, price(9));
		place(1, Credit(0), Native, 100, price(10));
		assert_eq!(
			Dex::quote(Native, Credit(0), 1_400),
			ExchangeQuote { spent: 1_400, received: 99 + 50, fee: 1, fills: 2 }
		);
		assert_eq!(Dex::quote(Credit(0), Native, 10), ExchangeQuote::default());
		assert_eq!(Dex::quote(Native, Native, 10), ExchangeQuote::default());
		// The quote is what happens.
		place(4, Native, Credit(0), 1_400, price(10));
		assert_eq!(credit(0, 4), 149);
	});
}

/// A resting bid that still buys one unit after a trade stays first on its book, and the order
/// arriving trades with it again: the quote does too.
#[test]
fn a_quote_trades_with_a_resting_order_as_often_as_placing_does() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		// 4 bids 7 native units at 2.4 each: it buys ⌊7 / 2.4⌋ = 2 for ⌊4.8⌋ = 4, then with the
		// 3 it has left one more for ⌊2.4⌋ = 2.
		let at = Price::checked_from_rational(12, 5).unwrap();
		let bid = place(4, Native, Credit(0), 7, at);
		let quote = Dex::quote(Credit(0), Native, 10);
		assert_eq!(quote, ExchangeQuote { spent: 3, received: 6, fee: 0, fills: 2 });
		assert_eq!(traded(1, Credit(0), Native, 10, price(1)), Ok(quote));
		assert!(events().contains(&Event::OrderClosed {
			id: bid,
			owner: 4,
			released: 1,
			reason: CloseReason::Unfillable
		}));
	});
}

/// An ask above the ceiling, left from before the band, is out of every bid's reach: the quote
/// does not count it.
#[test]
fn a_quote_counts_no_order_beyond_the_band() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		MockLedger::issue(0, 2, Commons, 1_000);
		place(1, Credit(0), Native, 100, price(15));
		assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(8), price(12)));
		place(2, Credit(0), Native, 100, price(10));
		let quote = Dex::quote(Native, Credit(0), 5_000);
		assert_eq!(quote, ExchangeQuote { spent: 1_000, received: 99, fee: 1, fills: 1 });
		// The highest bid the band allows.
		assert_eq!(traded(4, Native, Credit(0), 5_000, price(12)), Ok(quote));
	});
}

/// A resting order whose cooperative is no longer active trades with nobody: no order reaches
/// it, and the quote is empty.
#[test]
fn a_quote_in_the_market_of_a_cooperative_not_active_is_empty() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		place(1, Credit(0), Native, 100, price(10));
		MockCooperatives::set_active(0, false);
		assert_eq!(Dex::quote(Native, Credit(0), 1_000), ExchangeQuote::default());
		assert_noop!(
			Dex::place_order(signed(4), Native, Credit(0), 1_000, price(10)),
			Error::<Test>::CooperativeNotActive
		);
	});
}

/// A book entry without its order (which `do_try_state` rules out) is dropped by the order that
/// reaches it, and costs none of its fills: the quote skips it the same way.
#[test]
fn a_quote_skips_a_missing_order_as_placing_does() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		MockLedger::issue(0, 2, Commons, 1_000);
		let lost = place(1, Credit(0), Native, 100, price(10));
		place(2, Credit(0), Native, 100, price(11));
		// The order goes, with what it held; its book entry stays.
		Orders::<Test>::remove(lost);
		assert_ok!(<MockLedger as OfferableCredit<u64>>::withdraw_offer(0, &1, 100));
		assert_ok!(<Balances as frame_support::traits::fungible::MutateHold<u64>>::release(
			&HoldReason::OrderDeposit.into(),
			&1,
			DEPOSIT,
			frame_support::traits::tokens::Precision::Exact,
		));
		let quote = Dex::quote(Native, Credit(0), 1_100);
		assert_eq!(quote, ExchangeQuote { spent: 1_100, received: 99, fee: 1, fills: 1 });
		assert_eq!(traded(4, Native, Credit(0), 1_100, price(11)), Ok(quote));
		assert_eq!(book(market0(), Side::Ask), Vec::<OrderId>::new());
	});
}

/// A quote is for an account with no resting order in its way: its owner's own order would
/// stop an order with `SelfMatch`.
#[test]
fn a_quote_is_for_an_account_with_no_order_in_its_way() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		place(1, Credit(0), Native, 100, price(10));
		let quote = Dex::quote(Native, Credit(0), 1_000);
		assert_eq!(quote, ExchangeQuote { spent: 1_000, received: 99, fee: 1, fills: 1 });
		assert_noop!(
			Dex::place_order(signed(1), Native, Credit(0), 1_000, price(10)),
			Error::<Test>::SelfMatch
		);
		assert_eq!(traded(4, Native, Credit(0), 1_000, price(10)), Ok(quote));
	});
}

/// A bid stops once what is left cannot buy one unit at its own limit, so a bid quote is what
/// placing at the price of the dearest ask it reaches does: a higher limit may trade less.
#[test]
fn a_bid_is_quoted_at_the_price_of_the_dearest_ask_it_reaches() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(8), price(12)));
		place(1, Credit(0), Native, 100, price(9));
		// 10 native units buy one unit at 9, none at the ceiling.
		let quote = Dex::quote(Native, Credit(0), 10);
		assert_eq!(quote, ExchangeQuote { spent: 9, received: 1, fee: 0, fills: 1 });
		assert_noop!(
			Dex::place_order(signed(4), Native, Credit(0), 10, price(12)),
			Error::<Test>::AmountTooSmall
		);
		assert_eq!(traded(4, Native, Credit(0), 10, price(9)), Ok(quote));
	});
}
