//! Property tests of the decay ([`math::decay`]): it never rises with time, it is exactly half
//! (rounded down) one half-life later, and nothing is left exactly when
//! [`math::blocks_until_gone`] says. And of the rule that a note counts once.

use crate::math::{blocks_until_gone, decay};
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

	/// Nothing is left after `blocks_until_gone` blocks, and something one block earlier.
	#[test]
	fn nothing_is_left_exactly_when_said(
		value in 1u128..=u128::MAX,
		half_life in 1u64..5_000_000,
	) {
		let gone = blocks_until_gone(value, half_life).expect("it decays");
		prop_assert_eq!(decay(value, gone, half_life), 0);
		prop_assert!(decay(value, gone - 1, half_life) > 0);
	}
}

/// One attestation of a random sequence: `attester` attests `points` of care by `member`,
/// described by note `note`.
#[derive(Debug, Clone)]
struct Attestation {
	attester: u64,
	member: u64,
	note: u8,
	points: u32,
}

fn attestation() -> impl Strategy<Value = Attestation> {
	(1u64..=5, 1u64..=5, 0u8..3, 1u32..=3)
		.prop_map(|(attester, member, note, points)| Attestation { attester, member, note, points })
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(500))]

	/// Whatever members attest, a note is confirmed at most once for a member, and a member's
	/// reputation is the sum of the points of the distinct notes confirmed for it.
	#[test]
	fn a_note_is_confirmed_at_most_once(
		attestations in proptest::collection::vec(attestation(), 0..40),
		needed in 1u32..=3,
	) {
		use crate::tests::*;
		use alloc::collections::btree_map::BTreeMap;
		build_and_execute(|| {
			set_params(0, |p| p.attestations_needed = needed);
			let mut confirmed: BTreeMap<(u64, u8), u32> = BTreeMap::new();
			for Attestation { attester, member, note, points } in attestations {
				if attest(0, attester, member, points, note).is_err() {
					continue;
				}
				if let RuntimeEvent::CareReputation(Event::Confirmed { member: m, points: p, .. }) =
					last_event()
				{
					assert_eq!((m, p), (member, points));
					assert!(
						confirmed.insert((member, note), points).is_none(),
						"note {note} confirmed twice for {member}"
					);
				}
			}
			for member in 1..=5 {
				let expected: u32 = confirmed
					.iter()
					.filter(|((m, _), _)| *m == member)
					.map(|(_, points)| *points)
					.sum();
				assert_eq!(CareReputation::reputation(0, &member), u128::from(expected));
			}
		});
	}
}
