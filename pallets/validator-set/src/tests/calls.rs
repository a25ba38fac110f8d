//! The calls: who may make them, and every refusal (nothing changes on a refusal).

use super::*;

#[test]
fn the_federation_adds_a_validator_run_by_an_active_cooperative() {
	build_and_execute(|| {
		assert_ok!(ValidatorSet::add_validator(federation_origin(), 5, 1));
		assert_eq!(validators(), vec![(1, 0), (2, 0), (3, 1), (4, 1), (5, 1)]);
		System::assert_last_event(
			Event::<Test>::ValidatorAdded { validator: 5, operator: 1 }.into(),
		);
		// Two thirds of the federation is a federation decision too.
		assert_ok!(ValidatorSet::add_validator(supermajority_origin(), 6, 0));
		assert_eq!(validators().len(), 6);
	});
}

#[test]
fn adding_is_refused_to_anyone_but_the_federation() {
	build_and_execute(|| {
		for origin in [RuntimeOrigin::signed(1), coop_origin(0), RuntimeOrigin::root()] {
			assert_noop!(ValidatorSet::add_validator(origin, 5, 0), DispatchError::BadOrigin);
		}
	});
}

#[test]
fn adding_a_validator_twice_is_refused() {
	build_and_execute(|| {
		// Even with another operator.
		assert_noop!(
			ValidatorSet::add_validator(federation_origin(), 4, 0),
			Error::<Test>::AlreadyValidator
		);
	});
}

#[test]
fn adding_a_validator_run_by_an_unknown_or_inactive_cooperative_is_refused() {
	build_and_execute(|| {
		assert_noop!(
			ValidatorSet::add_validator(federation_origin(), 5, 9),
			Error::<Test>::UnknownCooperative
		);
		assert_noop!(
			ValidatorSet::add_validator(federation_origin(), 5, 2),
			Error::<Test>::CooperativeNotActive
		);
	});
}

#[test]
fn adding_past_max_validators_is_refused() {
	build_and_execute(|| {
		assert_ok!(ValidatorSet::add_validator(federation_origin(), 5, 0));
		assert_ok!(ValidatorSet::add_validator(federation_origin(), 6, 1));
		assert_eq!(validators().len(), MAX_VALIDATORS as usize);
		assert_noop!(
			ValidatorSet::add_validator(federation_origin(), 7, 0),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn the_federation_removes_a_validator() {
	build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(federation_origin(), 4));
		assert_eq!(validators(), vec![(1, 0), (2, 0), (3, 1)]);
		System::assert_last_event(
			Event::<Test>::ValidatorRemoved { validator: 4, operator: 1 }.into(),
		);
		// It still validates in the sessions planned before: it is leaving.
		assert_eq!(leaving(), vec![4]);
	});
}

#[test]
fn removing_is_refused_to_anyone_but_the_federation() {
	build_and_execute(|| {
		for origin in [RuntimeOrigin::signed(4), coop_origin(1), RuntimeOrigin::root()] {
			assert_noop!(ValidatorSet::remove_validator(origin, 4), DispatchError::BadOrigin);
		}
	});
}

#[test]
fn removing_an_account_that_is_no_validator_is_refused() {
	build_and_execute(|| {
		assert_noop!(
			ValidatorSet::remove_validator(federation_origin(), 9),
			Error::<Test>::NotValidator
		);
	});
}

#[test]
fn removing_below_min_validators_is_refused_counting_the_set() {
	build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(federation_origin(), 4));
		assert_noop!(
			ValidatorSet::remove_validator(federation_origin(), 3),
			Error::<Test>::TooFewValidators
		);
		// A validator without keys counts in the set: with 5 admitted, one can go.
		assert_ok!(ValidatorSet::add_validator(federation_origin(), 5, 0));
		assert!(!ValidatorSet::has_keys(&5));
		assert_ok!(ValidatorSet::remove_validator(federation_origin(), 3));
		assert_eq!(validators(), vec![(1, 0), (2, 0), (5, 0)]);
	});
}

#[test]
fn a_removed_validator_added_again_is_no_longer_leaving() {
	build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(federation_origin(), 4));
		assert_eq!(leaving(), vec![4]);
		assert_ok!(ValidatorSet::add_validator(federation_origin(), 4, 0));
		assert!(leaving().is_empty());
		assert_eq!(validators(), vec![(1, 0), (2, 0), (3, 1), (4, 0)]);
	});
}

#[test]
fn the_federation_sets_the_session_length_within_bounds() {
	build_and_execute(|| {
		assert_eq!(SessionLength::<Test>::get(), SESSION_LENGTH);
		for blocks in [MIN_SESSION_LENGTH, MAX_SESSION_LENGTH, 7] {
			assert_ok!(ValidatorSet::set_session_length(federation_origin(), blocks));
			System::assert_last_event(Event::<Test>::SessionLengthSet { blocks }.into());
			assert_eq!(
				<CurrentSessionLength<Test> as frame_support::traits::Get<u64>>::get(),
				blocks
			);
		}
		for blocks in [0, MIN_SESSION_LENGTH - 1, MAX_SESSION_LENGTH + 1] {
			assert_noop!(
				ValidatorSet::set_session_length(federation_origin(), blocks),
				Error::<Test>::SessionLengthOutOfBounds
			);
		}
		for origin in [RuntimeOrigin::signed(1), coop_origin(0), RuntimeOrigin::root()] {
			assert_noop!(ValidatorSet::set_session_length(origin, 10), DispatchError::BadOrigin);
		}
	});
}

#[test]
#[should_panic(expected = "a genesis validator listed twice")]
fn a_genesis_validator_listed_twice_is_refused() {
	ExtBuilder::default().validators(&[(1, 0), (1, 1), (2, 0)]).build();
}

#[test]
#[should_panic(expected = "more genesis validators than MaxValidators")]
fn more_genesis_validators_than_the_maximum_are_refused() {
	let too_many: Vec<_> = (1..=u64::from(MAX_VALIDATORS) + 1).map(|who| (who, 0)).collect();
	ExtBuilder::default().validators(&too_many).build();
}

#[test]
#[should_panic(expected = "the genesis session length is outside")]
fn a_genesis_session_length_out_of_bounds_is_refused() {
	ExtBuilder::default().session_length(MAX_SESSION_LENGTH + 1).build();
}
