//! Price bands and standing orders: what a cooperative decides about the trade of its credit
//! against the native token.
//!
//! A band (`PriceBands(coop)`) bounds every trade of the credit against the native token: new
//! orders outside it are refused, resting orders it leaves outside are closed when a trade
//! reaches them. A cooperative with a band may rest two standing orders
//! (`StandingOrdersOf(coop)`) at its edges ([`PriceBand::edge`]): selling newly issued credit
//! at the ceiling and buying credit back at the floor with native units set aside from its
//! reserve. Setting a band closes them; setting them again replaces them.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Closes `coop`'s standing orders (their funds go back where they came from).
	fn close_standing(coop: CoopId) -> DispatchResult {
		for id in StandingOrdersOf::<T>::take(coop).ids() {
			if let Some(order) = Orders::<T>::get(id) {
				Self::unbook(id, order, Some(CloseReason::Replaced))?;
			}
		}
		Ok(())
	}

	/// Sets `coop`'s band and closes its standing orders. Does not check the origin.
	pub fn do_set_price_band(coop: CoopId, floor: Price, ceiling: Price) -> DispatchResult {
		T::Cooperatives::ensure_exists(coop).map_err(Error::<T>::from)?;
		let band = PriceBand::new(floor, ceiling).ok_or(Error::<T>::InvalidBand)?;
		Self::close_standing(coop)?;
		PriceBands::<T>::insert(coop, band);
		Self::deposit_event(Event::PriceBandSet { coop, floor, ceiling });
		Ok(())
	}

	/// Replaces `coop`'s standing orders: sells up to `sell` newly issued credit at the band's
	/// ceiling, buys credit back at its floor for up to `buy` native units from the reserve
	/// (zero: no order on that side). Each trades first like any order. Returns how many
	/// resting orders they traded with or closed. Does not check the origin.
	pub fn do_set_standing_orders(
		coop: CoopId,
		sell: Amount,
		buy: Amount,
	) -> Result<u32, DispatchError> {
		let band = PriceBands::<T>::get(coop).ok_or(Error::<T>::NoPriceBand)?;
		T::Cooperatives::ensure_active(coop).map_err(Error::<T>::from)?;
		Self::close_standing(coop)?;
		let (market, coop_account) = (Market::against_native(coop), T::Cooperatives::account(coop));
		let mut standing = StandingOrders::default();
		let mut fills = 0u32;
		for (side, amount) in [(Side::Ask, sell), (Side::Bid, buy)] {
			if amount.is_zero() {
				continue;
			}
			let placed =
				Self::do_place(coop_account.clone(), market, side, band.edge(side), amount, true)?;
			fills = fills.saturating_add(placed.fills);
			let rests = placed.rests.then_some(placed.id);
			match side {
				Side::Ask => standing.sell = rests,
				Side::Bid => standing.buy = rests,
			}
		}
		StandingOrdersOf::<T>::insert(coop, standing);
		Self::deposit_event(Event::StandingOrdersSet {
			coop,
			sell: standing.sell,
			buy: standing.buy,
		});
		Ok(fills)
	}
}
