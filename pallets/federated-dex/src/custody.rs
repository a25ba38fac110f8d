//! Where an order's funds are while it rests, and how they move: the one place that decides
//! between the credit ledger, the native token's holds and a cooperative's reserve
//! ([`Order::custody`]).
//!
//! - Credit on offer stays in the owner's ledger account (`OfferableCredit::offer`): a holder
//!   offers only out of a positive balance no vote locked; a cooperative's account offers newly
//!   issued credit within its issuance limit.
//! - A standing buy order's native units stay in the reserve, set aside from its `Commons`
//!   bucket (`ReserveLedger::earmark`).
//! - Anyone else's native units are held on their account (`HoldReason::Offer`).
//! - The order deposit (`HoldReason::OrderDeposit`) is held from its depositor: the owner, or,
//!   for a member who cannot pay it, its cooperative's account (`Config::DepositPayer`, asked
//!   for the cooperative [`Order::deposit_coop`] names); it goes back to the depositor.
//!
//! What an order receives goes to its owner, except a standing sell order's native units: into
//! its cooperative's reserve, split like a deposit.

use crate::*;
use frame_support::traits::tokens::{Fortitude, Precision, Restriction};

impl<T: Config> Pallet<T> {
	/// Holds `amount` more of what `order` offers, where [`Order::custody`] says.
	pub(crate) fn hold_offer(order: &OrderOf<T>, amount: Amount) -> DispatchResult {
		match order.custody() {
			Custody::Credit(coop) => T::Ledger::offer(coop, &order.owner, amount),
			Custody::Reserve(coop) => T::Reserve::earmark(coop, amount),
			Custody::Hold => T::Currency::hold(&HoldReason::Offer.into(), &order.owner, amount),
		}
	}

	/// Releases `amount` of what `order` holds back to where it came from.
	pub(crate) fn release_offer(order: &OrderOf<T>, amount: Amount) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		match order.custody() {
			Custody::Credit(coop) => T::Ledger::withdraw_offer(coop, &order.owner, amount),
			Custody::Reserve(coop) => T::Reserve::unearmark(coop, amount),
			Custody::Hold => T::Currency::release(
				&HoldReason::Offer.into(),
				&order.owner,
				amount,
				Precision::Exact,
			)
			.map(|_| ()),
		}
	}

	/// Pays `amount` of what `order` holds to `to`.
	pub(crate) fn pay_from_offer(
		order: &OrderOf<T>,
		to: &T::AccountId,
		amount: Amount,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		match order.custody() {
			Custody::Credit(coop) => T::Ledger::pay_offered(coop, &order.owner, to, amount),
			Custody::Reserve(coop) => T::Reserve::pay_earmarked(coop, to, amount),
			Custody::Hold => T::Currency::transfer_on_hold(
				&HoldReason::Offer.into(),
				&order.owner,
				to,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)
			.map(|_| ()),
		}
	}

	/// Pays the fee `fee`, out of what `order` gives: in native units to the federation's
	/// account; in a cooperative's credit back to that cooperative's account (out of
	/// circulation), or, when `order` is that cooperative's own standing sell order, not issued
	/// at all.
	pub(crate) fn pay_fee(order: &OrderOf<T>, fee: Amount) -> DispatchResult {
		match order.gives() {
			AssetKind::Native => Self::pay_from_offer(order, &T::FeeAccount::get(), fee),
			AssetKind::Credit(coop) => {
				let coop_account = T::Cooperatives::account(coop);
				if coop_account == order.owner {
					Self::release_offer(order, fee)
				} else {
					Self::pay_from_offer(order, &coop_account, fee)
				}
			},
		}
	}

	/// Where `order` receives what it gets: its owner, or a standing sell order's reserve.
	pub(crate) fn proceeds_account(order: &OrderOf<T>) -> T::AccountId {
		match order.proceeds_reserve() {
			Some(coop) => T::Reserve::reserve_account(coop),
			None => order.owner.clone(),
		}
	}

	/// `amount` of what `order` gets was just paid to [`Self::proceeds_account`]: a reserve
	/// splits it into its buckets like a deposit.
	pub(crate) fn proceeds_arrived(order: &OrderOf<T>, amount: Amount) -> DispatchResult {
		match order.proceeds_reserve() {
			Some(coop) if !amount.is_zero() => T::Reserve::deposited(coop, amount),
			_ => Ok(()),
		}
	}

	/// Holds the order deposit for `order`'s place on the book (standing orders pay none) from
	/// the account [`Config::DepositPayer`] names for the cooperative [`Order::deposit_coop`]
	/// names (the owner, or that cooperative's account), and records it as the order's
	/// depositor. Fails, holding nothing, if that account cannot hold it.
	pub(crate) fn hold_deposit(order: &mut OrderOf<T>) -> DispatchResult {
		if order.standing {
			return Ok(());
		}
		let deposit = T::OrderDeposit::get();
		if !deposit.is_zero() {
			T::Currency::hold(&HoldReason::OrderDeposit.into(), &order.depositor, deposit)?;
		}
		order.deposit = deposit;
		Ok(())
	}

	/// Chooses who holds `order`'s deposit should it rest ([`Self::hold_deposit`]): asked of the
	/// `DepositPayer` before the order holds what it offers, so that what it offers never makes
	/// its owner look unable to pay (and its cooperative pay for it).
	pub(crate) fn choose_depositor(order: &mut OrderOf<T>) {
		let deposit = T::OrderDeposit::get();
		order.depositor = match order.deposit_coop() {
			Some(coop) if !order.standing && !deposit.is_zero() => {
				T::DepositPayer::payer(coop, &order.owner, deposit)
			},
			_ => order.owner.clone(),
		};
	}

	/// Undoes [`Pallet::choose_depositor`] for an order that leaves without ever resting: its
	/// deposit was never held, so a payer that counted it (a cooperative paying for its member)
	/// forgets it.
	pub(crate) fn forget_depositor(order: &OrderOf<T>) {
		if !order.deposit.is_zero() || order.depositor == order.owner {
			return;
		}
		if let Some(coop) = order.deposit_coop() {
			T::DepositPayer::released(coop, &order.owner, &order.depositor, T::OrderDeposit::get());
		}
	}

	/// Releases what `order` still offers (to its owner) and its deposit (to its depositor):
	/// it leaves the book.
	pub(crate) fn release_all(order: &OrderOf<T>) -> DispatchResult {
		Self::release_offer(order, order.remaining)?;
		if !order.deposit.is_zero() {
			T::Currency::release(
				&HoldReason::OrderDeposit.into(),
				&order.depositor,
				order.deposit,
				Precision::Exact,
			)?;
			if let Some(coop) = order.deposit_coop() {
				T::DepositPayer::released(coop, &order.owner, &order.depositor, order.deposit);
			}
		}
		Ok(())
	}
}
