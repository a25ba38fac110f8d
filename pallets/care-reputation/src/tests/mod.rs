//! Unit tests of care reputation, one file per topic; every test ends with `do_try_state`
//! ([`build_and_execute`]). The mock runtime is in `crate::mock`.

mod attest;
mod confirm;
mod decay;
mod deposits;
mod membership;
mod migrations;
mod notes;
mod properties;
mod revoke_withdraw;

pub use crate::{mock::*, *};
pub use confoederatio_test_kit::coop_origin;
pub use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
pub use sp_core::H256;
pub use sp_runtime::{DispatchError, TokenError};

/// The hash of note number `n`.
pub fn note(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// The last event deposited.
pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

/// What `who` holds under `RecordDeposit`.
pub fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::RecordDeposit.into(), &who)
}

/// `attester` attests `points` of care by `member` in `coop`, described by note `n`.
pub fn attest(coop: CoopId, attester: u64, member: u64, points: u32, n: u8) -> DispatchResult {
	CareReputation::attest(RuntimeOrigin::signed(attester), coop, member, points, note(n))
}

/// Moves to block `block`.
pub fn run_to(block: u64) {
	System::set_block_number(block);
}
