//! Unit and property tests of redemption, one file per topic. Every unit test runs in
//! [`build_and_execute`]: it ends with `do_try_state` and a check that credit still sums to zero.

use crate::{mock::*, *};
use confoederatio_primitives::{
	Price, ReserveInfo,
	WorkCategory::{Commons, Subsistence},
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect as _, InspectHold as _},
};
use sp_runtime::{DispatchError, DispatchResult, FixedPointNumber, Perbill, TokenError};

mod cancel;
mod deposits;
mod exchange;
mod fund;
mod migrations;
mod properties;
mod queue;
mod redeem;
mod types;

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn native(who: u64) -> u64 {
	Balances::balance(&who)
}

/// The request deposits `who` has on hold.
fn deposits_held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::RequestDeposit.into(), &who)
}

fn reserve(coop: CoopId) -> Reserve<u64> {
	Reserves::<Test>::get(coop).unwrap_or_default()
}

/// A rate of a whole number of native units per unit of credit.
fn per_unit(native: u64) -> Price {
	Price::saturating_from_integer(native)
}

/// `coop` decides a rate of `native` native units per unit of credit.
fn set_rate(coop: CoopId, native: u64) {
	assert_ok!(Redemption::set_rate(coop_origin(coop), coop, per_unit(native)));
}
