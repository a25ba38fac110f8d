//! Unit and property tests of the exchange. Every test ends with `do_try_state`, a check that
//! credit sums to zero within every account's floor, and that reserves hold their buckets.

use crate::{mock::*, *};
use confoederatio_primitives::{
	AssetKind::{Credit, Native},
	WorkCategory::Commons,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect as _, InspectHold as _},
};
use sp_runtime::{DispatchError, FixedPointNumber};

fn price(n: u32) -> Price {
	Price::from_u32(n)
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn credit(coop: CoopId, who: u64) -> i128 {
	MockLedger::holding(coop, who).balance
}

fn offered(coop: CoopId, who: u64) -> u128 {
	MockLedger::holding(coop, who).offered
}

fn native(who: u64) -> u128 {
	Balances::balance(&who)
}

fn deposit_held(who: u64) -> u128 {
	Balances::balance_on_hold(&HoldReason::OrderDeposit.into(), &who)
}

fn native_held(who: u64) -> u128 {
	Balances::balance_on_hold(&HoldReason::Offer.into(), &who)
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Dex(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Credit of cooperative 0 against the native token.
fn market0() -> Market {
	Market { base: Credit(0), quote: Native }
}

fn place(who: u64, give: AssetKind, get: AssetKind, amount: u128, at: Price) -> OrderId {
	let id = NextOrderId::<Test>::get();
	assert_ok!(Dex::place_order(signed(who), give, get, amount, at));
	id
}

fn book(market: Market, side: Side) -> Vec<OrderId> {
	Books::<Test>::get((market, side)).into_iter().map(|(_, id)| id).collect()
}

mod placing {
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
			assert_eq!((credit(0, 4), credit(0, FEE_ACCOUNT), credit(0, 1)), (99, 1, 900));
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
			assert_eq!((credit(0, 5), offered(0, 4)), (399 - 3, 0));
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
			assert_eq!(credit(0, 4) + credit(0, FEE_ACCOUNT), 40);
			// The rest waits on the book, behind nothing: the last ask is still there.
			assert_eq!(book(market0(), Side::Ask).len(), (MAX_ORDERS - MAX_FILLS) as usize);
			assert_eq!(book(market0(), Side::Bid), vec![id]);
			assert_eq!(native_held(4), 10_000 - 400);
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
			// 4 gives 300 of Credit(1) for Credit(0) at up to 2: it buys 150.
			place(4, Credit(1), Credit(0), 300, price(2));
			assert_eq!((credit(0, 4), credit(0, FEE_ACCOUNT)), (149, 1));
			assert_eq!((credit(1, 1), credit(1, 4)), (300, 700));
			assert_eq!(credit(0, 1), 850);
		});
	}
}

mod cancelling {
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
			let ids: Vec<_> = (10..10 + MAX_ORDERS)
				.map(|at| place(1, Credit(0), Native, 10, price(at)))
				.collect();
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
}

mod bands {
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
				Error::<Test>::WrongCooperative
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
}

mod standing {
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
			let standing = Standing::<Test>::get(0);
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
			assert_eq!((credit(0, 4), credit(0, FEE_ACCOUNT)), (99, 1));
			assert_eq!(credit(0, coop_account()), -1_000 - 100);
			assert_eq!(offered(0, coop_account()), 400);
			let buckets = MockReserve::buckets(0);
			assert_eq!((buckets.subsistence, buckets.commons), (3_000 + 900, 200 + 300));

			// 1 sells 50 credit back at the floor, paid from the earmark (fee 1%).
			place(1, Credit(0), Native, 50, price(8));
			assert_eq!(native(1), ENDOWMENT + 400 - 4);
			assert_eq!(native(FEE_ACCOUNT), 1 + 4);
			assert_eq!(credit(0, coop_account()), -1_100 + 50);
			assert_eq!(MockReserve::earmarked(0), 400);

			// Moving the band closes the standing orders: the earmark and the offer come back.
			assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(9), price(11)));
			assert_eq!(Standing::<Test>::get(0), StandingOrders::default());
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
			let sell = Standing::<Test>::get(0).sell.unwrap();
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
}

mod rounding {
	use super::*;

