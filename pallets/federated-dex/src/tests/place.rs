//! Placing orders: resting, trading at the resting price, price-time priority, the fill limit,
//! self-trading and bad orders.

use super::*;

#[test]
fn an_order_that_does_not_cross_rests_with_what_it_offers_held() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		let id = place(1, Credit(0), Native, 400, price(10));
		assert_eq!(
			events(),
			vec![Event::OrderPlaced {
				id,
				owner: 1,
				give: Credit(0),
				get: Native,
				amount: 400,
				price: price(10)
			}]
		);
		assert_eq!(
			Orders::<Test>::get(id),
			Some(Order {
				owner: 1,
				market: market0(),
				side: Side::Ask,
				price: price(10),
				remaining: 400,
				deposit: DEPOSIT,
				depositor: 1,
				standing: false,
			})
		);
		assert_eq!((offered(0, 1), deposit_held(1)), (400, DEPOSIT));
		assert_eq!(
			Dex::order_book(Credit(0), Native, 10),
			vec![BookEntry { id, owner: 1, price: price(10), remaining: 400, standing: false }]
		);
		// A bid below the ask rests on the other side, its native held.
		let bid = place(4, Native, Credit(0), 900, price(9));
		assert_eq!((native_held(4), deposit_held(4)), (900, DEPOSIT));
		assert_eq!(book(market0(), Side::Bid), vec![bid]);
		assert_eq!(Dex::order_book(Native, Credit(0), 0), vec![]);
	});
}

#[test]
fn a_crossing_order_trades_at_the_resting_price_and_pays_the_fee() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		let ask = place(1, Credit(0), Native, 400, price(10));
		// 4 (not a member of cooperative 0) bids up to 12 with 1,000 native units.
		System::reset_events();
		let bid = place(4, Native, Credit(0), 1_000, price(12));
		// At 10, 1,000 buys 100 credit; 1% of it is the fee.
		assert!(events().contains(&Event::Trade {
			maker_order: ask,
			taker_order: bid,
			maker: 1,
			taker: 4,
			base: Credit(0),
			quote: Native,
			base_amount: 100,
			quote_amount: 1_000,
			price: price(10),
			fee: 1,
		}));
		assert_eq!((credit(0, 4), credit_fees(0, 1_000), credit(0, 1)), (99, 1, 900));
		assert_eq!(offered(0, 1), 300);
		assert_eq!(native(1), ENDOWMENT - DEPOSIT + 1_000);
		assert_eq!(native(4), ENDOWMENT - 1_000);
		// The bid was filled entirely: it never rested and held no deposit.
		assert_eq!(
			events().last(),
			Some(&Event::OrderClosed {
				id: bid,
				owner: 4,
				released: 0,
				reason: CloseReason::Filled
			})
		);
		assert!(Orders::<Test>::get(bid).is_none());
		assert_eq!((native_held(4), deposit_held(4)), (0, 0));
		assert_eq!(Orders::<Test>::get(ask).map(|order| order.remaining), Some(300));
		// The credit bought can be sold again, and the seller's deposit comes back when its
		// order is filled.
		let resell = place(4, Credit(0), Native, 99, price(10));
		assert_eq!(offered(0, 4), 99);
		place(5, Native, Credit(0), 3_990, price(10));
		assert!(Orders::<Test>::get(ask).is_none());
		assert_eq!(deposit_held(1), 0);
		assert_eq!(offered(0, 1), 0);
		assert!(Orders::<Test>::get(resell).is_none());
		// 300 units (fee 3), then 99 (fee ⌈0.99⌉ = 1).
		assert_eq!((credit(0, 5), offered(0, 4)), (399 - 4, 0));
	});
}

#[test]
fn price_then_time_decides_who_trades_first() {
	build_and_execute(|| {
		for who in [1, 2, 3] {
			MockLedger::issue(0, who, Commons, 100);
		}
		let first = place(1, Credit(0), Native, 100, price(10));
		let second = place(2, Credit(0), Native, 100, price(10));
		let cheaper = place(3, Credit(0), Native, 100, price(9));
		assert_eq!(book(market0(), Side::Ask), vec![cheaper, first, second]);
		// 2,400 at up to 10: 100 at 9 (900), then 100 at 10 from the earlier order (1,000),
		// then 50 from the later one (500).
		place(4, Native, Credit(0), 2_400, price(10));
		assert_eq!(native(3), ENDOWMENT + 900);
		assert_eq!(native(1), ENDOWMENT + 1_000);
		assert_eq!(Orders::<Test>::get(second).map(|order| order.remaining), Some(50));
		assert_eq!(book(market0(), Side::Ask), vec![second]);
	});
}

