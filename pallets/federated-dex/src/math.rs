//! The exchange's money math, pure and exact: no storage, no floats, no panics. Every function
//! returns `None` rather than wrap or saturate.
//!
//! A trade happens at the resting (maker) order's price. Its quote amount is rounded in the
//! maker's favour (up when the maker sells, down when it buys), so that a resting order never
//! trades worse than its limit; the order that arrives (the taker) may trade up to one smallest
//! quote unit per fill away from its own limit. Amounts only ever move from one party to another:
//! rounding never creates or destroys a unit.

use crate::types::{Amount, Side};
use confoederatio_primitives::Price;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding, traits::Zero, FixedPointNumber, Permill,
	Rounding,
};

/// `base · price` in quote units, rounded as asked.
pub fn quote_for(base: Amount, price: Price, rounding: Rounding) -> Option<Amount> {
	multiply_by_rational_with_rounding(base, price.into_inner(), Price::DIV, rounding)
}

/// How many base units `quote` buys at `price`, rounded down (`Amount::MAX` if more than that);
/// `None` at a zero price.
pub fn base_for(quote: Amount, price: Price) -> Option<Amount> {
	if price.is_zero() {
		return None;
	}
	Some(
		multiply_by_rational_with_rounding(quote, Price::DIV, price.into_inner(), Rounding::Down)
			.unwrap_or(Amount::MAX),
	)
}

/// One trade: base from the ask to the bid, quote from the bid to the ask.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Fill {
	/// Base units traded.
	pub base: Amount,
	/// Quote units traded.
	pub quote: Amount,
}

impl Fill {
	/// What the order of `side` gives in this trade: the ask the base, the bid the quote.
	pub fn given_by(&self, side: Side) -> Amount {
		match side {
			Side::Ask => self.base,
			Side::Bid => self.quote,
		}
	}
}

/// The largest trade between an ask offering `ask` base units and a bid offering `bid` quote
/// units at the maker's `price`, the maker being on `maker_side`; `None` if not one unit of each
/// can trade.
pub fn fill(ask: Amount, bid: Amount, price: Price, maker_side: Side) -> Option<Fill> {
	let base = ask.min(base_for(bid, price)?);
	let rounding = match maker_side {
		Side::Ask => Rounding::Up,
		Side::Bid => Rounding::Down,
	};
	let quote = quote_for(base, price, rounding)?;
	// `base ≤ bid / price`, so `⌈base · price⌉ ≤ bid`: the bid never pays more than it offers.
	(!base.is_zero() && !quote.is_zero() && quote <= bid).then_some(Fill { base, quote })
}

/// Whether an order of `side` with `remaining` left at `price` can still trade one unit.
pub fn fillable(side: Side, remaining: Amount, price: Price) -> bool {
	match side {
		Side::Ask => !remaining.is_zero(),
		Side::Bid => base_for(remaining, price).is_some_and(|base| !base.is_zero()),
	}
}

/// The fee on `received`, rounded down: the taker keeps the rounding.
pub fn fee_on(received: Amount, rate: Permill) -> Amount {
	rate.mul_floor(received)
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn price(parts: u128) -> Price {
		Price::from_inner(parts)
	}

	#[test]
	fn rounding_favours_the_maker() {
		let third = Price::checked_from_rational(1, 3).unwrap();
		// A maker selling 10 base at 1/3 receives ⌈3.33⌉ = 4.
		assert_eq!(fill(10, 100, third, Side::Ask), Some(Fill { base: 10, quote: 4 }));
		// A maker buying pays ⌊3.33⌋ = 3.
		assert_eq!(fill(10, 100, third, Side::Bid), Some(Fill { base: 10, quote: 3 }));
		// A bid of 1 quote unit buys 3 base units at 1/3.
		assert_eq!(fill(100, 1, third, Side::Ask), Some(Fill { base: 3, quote: 1 }));
		// Tiny: one base unit at a price below one quote unit, from a buying maker, is nothing.
		assert_eq!(fill(1, 100, third, Side::Bid), None);
		// A bid that cannot buy one unit is not fillable.
		assert!(!fillable(Side::Bid, 2, Price::from_u32(3)));
		assert!(fillable(Side::Bid, 3, Price::from_u32(3)));
		assert_eq!(fill(5, 2, Price::from_u32(3), Side::Ask), None);
		// Zero price: nothing trades.
		assert_eq!(fill(5, 5, Price::zero(), Side::Ask), None);
	}

	#[test]
	fn huge_amounts_never_wrap() {
		let max = Amount::MAX;
		// Everything of u128 at price 1.
		assert_eq!(
			fill(max, max, Price::from_u32(1), Side::Ask),
			Some(Fill { base: max, quote: max })
		);
		// A huge price: the bid buys what it can pay for.
		let huge = Price::from_inner(u128::MAX);
		let trade = fill(max, max, huge, Side::Bid).unwrap();
		assert!(trade.quote <= max && trade.base >= 1);
		// A tiny price: the base amount cannot exceed the ask.
		let tiny = price(1);
		assert_eq!(fill(7, max, tiny, Side::Ask), Some(Fill { base: 7, quote: 1 }));
		assert_eq!(fee_on(max, Permill::from_percent(100)), max);
		assert_eq!(fee_on(999, Permill::from_parts(1_000)), 0);
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(5_000))]

		/// A fill never takes more than either side offers, the maker never trades worse than
		/// its price, and the taker at most one quote unit worse.
		#[test]
		fn a_fill_respects_both_orders(
			ask in 0u128..1u128 << 100,
			bid in 0u128..1u128 << 100,
			parts in 1u128..1u128 << 90,
			maker_is_ask in any::<bool>(),
		) {
			let price = price(parts);
			let maker = if maker_is_ask { Side::Ask } else { Side::Bid };
			if let Some(Fill { base, quote }) = fill(ask, bid, price, maker) {
				prop_assert!(base >= 1 && base <= ask);
				prop_assert!(quote >= 1 && quote <= bid);
				let exact_down = quote_for(base, price, Rounding::Down).unwrap();
				let exact_up = quote_for(base, price, Rounding::Up).unwrap();
				if maker_is_ask {
					// The seller gets at least base · price.
					prop_assert_eq!(quote, exact_up);
				} else {
					// The buyer pays at most base · price.
					prop_assert_eq!(quote, exact_down);
				}
				prop_assert!(exact_up - exact_down <= 1);
			} else {
				// Nothing traded: one side cannot give one unit for what the other offers.
				let base = ask.min(base_for(bid, price).unwrap());
				let rounding = if maker_is_ask { Rounding::Up } else { Rounding::Down };
				prop_assert!(base == 0 || quote_for(base, price, rounding) == Some(0));
			}
		}
	}
}
