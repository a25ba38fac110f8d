//! The buckets' FIFO queues: a redemption waits at the back, deposits serve the front, and its
//! member may cancel it while it waits.

use crate::{
	BalanceOf, Config, Error, Event, Pallet, QueueBounds, QueueIndex, Queues, Request, Requests,
	Reserve,
};
use confoederatio_primitives::{CoopId, Credit, RedeemableCredit, WorkCategory};
use frame_support::{ensure, traits::Get};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	/// Burns `credit` of `who`'s and appends its request, to be paid `payout`, to the back of
	/// `queue`, `coop`'s `category` queue as stored. Checks that the queue has room.
	pub(crate) fn enqueue(
		coop: CoopId,
		category: WorkCategory,
		mut queue: QueueBounds,
		who: T::AccountId,
		credit: Credit,
		payout: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!queue.is_full(T::MaxQueueLength::get()), Error::<T>::QueueFull);
		let index = queue.push().ok_or(Error::<T>::Overflow)?;
		T::Ledger::burn(coop, &who, category, credit)?;
		let key = (coop, category);
		Requests::<T>::insert(key, index, Request { who: who.clone(), credit, payout });
		Queues::<T>::insert(key, queue);
		Self::deposit_event(Event::Queued { coop, who, category, index, credit, payout });
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
			if Self::pay_out(coop, reserve, category, &request.who, request.payout).is_err() {
				// Cannot happen while the buckets are covered (an invariant); never lose the
				// request: it stays first in line.
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

	/// Cancels `who`'s request at `index` of `coop`'s `category` queue and gives its credit
	/// back. Checks that the request is `who`'s, not the origin.
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
