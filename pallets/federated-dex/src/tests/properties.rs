//! Property tests: no sequence of calls creates or loses a unit, no order trades beyond its
//! limit, every trade pays its fee, and a quote is what placing the same order does.

use super::*;
use alloc::collections::btree_map::BTreeMap;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Action {
	Place { who: u64, give: AssetKind, get: AssetKind, amount: u128, price: Price },
	Cancel { who: u64, id: OrderId },
	Standing { sell: u128, buy: u128 },
	Band { floor: u32, ceiling: u32 },
}

impl Action {
	/// Runs the action's call.
	fn run(self) -> DispatchResult {
		match self {
			Action::Place { who, give, get, amount, price } => {
				Dex::place_order(signed(who), give, get, amount, price)
					.map(|_| ())
					.map_err(|e| e.error)
			},
			Action::Cancel { who, id } => Dex::cancel_order(signed(who), id),
			Action::Standing { sell, buy } => {
				Dex::set_standing_orders(coop_origin(0), 0, sell, buy)
					.map(|_| ())
					.map_err(|e| e.error)
			},
			Action::Band { floor, ceiling } => {
				Dex::set_price_band(coop_origin(0), 0, price(floor), price(ceiling))
			},
		}
	}
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

/// A limit price: a third, a half, 5/4, 3/2, 12/5, or 1 to 12.
fn prices() -> impl Strategy<Value = Price> {
	let fraction = |n, d| Price::checked_from_rational(n, d).unwrap();
	prop_oneof![
		Just(fraction(1, 3)),
		Just(fraction(1, 2)),
		Just(fraction(5, 4)),
		Just(fraction(3, 2)),
		Just(fraction(12, 5)),
		Just(price(1)),
		(1u32..=12).prop_map(price),
	]
}

fn step() -> impl Strategy<Value = Action> {
	prop_oneof![
		6 => (1u64..=7, assets(), 0u128..3_000, prices()).prop_map(
			|(who, (give, get), amount, price)| Action::Place { who, give, get, amount, price }
		),
		2 => (1u64..=6, 0u64..30).prop_map(|(who, id)| Action::Cancel { who, id }),
		1 => (0u128..500, 0u128..2_000).prop_map(|(sell, buy)| Action::Standing { sell, buy }),
	]
}

/// Every native unit anyone holds, held or free.
fn native_total() -> u128 {
	(1..=20)
		.chain([FEE_ACCOUNT, MockReserve::account(0), MockReserve::account(1)])
		.map(|who| Balances::total_balance(&who))
		.sum()
}

/// Whether an order of `side` at `limit` that traded `base` units for `quote` stayed within
/// its limit: a bid paid at most `limit` per unit, an ask received at least it (exactly, in
/// `u128`: the tests' amounts are small).
fn within(side: Side, limit: Price, base: u128, quote: u128) -> bool {
	let paid = quote.checked_mul(Price::DIV).expect("small amounts");
	let at_limit = base.checked_mul(limit.into_inner()).expect("small amounts");
	match side {
		Side::Bid => paid <= at_limit,
		Side::Ask => paid >= at_limit,
	}
}

/// Checks the trades of one call against the limits of the orders placed so far (`limits`,
/// by id, which it extends with the call's new orders):
/// - each trade is at the resting order's price exactly (so within its limit);
/// - over the whole call, each arriving order's average price is within its limit;
/// - every trade pays its fee: at least `TradeFee` of what the taker receives, never zero,
///   and less than all of it.
fn check_trades(limits: &mut BTreeMap<OrderId, (Side, Price)>) -> Result<(), TestCaseError> {
	let mut taken: BTreeMap<OrderId, (u128, u128)> = BTreeMap::new();
	for event in events() {
		match event {
			Event::OrderPlaced { id, give, get, price, .. } => {
				let (_, side) = Market::of(give, get).expect("a placed order has a market");
				limits.insert(id, (side, price));
			},
			Event::Trade { maker_order, taker_order, base_amount, quote_amount, fee, .. } => {
				let (maker_side, maker_limit) = limits[&maker_order];
				prop_assert!(within(maker_side, maker_limit, base_amount, quote_amount));
				prop_assert!(within(maker_side.opposite(), maker_limit, base_amount, quote_amount));
				let received = match maker_side {
					Side::Ask => base_amount,
					Side::Bid => quote_amount,
				};
				prop_assert!(fee >= 1 && fee < received, "fee {} on {}", fee, received);
				prop_assert!(fee * 100 >= received, "fee {} on {}", fee, received);
				let sums = taken.entry(taker_order).or_default();
				*sums = (sums.0 + base_amount, sums.1 + quote_amount);
			},
			_ => {},
		}
	}
	for (id, (base, quote)) in taken {
		let (side, limit) = limits[&id];
		prop_assert!(
			within(side, limit, base, quote),
			"order {} of {:?} at {:?} traded {} for {}",
			id,
			side,
			limit,
			base,
			quote
		);
	}
	Ok(())
}

/// The credit of cooperative 0 its standing buy orders bought in one call's trades (`bids`:
/// the ids of its standing buy orders so far, which this extends with the call's new ones).
fn bought_back(bids: &mut alloc::collections::btree_set::BTreeSet<OrderId>) -> u128 {
	let mut bought = 0;
	for event in events() {
		match event {
			Event::OrderPlaced { id, owner, give: Native, get: Credit(0), .. }
				if owner == MockCooperatives::account_of(0) =>
			{
				bids.insert(id);
			},
			Event::Trade { maker_order, taker_order, base_amount, .. }
				if bids.contains(&maker_order) || bids.contains(&taker_order) =>
			{
				bought += base_amount;
			},
			_ => {},
		}
	}
	bought
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(500))]

	/// No sequence of orders, cancels and standing orders creates or loses a unit: native
	/// units are all where they were or moved, every credit sums to zero, every hold matches
	/// the book, and a failed call changes nothing. No order trades beyond its limit: every
	/// trade is at the resting order's price, and an arriving order's average price over its
	/// trades is within its own. Every trade pays its fee, never zero. The reserve never pays
	/// for more credit than entitlements: what the standing buy orders buy is at most what the
	/// sellers' `Commons` entitlements went down by.
	#[test]
	fn no_value_is_created_or_lost(steps in proptest::collection::vec(step(), 1..60)) {
		new_test_ext().execute_with(|| {
			// 1..=6 earned both credits; 7 earned none, and holds 500 of 1's credit.
			for who in 1..=6 {
				MockLedger::issue(0, who, Commons, 2_000);
				MockLedger::issue(1, who, Commons, 2_000);
			}
			MockLedger::pay(0, 1, 7, 500);
			let mut entitled = MockLedger::entitlements(0, Commons);
			let mut standing_bids = Default::default();
			MockReserve::fund(0, 9, 8_000);
			assert_ok!(Dex::set_price_band(coop_origin(0), 0, price(2), price(11)));
			let total = native_total();
			let mut limits = BTreeMap::new();
			for step in steps {
				System::reset_events();
				let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
				if step.run().is_err() {
					prop_assert_eq!(root, sp_io::storage::root(sp_runtime::StateVersion::V1));
				}
				check_trades(&mut limits)?;
				let now_entitled = MockLedger::entitlements(0, Commons);
				let bought = bought_back(&mut standing_bids);
				prop_assert!(
					bought <= entitled - now_entitled,
					"bought back {} for {} of entitlement", bought, entitled - now_entitled
				);
				entitled = now_entitled;
				prop_assert_eq!(native_total(), total);
				prop_assert!(Dex::do_try_state().is_ok(), "{:?}", Dex::do_try_state());
				prop_assert!(MockLedger::consistent());
				prop_assert!(MockReserve::consistent());
			}
			Ok(())
		})?;
	}
}