#[test]
fn one_call_trades_with_at_most_max_fills_orders() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		for _ in 0..MAX_ORDERS {
			place(1, Credit(0), Native, 10, price(10));
		}
		let id = NextOrderId::<Test>::get();
		let result = Dex::place_order(signed(4), Native, Credit(0), 10_000, price(10));
		let info = result.expect("placed");
		// Charged for the fills it made, not for the most it could have made.
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::place_order(MAX_FILLS)));
		assert_eq!(credit(0, 4) + credit_fees(0, 1_000), 40);
		// The rest waits on the book, behind nothing: the last ask is still there.
		assert_eq!(book(market0(), Side::Ask).len(), (MAX_ORDERS - MAX_FILLS) as usize);
		assert_eq!(book(market0(), Side::Bid), vec![id]);
		assert_eq!(native_held(4), 10_000 - 400);
	});
}

#[test]
fn an_order_is_charged_for_the_fills_it_made_and_for_resting_only_if_it_rests() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		for _ in 0..3 {
			place(1, Credit(0), Native, 10, price(10));
		}
		// Filled by one ask, it does not rest: the cheaper weight of a filled order.
		let id = NextOrderId::<Test>::get();
		let info = Dex::place_order(signed(4), Native, Credit(0), 100, price(10)).expect("placed");
		assert!(Orders::<Test>::get(id).is_none());
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::place_order_filled(1)));
		// Two fills, and the rest rests: the resting order's weight for two fills.
		let id = NextOrderId::<Test>::get();
		let info = Dex::place_order(signed(4), Native, Credit(0), 1_000, price(10)).expect("placed");
		assert!(Orders::<Test>::get(id).is_some());
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::place_order(2)));
		assert_ne!(<() as WeightInfo>::place_order(2), <() as WeightInfo>::place_order(MAX_FILLS));
	});
}

#[test]
fn nobody_trades_with_themselves() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		place(1, Credit(0), Native, 400, price(10));
		assert_noop!(
			Dex::place_order(signed(1), Native, Credit(0), 1_000, price(10)),
			Error::<Test>::SelfMatch
		);
		// Not crossing, it may rest on the other side.
		place(1, Native, Credit(0), 1_000, price(9));
	});
}

#[test]
fn bad_orders_are_refused_and_change_nothing() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 100);
		assert_noop!(
			Dex::place_order(signed(1), Native, Native, 10, price(1)),
			Error::<Test>::SameAsset
		);
		assert_noop!(
			Dex::place_order(signed(1), Credit(0), Credit(0), 10, price(1)),
			Error::<Test>::SameAsset
		);
		assert_noop!(
			Dex::place_order(signed(1), Credit(0), Native, 0, price(1)),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Dex::place_order(signed(1), Credit(0), Native, 10, Price::zero()),
			Error::<Test>::ZeroPrice
		);
		assert_noop!(
			Dex::place_order(signed(1), Credit(9), Native, 10, price(1)),
			Error::<Test>::UnknownCooperative
		);
		assert_noop!(
			Dex::place_order(signed(7), Credit(2), Native, 10, price(1)),
			Error::<Test>::CooperativeNotActive
		);
		assert_noop!(
			Dex::place_order(signed(1), Credit(0), Credit(2), 10, price(1)),
			Error::<Test>::CooperativeNotActive
		);
		// Credit is offered only out of a positive balance: 2 holds none, 1 only 100.
		assert_noop!(
			Dex::place_order(signed(2), Credit(0), Native, 1, price(1)),
			DispatchError::Other("insufficient credit")
		);
		assert_noop!(
			Dex::place_order(signed(1), Credit(0), Native, 101, price(1)),
			DispatchError::Other("insufficient credit")
		);
		// Native units beyond the balance.
		assert!(Dex::place_order(signed(4), Native, Credit(0), ENDOWMENT, price(1)).is_err());
		// 2 native units cannot buy one unit at 3.
		assert_noop!(
			Dex::place_order(signed(4), Native, Credit(0), 2, price(3)),
			Error::<Test>::AmountTooSmall
		);
		assert_noop!(
			Dex::place_order(RuntimeOrigin::none(), Native, Credit(0), 10, price(1)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn credit_trades_for_credit_across_cooperatives() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		MockLedger::issue(1, 4, Commons, 1_000);
		// Credit(0) is the base, Credit(1) the quote: 1 sells 500 at 2 of Credit(1) each.
		let ask = place(1, Credit(0), Credit(1), 500, price(2));
		assert_eq!(book(Market { base: Credit(0), quote: Credit(1) }, Side::Ask), vec![ask]);
		// 4 gives 300 of Credit(1) for Credit(0) at up to 2: it buys 150 (fee ⌈1.5⌉ = 2).
		place(4, Credit(1), Credit(0), 300, price(2));
		assert_eq!((credit(0, 4), credit_fees(0, 1_000)), (148, 2));
		assert_eq!((credit(1, 1), credit(1, 4)), (300, 700));
		assert_eq!(credit(0, 1), 850);
	});
}
