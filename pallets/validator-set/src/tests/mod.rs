//! Unit tests of the validator set: the calls and their refusals, sessions (keys, the
//! minimum, the delay, a development chain), the session length, and the runtime API's view.
//! Every test ends with the invariants and a comparison with pallet-session's own sets.

mod calls;
mod sessions;

use crate::{mock::*, *};
use confoederatio_test_kit::{coop_origin, federation_origin, supermajority_origin};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

/// The pallet's validators and their operators.
fn validators() -> Vec<(u64, CoopId)> {
	Validators::<Test>::get().into_inner().into_iter().collect()
}

/// The accounts of the leaving validators.
fn leaving() -> Vec<u64> {
	Leaving::<Test>::get().into_inner().into_keys().collect()
}
