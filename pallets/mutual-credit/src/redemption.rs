//! What Redemption asks of the ledgers ([`RedeemableCredit`]): entitlements, and credit taken
//! out of circulation for a redemption (burnt), or put back when it is cancelled (unburnt).

use crate::{Accounts, Config, Error, Event, Pallet};
use confoederatio_primitives::{CoopId, Cooperatives, Credit, RedeemableCredit, WorkCategory};
use frame_support::ensure;
use sp_runtime::{traits::Zero, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Takes `amount` of `who`'s credit out of circulation for a redemption in `category`: the
	/// entitlement goes down (`OverEntitlement`), the balance too (only credit held, above what
	/// a vote locked and what is on offer: [`CreditAccount::debit_held`](crate::CreditAccount::debit_held)),
	/// the coop account up. Changes nothing unless all of it holds.
	pub fn do_burn(
		coop: CoopId,
		who: &T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let coop_account = T::Cooperatives::account(coop);
		ensure!(*who != coop_account, Error::<T>::PayerIsCooperative);
		let mut holder = Accounts::<T>::get(coop, who).ok_or(Error::<T>::NoCreditAccount)?;
		holder.redeem(category, amount, Self::now()).map_err(Error::<T>::from)?;
		let mut coop_record = Self::account_of(coop, &coop_account);
		Self::receive(&mut coop_record, amount)?;
		Accounts::<T>::insert(coop, who, holder);
		Accounts::<T>::insert(coop, &coop_account, coop_record);
		Self::deposit_event(Event::Burned { coop, who: who.clone(), category, amount });
		Ok(())
	}

	/// Undoes a [`Self::do_burn`]: the coop account pays `amount` back (within its issuance
	/// limit) and the entitlement grows back ([`Self::do_issue`]).
	pub fn do_unburn(
		coop: CoopId,
		who: &T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		Self::do_issue(coop, who, category, amount)?;
		Self::deposit_event(Event::Unburned { coop, who: who.clone(), category, amount });
		Ok(())
	}

	/// `who` sold `amount` of its earned credit in `category` to `coop`'s standing buy order:
	/// the entitlement goes ([`CreditAccount::use_entitlement`](crate::CreditAccount::use_entitlement));
	/// the sale moves the credit itself. Changes nothing when refused.
	pub fn do_use_entitlement(
		coop: CoopId,
		who: &T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		let mut holder = Accounts::<T>::get(coop, who).ok_or(Error::<T>::NoCreditAccount)?;
		holder.use_entitlement(category, amount, Self::now()).map_err(Error::<T>::from)?;
		Accounts::<T>::insert(coop, who, holder);
		Ok(())
	}
}

impl<T: Config> RedeemableCredit<T::AccountId> for Pallet<T> {
	/// What `who` may redeem now ([`CreditAccount::redeemable`](crate::CreditAccount::redeemable)).
	fn entitlement(coop: CoopId, who: &T::AccountId, category: WorkCategory) -> Credit {
		Self::account_of(coop, who).redeemable(category, Self::now())
	}

	fn use_entitlement(
		coop: CoopId,
		who: &T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		Self::do_use_entitlement(coop, who, category, amount)
	}

	fn burn(
		coop: CoopId,
		who: &T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		Self::do_burn(coop, who, category, amount)
	}

	fn unburn(
		coop: CoopId,
		who: &T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		Self::do_unburn(coop, who, category, amount)
	}
}
