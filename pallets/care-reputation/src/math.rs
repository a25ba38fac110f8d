//! The decay of care reputation, pure and exact: integers only, no floats, no panics.
//!
//! Reputation halves every half-life. Between two halvings it falls in a straight line, so that
//! the value is exact in integers, never rises with time, and is exactly half (rounded down) one
//! half-life later. [`blocks_until_gone`] says when nothing is left. Their examples and property
//! tests are in `tests/decay.rs` and `tests/properties.rs`.

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

/// After how many blocks of [`decay`] nothing of `value` is left, with a half-life of `half_life`
/// blocks: as many half-lives as `value` has bits (then it is zero, and one block earlier it is
/// still one). `None` if nothing decays (a zero half-life and a value above zero); saturates at
/// `u64::MAX`.
pub fn blocks_until_gone(value: u128, half_life: u64) -> Option<u64> {
	if value == 0 {
		return Some(0);
	}
	if half_life == 0 {
		return None;
	}
	let bits = u128::BITS.saturating_sub(value.leading_zeros());
	Some(u64::from(bits).saturating_mul(half_life))
}
