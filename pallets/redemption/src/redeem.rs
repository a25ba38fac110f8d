//! Redeeming credit: what it pays, and paying it at once or queueing it.

use crate::{payout_at, BalanceOf, Config, Error, Event, Pallet, Queues, Reserves};
use confoederatio_primitives::{
	CoopId, Cooperatives, Credit, Price, RedeemableCredit, WorkCategory,
};
use frame_support::{
	ensure,
	traits::{fungible::Inspect, Get},
};
use sp_runtime::{traits::Zero, DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
	/// What redeeming `credit` at `rate` pays, and the exit fee kept in the bucket:
	/// `(payout, fee)` ([`payout_at`] with `ExitFee`: `⌊rate · credit⌋` less the fee rounded up,
	/// so the payout rounds down).
	pub fn payout_of(
		credit: Credit,
		rate: Price,
	) -> Result<(BalanceOf<T>, BalanceOf<T>), DispatchError> {
		payout_at(credit, rate, T::ExitFee::get()).ok_or_else(|| Error::<T>::Overflow.into())
	}

	/// Burns `amount` of `who`'s credit in `category` and pays it from that bucket if the bucket
	/// can and no one waits for it; otherwise queues it (holding `RequestDeposit` from `who` or,
	/// for a member who cannot pay it, from `coop`'s account: `Config::DepositPayer`). Checks
	/// everything but the origin: the cooperative active, `who` a member, the rate set, the
	/// payout at least the existential deposit, and to queue, fewer than `MaxRequestsPerMember`
	/// of `who`'s requests waiting there and room in the queue (the ledger checks the
	/// entitlement and the balance). An error may leave changes for the caller's storage layer
	/// to undo (every call has one).
	pub fn do_redeem(
		coop: CoopId,
		who: T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		T::Cooperatives::ensure_active(coop).map_err(Error::<T>::from)?;
		ensure!(T::Cooperatives::is_member(coop, &who), Error::<T>::NotMember);
		let mut reserve = Reserves::<T>::get(coop).unwrap_or_default();
		ensure!(!reserve.rate.is_zero(), Error::<T>::RateNotSet);
		let (payout, fee) = Self::payout_of(amount, reserve.rate)?;
		ensure!(payout >= T::Currency::minimum_balance(), Error::<T>::PayoutTooSmall);

		let queue = Queues::<T>::get((coop, category));
		if !queue.is_empty() || !Self::can_pay(coop, &reserve, category, payout) {
			return Self::enqueue(coop, category, queue, who, amount, payout);
		}
		T::Ledger::burn(coop, &who, category, amount)?;
		Self::pay_out(coop, &mut reserve, category, &who, payout)?;
		Reserves::<T>::insert(coop, reserve);
		Self::deposit_event(Event::Redeemed { coop, who, category, credit: amount, payout, fee });
		Ok(())
	}
}
