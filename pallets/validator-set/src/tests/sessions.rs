//! Sessions: what pallet-session is given, when, and what it keeps; a development chain; the
//! session length; the runtime API's view.

use super::*;
use frame_support::traits::EstimateNextSessionRotation;
use pallet_session::PeriodicSessions;

#[test]
fn the_genesis_validators_with_keys_validate_from_the_first_session() {
	build_and_execute(|| {
		assert_eq!(session_validators(), vec![1, 2, 3, 4]);
		assert_eq!(queued_validators(), vec![1, 2, 3, 4]);
		run_to_session(3);
		assert_eq!(session_validators(), vec![1, 2, 3, 4]);
	});
}

#[test]
fn a_removal_takes_effect_once_the_sessions_planned_before_are_over() {
	build_and_execute(|| {
		// During session 0; session 1 was planned at genesis.
		assert_ok!(ValidatorSet::remove_validator(federation_origin(), 4));
		run_to_session(1);
		assert_eq!(session_validators(), vec![1, 2, 3, 4]);
		// Planned when session 1 started: without 4.
		assert_eq!(queued_validators(), vec![1, 2, 3]);
		assert_eq!(leaving(), vec![4]);
		run_to_session(2);
		assert_eq!(session_validators(), vec![1, 2, 3]);
		assert!(leaving().is_empty(), "4 validates in neither session: it is gone");
	});
}

#[test]
fn a_removal_during_a_later_session_takes_effect_at_the_session_after_next() {
	build_and_execute(|| {
		run_to_session(2);
		assert_ok!(ValidatorSet::remove_validator(federation_origin(), 1));
		run_to_session(3);
		assert_eq!(session_validators(), vec![1, 2, 3, 4]);
		run_to_session(4);
		assert_eq!(session_validators(), vec![2, 3, 4]);
	});
}

#[test]
fn a_validator_counts_only_once_it_has_registered_keys() {
	build_and_execute(|| {
		assert_ok!(ValidatorSet::add_validator(federation_origin(), 5, 1));
		run_to_session(3);
		assert_eq!(session_validators(), vec![1, 2, 3, 4], "no keys, not planned");
		// A proof for another account is refused by pallet-session.
		assert_noop!(
			Session::set_keys(RuntimeOrigin::signed(5), keys_of(5), proof_of(5, 6)),
			pallet_session::Error::<Test>::InvalidProof
		);
		register_keys(5);
		assert!(ValidatorSet::has_keys(&5));
		run_to_session(4);
		assert_eq!(queued_validators(), vec![1, 2, 3, 4, 5]);
		run_to_session(5);
		assert_eq!(session_validators(), vec![1, 2, 3, 4, 5]);
	});
}

#[test]
fn keys_registered_before_the_vote_count_from_the_vote() {
	build_and_execute(|| {
		// The operator registers keys first: the federation sees them when it votes.
		register_keys(5);
		assert_ok!(ValidatorSet::add_validator(federation_origin(), 5, 0));
		let info = ValidatorSet::validators_info();
		assert!(info.iter().any(|v| v.validator == 5 && v.has_keys && !v.active && !v.next));
		run_to_session(2);
		assert_eq!(session_validators(), vec![1, 2, 3, 4, 5]);
	});
}

#[test]
fn with_too_few_validators_with_keys_the_current_ones_are_kept() {
	// 3 has no keys: the genesis session has 1, 2 and 4.
	ExtBuilder::default().without_keys(&[3]).build_and_execute(|| {
		assert_eq!(session_validators(), vec![1, 2, 4]);
		// The set {1, 2, 3} has three, but only two with keys.
		assert_ok!(ValidatorSet::remove_validator(federation_origin(), 4));
		run_to_session(1);
		System::assert_has_event(Event::<Test>::ChangeDeferred { session: 2, with_keys: 2 }.into());
		run_to_session(3);
		assert_eq!(session_validators(), vec![1, 2, 4], "never fewer than MinValidators");
		assert_eq!(leaving(), vec![4], "4 still validates");
		let info = ValidatorSet::validators_info();
		assert!(info.iter().any(|v| v.validator == 4 && v.leaving && v.active && v.operator == 1));
		// 3 registers keys: the set is planned, and 4 goes.
		register_keys(3);
		run_to_session(4);
		assert_eq!(queued_validators(), vec![1, 2, 3]);
		run_to_session(5);
		assert_eq!(session_validators(), vec![1, 2, 3]);
		assert!(leaving().is_empty());
	});
}

