//! The money math of mutual credit, pure and exact: no storage, no floats, no panics.
//!
//! Balances are `i128` (they go negative), amounts `u128`. Every function returns `None` rather
//! than wrap or saturate, so that a call can refuse the whole operation.

use confoederatio_primitives::{Credit, CreditBalance, ExchangeRate};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding, traits::Zero, FixedPointNumber, Rounding,
};

/// `balance - amount`, if the result stays at or above `-limit`; `None` otherwise (over the limit,
/// or out of `i128`).
pub fn debit(balance: CreditBalance, amount: Credit, limit: Credit) -> Option<CreditBalance> {
	let amount = CreditBalance::try_from(amount).ok()?;
	let limit = CreditBalance::try_from(limit).ok()?;
	let after = balance.checked_sub(amount)?;
	(after >= limit.checked_neg()?).then_some(after)
}

/// `balance + amount`; `None` out of `i128`.
pub fn credit(balance: CreditBalance, amount: Credit) -> Option<CreditBalance> {
	balance.checked_add(CreditBalance::try_from(amount).ok()?)
}

/// What a holder may pay now: `balance + limit`, never below zero.
pub fn available(balance: CreditBalance, limit: Credit) -> Credit {
	match CreditBalance::try_from(limit) {
		Ok(limit) => match balance.checked_add(limit) {
			Some(sum) => Credit::try_from(sum).unwrap_or(0),
			// Both positive and too large to add: more than any amount can be.
			None => Credit::MAX,
		},
		// A limit beyond `i128` (never configured so): the balance is irrelevant.
		Err(_) => Credit::MAX,
	}
}

/// Whether `balance` is within `-limit..`.
pub fn within_limit(balance: CreditBalance, limit: Credit) -> bool {
	match CreditBalance::try_from(limit) {
		Ok(limit) => limit.checked_neg().is_some_and(|floor| balance >= floor),
		Err(_) => true,
	}
}

/// The value of `amount` of a currency in federation units, rounded down: `amount · rate`.
/// `None` on overflow.
pub fn to_federation_units(amount: Credit, rate: ExchangeRate) -> Option<Credit> {
	multiply_by_rational_with_rounding(amount, rate.into_inner(), ExchangeRate::DIV, Rounding::Down)
}

/// How much of a currency `units` federation units buy, rounded down: `units / rate`.
/// `None` when the rate is zero or on overflow.
pub fn from_federation_units(units: Credit, rate: ExchangeRate) -> Option<Credit> {
	if rate.is_zero() {
		return None;
	}
	multiply_by_rational_with_rounding(units, ExchangeRate::DIV, rate.into_inner(), Rounding::Down)
}

/// A payment across currencies: the payer pays `amount` of its currency (valued at `from_rate`),
/// which is worth `units` federation units, for which the payee receives `received` of its own
/// (valued at `to_rate`). Both roundings are down, so the payee never receives more value than
/// the payer paid. `None` on overflow or a zero rate.
pub fn convert(
	amount: Credit,
	from_rate: ExchangeRate,
	to_rate: ExchangeRate,
) -> Option<(Credit, Credit)> {
	let units = to_federation_units(amount, from_rate)?;
	let received = from_federation_units(units, to_rate)?;
	Some((units, received))
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn rate(parts_per_billion: u64) -> ExchangeRate {
		ExchangeRate::from_rational(u128::from(parts_per_billion), 1_000_000_000)
	}

	#[test]
	fn debit_respects_the_limit_exactly() {
		assert_eq!(debit(0, 100, 100), Some(-100));
		assert_eq!(debit(0, 101, 100), None);
		assert_eq!(debit(-50, 50, 100), Some(-100));
		assert_eq!(debit(i128::MIN, 1, u128::MAX), None);
		assert_eq!(debit(0, u128::MAX, u128::MAX), None);
		assert_eq!(credit(i128::MAX, 1), None);
		assert_eq!(credit(-5, 5), Some(0));
	}

	#[test]
	fn available_is_balance_plus_limit_and_never_negative() {
		assert_eq!(available(-30, 100), 70);
		assert_eq!(available(-130, 100), 0);
		assert_eq!(available(50, 100), 150);
		assert_eq!(available(i128::MAX, 100), u128::MAX);
	}

	#[test]
	fn conversion_at_par_is_the_identity() {
		assert_eq!(
			convert(1_234, ExchangeRate::from_u32(1), ExchangeRate::from_u32(1)),
			Some((1_234, 1_234))
		);
		// One hour of a currency valued at half an hour buys half an hour of a currency at par.
		assert_eq!(convert(100, rate(500_000_000), ExchangeRate::from_u32(1)), Some((50, 50)));
		// ... and 200 of a currency valued at half.
		assert_eq!(convert(100, ExchangeRate::from_u32(1), rate(500_000_000)), Some((100, 200)));
		// Rounded down at tiny amounts.
		assert_eq!(convert(1, rate(999_999_999), ExchangeRate::from_u32(1)), Some((0, 0)));
		assert_eq!(convert(1, ExchangeRate::from_u32(1), ExchangeRate::from_u32(0)), None);
		// Huge amounts do not overflow silently.
		assert_eq!(convert(u128::MAX, ExchangeRate::from_u32(2), ExchangeRate::from_u32(1)), None);
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(2_000))]

		/// Rounding never creates value: what the payee receives is worth no more than what the
		/// payer paid, and less by under one unit of each currency.
		#[test]
		fn conversion_never_creates_value(
			amount in 0u128..1_000_000_000_000_000_000,
			from in 1u64..100_000_000_000,
			to in 1u64..100_000_000_000,
		) {
			let (from_rate, to_rate) = (rate(from), rate(to));
			if let Some((units, received)) = convert(amount, from_rate, to_rate) {
				// In parts per billion of a federation unit, exactly.
				let paid_value = amount * u128::from(from);
				let units_value = units * 1_000_000_000;
				let received_value = received * u128::from(to);
				prop_assert!(units_value <= paid_value);
				prop_assert!(paid_value - units_value < 1_000_000_000);
				prop_assert!(received_value <= units_value);
				prop_assert!(units_value - received_value < u128::from(to));
			}
		}

		/// A debit within the limit and the matching credit keep the sum and the limit.
		#[test]
		fn debit_and_credit_keep_the_sum(
			payer in -1_000_000_000i128..1_000_000_000,
			payee in -1_000_000_000i128..1_000_000_000,
			amount in 0u128..2_000_000_000,
			limit in 0u128..1_000_000_000,
		) {
			match debit(payer, amount, limit) {
				Some(after) => {
					prop_assert!(within_limit(after, limit));
					let received = credit(payee, amount);
					prop_assert_eq!(received.map(|received| after + received), Some(payer + payee));
					prop_assert!(amount <= available(payer, limit));
				},
				None => prop_assert!(amount > available(payer, limit)),
			}
		}
	}
}
