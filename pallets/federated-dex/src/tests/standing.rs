//! A cooperative's standing orders at its band's edges.

use super::*;

fn coop_account() -> u64 {
	MockCooperatives::account_of(0)
}

#[test]
fn standing_orders_need_a_band_an_active_cooperative_and_the_funds() {
	build_and_execute(|| {
		assert_noop!(
			Dex::set_standing_orders(coop_origin(0), 0, 500, 0),
			Error::<Test>::NoPriceBand
		);
		assert_noop!(Dex::set_standing_orders(signed(1), 0, 500, 0), DispatchError::BadOrigin);
		assert_ok!(Dex::set_price_band(coop_origin(2), 2, price(8), price(12)));
		assert_noop!(
			Dex::set_standing_orders(coop_origin(2), 2, 500, 0),
			Error::<Test>::CooperativeNotActive
		);
		assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(8), price(12)));
		// The reserve's Commons bucket is empty.
		assert_noop!(
			Dex::set_standing_orders(coop_origin(0), 0, 0, 800),
			DispatchError::Other("insufficient reserve")
		);
		// Beyond the issuance limit.
		MockLedger::set_issuance_limit(100);
		assert_noop!(
			Dex::set_standing_orders(coop_origin(0), 0, 101, 0),
			DispatchError::Other("insufficient credit")
		);
		// With floor = ceiling, the two standing orders would trade with each other.
		MockReserve::fund(0, 9, 4_000);
		assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(10), price(10)));
		assert_noop!(
			Dex::set_standing_orders(coop_origin(0), 0, 100, 100),
			Error::<Test>::SelfMatch
		);
	});
}

#[test]
fn the_cooperative_sells_new_credit_at_the_ceiling_and_buys_back_at_the_floor() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		MockReserve::fund(0, 9, 4_000);
		assert_eq!(MockReserve::buckets(0).commons, 1_000);
		assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(8), price(12)));
		assert_ok!(Dex::set_standing_orders(coop_origin(0), 0, 500, 800));
		let standing = StandingOrdersOf::<Test>::get(0);
		let (sell, buy) = (standing.sell.unwrap(), standing.buy.unwrap());
		assert_eq!(
			events().last(),
			Some(&Event::StandingOrdersSet { coop: 0, sell: Some(sell), buy: Some(buy) })
		);
		assert_eq!(offered(0, coop_account()), 500);
		assert_eq!((MockReserve::buckets(0).commons, MockReserve::earmarked(0)), (200, 800));
		assert_eq!(
			Dex::order_book(Native, Credit(0), 5),
			vec![BookEntry {
				id: buy,
				owner: coop_account(),
				price: price(8),
				remaining: 800,
				standing: true
			}]
		);
		assert_noop!(Dex::cancel_order(signed(1), buy), Error::<Test>::NotOwner);

		// 4 buys 100 newly issued credit at the ceiling; the reserve earns 1,200.
		place(4, Native, Credit(0), 1_200, price(12));
		// The fee in the cooperative's own credit is simply not issued.
		assert_eq!((credit(0, 4), credit(0, FEE_ACCOUNT)), (99, 0));
		assert_eq!(credit(0, coop_account()), -1_000 - 99);
		assert_eq!(offered(0, coop_account()), 400);
		let buckets = MockReserve::buckets(0);
		assert_eq!((buckets.subsistence, buckets.commons), (3_000 + 900, 200 + 300));

		// 1 sells 50 credit back at the floor, paid from the earmark (fee 1%).
		place(1, Credit(0), Native, 50, price(8));
		assert_eq!(native(1), ENDOWMENT + 400 - 4);
		assert_eq!(native(FEE_ACCOUNT), 1 + 4);
		assert_eq!(credit(0, coop_account()), -1_099 + 50);
		assert_eq!(MockReserve::earmarked(0), 400);

		// Moving the band closes the standing orders: the earmark and the offer come back.
		assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(9), price(11)));
		assert_eq!(StandingOrdersOf::<Test>::get(0), StandingOrders::default());
		assert_eq!((MockReserve::earmarked(0), MockReserve::buckets(0).commons), (0, 900));
		assert_eq!(offered(0, coop_account()), 0);
		assert!(Orders::<Test>::get(sell).is_none() && Orders::<Test>::get(buy).is_none());
	});
}