#[test]
fn a_development_chain_runs_with_one_validator() {
	ExtBuilder::dev().build_and_execute(|| {
		assert_eq!(session_validators(), vec![1]);
		run_to_session(5);
		assert_eq!(session_validators(), vec![1]);
		assert_noop!(
			ValidatorSet::remove_validator(federation_origin(), 1),
			Error::<Test>::TooFewValidators
		);
		// A second one with keys is not enough for a new set: the one stays, and the pallet says
		// why.
		assert_ok!(ValidatorSet::add_validator(federation_origin(), 2, 0));
		register_keys(2);
		run_to_session(6);
		System::assert_has_event(Event::<Test>::ChangeDeferred { session: 7, with_keys: 2 }.into());
		run_to_session(8);
		assert_eq!(session_validators(), vec![1]);
		// A third: from the session after next.
		assert_ok!(ValidatorSet::add_validator(federation_origin(), 3, 1));
		register_keys(3);
		run_to_session(10);
		assert_eq!(session_validators(), vec![1, 2, 3]);
		// Now the one can go.
		assert_ok!(ValidatorSet::add_validator(federation_origin(), 4, 1));
		register_keys(4);
		assert_ok!(ValidatorSet::remove_validator(federation_origin(), 1));
		run_to_session(12);
		assert_eq!(session_validators(), vec![2, 3, 4]);
	});
}

#[test]
fn a_chain_whose_validators_all_purge_their_keys_fails_its_invariants() {
	// pallet-session drops validators without keys even from a kept set: nothing in this pallet
	// can stop a validator from purging its keys, but the invariants see the chain would stall.
	ExtBuilder::dev().build().execute_with(|| {
		purge_keys(1);
		run_to_session(1);
		assert!(queued_validators().is_empty());
		assert!(NextSet::<Test>::get().is_empty());
		assert!(ValidatorSet::do_try_state().is_err());
	});
}

#[test]
fn a_validator_that_purges_its_keys_leaves_the_next_planned_set() {
	build_and_execute(|| {
		assert_ok!(ValidatorSet::add_validator(federation_origin(), 5, 0));
		register_keys(5);
		run_to_session(2);
		assert_eq!(session_validators(), vec![1, 2, 3, 4, 5]);
		purge_keys(5);
		run_to_session(4);
		assert_eq!(session_validators(), vec![1, 2, 3, 4]);
		assert!(validators().contains(&(5, 0)), "it stays admitted");
	});
}

#[test]
fn sessions_end_at_the_multiples_of_the_session_length() {
	build_and_execute(|| {
		type Sessions =
			PeriodicSessions<CurrentSessionLength<Test>, frame_support::traits::ConstU64<0>>;
		assert_eq!(<Sessions as EstimateNextSessionRotation<u64>>::average_session_length(), 5);
		run_to_session(1);
		assert_eq!(System::block_number(), 5);
		assert_ok!(ValidatorSet::set_session_length(federation_origin(), 12));
		assert_eq!(<Sessions as EstimateNextSessionRotation<u64>>::average_session_length(), 12);
		assert_eq!(
			<Sessions as EstimateNextSessionRotation<u64>>::estimate_next_session_rotation(5).0,
			Some(12)
		);
		run_to_session(2);
		assert_eq!(System::block_number(), 12);
		run_to_session(3);
		assert_eq!(System::block_number(), 24);
	});
}

#[test]
fn the_runtime_api_says_whose_node_each_validator_is() {
	build_and_execute(|| {
		assert_ok!(ValidatorSet::add_validator(federation_origin(), 5, 1));
		assert_ok!(ValidatorSet::remove_validator(federation_origin(), 2));
		let info = ValidatorSet::validators_info();
		let view: Vec<_> = info
			.iter()
			.map(|v| (v.validator, v.operator, v.has_keys, v.active, v.next, v.leaving))
			.collect();
		assert_eq!(
			view,
			vec![
				(1, 0, true, true, true, false),
				(3, 1, true, true, true, false),
				(4, 1, true, true, true, false),
				(5, 1, false, false, false, false),
				(2, 0, true, true, true, true),
			]
		);
	});
}

/// How many times pallet-session queued a new set (its `NewQueued` event).
fn times_queued() -> usize {
	System::events()
		.iter()
		.filter(|record| {
			matches!(record.event, RuntimeEvent::Session(pallet_session::Event::NewQueued))
		})
		.count()
}

#[test]
fn an_unchanged_set_is_not_queued_again() {
	build_and_execute(|| {
		// Sessions go by with the same validators: nothing new is queued (GRANDPA would start a
		// new authority set for each).
		run_to_session(4);
		assert_eq!(times_queued(), 0);
		// A change is queued once, when the session after it is planned, and then not again.
		assert_ok!(ValidatorSet::add_validator(federation_origin(), 5, 1));
		register_keys(5);
		run_to_session(5);
		assert_eq!(times_queued(), 1);
		assert_eq!(queued_validators(), vec![1, 2, 3, 4, 5]);
		run_to_session(8);
		assert_eq!(times_queued(), 1);
		assert_eq!(session_validators(), vec![1, 2, 3, 4, 5]);
		// So is a removal.
		assert_ok!(ValidatorSet::remove_validator(federation_origin(), 1));
		run_to_session(10);
		assert_eq!(times_queued(), 2);
		assert_eq!(session_validators(), vec![2, 3, 4, 5]);
	});
}
