//! Property tests of the decay ([`math::decay`]): it never rises with time, and it is exactly
//! half (rounded down) one half-life later.

use crate::math::decay;
use proptest::prelude::*;

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
