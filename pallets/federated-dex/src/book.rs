//! The books: an order comes to rest, leaves, or is cancelled by its owner; and the runtime
//! API's view of a book.
//!
//! A book (`Books((market, side))`) lists at most `MaxOrdersPerSide` `(price, id)` entries, best
//! price first and, at one price, oldest first. When it is full, the worst order that is not a
//! standing one makes way for a better-priced order or for a standing order (it is closed,
//! `Evicted`); otherwise the order is refused (`BookFull`).

use crate::*;

impl<T: Config> Pallet<T> {
	/// Puts an order on its book, behind the orders at its price, and holds its deposit; when
	/// the book is full, the worst order makes way for a better-priced one (or for a standing
	/// order).
	pub(crate) fn rest(id: OrderId, mut order: OrderOf<T>) -> DispatchResult {
		let key = (order.market, order.side);
		let mut book = Books::<T>::get(key);
		if book.is_full() {
			// The worst order that is not a standing one (a side holds at most one).
			let mut victim = None;
			for (at, &(worst_price, worst_id)) in book.iter().enumerate().rev().take(2) {
				match Orders::<T>::get(worst_id) {
					Some(worst) if worst.standing => continue,
					worst => {
						victim = Some((at, worst_price, worst_id, worst));
						break;
					},
				}
			}
			let Some((at, worst_price, worst_id, worst)) = victim else {
				return Err(Error::<T>::BookFull.into());
			};
			ensure!(
				order.standing || order.side.better(order.price, worst_price),
				Error::<T>::BookFull
			);
			book.remove(at);
			if let Some(worst) = worst {
				Self::close(worst_id, worst, Some(CloseReason::Evicted))?;
			}
		}
		let side = order.side;
		let at = book.partition_point(|(price, _)| !side.better(order.price, *price));
		book.try_insert(at, (order.price, id)).map_err(|_| Error::<T>::BookFull)?;
		Self::hold_deposit(&mut order)?;
		Books::<T>::insert(key, book);
		Orders::<T>::insert(id, order);
		Ok(())
	}

	/// Removes an order that is off its book already: releases what it holds and its deposit,
	/// forgets it (and its place among its cooperative's standing orders). `reason` `None`: its
	/// owner cancelled it.
	pub(crate) fn close(
		id: OrderId,
		order: OrderOf<T>,
		reason: Option<CloseReason>,
	) -> DispatchResult {
		Self::release_all(&order)?;
		Orders::<T>::remove(id);
		if let Some(coop) = order.standing_coop() {
			StandingOrdersOf::<T>::mutate(coop, |standing| standing.forget(id));
		}
		let (owner, released) = (order.owner, order.remaining);
		Self::deposit_event(match reason {
			Some(reason) => Event::OrderClosed { id, owner, released, reason },
			None => Event::OrderCancelled { id, owner, released },
		});
		Ok(())
	}

	/// Takes `id` off its book and closes it (`reason` `None`: cancelled by its owner).
	pub(crate) fn unbook(
		id: OrderId,
		order: OrderOf<T>,
		reason: Option<CloseReason>,
	) -> DispatchResult {
		Books::<T>::mutate((order.market, order.side), |book| {
			book.retain(|(_, entry)| *entry != id);
		});
		Self::close(id, order, reason)
	}

	/// Cancels `who`'s resting order `id` (not a standing order: its cooperative replaces
	/// those). Does not check the origin.
	pub fn do_cancel(who: T::AccountId, id: OrderId) -> DispatchResult {
		let order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		// Read whichever way it goes, so the benchmark weighs the read.
		let left_its_cooperative = Self::owner_left_cooperative_paying(&order);
		ensure!(!order.standing && (order.owner == who || left_its_cooperative), Error::<T>::NotOwner);
		Self::unbook(id, order, None)
	}

	/// Whether a cooperative's account holds `order`'s deposit though its owner is no longer
	/// a member there: then anyone may cancel it, so that the deposit goes back to the
	/// cooperative (what it offers goes back to its owner, as on any cancel).
	fn owner_left_cooperative_paying(order: &OrderOf<T>) -> bool {
		order.deposit_coop().is_some_and(|coop| {
			// Read first, whoever paid, so the benchmark weighs the read.
			let member = T::Cooperatives::is_member(coop, &order.owner);
			order.depositor == T::Cooperatives::account(coop) && order.depositor != order.owner && !member
		})
	}

	/// The resting orders giving `give` for `get`, best first, at most `depth` (runtime API).
	pub fn order_book(give: AssetKind, get: AssetKind, depth: u32) -> Vec<BookEntry<T::AccountId>> {
		let Some((market, side)) = Market::of(give, get) else { return Vec::new() };
		let depth = usize::try_from(depth).unwrap_or(usize::MAX);
		Books::<T>::get((market, side))
			.into_iter()
			.take(depth)
			.filter_map(|(price, id)| {
				Orders::<T>::get(id).map(|order| BookEntry {
					id,
					owner: order.owner,
					price,
					remaining: order.remaining,
					standing: order.standing,
				})
			})
			.collect()
	}
}
