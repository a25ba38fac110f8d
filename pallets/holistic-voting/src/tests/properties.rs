//! Property tests of the weight cap: it holds for any distribution of weights and any number of
//! votes (with fewer than `1 / cap` votes, as nearly as it can: they count equally), in the
//! arithmetic and in the decisive tally of a poll, and for any distribution of work and care
//! through the holistic formula.

use super::*;
use proptest::prelude::*;
use sp_runtime::PerThing;

/// Whether `largest` of `total` is at most `max(cap, 1 / voters)` of it, exactly:
/// `largest · ACCURACY · voters ≤ max(parts · voters, ACCURACY) · total`.
fn within_the_cap(largest: u128, total: u128, cap: Perbill, voters: usize) -> bool {
	let one = u128::from(Perbill::ACCURACY);
	let voters = voters as u128;
	let bound = (u128::from(cap.deconstruct()) * voters).max(one);
	largest * one * voters <= bound * total
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(2_000))]

	/// Whatever the number of votes (from one) and the distribution of weights, no capped vote
	/// holds more than `max(cap, 1 / n)` of the capped total (`cap` itself with at least
	/// `1 / cap` votes); capping never raises a weight, keeps the order, and leaves a vote below
	/// the level untouched.
	#[test]
	fn the_cap_holds_for_any_distribution(
		weights in prop::collection::vec(1u64..1_000_000_000, 1..120),
		parts in 1u32..=1_000_000_000,
	) {
		let cap = Perbill::from_parts(parts);
		let level = math::cap_level(&weights, cap);
		let (largest, total) = shares(&weights, cap);
		prop_assert!(within_the_cap(largest, total, cap, weights.len()),
			"largest {} of {} with {} votes is above a cap of {:?}",
			largest, total, weights.len(), cap);
		if (weights.len() as u128) * u128::from(parts) >= u128::from(Perbill::ACCURACY) {
			prop_assert!(largest * u128::from(Perbill::ACCURACY) <= u128::from(parts) * total);
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

proptest! {
	#![proptest_config(ProptestConfig::with_cases(500))]

	/// In a poll of a cooperative of any size from one member up to `MaxVoters`, with any
	/// weights and any cap, where one member votes aye and all the others nay, the aye vote
	/// holds at most `max(cap, 1 / n)` of the decisive tally: whatever the size of the
	/// cooperative, the cap binds. It still counts (at least 1), never for more than it was
	/// cast with, and every vote counts.
	#[test]
	fn no_counted_vote_holds_more_than_the_cap_of_the_decisive_tally(
		weights in prop::collection::vec(1u64..1_000_000, 1..=MAX_VOTERS as usize),
		aye_index in any::<prop::sample::Index>(),
		parts in 1u32..=1_000_000_000,
	) {
		let cap = Perbill::from_parts(parts);
		let members: Vec<u64> = (10..).take(weights.len()).collect();
		let aye_voter = aye_index.index(members.len());
		new_test_ext().execute_with(|| {
			Weights::set(members.iter().copied().zip(weights.iter().copied()).collect());
			Locks::set(vec![]);
			set_coop(3, |c| {
				c.members = members.clone();
				c.params.weight_cap = cap;
			});
			let poll = NextPollId::<Test>::get();
			prop_assert!(Governance::propose(
				RuntimeOrigin::signed(10),
				ProposalScope::Cooperative(3),
				record_call(1)
			)
			.is_ok());
			for (index, member) in members.iter().enumerate() {
				prop_assert!(vote(*member, poll, index == aye_voter).is_ok());
			}
			let tally = Governance::poll_tally(poll).expect("the poll is open");
			prop_assert_eq!(tally.voters as usize, members.len());
			let (ayes, total) = (u128::from(tally.ayes), u128::from(tally.ayes + tally.nays));
			prop_assert!(within_the_cap(ayes, total, cap, members.len()),
				"the aye vote holds {} of {} among {} votes, above a cap of {:?}",
				ayes, total, members.len(), cap);
			prop_assert!(tally.ayes >= 1 && tally.ayes <= weights[aye_voter]);
			prop_assert!(Governance::do_try_state().is_ok());
			Ok(())
		})?;
	}
}
