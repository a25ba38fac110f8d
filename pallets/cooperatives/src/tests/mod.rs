//! Unit tests of the cooperatives pallet, one file per topic: every call, and its negative
//! cases. Every test but the one that breaks an invariant on purpose runs in
//! [`build_and_execute`], which checks `do_try_state` after it.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::{DispatchError, Perbill, TokenError};

mod apply;
mod membership;
mod parameters;
mod registry;
mod status;

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

/// Account 4 applies for "bakery" with founders 4, 5, 6; returns the new cooperative's id.
fn apply_bakery() -> CoopId {
	let coop = NextCoopId::<Test>::get();
	assert_ok!(Cooperatives::apply(RuntimeOrigin::signed(4), b"bakery".to_vec(), vec![4, 5, 6]));
	coop
}

fn held(who: u128) -> u64 {
	Balances::balance_on_hold(&HoldReason::ApplicationDeposit.into(), &who)
}