	#[test]
	fn tiny_amounts_round_in_the_resting_orders_favour() {
		build_and_execute(|| {
			MockLedger::issue(0, 1, Commons, 10);
			let third = Price::checked_from_rational(1, 3).unwrap();
			place(1, Credit(0), Native, 10, third);
			// 100 native units at a third: the 10 credit cost ⌈10/3⌉ = 4.
			let bid = place(4, Native, Credit(0), 100, third);
			assert_eq!(native(1), ENDOWMENT + 4);
			assert_eq!(credit(0, 4) + credit(0, FEE_ACCOUNT), 10);
			// The fee on 10 at 1% rounds down to nothing.
			assert_eq!(credit(0, FEE_ACCOUNT), 0);
			assert_eq!(Orders::<Test>::get(bid).map(|order| order.remaining), Some(96));
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
			let fee = huge / 100;
			assert_eq!(credit(0, 4), (huge - fee) as i128);
			assert_eq!(credit(0, FEE_ACCOUNT), fee as i128);
			assert_eq!(credit(1, 1), huge as i128);
			assert_eq!(credit(0, 1), 0);
		});
	}
}

mod api {
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
}

mod properties {
	use super::*;
	use proptest::prelude::*;

	#[derive(Clone, Debug)]
	enum Step {
		Place { who: u64, give: AssetKind, get: AssetKind, amount: u128, price: Price },
		Cancel { who: u64, id: OrderId },
		Standing { sell: u128, buy: u128 },
	}

	/// An order's two assets: mostly one of the three markets, either way; sometimes anything.
	fn assets() -> impl Strategy<Value = (AssetKind, AssetKind)> {
		let any_asset = || prop_oneof![Just(Native), Just(Credit(0)), Just(Credit(1))];
		prop_oneof![
			8 => (0usize..3, any::<bool>()).prop_map(|(market, flip)| {
				let (give, get) =
					[(Credit(0), Native), (Credit(1), Native), (Credit(0), Credit(1))][market];
				if flip { (get, give) } else { (give, get) }
			}),
			1 => (any_asset(), any_asset()),
		]
	}

	fn step() -> impl Strategy<Value = Step> {
		let prices = prop_oneof![
			Just(Price::checked_from_rational(1, 3).unwrap()),
			Just(Price::checked_from_rational(1, 2).unwrap()),
			Just(price(1)),
			(1u32..=12).prop_map(price),
		];
		prop_oneof![
			6 => (1u64..=7, assets(), 0u128..3_000, prices).prop_map(
				|(who, (give, get), amount, price)| Step::Place { who, give, get, amount, price }
			),
			2 => (1u64..=6, 0u64..30).prop_map(|(who, id)| Step::Cancel { who, id }),
			1 => (0u128..500, 0u128..2_000).prop_map(|(sell, buy)| Step::Standing { sell, buy }),
		]
	}

	/// Every native unit anyone holds, held or free.
	fn native_total() -> u128 {
		(1..=20)
			.chain([FEE_ACCOUNT, MockReserve::account(0), MockReserve::account(1)])
			.map(|who| Balances::total_balance(&who))
			.sum()
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(500))]

		/// No sequence of orders, cancels and standing orders creates or loses a unit: native
		/// units are all where they were or moved, every credit sums to zero, every hold matches
		/// the book, and a failed call changes nothing.
		#[test]
		fn no_value_is_created_or_lost(steps in proptest::collection::vec(step(), 1..60)) {
			new_test_ext().execute_with(|| {
				// 1..=6 hold both credits; 7 holds none.
				for who in 1..=6 {
					MockLedger::issue(0, who, Commons, 2_000);
					MockLedger::issue(1, who, Commons, 2_000);
				}
				MockReserve::fund(0, 9, 8_000);
				assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(2), price(11)));
				let total = native_total();
				for step in steps {
					let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
					let result = match step.clone() {
						Step::Place { who, give, get, amount, price } =>
							Dex::place_order(signed(who), give, get, amount, price).map(|_| ()),
						Step::Cancel { who, id } =>
							Dex::cancel_order(signed(who), id).map_err(Into::into),
						Step::Standing { sell, buy } =>
							Dex::set_standing_orders(coop_origin(0), 0, sell, buy).map(|_| ()),
					};
					if result.is_err() {
						prop_assert_eq!(root, sp_io::storage::root(sp_runtime::StateVersion::V1));
					}
					prop_assert_eq!(native_total(), total);
					prop_assert!(Dex::do_try_state().is_ok(), "{:?}", Dex::do_try_state());
					prop_assert!(MockLedger::consistent());
					prop_assert!(MockReserve::consistent());
				}
				Ok(())
			})?;
		}
	}
}
