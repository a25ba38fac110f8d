//! A [`DepositPayer`] for the mock runtimes: a cooperative pays the storage deposits of its
//! members who cannot, within the budget a test gives it.

use crate::MockCooperatives;
use confoederatio_primitives::{CoopId, Cooperatives, DepositPayer};
use alloc::vec::Vec;
use codec::Encode;
use core::marker::PhantomData;
use frame_support::storage::unhashed;
use frame_support::traits::{
	fungible::InspectHold,
	tokens::{Fortitude, Preservation},
};
use sp_runtime::{traits::Saturating, SaturatedConversion};

/// The mocks' deposit payer over the native currency `Currency`: `who` pays its own deposit
/// when it can hold it (as `hold` would: what it could spend, keeping its account alive); else,
/// if `who` is a member of `coop`, the cooperative's account
/// ([`MockCooperatives::account_of`]) pays while everything that account holds stays within
/// the cooperative's budget ([`MockCooperatives::set_deposit_budget`]; the mock cannot tell its
/// members' deposits from the cooperative's own). Every cooperative's budget is 0 until a test
/// sets one, so until then everyone pays its own, as with `()`.
///
/// Like the runtime's payer it keeps what each cooperative holds for each member
/// ([`Self::paid_for`]), in the test's storage (so a failed call rolls it back): a pallet that
/// forgets to report a release ([`DepositPayer::released`]) leaves it above zero.
pub struct CoopPaysDeposits<Currency>(PhantomData<Currency>);

impl<Currency> CoopPaysDeposits<Currency> {
	fn key(coop: CoopId, who: &u64) -> Vec<u8> {
		(b"mock:paid_for", coop, who).encode()
	}

	/// What `coop`'s account holds for `who`'s deposits.
	pub fn paid_for(coop: CoopId, who: &u64) -> u128 {
		unhashed::get_or_default(&Self::key(coop, who))
	}
}

impl<Currency: InspectHold<u64>> DepositPayer<u64, Currency::Balance>
	for CoopPaysDeposits<Currency>
{
	fn payer(coop: CoopId, who: &u64, amount: Currency::Balance) -> u64 {
		let can_pay =
			Currency::reducible_balance(who, Preservation::Protect, Fortitude::Force) >= amount;
		if can_pay || !MockCooperatives::is_member(coop, who) {
			return *who;
		}
		let account = MockCooperatives::account_of(coop);
		let budget: Currency::Balance =
			MockCooperatives::get(coop).map_or(0, |c| c.deposit_budget).saturated_into();
		let held = Currency::total_balance_on_hold(&account);
		if held.saturating_add(amount) <= budget {
			let paid = Self::paid_for(coop, who).saturating_add(amount.saturated_into());
			unhashed::put(&Self::key(coop, who), &paid);
			account
		} else {
			*who
		}
	}

	fn released(coop: CoopId, who: &u64, depositor: &u64, amount: Currency::Balance) {
		if *depositor == MockCooperatives::account_of(coop) {
			let paid = Self::paid_for(coop, who).saturating_sub(amount.saturated_into());
			unhashed::put(&Self::key(coop, who), &paid);
		}
	}

	fn weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}
