//! The fee: every trade pays it, rounded up; a fill the fee would eat entirely is not made.

use super::*;

/// Issue 12, attack 5: the fee rounded down, so a trade of 3.33 hours (333 units at the
/// runtime's 0.3%) paid nothing. Here the mock's 1% on 99 units: it pays ⌈0.99⌉ = 1.
#[test]
fn a_small_trade_pays_its_fee() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		place(1, Credit(0), Native, 1_000, price(10));
		assert_eq!(
			traded(4, Native, Credit(0), 990, price(10)),
			Ok(ExchangeQuote { spent: 990, received: 98, fee: 1, fills: 1 })
		);
	});
}

/// Splitting a trade into parts never pays less fee than the whole would: ten trades of 99
/// units pay at least what one of 990 pays (⌈9.9⌉ = 10).
#[test]
fn splitting_a_trade_does_not_escape_the_fee() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 990);
		place(1, Credit(0), Native, 990, price(10));
		let fees: u128 =
			(0..10).map(|_| traded(4, Native, Credit(0), 990, price(10)).unwrap().fee).sum();
		assert_eq!(fees, 10);
		MockLedger::issue(0, 2, Commons, 1_000);
		place(2, Credit(0), Native, 1_000, price(10));
		assert_eq!(traded(5, Native, Credit(0), 9_900, price(10)).unwrap().fee, 10);
	});
}

/// A fill whose fee would take everything the taker receives is too small to make: one unit
/// at 10 pays a fee of ⌈0.01⌉ = 1, all of it. The bid trades nothing and rests (it can buy a
/// unit, as a resting order, from a seller who receives 10).
#[test]
fn a_fill_the_fee_would_eat_is_not_made() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 100);
		MockLedger::issue(0, 2, Commons, 100);
		let ask = place(1, Credit(0), Native, 100, price(10));
		assert_eq!(Dex::quote(&4, Native, Credit(0), 10), ExchangeQuote::default());
		let bid = place(4, Native, Credit(0), 10, price(10));
		assert!(!events().iter().any(|event| matches!(event, Event::Trade { .. })));
		assert_eq!(Orders::<Test>::get(bid).map(|order| order.remaining), Some(10));
		assert_eq!(Orders::<Test>::get(ask).map(|order| order.remaining), Some(100));
		// As the resting order it is, it buys one unit: the seller receives 10, less 1.
		assert_eq!(
			traded(2, Credit(0), Native, 1, price(10)),
			Ok(ExchangeQuote { spent: 1, received: 9, fee: 1, fills: 1 })
		);
		assert_eq!(credit(0, 4), 1);
	});
}

/// A resting order so small that the fee would take all a taker receives from it can never
/// trade: the first walk that reaches it closes it (`Unfillable`, what it holds released) and
/// goes on, so that one unit on offer cannot stop every buyer behind it.
#[test]
fn a_dust_order_the_fee_would_eat_is_closed_not_a_wall() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1);
		MockLedger::issue(0, 2, Commons, 100);
		let dust = place(1, Credit(0), Native, 1, price(10));
		let ask = place(2, Credit(0), Native, 100, price(11));
		assert_eq!(
			Dex::quote(&4, Native, Credit(0), 550),
			ExchangeQuote { spent: 550, received: 49, fee: 1, fills: 2 }
		);
		assert_eq!(
			traded(4, Native, Credit(0), 550, price(11)),
			Ok(ExchangeQuote { spent: 550, received: 49, fee: 1, fills: 2 })
		);
		assert!(Orders::<Test>::get(dust).is_none());
		assert!(events().contains(&Event::OrderClosed {
			id: dust,
			owner: 1,
			released: 1,
			reason: CloseReason::Unfillable
		}));
		assert_eq!((offered(0, 1), credit(0, 1)), (0, 1));
		assert_eq!(Orders::<Test>::get(ask).map(|order| order.remaining), Some(50));
	});
}
