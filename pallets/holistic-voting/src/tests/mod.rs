//! Unit tests of governance, one file per topic: proposing, voting, closing cooperative polls,
//! federation polls, runtime upgrades, vote weights (the holistic formula and the cap), and
//! property tests of the cap. Shared helpers are here; the mock runtime is in `crate::mock`.

use crate::{mock::*, *};
use confoederatio_primitives::MembershipHooks;
use frame_support::{assert_ok, traits::fungible::InspectHold};
use sp_runtime::{DispatchResult, Perbill};

mod close;
mod deposits;
mod electorate;
mod federation;
mod migrations;
mod properties;
mod propose;
mod upgrade;
mod vote;
mod weights;

/// This pallet's events so far.
fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Governance(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// A call that records `value` as done by the cooperative that dispatched it.
fn record_call(value: u32) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Target(target::Call::as_cooperative { value }))
}

/// A call that records `value` as done by the federation.
fn federation_call(value: u32) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Target(target::Call::as_federation { value }))
}

/// What `who` has on hold for poll deposits.
fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::PollDeposit.into(), &who)
}

/// `coop`'s own decision, as the mock's origin.
fn coop_origin(coop: CoopId) -> RuntimeOrigin {
	confoederatio_test_kit::coop_origin(coop)
}

/// A quorum of `percent`%.
fn quorum(percent: u32) -> Perbill {
	Perbill::from_percent(percent)
}

/// Member 1 proposes `call` to cooperative 0; returns the poll.
fn coop_poll(call: Box<RuntimeCall>) -> PollId {
	let poll = NextPollId::<Test>::get();
	assert_ok!(Governance::propose(RuntimeOrigin::signed(1), ProposalScope::Cooperative(0), call));
	poll
}

/// Cooperative 0 proposes `call` to the federation on `track`; returns the poll.
fn federation_poll(track: Track, call: Box<RuntimeCall>) -> PollId {
	let poll = NextPollId::<Test>::get();
	assert_ok!(Governance::propose(coop_origin(0), ProposalScope::Federation(track), call));
	poll
}

/// `who` votes in `poll`.
fn vote(who: u64, poll: PollId, aye: bool) -> DispatchResult {
	Governance::vote(RuntimeOrigin::signed(who), poll, aye)
}

/// The largest capped weight of `weights` under `cap`, and the capped total.
fn shares(weights: &[u64], cap: Perbill) -> (u128, u128) {
	let level = math::cap_level(weights, cap);
	let capped: Vec<u128> = weights.iter().map(|w| u128::from(math::capped(*w, level))).collect();
	(capped.iter().copied().max().unwrap_or(0), capped.iter().sum())
}

/// `who` joins `coop`, as by `Cooperatives.add_member`: the registry tells the hooks.
fn join(coop: CoopId, who: u64) {
	set_coop(coop, |c| c.members.push(who));
	<Governance as MembershipHooks<u64>>::on_joined(coop, &who);
}

/// `who` leaves `coop`, as by `Cooperatives.leave`: the registry asks and tells the hooks.
fn leave(coop: CoopId, who: u64) {
	assert_ok!(<Governance as MembershipHooks<u64>>::can_leave(coop, &who));
	set_coop(coop, |c| c.members.retain(|member| *member != who));
	<Governance as MembershipHooks<u64>>::on_left(coop, &who);
}
