//! The pallet's invariants, checked after every unit test and every property-test step, and by
//! try-runtime.

use crate::{
	Accounts, BalanceOf, Config, Contributions, Currencies, HoldReason, NextContributionId, Pallet,
};
use alloc::collections::btree_map::BTreeMap;
use confoederatio_primitives::CoopId;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Checks the invariants (iterates over all of the pallet's storage: for tests and
	/// try-runtime, never for a call):
	/// - every account is at or above its [floor](crate::CreditAccount::floor) (so every vote
	///   lock of a poll still open fits in its balance, above what is on offer), holds at
	///   most one vote lock per poll, and is entitled to no more than its positive balance
	///   (an entitlement is credit earned and still held);
	/// - the balances of each currency sum to zero;
	/// - every federation position is within its limit, no exchange rate is zero, and the
	///   positions sum to zero;
	/// - every pending contribution's id is below `NextContributionId`, and every depositor of
	///   pending contributions (a member, or a cooperative's account paying for its members)
	///   holds exactly their deposits under `ContributionDeposit`.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let now = Self::now();
		let mut sums: BTreeMap<CoopId, i128> = BTreeMap::new();
		for (coop, who, account) in Accounts::<T>::iter() {
			ensure!(
				account.is_above_floor(now, Self::kind_of(coop, &who)),
				"an account is below its floor"
			);
			ensure!(account.has_one_lock_per_poll(), "an account holds two locks for one poll");
			ensure!(account.earned_is_held(), "an account's entitlements exceed its balance");
			let sum = sums.entry(coop).or_default();
			*sum = sum.checked_add(account.balance).ok_or("a currency's sum overflows")?;
		}
		ensure!(sums.values().all(|sum| *sum == 0), "a currency's balances do not sum to zero");

		let mut positions: i128 = 0;
		for (_, currency) in Currencies::<T>::iter() {
			ensure!(
				currency.within_federation_limit(),
				"a federation position is beyond its limit"
			);
			ensure!(!currency.exchange_rate.is_zero(), "an exchange rate is zero");
			positions = positions
				.checked_add(currency.federation_position)
				.ok_or("the federation positions overflow")?;
		}
		ensure!(positions == 0, "the federation positions do not sum to zero");

		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let next = NextContributionId::<T>::get();
		for (id, contribution) in Contributions::<T>::iter() {
			ensure!(id < next, "a contribution's id is not below NextContributionId");
			let held = deposits.entry(contribution.depositor).or_default();
			*held = held.saturating_add(contribution.deposit);
		}
		for (depositor, deposit) in deposits {
			let held =
				T::Currency::balance_on_hold(&HoldReason::ContributionDeposit.into(), &depositor);
			ensure!(held == deposit, "held deposits differ from the pending contributions'");
		}
		Ok(())
	}
}