/// Who quotes and places in [`a_quote_is_what_placing_the_same_order_does`]: no resting order
/// of theirs is in the way.
const TAKER: u64 = 10;

/// A book to quote against: orders, cancels, standing orders and bands (which leave older orders
/// outside), in the three markets.
fn scene_action() -> impl Strategy<Value = Action> {
	prop_oneof![
		8 => step(),
		1 => (1u32..=12, 1u32..=12).prop_map(|(a, b)| Action::Band {
			floor: a.min(b),
			ceiling: a.max(b),
		}),
	]
}

/// What placing `TAKER`'s order at `limit` does, measured and then undone; `None` if it is
/// refused.
fn trial(give: AssetKind, get: AssetKind, amount: u128, limit: Price) -> Option<ExchangeQuote> {
	frame_support::storage::with_transaction(|| {
		let traded = traded(TAKER, give, get, amount, limit).ok();
		sp_runtime::TransactionOutcome::Rollback(Ok::<_, DispatchError>(traded))
	})
	.ok()
	.flatten()
}

/// The limits an order of `side` in `market` might be placed at: each resting price of the other
/// side moved into the band, and the band's far edge (with no band: the smallest price).
fn limits(market: Market, side: Side) -> Vec<Price> {
	let band = market.banded_by().and_then(PriceBands::<Test>::get);
	let into_band = |at: Price| band.map_or(at, |band| at.max(band.floor).min(band.ceiling));
	let far_edge = band.map_or(Price::from_inner(1), |band| match side {
		Side::Bid => band.ceiling,
		Side::Ask => band.floor,
	});
	Books::<Test>::get((market, side.opposite()))
		.into_iter()
		.map(|(at, _)| into_band(at))
		.chain([far_edge])
		.collect()
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(400))]

	/// A quote is what placing the same order does (spent, received, fee, fills): the same
	/// order placed by an account with the funds and no resting order in its way, at the limit
	/// that trades the most (each placement trades a prefix of the same walk). An order that
	/// would be refused quotes nothing.
	#[test]
	fn a_quote_is_what_placing_the_same_order_does(
		actions in proptest::collection::vec(scene_action(), 0..40),
		(give, get) in assets(),
		amount in prop_oneof![0u128..40, 0u128..5_000],
		suspended in proptest::bool::weighted(0.1),
	) {
		new_test_ext().execute_with(|| {
			for who in (1..=6).chain([TAKER]) {
				MockLedger::issue(0, who, Commons, 100_000);
				MockLedger::issue(1, who, Commons, 100_000);
			}
			MockReserve::fund(0, 9, 8_000);
			for action in actions {
				let _ = action.run();
			}
			if let Some((market, side)) = Market::of(give, get) {
				// Room for what is left of the order: the book it would rest on holds no
				// signed order (a standing order is never evicted, and rests alone).
				for (_, id) in Books::<Test>::get((market, side)) {
					if let Some(order) = Orders::<Test>::get(id).filter(|order| !order.standing) {
						assert_ok!(Dex::cancel_order(signed(order.owner), id));
					}
				}
			}
			if suspended {
				MockCooperatives::set_active(0, false);
			}
			prop_assert!(Dex::do_try_state().is_ok(), "{:?}", Dex::do_try_state());

			let quote = Dex::quote(&TAKER, give, get, amount);
			let placed = Market::of(give, get)
				.map(|(market, side)| limits(market, side))
				.unwrap_or_default()
				.into_iter()
				.filter_map(|limit| trial(give, get, amount, limit))
				.max_by_key(|placed| placed.fills)
				.unwrap_or_default();
			prop_assert_eq!(quote, placed);
			Ok(())
		})?;
	}
}
