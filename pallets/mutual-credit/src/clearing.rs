//! Clearing between cooperatives through the federation: payments across currencies at their
//! exchange rates, each cooperative's federation position within the limit the federation sets.

use crate::{math, AccountKind, Accounts, Config, Currencies, Currency, Error, Event, Pallet};
use confoederatio_primitives::{CoopId, Cooperatives, Credit, ExchangeRate};
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::Zero, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Pays across currencies through the federation. Checks everything but the origin, and
	/// changes nothing unless every limit holds.
	///
	/// Three ledgers change: the payer pays its coop account; the payer's cooperative's
	/// federation position goes down and the payee's up by the value in federation units; the
	/// payee's coop account pays the payee (unless the payee is that coop account, which then
	/// only gains the federation's debt).
	pub fn do_transfer_across(
		from_coop: CoopId,
		to_coop: CoopId,
		from: T::AccountId,
		to: T::AccountId,
		amount: Credit,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(from_coop != to_coop, Error::<T>::SameCooperative);
		T::Cooperatives::ensure_active(from_coop).map_err(Error::<T>::from)?;
		T::Cooperatives::ensure_active(to_coop).map_err(Error::<T>::from)?;
		Self::ensure_payee(to_coop, &to)?;
		let mut from_currency = Self::currency_of(from_coop);
		let mut to_currency = Self::currency_of(to_coop);
		let (units, received) =
			math::convert(amount, from_currency.exchange_rate, to_currency.exchange_rate)
				.ok_or(Error::<T>::Overflow)?;
		ensure!(!received.is_zero(), Error::<T>::AmountTooSmall);

		// The payer's ledger: the payer pays its coop account.
		let from_coop_account = T::Cooperatives::account(from_coop);
		ensure!(from != from_coop_account, Error::<T>::PayerIsCooperative);
		let mut payer = Accounts::<T>::get(from_coop, &from).ok_or(Error::<T>::NoCreditAccount)?;
		let mut from_coop_record = Self::account_of(from_coop, &from_coop_account);
		Self::pay(&mut payer, amount, AccountKind::Holder)?;
		Self::receive(&mut from_coop_record, amount)?;

		// The federation ledger: the payer's cooperative now owes what the payee's is owed.
		from_currency.federation_position =
			math::debit(from_currency.federation_position, units, from_currency.federation_limit)
				.ok_or(Error::<T>::OverFederationLimit)?;
		to_currency.federation_position = math::credit(to_currency.federation_position, units)
			.ok_or(Error::<T>::Overflow)?;
		ensure!(to_currency.within_federation_limit(), Error::<T>::OverFederationLimit);

		// The payee's ledger: its coop account pays out (unless it is the payee).
		let to_coop_account = T::Cooperatives::account(to_coop);
		let payout = if to == to_coop_account {
			None
		} else {
			let mut to_coop_record = Self::account_of(to_coop, &to_coop_account);
			Self::pay(&mut to_coop_record, received, AccountKind::CoopAccount)?;
			let mut payee = Self::account_of(to_coop, &to);
			Self::receive(&mut payee, received)?;
			Some((to_coop_record, payee))
		};

		Accounts::<T>::insert(from_coop, &from, payer);
		Accounts::<T>::insert(from_coop, &from_coop_account, from_coop_record);
		Currencies::<T>::insert(from_coop, from_currency);
		Currencies::<T>::insert(to_coop, to_currency);
		if let Some((to_coop_record, payee)) = payout {
			Accounts::<T>::insert(to_coop, &to_coop_account, to_coop_record);
			Accounts::<T>::insert(to_coop, &to, payee);
		}
		Self::deposit_event(Event::TransferredAcross {
			from_coop,
			to_coop,
			from,
			to,
			paid: amount,
			federation_units: units,
			received,
		});
		Ok(())
	}

	/// Sets how far `coop`'s federation position may go from zero: at most
	/// `MaxFederationLimit`, and not below the current position. Does not check the origin.
	pub fn do_set_federation_limit(coop: CoopId, limit: Credit) -> DispatchResult {
		T::Cooperatives::ensure_exists(coop).map_err(Error::<T>::from)?;
		ensure!(limit <= T::MaxFederationLimit::get(), Error::<T>::LimitTooHigh);
		let currency = Currency { federation_limit: limit, ..Self::currency_of(coop) };
		ensure!(currency.within_federation_limit(), Error::<T>::BelowCurrentPosition);
		Currencies::<T>::insert(coop, currency);
		Self::deposit_event(Event::FederationLimitSet { coop, limit });
		Ok(())
	}

	/// Sets the value of one unit of `coop`'s credit in federation units: above zero. Does not
	/// check the origin.
	pub fn do_set_exchange_rate(coop: CoopId, rate: ExchangeRate) -> DispatchResult {
		T::Cooperatives::ensure_exists(coop).map_err(Error::<T>::from)?;
		ensure!(!rate.is_zero(), Error::<T>::ZeroRate);
		Currencies::<T>::insert(coop, Currency { exchange_rate: rate, ..Self::currency_of(coop) });
		Self::deposit_event(Event::ExchangeRateSet { coop, rate });
		Ok(())
	}
}
