//! The weight cap, pure and exact: no member holds more than a share `cap` of a poll's weight.
//!
//! Given the weights cast, the capped weight of each vote is `min(weight, level)`, with the
//! highest `level` such that every capped vote holds at most `cap` of the capped total (found by
//! water-filling over the weights in descending order, in integers). With fewer votes than
//! `1 / cap` no level can do that; the votes then count equally (each holds `1 / n`, the least
//! any vote can). Its property tests are in `tests/properties.rs`.

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
		let capped = (capped as u128).saturating_add(1);
		rest = rest.saturating_sub(*weight);
		let next = sorted.get(capped as usize).copied().unwrap_or(0);
		if next == 0 {
			break;
		}
		let Some(room) = one.checked_sub(parts.saturating_mul(capped)) else { break };
		// level · one ≤ parts · (capped · level + rest)  ⇔  level ≤ parts · rest / room (no
		// room left: no level).
		let Some(level) = parts.saturating_mul(rest).checked_div(room) else { break };
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
