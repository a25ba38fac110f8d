//! The buckets' FIFO queues: a redemption waits at the back, deposits serve the front, and its
//! member may cancel it while it waits.
//!
//! A waiting request is storage a member creates, so it is bounded and paid for: a member has
//! at most `MaxRequestsPerMember` requests waiting in one bucket ([`WaitingRequests`]), and
//! `RequestDeposit` is held for each ([`HoldReason::RequestDeposit`]), released when the request
//! is paid or cancelled. So one member cannot fill a queue and shut the others out. The deposit
//! is held from the member or, for a member who cannot pay it, from its cooperative's account
//! (`Config::DepositPayer`); the request records that account as its depositor, and the deposit
//! goes back to it.

use crate::{
	BalanceOf, Config, Error, Event, HoldReason, Pallet, QueueBounds, QueueIndex, Queues, Request,
	RequestOf, Requests, Reserve, WaitingRequests,
};
use confoederatio_primitives::{CoopId, Credit, DepositPayer, RedeemableCredit, WorkCategory};
use frame_support::{
	ensure,
	storage::{with_transaction, TransactionOutcome},
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use sp_runtime::{traits::Zero, DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Burns `credit` of `who`'s, holds its deposit from the account [`Config::DepositPayer`]
	/// names for `coop` (`who`, or `coop`'s account), which the request records as its
	/// depositor, and appends its request, to be paid `payout`, to the back of `queue`, `coop`'s
	/// `category` queue as stored. Checks that `who` may have one more request waiting there and
	/// that the queue has room; fails if the depositor cannot hold the deposit.
	pub(crate) fn enqueue(
		coop: CoopId,
		category: WorkCategory,
		mut queue: QueueBounds,
		who: T::AccountId,
		credit: Credit,
		payout: BalanceOf<T>,
	) -> DispatchResult {
		let key = (coop, category);
		let waiting = WaitingRequests::<T>::get(key, &who);
		ensure!(waiting < T::MaxRequestsPerMember::get(), Error::<T>::TooManyRequests);
		ensure!(!queue.is_full(T::MaxQueueLength::get()), Error::<T>::QueueFull);
		let index = queue.push().ok_or(Error::<T>::Overflow)?;
		T::Ledger::burn(coop, &who, category, credit)?;
		let deposit = T::RequestDeposit::get();
		let mut depositor = who.clone();
		if !deposit.is_zero() {
			depositor = T::DepositPayer::payer(coop, &who, deposit);
			T::Currency::hold(&HoldReason::RequestDeposit.into(), &depositor, deposit)?;
		}
		let request = Request { who: who.clone(), credit, payout, deposit, depositor };
		Requests::<T>::insert(key, index, request);
		WaitingRequests::<T>::insert(key, &who, waiting.saturating_add(1));
		Queues::<T>::insert(key, queue);
		Self::deposit_event(Event::Queued { coop, who, category, index, credit, payout, deposit });
		Ok(())
	}

	/// `request` leaves `key`'s queue (paid or cancelled): its deposit is released to its
	/// depositor and its member has one request fewer waiting there. The caller removes the
	/// request.
	fn forget(key: (CoopId, WorkCategory), request: &RequestOf<T>) -> DispatchResult {
		if !request.deposit.is_zero() {
			T::Currency::release(
				&HoldReason::RequestDeposit.into(),
				&request.depositor,
				request.deposit,
				Precision::Exact,
			)?;
			T::DepositPayer::released(key.0, &request.who, &request.depositor, request.deposit);
		}
		WaitingRequests::<T>::mutate_exists(key, &request.who, |waiting| {
			*waiting = waiting.and_then(|count| count.checked_sub(1)).filter(|count| *count > 0);
		});
		Ok(())
	}

	/// Pays the requests at the front of `coop`'s `category` queue while `reserve` can
	/// ([`Self::can_pay`]), spending one unit of `budget` on each request paid or cancelled
	/// hole skipped. The caller stores `reserve`.
	pub(crate) fn serve(
		coop: CoopId,
		category: WorkCategory,
		reserve: &mut Reserve<BalanceOf<T>>,
		budget: &mut u32,
	) {
		let key = (coop, category);
		let mut queue = Queues::<T>::get(key);
		while *budget > 0 {
			let Some(index) = queue.front() else { break };
			let Some(request) = Requests::<T>::get(key, index) else {
				queue.skip_hole();
				*budget = budget.saturating_sub(1);
				continue;
			};
			if !Self::can_pay(coop, reserve, category, request.payout) {
				break;
			}
			// The deposit comes back and the payout goes out together, or neither does (the
			// reserve changes only once the payout went out, the last step).
			let paid = with_transaction(|| {
				let paid = Self::forget(key, &request).and_then(|()| {
					Self::pay_out(coop, reserve, category, &request.who, request.payout)
				});
				match paid {
					Ok(()) => TransactionOutcome::Commit(Ok(())),
					Err(error) => TransactionOutcome::Rollback(Err::<(), DispatchError>(error)),
				}
			});
			if paid.is_err() {
				// Cannot happen while the buckets and the deposits are covered (invariants);
				// never lose the request: it stays first in line.
				break;
			}
			Requests::<T>::remove(key, index);
			Self::deposit_event(Event::QueueServed {
				coop,
				category,
				index,
				who: request.who,
				payout: request.payout,
			});
			queue.pop_served();
			*budget = budget.saturating_sub(1);
		}
		Queues::<T>::insert(key, queue);
	}

	/// Cancels `who`'s request at `index` of `coop`'s `category` queue and gives its credit back
	/// to `who` and its deposit to its depositor. Checks that the request is `who`'s, not the
	/// origin.
	pub fn do_cancel(
		coop: CoopId,
		who: T::AccountId,
		category: WorkCategory,
		index: QueueIndex,
	) -> DispatchResult {
		let key = (coop, category);
		let request = Requests::<T>::get(key, index).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(request.who == who, Error::<T>::NotRequester);
		T::Ledger::unburn(coop, &who, category, request.credit)?;
		Self::forget(key, &request)?;
		Requests::<T>::remove(key, index);
		Queues::<T>::mutate(key, |queue| queue.cancelled());
		Self::deposit_event(Event::Cancelled {
			coop,
			category,
			index,
			who,
			credit: request.credit,
		});
		Ok(())
	}
}
