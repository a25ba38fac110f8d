//! One cooperative's ledger: accounts, payments within the currency, credit limits, issuing, and
//! what the runtime API reports.

use crate::{
	AccountKind, Accounts, Config, CreditAccount, CreditAccountOf, Currencies, Currency,
	Error, Event, Pallet,
};
use confoederatio_primitives::{
	CoopId, Cooperatives, Credit, CreditAccountInfo, CurrencyInfo, WorkCategory,
};
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Zero, DispatchResult};

impl<T: Config> Pallet<T> {
	/// The settings and federation position of `coop`'s currency (the defaults if never set).
	pub fn currency_of(coop: CoopId) -> Currency {
		Currencies::<T>::get(coop).unwrap_or_else(|| Currency::new(T::DefaultCreditLimit::get()))
	}

	/// Whether `who` is `coop`'s coop account or a holder.
	pub fn kind_of(coop: CoopId, who: &T::AccountId) -> AccountKind {
		if *who == T::Cooperatives::account(coop) {
			AccountKind::CoopAccount
		} else {
			AccountKind::Holder
		}
	}

	/// `who`'s account in `coop`'s currency, or a new empty one: with the cooperative's issuance
	/// limit for the coop account, with no credit limit for anyone else (members get theirs
	/// when they join).
	pub fn account_of(coop: CoopId, who: &T::AccountId) -> CreditAccountOf<T> {
		Accounts::<T>::get(coop, who).unwrap_or_else(|| match Self::kind_of(coop, who) {
			AccountKind::CoopAccount => CreditAccount::with_limit(T::DefaultIssuanceLimit::get()),
			AccountKind::Holder => CreditAccount::default(),
		})
	}

	/// What the runtime API reports of `who`'s account in `coop`'s currency.
	pub fn account_info(coop: CoopId, who: &T::AccountId) -> CreditAccountInfo {
		Self::account_of(coop, who).info(Self::now(), Self::kind_of(coop, who))
	}

	/// What the runtime API reports of `coop`'s currency. Sums the credit in circulation over
	/// the currency's accounts (one read per account: for the runtime API, never for a call).
	pub fn currency_info(coop: CoopId) -> CurrencyInfo {
		let coop_account = T::Cooperatives::account(coop);
		let circulation = Accounts::<T>::iter_prefix(coop)
			.filter(|(who, _)| *who != coop_account)
			.map(|(_, account)| Credit::try_from(account.balance).unwrap_or(0))
			.fold(0, Credit::saturating_add);
		Self::currency_of(coop).info(circulation)
	}

	/// The current block.
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// `account` pays `amount` now ([`CreditAccount::pay`]), or the pallet's error for the rule
	/// that refuses it.
	pub(crate) fn pay(
		account: &mut CreditAccountOf<T>,
		amount: Credit,
		kind: AccountKind,
	) -> DispatchResult {
		account.pay(amount, Self::now(), kind).map_err(|refused| Error::<T>::from(refused).into())
	}

	/// `account` receives `amount` ([`CreditAccount::receive`]), or `Overflow`.
	pub(crate) fn receive(account: &mut CreditAccountOf<T>, amount: Credit) -> DispatchResult {
		account.receive(amount).map_err(|refused| Error::<T>::from(refused).into())
	}

	/// Ensures `who` is a member of `coop` (whatever the cooperative's status).
	pub(crate) fn ensure_member(coop: CoopId, who: &T::AccountId) -> DispatchResult {
		ensure!(T::Cooperatives::is_member(coop, who), Error::<T>::NotMember);
		Ok(())
	}

	/// Ensures `who` may receive `coop`'s credit: a member, or the cooperative itself.
	pub(crate) fn ensure_payee(coop: CoopId, who: &T::AccountId) -> DispatchResult {
		match Self::kind_of(coop, who) {
			AccountKind::CoopAccount => Ok(()),
			AccountKind::Holder => Self::ensure_member(coop, who),
		}
	}

