//! Funding a reserve, its rate, what it can pay, what the runtime API reports of it, and what
//! the exchange asks of it ([`ReserveLedger`]).

use crate::{BalanceOf, Config, Error, Event, Pallet, Queues, Reserve, Reserves};
use confoederatio_primitives::{
	CoopId, Cooperatives, Price, ReserveInfo, ReserveLedger, WorkCategory,
};
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
		Get,
	},
};
use sp_runtime::{
	traits::{AccountIdConversion, Zero},
	DispatchError, DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// The keyless account that holds `coop`'s reserve.
	pub fn reserve_account(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(coop)
	}

	/// What the runtime API reports of `coop`'s reserve.
	pub fn reserve_info(coop: CoopId) -> ReserveInfo<BalanceOf<T>> {
		let waiting = |category| Queues::<T>::get((coop, category)).waiting;
		Reserves::<T>::get(coop)
			.unwrap_or_default()
			.info(waiting(WorkCategory::Subsistence), waiting(WorkCategory::Commons))
	}

	/// What `coop`'s reserve account can pay and stay alive: its reducible balance, keeping its
	/// existential deposit.
	pub fn reducible(coop: CoopId) -> BalanceOf<T> {
		T::Currency::reducible_balance(
			&Self::reserve_account(coop),
			Preservation::Preserve,
			Fortitude::Polite,
		)
	}

	/// Whether `reserve`'s bucket of `category` can pay `payout` now: the bucket holds it, and
	/// `coop`'s reserve account can pay it, stay alive and still pay everything earmarked
	/// ([`Reserve::keeps_earmark_payable`]). Its last existential deposit is never paid out, so
	/// that no dust is reaped from a reserve, and what the exchange set aside stays payable in
	/// full (a payout that would take either waits for the next deposit).
	pub fn can_pay(
		coop: CoopId,
		reserve: &Reserve<BalanceOf<T>>,
		category: WorkCategory,
		payout: BalanceOf<T>,
	) -> bool {
		reserve.covers(category, payout)
			&& reserve.keeps_earmark_payable(Self::reducible(coop), payout)
	}

	/// Pays `payout` from `reserve`'s bucket of `category` to `to`; the caller checked
	/// [`Self::can_pay`] and stores `reserve`.
	pub(crate) fn pay_out(
		coop: CoopId,
		reserve: &mut Reserve<BalanceOf<T>>,
		category: WorkCategory,
		to: &T::AccountId,
		payout: BalanceOf<T>,
	) -> DispatchResult {
		T::Currency::transfer(&Self::reserve_account(coop), to, payout, Preservation::Preserve)?;
		reserve.pay_from(category, payout);
		Ok(())
	}

	/// Deposits into a reserve and serves its queues. Returns how many requests it served or
	/// skipped. Checks that the amount is not zero and that `coop` was admitted (active or
	/// suspended: a pending cooperative's application may still be rejected or withdrawn, and
	/// its reserve's funds would be stranded); does not check the origin.
	pub fn do_fund(
		coop: CoopId,
		from: T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<u32, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		T::Cooperatives::ensure_admitted(coop).map_err(Error::<T>::from)?;
		let mut reserve = Reserves::<T>::get(coop).unwrap_or_default();
		let (subsistence, commons) = Self::add_deposit(coop, &mut reserve, amount)?;
		T::Currency::transfer(&from, &Self::reserve_account(coop), amount, Preservation::Preserve)?;
		Self::deposit_event(Event::Funded { coop, from, amount, subsistence, commons });
		let mut budget = T::MaxServedPerFund::get();
		for category in [WorkCategory::Subsistence, WorkCategory::Commons] {
			Self::serve(coop, category, &mut reserve, &mut budget);
		}
		Reserves::<T>::insert(coop, reserve);
		Ok(T::MaxServedPerFund::get().saturating_sub(budget))
	}

	/// Sets `coop`'s rate (native units per unit of credit, as the exchange prices its credit;
	/// zero stops redemptions). Checks that `coop` exists, not the origin.
	pub fn do_set_rate(coop: CoopId, rate: Price) -> DispatchResult {
		T::Cooperatives::ensure_exists(coop).map_err(Error::<T>::from)?;
		Reserves::<T>::mutate(coop, |reserve| {
			reserve.get_or_insert_with(Default::default).rate = rate;
		});
		Self::deposit_event(Event::RateSet { coop, rate });
		Ok(())
	}

	/// Splits a deposit of `amount` into `reserve`'s buckets by `coop`'s `reserve_split` and
	/// counts it as funded; returns the two parts (`Subsistence`, `Commons`).
	fn add_deposit(
		coop: CoopId,
		reserve: &mut Reserve<BalanceOf<T>>,
		amount: BalanceOf<T>,
	) -> Result<(BalanceOf<T>, BalanceOf<T>), DispatchError> {
		let params = T::Cooperatives::params(coop).ok_or(Error::<T>::UnknownCooperative)?;
		reserve
			.add_deposit(params.reserve_split, amount)
			.map_err(|error| Error::<T>::from(error).into())
	}

	/// Changes `coop`'s stored reserve with `change`, and stores it only if `change`
	/// succeeds; a reserve never funded holds nothing (`InsufficientReserve`).
	fn change_reserve(
		coop: CoopId,
		change: impl FnOnce(&mut Reserve<BalanceOf<T>>) -> DispatchResult,
	) -> DispatchResult {
		let mut reserve = Reserves::<T>::get(coop).ok_or(Error::<T>::InsufficientReserve)?;
		change(&mut reserve)?;
		Reserves::<T>::insert(coop, reserve);
		Ok(())
	}
}

/// What the exchange asks of the reserves (see the crate docs).
impl<T: Config> ReserveLedger<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn reserve_account(coop: CoopId) -> T::AccountId {
		Self::reserve_account(coop)
	}

	/// Refused (`InsufficientReserve`) unless the `Commons` bucket holds `amount` and the reserve
	/// account can then pay everything earmarked and stay alive
	/// ([`Reserve::keeps_earmark_payable`]), so that every fill of the standing buy order can be
	/// paid, its last one too.
	fn earmark(coop: CoopId, amount: BalanceOf<T>) -> DispatchResult {
		Self::change_reserve(coop, |reserve| {
			reserve.earmark(amount).map_err(Error::<T>::from)?;
			ensure!(
				reserve.keeps_earmark_payable(Self::reducible(coop), Zero::zero()),
				Error::<T>::InsufficientReserve
			);
			Ok(())
		})
	}

	fn unearmark(coop: CoopId, amount: BalanceOf<T>) -> DispatchResult {
		Self::change_reserve(coop, |reserve| {
			reserve.unearmark(amount).map_err(|error| Error::<T>::from(error).into())
		})
	}

	fn pay_earmarked(coop: CoopId, to: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		Self::change_reserve(coop, |reserve| {
			reserve.pay_earmarked(amount).map_err(Error::<T>::from)?;
			T::Currency::transfer(
				&Self::reserve_account(coop),
				to,
				amount,
				Preservation::Preserve,
			)?;
			Ok(())
		})
	}

	fn deposited(coop: CoopId, amount: BalanceOf<T>) -> DispatchResult {
		let mut reserve = Reserves::<T>::get(coop).unwrap_or_default();
		Self::add_deposit(coop, &mut reserve, amount)?;
		Reserves::<T>::insert(coop, reserve);
		Ok(())
	}

	fn earmarked(coop: CoopId) -> BalanceOf<T> {
		Reserves::<T>::get(coop).map_or_else(Zero::zero, |reserve| reserve.earmarked)
	}
}
