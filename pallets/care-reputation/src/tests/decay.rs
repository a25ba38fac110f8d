//! Reputation halves every half-life of its cooperative.

use super::*;

#[test]
fn reputation_halves_every_half_life() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 8, 1));
		assert_ok!(attest(0, 2, 3, 8, 1));
		assert_eq!(CareReputation::milli_points(0, &3), 8_000);
		run_to(1 + HALF_LIFE / 2);
		assert_eq!(CareReputation::milli_points(0, &3), 6_000);
		run_to(1 + HALF_LIFE);
		assert_eq!(CareReputation::reputation(0, &3), 4);
		run_to(1 + 2 * HALF_LIFE);
		assert_eq!(CareReputation::reputation(0, &3), 2);
		// New points add to what is left.
		assert_ok!(attest(0, 1, 3, 8, 2));
		assert_ok!(attest(0, 2, 3, 8, 2));
		assert_eq!(CareReputation::reputation(0, &3), 10);
		run_to(1 + 3 * HALF_LIFE);
		assert_eq!(CareReputation::reputation(0, &3), 5);
	});
}

#[test]
fn the_half_life_is_the_cooperatives() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 8, 1));
		assert_ok!(attest(0, 2, 3, 8, 1));
		set_params(0, |p| p.care_half_life = 10 * HALF_LIFE);
		run_to(1 + 10 * HALF_LIFE);
		assert_eq!(CareReputation::reputation(0, &3), 4);
	});
}

/// The decay itself ([`math::decay`]), in exact integers.
#[test]
fn halves_every_half_life_and_falls_in_between() {
	use math::decay;
	assert_eq!(decay(1_000, 0, 100), 1_000);
	assert_eq!(decay(1_000, 50, 100), 750);
	assert_eq!(decay(1_000, 100, 100), 500);
	assert_eq!(decay(1_000, 150, 100), 375);
	assert_eq!(decay(1_000, 200, 100), 250);
	assert_eq!(decay(1_000, 100 * 200, 100), 0);
	assert_eq!(decay(u128::MAX, u64::MAX, 1), 0);
	assert_eq!(decay(1_000, 12_345, 0), 1_000, "no half-life, no decay");
}

/// When nothing is left ([`math::blocks_until_gone`]): as many half-lives as the value has bits.
#[test]
fn nothing_is_left_after_as_many_half_lives_as_bits() {
	use math::{blocks_until_gone, decay};
	assert_eq!(blocks_until_gone(1_000, 100), Some(1_000), "1,000 has ten bits");
	assert_eq!(decay(1_000, 999, 100), 1);
	assert_eq!(decay(1_000, 1_000, 100), 0);
	assert_eq!(blocks_until_gone(10_000, 100), Some(1_400));
	assert_eq!(blocks_until_gone(1, 7), Some(7));
	assert_eq!(blocks_until_gone(0, 100), Some(0));
	assert_eq!(blocks_until_gone(1_000, 0), None, "no half-life, never");
	assert_eq!(blocks_until_gone(u128::MAX, u64::MAX), Some(u64::MAX), "saturates");
}