	/// Moves `amount` of `coop`'s credit from `from` to `to`. Checks everything but the origin.
	///
	/// Storage: the cooperative's status, the payee's membership, and the two accounts (read
	/// and written once each).
	pub fn do_transfer(
		coop: CoopId,
		from: T::AccountId,
		to: T::AccountId,
		amount: Credit,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfTransfer);
		ensure!(Self::kind_of(coop, &from) == AccountKind::Holder, Error::<T>::PayerIsCooperative);
		T::Cooperatives::ensure_active(coop).map_err(Error::<T>::from)?;
		Self::ensure_payee(coop, &to)?;
		let mut payer = Accounts::<T>::get(coop, &from).ok_or(Error::<T>::NoCreditAccount)?;
		let mut payee = Self::account_of(coop, &to);
		Self::pay(&mut payer, amount, AccountKind::Holder)?;
		Self::receive(&mut payee, amount)?;
		Accounts::<T>::insert(coop, &from, payer);
		Accounts::<T>::insert(coop, &to, payee);
		Self::deposit_event(Event::Transferred { coop, from, to, amount });
		Ok(())
	}

	/// Sets `who`'s credit limit in `coop` (for the coop account, its issuance limit): at most
	/// the runtime's maximum, and not so low that the account would be below its floor
	/// (`BelowCurrentDebt`). Does not check the origin.
	pub fn do_set_credit_limit(coop: CoopId, who: T::AccountId, limit: Credit) -> DispatchResult {
		T::Cooperatives::ensure_exists(coop).map_err(Error::<T>::from)?;
		let kind = Self::kind_of(coop, &who);
		let max = match kind {
			AccountKind::CoopAccount => T::MaxIssuanceLimit::get(),
			AccountKind::Holder => {
				Self::ensure_member(coop, &who)?;
				T::MaxCreditLimit::get()
			},
		};
		ensure!(limit <= max, Error::<T>::LimitTooHigh);
		let account = CreditAccount { credit_limit: limit, ..Self::account_of(coop, &who) };
		ensure!(account.is_above_floor(Self::now(), kind), Error::<T>::BelowCurrentDebt);
		Accounts::<T>::insert(coop, &who, account);
		Self::deposit_event(Event::CreditLimitSet { coop, who, limit });
		Ok(())
	}

	/// Sets the credit limit `coop`'s new members get: at most `MaxCreditLimit`. Does not check
	/// the origin (nor that the cooperative exists: only its own origin can call it).
	pub fn do_set_default_credit_limit(coop: CoopId, limit: Credit) -> DispatchResult {
		ensure!(limit <= T::MaxCreditLimit::get(), Error::<T>::LimitTooHigh);
		let currency = Currency { default_credit_limit: limit, ..Self::currency_of(coop) };
		Currencies::<T>::insert(coop, currency);
		Self::deposit_event(Event::DefaultCreditLimitSet { coop, limit });
		Ok(())
	}

	/// Issues `amount` of `coop`'s credit to `who` for its own work in `category`: the coop
	/// account goes down (within its issuance limit, its offers counted as issued), `who`'s
	/// balance and entitlement up ([`CreditAccount::earn`]). Checks neither origin nor
	/// membership; changes nothing unless all of it holds.
	pub fn do_issue(
		coop: CoopId,
		who: &T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		let coop_account = T::Cooperatives::account(coop);
		ensure!(*who != coop_account, Error::<T>::PayerIsCooperative);
		let mut holder = Self::account_of(coop, who);
		let mut coop_record = Self::account_of(coop, &coop_account);
		Self::pay(&mut coop_record, amount, AccountKind::CoopAccount)?;
		holder.earn(category, amount).map_err(Error::<T>::from)?;
		Accounts::<T>::insert(coop, &coop_account, coop_record);
		Accounts::<T>::insert(coop, who, holder);
		Ok(())
	}
}
