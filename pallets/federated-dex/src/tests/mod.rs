//! Unit and property tests of the exchange, one file per topic. Every test ends with
//! `do_try_state`, a check that credit sums to zero within every account's floor, and that
//! reserves hold their buckets ([`build_and_execute`]).

mod bands;
mod cancel;
mod deposits;
mod fees;
mod migrations;
mod place;
mod properties;
mod quote;
mod rounding;
mod standing;

use crate::{mock::*, *};
use confoederatio_primitives::{
	AssetKind::{Credit, Native},
	ExchangeQuote,
	WorkCategory::Commons,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect as _, InspectHold as _},
};
use sp_runtime::{DispatchError, DispatchResult, FixedPointNumber};

fn price(n: u32) -> Price {
	Price::from_u32(n)
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn credit(coop: CoopId, who: u64) -> i128 {
	MockLedger::holding(coop, who).balance
}

/// The credit fees `coop`'s account received back, when it had issued `issued` (a fee in a
/// cooperative's credit goes back to its account; none reaches the federation's account).
fn credit_fees(coop: CoopId, issued: i128) -> i128 {
	assert_eq!(credit(coop, FEE_ACCOUNT), 0, "no credit fee reaches the federation's account");
	credit(coop, MockCooperatives::account_of(coop)) + issued
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

/// What `who` holds of `asset`: native units (free and held), or its credit balance.
fn holds(asset: AssetKind, who: u64) -> i128 {
	match asset {
		Native => Balances::total_balance(&who) as i128,
		Credit(coop) => MockLedger::balance(coop, who),
	}
}

/// Places `who`'s order and measures what it did, as a quote reports it: what `who` spent of
/// `give` and received of `get`, the fees its trades charged, and the fills.
fn traded(
	who: u64,
	give: AssetKind,
	get: AssetKind,
	amount: u128,
	at: Price,
) -> Result<ExchangeQuote, DispatchError> {
	let (market, side) = Market::of(give, get).ok_or(Error::<Test>::SameAsset)?;
	let (gave, got) = (holds(give, who), holds(get, who));
	System::reset_events();
	let placed = Dex::do_place(who, market, side, at, amount, false)?;
	let fee = events()
		.iter()
		.map(|event| match event {
			Event::Trade { fee, .. } => *fee,
			_ => 0,
		})
		.sum();
	Ok(ExchangeQuote {
		spent: (gave - holds(give, who)) as u128,
		received: (holds(get, who) - got) as u128,
		fee,
		fills: placed.fills,
	})
}
