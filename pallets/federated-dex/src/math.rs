//! The exchange's money math, pure and exact: no storage, no floats, no panics. Every function
//! returns `None` rather than wrap or saturate.
//!
//! **A trade is exact.** It happens at the resting (maker) order's price, and its quote amount
//! is exactly `base · price`: no rounding in anyone's favour. So neither order ever trades
//! beyond its own limit: the maker trades at its price, and the arriving order (the taker),
//! whose limit crosses that price, pays no more (a bid) or receives no less (an ask) than its
//! own limit, on every fill and so over the whole order. Base units therefore trade in whole
//! *lots* of the price ([`lot`]): the fewest base units whose price is a whole number of quote
//! units (one unit at a whole price like 2·10¹⁰; 2 units at 1.5; 5 at 2.4). A fill trades the
//! most whole lots both orders allow ([`fill`]); an order that cannot trade one lot at its own
//! price does not rest ([`fillable`]).
//!
//! **Every trade pays its fee.** The fee on what the taker receives rounds up ([`fee_on`]): at
//! least one smallest unit on any receipt, and never less than the rate of it, so that splitting
//! a trade into parts never pays less than the whole would (`⌈a⌉ + ⌈b⌉ ≥ ⌈a + b⌉`). A fill whose
//! fee would take everything the taker receives is too small to make ([`after_fee`]).
//!
//! Amounts only ever move from one party to another: nothing is created or destroyed.

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

/// The greatest common divisor (Euclid's; `gcd(a, 0) = a`).
fn gcd(mut a: u128, mut b: u128) -> u128 {
	while let Some(rest) = a.checked_rem(b) {
		(a, b) = (b, rest);
	}
	a
}

/// The lot at `price`: the fewest base units whose price is a whole number of quote units,
/// `DIV / gcd(price, DIV)` (1 at a whole price, at most `10¹⁸`); `None` at a zero price. The
/// base units of a trade at `price` are always a multiple of it.
pub fn lot(price: Price) -> Option<Amount> {
	let parts = price.into_inner();
	if parts.is_zero() {
		return None;
	}
	Price::DIV.checked_div(gcd(parts, Price::DIV))
}

/// The most base units up to `most` that trade exactly at `price`: whole lots. `None` at a zero
/// price.
pub fn whole_lots(most: Amount, price: Price) -> Option<Amount> {
	let rest = most.checked_rem(lot(price)?)?;
	most.checked_sub(rest)
}

/// One trade: base from the ask to the bid, quote from the bid to the ask, `quote = base ·
/// price` exactly.
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

/// The largest exact trade between an ask offering `ask` base units and a bid offering `bid`
/// quote units at the resting order's `price`: the most whole lots both allow. `None` if not
/// one lot can trade.
pub fn fill(ask: Amount, bid: Amount, price: Price) -> Option<Fill> {
	let base = whole_lots(ask.min(base_for(bid, price)?), price)?;
	// Whole lots: `base · price` is a whole number, at most `bid` since `base ≤ bid / price`.
	let quote = quote_for(base, price, Rounding::Down)?;
	(!base.is_zero() && !quote.is_zero() && quote <= bid).then_some(Fill { base, quote })
}

/// Whether an order of `side` with `remaining` left at `price` can still trade one lot there:
/// an ask offers a lot, a bid pays for one.
pub fn fillable(side: Side, remaining: Amount, price: Price) -> bool {
	let Some(lot) = lot(price) else { return false };
	match side {
		Side::Ask => remaining >= lot,
		Side::Bid => base_for(remaining, price).is_some_and(|base| base >= lot),
	}
}

/// The fee on `received` at `rate`, rounded up: at least one smallest unit on any receipt
/// (at a positive rate), never less than `rate · received`.
pub fn fee_on(received: Amount, rate: Permill) -> Amount {
	rate.mul_ceil(received)
}

