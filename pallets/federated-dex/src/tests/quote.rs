//! The runtime API: quotes and the book.

use super::*;

#[test]
fn a_quote_walks_the_book_as_an_order_would() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		place(1, Credit(0), Native, 100, price(9));
		place(1, Credit(0), Native, 100, price(10));
		// Fees: 1 on 100, ⌈0.5⌉ = 1 on 50.
		assert_eq!(
			Dex::quote(&4, Native, Credit(0), 1_400),
			ExchangeQuote { spent: 1_400, received: 99 + 49, fee: 2, fills: 2 }
		);
		assert_eq!(Dex::quote(&4, Credit(0), Native, 10), ExchangeQuote::default());
		assert_eq!(Dex::quote(&4, Native, Native, 10), ExchangeQuote::default());
		// The quote is what happens.
		place(4, Native, Credit(0), 1_400, price(10));
		assert_eq!(credit(0, 4), 148);
	});
}

/// After a trade, a resting order that can still trade one lot stays first on its book, and
/// what is left of a bid that cannot pay for one lot is released: the quote stops where placing
/// does.
#[test]
fn a_quote_stops_where_placing_does() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		let one_and_a_half = Price::checked_from_rational(3, 2).unwrap();
		let ask = place(1, Credit(0), Native, 10, one_and_a_half);
		// 7 native units pay for 4 units at 1.5 (6): the 1 left cannot pay for a lot of 2.
		let quote = Dex::quote(&4, Native, Credit(0), 7);
		assert_eq!(quote, ExchangeQuote { spent: 6, received: 3, fee: 1, fills: 1 });
		let bid = NextOrderId::<Test>::get();
		assert_eq!(traded(4, Native, Credit(0), 7, one_and_a_half), Ok(quote));
		assert!(events().contains(&Event::OrderClosed {
			id: bid,
			owner: 4,
			released: 1,
			reason: CloseReason::Unfillable
		}));
		assert_eq!(Orders::<Test>::get(ask).map(|order| order.remaining), Some(6));
		assert_eq!(book(market0(), Side::Ask), vec![ask]);
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
		let quote = Dex::quote(&4, Native, Credit(0), 5_000);
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
		assert_eq!(Dex::quote(&4, Native, Credit(0), 1_000), ExchangeQuote::default());
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
		let quote = Dex::quote(&4, Native, Credit(0), 1_100);
		assert_eq!(quote, ExchangeQuote { spent: 1_100, received: 99, fee: 1, fills: 1 });
		assert_eq!(traded(4, Native, Credit(0), 1_100, price(11)), Ok(quote));
		assert_eq!(book(market0(), Side::Ask), Vec::<OrderId>::new());
	});
}

/// A quote is for the account that asks: its own resting order stops an order with
/// `SelfMatch`, so it quotes nothing; another account's quote trades with it.
#[test]
fn a_quote_is_for_the_account_that_asks() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		place(1, Credit(0), Native, 100, price(10));
		let quote = Dex::quote(&4, Native, Credit(0), 1_000);
		assert_eq!(quote, ExchangeQuote { spent: 1_000, received: 99, fee: 1, fills: 1 });
		assert_eq!(Dex::quote(&1, Native, Credit(0), 1_000), ExchangeQuote::default());
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
		assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(4), price(12)));
		place(1, Credit(0), Native, 100, price(5));
		// 11 native units buy two units at 5 (one would go entirely to the fee), none at the
		// ceiling.
		let quote = Dex::quote(&4, Native, Credit(0), 11);
		assert_eq!(quote, ExchangeQuote { spent: 10, received: 1, fee: 1, fills: 1 });
		assert_noop!(
			Dex::place_order(signed(4), Native, Credit(0), 11, price(12)),
			Error::<Test>::AmountTooSmall
		);
		assert_eq!(traded(4, Native, Credit(0), 11, price(5)), Ok(quote));
	});
}
