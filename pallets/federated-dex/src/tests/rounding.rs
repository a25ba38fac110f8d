//! Exact trades: at the resting order's price, in whole lots, never beyond either order's
//! limit; and huge amounts.

use super::*;

/// Issue 12, attack 4: four one-unit asks at 1.5 and a bid limited to 1.5. Each fill rounded
/// the quote up for the resting order (⌈1.5⌉ = 2), with no cap at the bid's limit: the bid paid
/// 2.0 per unit.
#[test]
fn a_taker_never_pays_above_its_limit() {
	build_and_execute(|| {
		let one_and_a_half = Price::checked_from_rational(3, 2).unwrap();
		for who in [1, 2, 3, 5] {
			MockLedger::issue(0, who, Commons, 1);
			// (It rested before the fix.)
			let _ = Dex::place_order(signed(who), Credit(0), Native, 1, one_and_a_half);
		}
		let trade = traded(4, Native, Credit(0), 8, one_and_a_half).unwrap();
		let bought = trade.received + trade.fee;
		assert!(
			trade.spent * 2 <= bought * 3,
			"paid {} native units for {} credit units at a limit of 1.5",
			trade.spent,
			bought
		);
		// One unit at 1.5 is not a whole lot (2 units for 3): such an ask is refused, and the
		// bid rests with nothing traded.
		MockLedger::issue(0, 6, Commons, 1);
		assert_noop!(
			Dex::place_order(signed(6), Credit(0), Native, 1, one_and_a_half),
			Error::<Test>::AmountTooSmall
		);
		assert_eq!(trade, ExchangeQuote::default());
		assert_eq!(native_held(4), 8);
	});
}

/// A bid whose limit lies above the asks' price pays their price exactly, not a rounding above
/// it: four asks of 3 units at 1.5 sell 2 units each for 3, and the unit each has left (not a
/// whole lot) is released.
#[test]
fn a_taker_pays_the_resting_price_exactly() {
	build_and_execute(|| {
		let one_and_a_half = Price::checked_from_rational(3, 2).unwrap();
		let asks: Vec<_> = [1, 2, 3, 5]
			.into_iter()
			.map(|who| {
				MockLedger::issue(0, who, Commons, 3);
				place(who, Credit(0), Native, 3, one_and_a_half)
			})
			.collect();
		let trade = traded(4, Native, Credit(0), 100, price(2)).unwrap();
		assert_eq!(trade, ExchangeQuote { spent: 12, received: 4, fee: 4, fills: 4 });
		for (who, ask) in [1, 2, 3, 5].into_iter().zip(asks) {
			assert!(events().contains(&Event::OrderClosed {
				id: ask,
				owner: who,
				released: 1,
				reason: CloseReason::Unfillable
			}));
			assert_eq!((credit(0, who), native(who)), (1, ENDOWMENT + 3));
		}
	});
}

/// At a price that is not a whole number of quote units per unit, a trade is made of whole
/// lots: at 1.5, 2 units for exactly 3. At 0.333… (18 decimals) a lot is 10¹⁸ units, so an
/// order of 10 cannot trade at all.
#[test]
fn a_price_that_is_not_whole_trades_in_whole_lots() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 10);
		let third = Price::checked_from_rational(1, 3).unwrap();
		assert_noop!(
			Dex::place_order(signed(1), Credit(0), Native, 10, third),
			Error::<Test>::AmountTooSmall
		);
		assert_noop!(
			Dex::place_order(signed(4), Native, Credit(0), 100, third),
			Error::<Test>::AmountTooSmall
		);
		let one_and_a_half = Price::checked_from_rational(3, 2).unwrap();
		let ask = place(1, Credit(0), Native, 5, one_and_a_half);
		let bid = place(4, Native, Credit(0), 100, one_and_a_half);
		// 4 units for 6; the unit left of the ask is released.
		assert_eq!(native(1), ENDOWMENT + 6);
		assert_eq!((credit(0, 4), credit_fees(0, 10), credit(0, 1)), (3, 1, 6));
		assert!(events().contains(&Event::OrderClosed {
			id: ask,
			owner: 1,
			released: 1,
			reason: CloseReason::Unfillable
		}));
		assert_eq!(Orders::<Test>::get(bid).map(|order| order.remaining), Some(94));
	});
}

#[test]
fn huge_amounts_trade_exactly() {
	build_and_execute(|| {
		let huge = 1u128 << 100;
		MockLedger::set_issuance_limit(huge);
		MockLedger::issue(0, 1, Commons, huge);
		MockLedger::issue(1, 4, Commons, huge);
		place(1, Credit(0), Credit(1), huge, price(1));
		place(4, Credit(1), Credit(0), huge, price(1));
		// The fee rounds up: 1% of 2¹⁰⁰ is not whole.
		let fee = huge / 100 + 1;
		assert_eq!(credit(0, 4), (huge - fee) as i128);
		assert_eq!(credit_fees(0, huge as i128), fee as i128);
		assert_eq!(credit(1, 1), huge as i128);
		assert_eq!(credit(0, 1), 0);
	});
}
