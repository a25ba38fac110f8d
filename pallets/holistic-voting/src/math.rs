//! The weight cap, pure and exact: no member holds more than a share `cap` of a poll's weight.
//!
//! Given the weights cast, the capped weight of each vote is `min(weight, level)`, with the
//! highest `level` such that every capped vote holds at most `cap` of the capped total (found by
//! water-filling over the weights in descending order, in integers). With fewer votes than
//! `1 / cap` no level can do that; the votes then count equally (each holds `1 / n`, the least
//! any vote can).

use alloc::vec::Vec;
use confoederatio_primitives::VotingWeight;
use sp_runtime::{PerThing, Perbill};

/// The level at which to cap `weights` so that none holds more than `cap` of the capped total;
/// `None` if no weight needs capping.
pub fn cap_level(weights: &[VotingWeight], cap: Perbill) -> Option<VotingWeight> {
	let parts = u128::from(cap.deconstruct());
	let one = u128::from(Perbill::ACCURACY);
	let mut sorted: Vec<u128> = weights.iter().map(|w| u128::from(*w)).collect();
	sorted.sort_unstable_by(|a, b| b.cmp(a));
	let total: u128 = sorted.iter().sum();
	let largest = *sorted.first()?;
	// Exact: largest / total ≤ parts / one.
	if largest.saturating_mul(one) <= parts.saturating_mul(total) {
		return None;
	}
	// Cap the `capped` largest at `level`; the rest, summing to `rest`, stay as they are.
	let mut rest = total;
	for (capped, weight) in sorted.iter().enumerate() {
		let capped = capped as u128 + 1;
		rest = rest.saturating_sub(*weight);
		let next = sorted.get(capped as usize).copied().unwrap_or(0);
		if next == 0 {
			break;
		}
		let Some(room) = one.checked_sub(parts.saturating_mul(capped)).filter(|r| *r > 0) else {
			break;
		};
		// level · one ≤ parts · (capped · level + rest)  ⇔  level ≤ parts · rest / room.
		let level = parts.saturating_mul(rest) / room;
		if level >= next {
			return Some(VotingWeight::try_from(level).unwrap_or(VotingWeight::MAX));
		}
	}
	// Too few votes for any level: count them equally.
	sorted.last().map(|smallest| VotingWeight::try_from(*smallest).unwrap_or(VotingWeight::MAX))
}

/// `weight` under the cap `level` (if any).
pub fn capped(weight: VotingWeight, level: Option<VotingWeight>) -> VotingWeight {
	level.map_or(weight, |level| weight.min(level))
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn shares(weights: &[u64], cap: Perbill) -> (u128, u128) {
		let level = cap_level(weights, cap);
		let capped: Vec<u128> = weights.iter().map(|w| u128::from(capped(*w, level))).collect();
		(capped.iter().copied().max().unwrap_or(0), capped.iter().sum())
	}

	#[test]
	fn a_dominant_weight_is_capped_at_the_share() {
		let ten = Perbill::from_percent(10);
		// One whale and nine members of weight 1: the whale counts as 1 too.
		assert_eq!(cap_level(&[100, 1, 1, 1, 1, 1, 1, 1, 1, 1], ten), Some(1));
		// Nobody above 10% of 20 equal weights: no cap.
		assert_eq!(cap_level(&[5; 20], ten), None);
		// 20 votes: 18 of weight 1 and two of 50: the two are capped at 2.
		let mut weights = vec![1; 18];
		weights.extend([50, 50]);
		assert_eq!(cap_level(&weights, ten), Some(2));
		let (largest, total) = shares(&weights, ten);
		assert_eq!((largest, total), (2, 22));
		// Too few votes for a 10% cap: they count equally.
		assert_eq!(cap_level(&[9, 3, 1], ten), Some(1));
		assert_eq!(cap_level(&[], ten), None);
	}

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
			let level = cap_level(&weights, cap);
			let (largest, total) = shares(&weights, cap);
			if (weights.len() as u64) * u64::from(percent) >= 100 {
				prop_assert!(largest * 100 <= u128::from(percent) * total,
					"largest {} of {} is above {}%", largest, total, percent);
			}
			for weight in &weights {
				let c = capped(*weight, level);
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
				.map(|(work, care)| confoederatio_primitives::holistic_weight(a, *work, b, *care))
				.collect();
			let (largest, total) = shares(&weights, cap);
			prop_assert!(largest * 10 <= total, "largest {} of {}", largest, total);
		}
	}
}
