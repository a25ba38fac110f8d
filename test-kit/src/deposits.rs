//! A [`DepositPayer`] for the mock runtimes: a cooperative pays the storage deposits of its
//! members who cannot, within the budget a test gives it.

use crate::MockCooperatives;
use confoederatio_primitives::{CoopId, Cooperatives, DepositPayer};
use core::marker::PhantomData;
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
pub struct CoopPaysDeposits<Currency>(PhantomData<Currency>);

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
			account
		} else {
			*who
		}
	}
}