/// What the taker keeps of `received` after `fee`; `None` if the fee takes all of it (such a
/// fill is too small to make).
pub fn after_fee(received: Amount, fee: Amount) -> Option<Amount> {
	received.checked_sub(fee).filter(|kept| !kept.is_zero())
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn price(parts: u128) -> Price {
		Price::from_inner(parts)
	}

	#[test]
	fn a_trade_is_exact_in_whole_lots() {
		let fraction = |n, d| Price::checked_from_rational(n, d).unwrap();
		// Lots: one unit at a whole price, 2 at 1.5, 5 at 2.4, 10¹⁸ at 0.333… (18 decimals).
		assert_eq!(lot(Price::from_u32(7)), Some(1));
		assert_eq!(lot(fraction(3, 2)), Some(2));
		assert_eq!(lot(fraction(12, 5)), Some(5));
		assert_eq!(lot(fraction(1, 3)), Some(Price::DIV));
		assert_eq!(lot(price(1)), Some(Price::DIV));
		assert_eq!(lot(Price::zero()), None);
		// Issue 12, attack 4: one unit at 1.5 is not a whole lot: it does not trade (it was
		// rounded up to 2 for the seller, above a buyer's limit of 1.5).
		assert_eq!(fill(1, 100, fraction(3, 2)), None);
		assert!(!fillable(Side::Ask, 1, fraction(3, 2)));
		// 3 units at 1.5: 2 trade for exactly 3; 4 units for exactly 6.
		assert_eq!(fill(3, 100, fraction(3, 2)), Some(Fill { base: 2, quote: 3 }));
		assert_eq!(fill(4, 100, fraction(3, 2)), Some(Fill { base: 4, quote: 6 }));
		// The bid's 7 pays for 4 units at 1.5 (6), not 4.67.
		assert_eq!(fill(100, 7, fraction(3, 2)), Some(Fill { base: 4, quote: 6 }));
		// A bid of 11 at 2.4 cannot pay for one lot (5 units for 12).
		assert_eq!(fill(100, 11, fraction(12, 5)), None);
		assert!(!fillable(Side::Bid, 11, fraction(12, 5)));
		assert!(fillable(Side::Bid, 12, fraction(12, 5)));
		// A bid that cannot buy one unit is not fillable.
		assert!(!fillable(Side::Bid, 2, Price::from_u32(3)));
		assert!(fillable(Side::Bid, 3, Price::from_u32(3)));
		assert_eq!(fill(5, 2, Price::from_u32(3)), None);
		// Zero price: nothing trades.
		assert_eq!(fill(5, 5, Price::zero()), None);
		assert!(!fillable(Side::Ask, 5, Price::zero()));
	}

	#[test]
	fn every_receipt_pays_its_fee() {
		let fee = Permill::from_parts(3_000);
		// Issue 12, attack 5: 3.33 hours (333 units) at 0.3% paid nothing; now ⌈0.999⌉ = 1.
		assert_eq!(fee_on(333, fee), 1);
		assert_eq!(fee_on(1, fee), 1);
		assert_eq!(fee_on(1_000, fee), 3);
		assert_eq!(fee_on(1_001, fee), 4);
		assert_eq!(fee_on(0, fee), 0);
		assert_eq!(fee_on(999, Permill::zero()), 0);
		// A fee that takes everything leaves a fill too small to make.
		assert_eq!(after_fee(1, fee_on(1, fee)), None);
		assert_eq!(after_fee(2, fee_on(2, fee)), Some(1));
	}

	#[test]
	fn huge_amounts_never_wrap() {
		let max = Amount::MAX;
		// Everything of u128 at price 1.
		assert_eq!(fill(max, max, Price::from_u32(1)), Some(Fill { base: max, quote: max }));
		// A huge price: the bid buys what it can pay for, in whole lots.
		let huge = Price::from_inner(u128::MAX);
		let trade = fill(max, max, huge).unwrap();
		assert!(trade.quote <= max && trade.base >= 1);
		assert_eq!(trade.base % lot(huge).unwrap(), 0);
		assert_eq!(quote_for(trade.base, huge, Rounding::Up), Some(trade.quote));
		// A tiny price: one lot is 10¹⁸ base units for one quote unit.
		let tiny = price(1);
		assert_eq!(fill(7, max, tiny), None);
		assert_eq!(
			fill(3 * Price::DIV + 7, max, tiny),
			Some(Fill { base: 3 * Price::DIV, quote: 3 })
		);
		assert_eq!(fee_on(max, Permill::from_percent(100)), max);
		assert_eq!(fee_on(max, Permill::from_parts(1)), max / 1_000_000 + 1);
		assert_eq!(fee_on(999, Permill::from_parts(1_000)), 1);
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(5_000))]

		/// A fill never takes more than either side offers, is exact (so neither side trades
		/// beyond its limit, whichever is the maker), and is the most whole lots both allow.
		#[test]
		fn a_fill_is_exact_and_the_largest_both_allow(
			ask in 0u128..1u128 << 100,
			bid in 0u128..1u128 << 100,
			parts in prop_oneof![1u128..1u128 << 90, (1u128..1_000).prop_map(|n| n * 10u128.pow(15))],
		) {
			let price = price(parts);
			let lot = lot(price).unwrap();
			let most = ask.min(base_for(bid, price).unwrap());
			if let Some(Fill { base, quote }) = fill(ask, bid, price) {
				prop_assert!(base >= 1 && base <= ask);
				prop_assert!(quote >= 1 && quote <= bid);
				// Exact: base · price is quote, rounded either way.
				prop_assert_eq!(quote_for(base, price, Rounding::Down), Some(quote));
				prop_assert_eq!(quote_for(base, price, Rounding::Up), Some(quote));
				prop_assert_eq!(base % lot, 0);
				// The most: one more lot is beyond what one side offers.
				prop_assert!(most - base < lot);
				prop_assert!(fillable(Side::Ask, ask, price) && fillable(Side::Bid, bid, price));
			} else {
				// Not one lot: one side cannot give it.
				prop_assert!(most < lot);
				prop_assert!(!fillable(Side::Ask, ask, price) || !fillable(Side::Bid, bid, price));
			}
		}

		/// The fee is never below its rate, never zero on a receipt (at a positive rate), and
		/// the parts of a split receipt pay at least what the whole does.
		#[test]
		fn no_receipt_escapes_the_fee(
			parts in prop::collection::vec(1u128..1u128 << 100, 1..8),
			rate in 1u32..=1_000_000,
		) {
			let rate = Permill::from_parts(rate);
			let whole: u128 = parts.iter().sum();
			let fees: u128 = parts.iter().map(|part| fee_on(*part, rate)).sum();
			prop_assert!(fees >= fee_on(whole, rate));
			for part in parts {
				let fee = fee_on(part, rate);
				prop_assert!(fee >= 1 && fee <= part);
				// fee ≥ rate · part, exactly: fee · 10⁶ ≥ part · rate (in wider terms).
				prop_assert!(
					multiply_by_rational_with_rounding(part, rate.deconstruct().into(), 1_000_000, Rounding::Up)
						== Some(fee)
				);
			}
		}
	}
}
