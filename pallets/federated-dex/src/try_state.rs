//! The pallet's invariants ([`Pallet::do_try_state`]), as the crate doc and the README list
//! them. They use the same rules as the calls: [`Order::can_trade`], [`Order::custody`],
//! [`PriceBand::edge`], [`StandingOrders::of`].

use crate::*;
use alloc::collections::btree_map::BTreeMap;

/// What the resting orders hold, summed per place ([`Custody`]).
struct Held<AccountId> {
	/// Native units on hold per owner.
	native: BTreeMap<AccountId, Amount>,
	/// Order deposits per depositor (an owner, or a cooperative's account paying for its
	/// members).
	deposits: BTreeMap<AccountId, Amount>,
	/// Credit on offer per currency and owner.
	credit: BTreeMap<(CoopId, AccountId), Amount>,
	/// Native units set aside per reserve.
	earmarks: BTreeMap<CoopId, Amount>,
}

impl<AccountId> Default for Held<AccountId> {
	fn default() -> Self {
		Held {
			native: BTreeMap::new(),
			deposits: BTreeMap::new(),
			credit: BTreeMap::new(),
			earmarks: BTreeMap::new(),
		}
	}
}

fn add<K: Ord>(sums: &mut BTreeMap<K, Amount>, key: K, amount: Amount) {
	let sum = sums.entry(key).or_default();
	*sum = sum.saturating_add(amount);
}

impl<T: Config> Pallet<T> {
	/// The invariants of this pallet's storage (iterates over all of it: for tests and
	/// try-runtime, never for a call).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let booked = Self::check_books()?;
		let next = NextOrderId::<T>::get();
		let mut held = Held::<T::AccountId>::default();
		let mut orders = 0usize;
		for (id, order) in Orders::<T>::iter() {
			orders = orders.saturating_add(1);
			ensure!(id < next, "an order's id is not below NextOrderId");
			ensure!(!order.price.is_zero(), "a resting order has a zero price");
			ensure!(order.can_trade(), "a resting order cannot trade");
			match order.custody() {
				Custody::Credit(coop) => {
					add(&mut held.credit, (coop, order.owner.clone()), order.remaining)
				},
				Custody::Reserve(coop) => add(&mut held.earmarks, coop, order.remaining),
				Custody::Hold => add(&mut held.native, order.owner.clone(), order.remaining),
			}
			if order.standing {
				Self::check_standing(id, &order)?;
			} else {
				add(&mut held.deposits, order.depositor.clone(), order.deposit);
			}
		}
		ensure!(orders == booked, "the books and the orders differ");
		Self::check_held(held)
	}

	/// Every book is sorted best first (price, then id), and each entry is its order's; returns
	/// how many entries the books hold.
	fn check_books() -> Result<usize, sp_runtime::TryRuntimeError> {
		let mut booked = 0usize;
		for ((market, side), book) in Books::<T>::iter() {
			for pair in book.windows(2) {
				let [first, second] = pair else { continue };
				ensure!(
					side.better(first.0, second.0) || (first.0 == second.0 && first.1 < second.1),
					"a book is not sorted best first"
				);
			}
			for (price, id) in book.iter() {
				let order = Orders::<T>::get(id).ok_or("a book entry without its order")?;
				ensure!(
					order.market == market && order.side == side && order.price == *price,
					"a book entry differs from its order"
				);
			}
			booked = booked.saturating_add(book.len());
		}
		Ok(booked)
	}

	/// A standing order is its cooperative's, without a deposit, listed, at its band's edge.
	fn check_standing(id: OrderId, order: &OrderOf<T>) -> Result<(), sp_runtime::TryRuntimeError> {
		let coop = order.standing_coop().ok_or("a standing order off its market")?;
		ensure!(order.deposit.is_zero(), "a standing order holds a deposit");
		ensure!(
			order.owner == T::Cooperatives::account(coop),
			"a standing order is not its cooperative's"
		);
		let band = PriceBands::<T>::get(coop).ok_or("a standing order without a band")?;
		let listed = StandingOrdersOf::<T>::get(coop).of(order.side);
		ensure!(listed == Some(id), "a standing order is not listed");
		ensure!(order.price == band.edge(order.side), "a standing order is off its band's edge");
		Ok(())
	}

	/// What is held where equals what the resting orders offer, and every listed standing
	/// order rests.
	fn check_held(held: Held<T::AccountId>) -> Result<(), sp_runtime::TryRuntimeError> {
		for (who, amount) in held.native {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Offer.into(), &who) == amount,
				"native held differs from the resting orders'"
			);
		}
		for (depositor, amount) in held.deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::OrderDeposit.into(), &depositor)
					== amount,
				"deposits held differ from the resting orders'"
			);
		}
		for ((coop, who), amount) in held.credit {
			ensure!(
				T::Ledger::offered(coop, &who) == amount,
				"credit on offer differs from the resting orders'"
			);
		}
		for (coop, standing) in StandingOrdersOf::<T>::iter() {
			let buying = held.earmarks.get(&coop).copied().unwrap_or_default();
			ensure!(
				T::Reserve::earmarked(coop) == buying,
				"a reserve's earmark differs from its standing buy order"
			);
			for id in standing.ids() {
				ensure!(
					Orders::<T>::get(id).is_some_and(|order| order.standing),
					"a listed standing order does not rest"
				);
			}
		}
		Ok(())
	}
}
