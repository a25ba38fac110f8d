//! What the exchange asks of the ledgers ([`OfferableCredit`]): credit held for resting orders,
//! released, and paid from them to a buyer.
//!
//! A holder offers only credit it holds above what a vote locked; the coop account offers new
//! credit, counted as issued against its issuance limit
//! ([`CreditAccount::offer`](crate::CreditAccount::offer)). While it is on offer, the credit
//! cannot be paid away otherwise (`CreditOnOffer`).

use crate::{AccountKind, Accounts, Config, CreditAccountOf, Error, Pallet};
use confoederatio_primitives::{CoopId, Credit, OfferableCredit};
use frame_support::ensure;
use sp_runtime::{traits::Zero, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Holds `amount` more of `who`'s credit for exchange orders. Checks neither the
	/// cooperative's status nor membership.
	pub fn do_offer(coop: CoopId, who: &T::AccountId, amount: Credit) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let kind = Self::kind_of(coop, who);
		let mut account = match kind {
			AccountKind::CoopAccount => Self::account_of(coop, who),
			AccountKind::Holder => {
				Accounts::<T>::get(coop, who).ok_or(Error::<T>::NoCreditAccount)?
			},
		};
		account.offer(amount, Self::now(), kind).map_err(Error::<T>::from)?;
		Accounts::<T>::insert(coop, who, account);
		Ok(())
	}

	/// Releases `amount` of what `who` has on offer.
	pub fn do_withdraw_offer(coop: CoopId, who: &T::AccountId, amount: Credit) -> DispatchResult {
		let mut account = Accounts::<T>::get(coop, who).ok_or(Error::<T>::NoCreditAccount)?;
		Self::take_off_offer(&mut account, amount)?;
		Accounts::<T>::insert(coop, who, account);
		Ok(())
	}

	/// Pays `amount` of what `from` offers to `to` (an exchange trade): `from`'s offer and
	/// balance go down (a payment, [`CreditAccount::pay`](crate::CreditAccount::pay), which
	/// what was on offer always meets; earned credit sold is no longer earned), `to`'s balance
	/// up (bought credit is not earned) (`to` gets an account without a
	/// credit limit if it had none). Checks neither the cooperative's status nor membership.
	pub fn do_pay_offered(
		coop: CoopId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Credit,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfTransfer);
		let mut payer = Self::account_of(coop, from);
		Self::take_off_offer(&mut payer, amount)?;
		Self::pay(&mut payer, amount, Self::kind_of(coop, from))?;
		let mut payee = Self::account_of(coop, to);
		Self::receive(&mut payee, amount)?;
		Accounts::<T>::insert(coop, from, payer);
		Accounts::<T>::insert(coop, to, payee);
		Ok(())
	}

	/// Takes `amount` off what `account` has on offer, or `NotOnOffer`.
	fn take_off_offer(account: &mut CreditAccountOf<T>, amount: Credit) -> DispatchResult {
		account.offered = account.offered.checked_sub(amount).ok_or(Error::<T>::NotOnOffer)?;
		Ok(())
	}
}

impl<T: Config> OfferableCredit<T::AccountId> for Pallet<T> {
	fn offered(coop: CoopId, who: &T::AccountId) -> Credit {
		Accounts::<T>::get(coop, who).map_or(0, |account| account.offered)
	}

	fn offer(coop: CoopId, who: &T::AccountId, amount: Credit) -> DispatchResult {
		Self::do_offer(coop, who, amount)
	}

	fn withdraw_offer(coop: CoopId, who: &T::AccountId, amount: Credit) -> DispatchResult {
		Self::do_withdraw_offer(coop, who, amount)
	}

	fn pay_offered(
		coop: CoopId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Credit,
	) -> DispatchResult {
		Self::do_pay_offered(coop, from, to, amount)
	}
}
