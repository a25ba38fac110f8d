//! The decay of care reputation, pure and exact: integers only, no floats, no panics.
//!
//! Reputation halves every half-life. Between two halvings it falls in a straight line, so that
//! the value is exact in integers, never rises with time, and is exactly half (rounded down) one
//! half-life later.

/// `value` after `elapsed` blocks of decay with a half-life of `half_life` blocks. A zero
/// half-life means no decay.
pub fn decay(value: u128, elapsed: u64, half_life: u64) -> u128 {
	if half_life == 0 || value == 0 {
		return value;
	}
	let halvings = elapsed / half_life;
	if halvings >= 128 {
		return 0;
	}
	// `halvings < 128`, so the shift is in range.
	let start = value >> halvings;
	let within = u128::from(elapsed % half_life);
	// From `start` down towards `start >> 1` over one half-life: the drop so far, rounded down,
	// is `(start - start / 2) · within / half_life` (at most `start`, so no overflow below).
	let span = start - (start >> 1);
	let drop = sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
		span,
		within,
		u128::from(half_life),
		sp_runtime::Rounding::Down,
	)
	.unwrap_or(span);
	start - drop.min(span)
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn halves_every_half_life_and_falls_in_between() {
		assert_eq!(decay(1_000, 0, 100), 1_000);
		assert_eq!(decay(1_000, 50, 100), 750);
		assert_eq!(decay(1_000, 100, 100), 500);
		assert_eq!(decay(1_000, 150, 100), 375);
		assert_eq!(decay(1_000, 200, 100), 250);
		assert_eq!(decay(1_000, 100 * 200, 100), 0);
		assert_eq!(decay(u128::MAX, u64::MAX, 1), 0);
		assert_eq!(decay(1_000, 12_345, 0), 1_000, "no half-life, no decay");
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(2_000))]

		/// Decay never rises with time.
		#[test]
		fn decay_is_monotonic(
			value in 0u128..=u128::MAX,
			earlier in 0u64..10_000_000,
			later_by in 0u64..10_000_000,
			half_life in 1u64..5_000_000,
		) {
			let later = earlier + later_by;
			prop_assert!(decay(value, later, half_life) <= decay(value, earlier, half_life));
			prop_assert!(decay(value, earlier, half_life) <= value);
		}

		/// One half-life later, exactly half (rounded down) of what there was.
		#[test]
		fn decay_halves_at_the_half_life(
			value in 0u128..=u128::MAX,
			halvings in 0u64..130,
			half_life in 1u64..5_000_000,
		) {
			let elapsed = halvings * half_life;
			let expected = if halvings >= 128 { 0 } else { value >> halvings };
			prop_assert_eq!(decay(value, elapsed, half_life), expected);
			// And halving the decayed value once more is the same as decaying one more period.
			prop_assert_eq!(decay(value, elapsed + half_life, half_life), expected >> 1);
		}
	}
}
