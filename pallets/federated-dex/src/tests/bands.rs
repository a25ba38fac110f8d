//! Price bands: who sets them, and no order or trade outside them.

use super::*;

#[test]
fn only_the_cooperative_sets_a_valid_band() {
	build_and_execute(|| {
		assert_noop!(
			Dex::set_price_band(signed(1), 0, price(8), price(12)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Dex::set_price_band(coop_origin(1), 0, price(8), price(12)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Dex::set_price_band(coop_origin(9), 9, price(8), price(12)),
			Error::<Test>::UnknownCooperative
		);
		assert_noop!(
			Dex::set_price_band(coop_origin(0), 0, Price::zero(), price(12)),
			Error::<Test>::InvalidBand
		);
		assert_noop!(
			Dex::set_price_band(coop_origin(0), 0, price(13), price(12)),
			Error::<Test>::InvalidBand
		);
		assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(8), price(12)));
		assert_eq!(
			events().last(),
			Some(&Event::PriceBandSet { coop: 0, floor: price(8), ceiling: price(12) })
		);
		assert_eq!(
			PriceBands::<Test>::get(0),
			Some(PriceBand { floor: price(8), ceiling: price(12) })
		);
	});
}

#[test]
fn no_order_outside_the_band_and_no_trade_outside_it() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		MockLedger::issue(1, 4, Commons, 1_000);
		// Placed before any band.
		let cheap = place(1, Credit(0), Native, 100, price(5));
		assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(8), price(12)));
		assert_noop!(
			Dex::place_order(signed(1), Credit(0), Native, 10, price(13)),
			Error::<Test>::OutsideBand
		);
		assert_noop!(
			Dex::place_order(signed(4), Native, Credit(0), 1_000, price(7)),
			Error::<Test>::OutsideBand
		);
		// The edges are inside.
		place(1, Credit(0), Native, 10, price(12));
		// A bid at 10 reaches the old ask at 5: it is closed, not traded with.
		let bid = place(4, Native, Credit(0), 1_000, price(10));
		assert!(events().contains(&Event::OrderClosed {
			id: cheap,
			owner: 1,
			released: 100,
			reason: CloseReason::OutsideBand
		}));
		assert!(!events().iter().any(|event| matches!(event, Event::Trade { .. })));
		assert_eq!(credit(0, 4), 0);
		assert_eq!(book(market0(), Side::Bid), vec![bid]);
		// Credit against credit has no band.
		place(1, Credit(0), Credit(1), 10, price(100));
	});
}