#[test]
fn a_standing_order_trades_on_arrival_and_is_never_evicted() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 1_000);
		assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(8), price(12)));
		// Bids at the ceiling wait; the standing sell order fills them as it arrives.
		place(4, Native, Credit(0), 1_200, price(12));
		MockReserve::fund(0, 9, 4);
		assert_ok!(Dex::set_standing_orders(coop_origin(0), 0, 500, 0));
		assert_eq!(credit(0, 4), 100);
		assert_eq!(offered(0, coop_account()), 400);
		let sell = StandingOrdersOf::<Test>::get(0).sell.unwrap();
		// Better asks fill the book (at 8, 9, 10, 11)...
		let asks: Vec<_> =
			(8..7 + MAX_ORDERS).map(|at| place(1, Credit(0), Native, 10, price(at))).collect();
		assert_eq!(book(market0(), Side::Ask).len(), MAX_ORDERS as usize);
		// ... and the next better one evicts the worst that is not standing.
		place(1, Credit(0), Native, 10, price(10));
		assert!(events().contains(&Event::OrderClosed {
			id: asks[asks.len() - 1],
			owner: 1,
			released: 10,
			reason: CloseReason::Evicted
		}));
		assert_eq!(book(market0(), Side::Ask).last(), Some(&sell));
		assert_eq!(book(market0(), Side::Ask).len(), MAX_ORDERS as usize);
	});
}

/// Issue 12, attack 2: a cooperative's standing buy order paid CONF from the reserve for any
/// credit: a member went into debt paying a friend, and the friend sold that credit to it. A
/// sale to the standing buy order is a redemption: the seller sells only its `Commons`
/// entitlement (credit it earned and still holds), which the sale uses up; a seller with none
/// is passed over and stays on the book for other buyers, never a wall before earned credit.
#[test]
fn the_standing_buy_order_pays_only_for_earned_credit() {
	build_and_execute(|| {
		MockReserve::fund(0, 9, 4_000);
		assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(8), price(12)));
		assert_ok!(Dex::set_standing_orders(coop_origin(0), 0, 0, 800));
		let buy = StandingOrdersOf::<Test>::get(0).buy.expect("the standing buy order rests");
		// 1 earned 100 and paid 60 of it to its friend 2; 3 earned 100 and paid 50 to 1.
		MockLedger::issue(0, 1, Commons, 100);
		MockLedger::issue(0, 3, Commons, 100);
		MockLedger::pay(0, 1, 2, 60);
		MockLedger::pay(0, 3, 1, 50);
		assert_eq!((credit(0, 1), MockLedger::holding(0, 1).commons), (90, 40));
		assert_eq!((credit(0, 2), MockLedger::holding(0, 2).commons), (60, 0));

		// The friend's credit is not bought: its ask rests, the earmark is untouched.
		let friends = place(2, Credit(0), Native, 60, price(8));
		assert!(!events().iter().any(|event| matches!(event, Event::Trade { .. })));
		assert_eq!(book(market0(), Side::Ask), vec![friends]);
		assert_eq!((MockReserve::earmarked(0), native(2)), (800, ENDOWMENT - DEPOSIT));
		// Its quote trades nothing (the one fill counted is the standing order passed over).
		assert_eq!(
			Dex::quote(&2, Credit(0), Native, 60),
			ExchangeQuote { spent: 0, received: 0, fee: 0, fills: 1 }
		);

		// 1 sells 90: the 40 it earned go to the standing order, the rest rests.
		assert_eq!(
			Dex::quote(&1, Credit(0), Native, 90),
			ExchangeQuote { spent: 40, received: 320 - 4, fee: 4, fills: 1 }
		);
		let ones = place(1, Credit(0), Native, 90, price(8));
		assert_eq!(native(1), ENDOWMENT - DEPOSIT + 320 - 4);
		assert_eq!(MockReserve::earmarked(0), 800 - 320);
		assert_eq!(MockLedger::holding(0, 1).commons, 0);
		assert_eq!(Orders::<Test>::get(ones).map(|order| order.remaining), Some(50));
		assert_eq!(Orders::<Test>::get(buy).map(|order| order.remaining), Some(800 - 320));

		// 3's earned 50 sell to it at once.
		place(3, Credit(0), Native, 50, price(8));
		assert_eq!((credit(0, 3), MockLedger::holding(0, 3).commons), (0, 0));
		assert_eq!(book(market0(), Side::Ask), vec![friends, ones]);

		// A standing buy order placed anew passes over the asks of credit nobody earned and
		// buys the earned credit resting behind them.
		assert_ok!(Dex::set_standing_orders(coop_origin(0), 0, 0, 0));
		MockLedger::issue(0, 5, Commons, 30);
		let earned = place(5, Credit(0), Native, 30, price(8));
		assert_eq!(book(market0(), Side::Ask), vec![friends, ones, earned]);
		System::reset_events();
		assert_ok!(Dex::set_standing_orders(coop_origin(0), 0, 0, 240));
		let sellers: Vec<u64> = events()
			.into_iter()
			.filter_map(|event| match event {
				Event::Trade { maker, .. } => Some(maker),
				_ => None,
			})
			.collect();
		assert_eq!(sellers, vec![5]);
		assert_eq!(book(market0(), Side::Ask), vec![friends, ones]);
		assert_eq!((credit(0, 5), MockLedger::holding(0, 5).commons), (0, 0));
		// The passed-over asks stay for anyone else: 4 buys the friend's credit.
		place(4, Native, Credit(0), 480, price(8));
		assert_eq!(book(market0(), Side::Ask), vec![ones]);
		assert_eq!(credit(0, 4), 60 - 1);
	});
}
