//! Unit tests of the cooperatives pallet, one file per topic: every call, and its negative
//! cases. Every test but the one that breaks an invariant on purpose runs in
//! [`build_and_execute`], which checks `do_try_state` after it.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::{DispatchError, Perbill, TokenError};

mod apply;
mod events;
mod founding;
mod membership;
mod migrations;
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

/// Founders 5 and 6 of `coop` (see [`apply_bakery`]) confirm; the applicant 4 did by applying.
fn confirm_bakery(coop: CoopId) {
	for founder in [5, 6] {
		assert_ok!(Cooperatives::confirm_founding(RuntimeOrigin::signed(founder), coop));
	}
}

fn held(who: u128) -> u64 {
	Balances::balance_on_hold(&HoldReason::ApplicationDeposit.into(), &who)
}
