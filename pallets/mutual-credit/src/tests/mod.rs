//! Unit and property tests of mutual credit, one file per topic, with the helpers they share.
//! Every test ends with `do_try_state` (`build_and_execute`).

use crate::{mock::*, *};
use confoederatio_primitives::WorkCategory::{Commons, Subsistence};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_core::H256;
use sp_runtime::{DispatchError, FixedPointNumber, TokenError};

fn balance(coop: CoopId, who: u64) -> i128 {
	MutualCredit::account_of(coop, &who).balance
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::ContributionDeposit.into(), &who)
}

fn evidence(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// Submits a contribution and returns its id.
fn submit(coop: CoopId, who: u64, amount: u128, category: WorkCategory) -> ContributionId {
	let id = NextContributionId::<Test>::get();
	assert_ok!(MutualCredit::submit_contribution(
		RuntimeOrigin::signed(who),
		coop,
		amount,
		category,
		evidence(1)
	));
	id
}

fn rate(numerator: u128, denominator: u128) -> ExchangeRate {
	ExchangeRate::checked_from_rational(numerator, denominator).unwrap()
}

/// Issues `who` `amount` of `coop`'s credit for its own `Commons` work (as an approved
/// contribution does), so that it is earned: it votes and may be redeemed.
fn earn(coop: CoopId, who: u64, amount: u128) {
	assert_ok!(MutualCredit::do_issue(coop, &who, Commons, amount));
}

mod across;
mod contributions;
mod deposits;
mod limits;
mod locks;
mod membership;
mod migrations;
mod offers;
mod properties;
mod redemption;
mod transfer;

/// The generated weight of `transfer` (measured in the real runtime by `scripts/benchmark.sh`)
/// counts the membership checks (the cooperative's status, the payee's membership) and exactly
/// two reads and two writes beyond them: the two accounts.
#[test]
fn transfer_reads_and_writes_two_accounts_beyond_the_membership_checks() {
	let weights = include_str!("../weights.rs");
	let impl_start =
		weights.find("impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T>").unwrap();
	let body = &weights[impl_start..];
	let transfer = body.find("fn transfer() -> Weight").unwrap();
	let storage: Vec<&str> = body[..transfer]
		.lines()
		.filter_map(|line| line.trim().strip_prefix("/// Storage: "))
		.collect();
	assert_eq!(
		storage,
		vec![
			"`Cooperatives::Registry` (r:1 w:0)",
			"`Cooperatives::Members` (r:1 w:0)",
			"`MutualCredit::Accounts` (r:2 w:2)",
		]
	);
	let code = &body[transfer..];
	let code = &code[..code.find("\n\t}").unwrap()];
	assert!(code.contains("reads(4_u64)") && code.contains("writes(2_u64)"), "{code}");
}
