//! Cancelling orders, and a full book making way for a better price.

use super::*;

#[test]
fn the_owner_cancels_and_everything_comes_back() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		let ask = place(1, Credit(0), Native, 400, price(10));
		let bid = place(4, Native, Credit(0), 900, price(9));
		assert_noop!(Dex::cancel_order(signed(2), ask), Error::<Test>::NotOwner);
		assert_noop!(Dex::cancel_order(signed(1), 99), Error::<Test>::UnknownOrder);
		assert_ok!(Dex::cancel_order(signed(1), ask));
		assert_eq!(
			events().last(),
			Some(&Event::OrderCancelled { id: ask, owner: 1, released: 400 })
		);
		assert_eq!((offered(0, 1), deposit_held(1)), (0, 0));
		assert_eq!(book(market0(), Side::Ask), Vec::<OrderId>::new());
		assert_ok!(Dex::cancel_order(signed(4), bid));
		assert_eq!((native_held(4), deposit_held(4), native(4)), (0, 0, ENDOWMENT));
		assert_noop!(Dex::cancel_order(signed(4), bid), Error::<Test>::UnknownOrder);
	});
}

#[test]
fn a_full_book_makes_way_only_for_a_better_price() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		let ids: Vec<_> =
			(10..10 + MAX_ORDERS).map(|at| place(1, Credit(0), Native, 10, price(at))).collect();
		assert_noop!(
			Dex::place_order(signed(1), Credit(0), Native, 10, price(10 + MAX_ORDERS)),
			Error::<Test>::BookFull
		);
		// As bad as the worst is not better.
		assert_noop!(
			Dex::place_order(signed(1), Credit(0), Native, 10, price(9 + MAX_ORDERS)),
			Error::<Test>::BookFull
		);
		let better = place(1, Credit(0), Native, 10, price(9));
		let worst = ids[ids.len() - 1];
		assert!(events().contains(&Event::OrderClosed {
			id: worst,
			owner: 1,
			released: 10,
			reason: CloseReason::Evicted
		}));
		assert_eq!(book(market0(), Side::Ask)[0], better);
		assert_eq!(offered(0, 1), 10 * u128::from(MAX_ORDERS));
		assert_eq!(deposit_held(1), DEPOSIT * u128::from(MAX_ORDERS));
	});
}
