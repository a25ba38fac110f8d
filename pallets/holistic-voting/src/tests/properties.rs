//! Property tests of the weight cap: it holds for any distribution of weights, and for any
//! distribution of work and care through the holistic formula.

use super::*;
use proptest::prelude::*;

proptest! {
	#![proptest_config(ProptestConfig::with_cases(2_000))]

	/// With at least `1 / cap` votes, no capped vote holds more than `cap` of the capped
	/// total, whatever the distribution of weights; capping never raises a weight, keeps
	/// the order, and leaves a vote below the level untouched.
	#[test]
	fn the_cap_holds_for_any_distribution(
		weights in prop::collection::vec(1u64..1_000_000_000, 10..120),
		percent in 1u32..=100,
	) {
		let cap = Perbill::from_percent(percent);
		let level = math::cap_level(&weights, cap);
		let (largest, total) = shares(&weights, cap);
		if (weights.len() as u64) * u64::from(percent) >= 100 {
			prop_assert!(largest * 100 <= u128::from(percent) * total,
				"largest {} of {} is above {}%", largest, total, percent);
		}
		for weight in &weights {
			let c = math::capped(*weight, level);
			prop_assert!(c <= *weight);
			prop_assert!(c >= 1);
			if let Some(level) = level {
				prop_assert!(c == (*weight).min(level));
			}
		}
	}

	/// The same through the holistic formula: whatever the members' work hours and care
	/// points and the cooperative's factors, with ten members or more voting no vote holds
	/// more than the default 10% of the capped total.
	#[test]
	fn the_cap_holds_for_any_distribution_of_work_and_care(
		members in prop::collection::vec((0u128..10_000_000, 0u128..100_000), 10..80),
		a in 0u32..=1_000,
		b in 0u32..=1_000,
	) {
		let cap = Perbill::from_percent(10);
		let weights: Vec<u64> = members
			.iter()
			.map(|(work_hours, care_points)| holistic_weight(a, *work_hours, b, *care_points))
			.collect();
		let (largest, total) = shares(&weights, cap);
		prop_assert!(largest * 10 <= total, "largest {} of {}", largest, total);
	}
}
