//! Attesting care work: who may attest whom, for how many points, how often; the record's
//! deposit; confirmation by enough attesters.

use super::*;

#[test]
fn two_distinct_attesters_confirm_a_record() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 5, 1));
		assert_eq!(
			last_event(),
			Event::<Test>::Attested {
				record: 0,
				coop: 0,
				member: 3,
				attester: 1,
				points: 5,
				attestations: 1
			}
			.into()
		);
		assert_eq!(held(1), DEPOSIT);
		assert_eq!(CareReputation::reputation(0, &3), 0, "not confirmed yet");
		assert_ok!(attest(0, 2, 3, 5, 1));
		assert_eq!(
			last_event(),
			Event::<Test>::Confirmed {
				record: 0,
				coop: 0,
				member: 3,
				points: 5,
				by_decision: false
			}
			.into()
		);
		assert_eq!(CareReputation::reputation(0, &3), 5);
		assert_eq!(held(1), 0, "the deposit is released");
		assert!(!Records::<Test>::contains_key(0));
	});
}

#[test]
fn the_cooperative_sets_how_many_attesters_confirm() {
	build_and_execute(|| {
		set_params(0, |p| p.attestations_needed = 3);
		assert_ok!(attest(0, 1, 3, 4, 1));
		assert_ok!(attest(0, 2, 3, 4, 1));
		assert_eq!(CareReputation::reputation(0, &3), 0);
		assert_ok!(attest(0, 4, 3, 4, 1));
		assert_eq!(CareReputation::reputation(0, &3), 4);
		set_params(0, |p| p.attestations_needed = 1);
		assert_ok!(attest(0, 1, 3, 2, 2));
		assert_eq!(CareReputation::reputation(0, &3), 6);
	});
}

#[test]
fn nobody_attests_their_own_care() {
	build_and_execute(|| {
		assert_noop!(attest(0, 3, 3, 5, 1), Error::<Test>::SelfAttestation);
		// Nor joins a record about themselves.
		assert_ok!(attest(0, 1, 3, 5, 1));
		assert_noop!(attest(0, 3, 3, 5, 1), Error::<Test>::SelfAttestation);
	});
}

#[test]
fn only_members_attest_and_only_members_are_attested() {
	build_and_execute(|| {
		assert_noop!(attest(0, 6, 3, 5, 1), Error::<Test>::NotMember);
		assert_noop!(attest(0, 1, 6, 5, 1), Error::<Test>::SubjectNotMember);
		assert_noop!(attest(9, 1, 3, 5, 1), Error::<Test>::UnknownCooperative);
		assert_noop!(attest(2, 9, 10, 5, 1), Error::<Test>::CooperativeNotActive);
		assert_noop!(
			CareReputation::attest(RuntimeOrigin::none(), 0, 3, 5, note(1)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CareReputation::attest(coop_origin(0), 0, 3, 5, note(1)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn points_are_bounded_and_agreed() {
	build_and_execute(|| {
		assert_noop!(attest(0, 1, 3, 0, 1), Error::<Test>::ZeroPoints);
		assert_noop!(attest(0, 1, 3, MAX_POINTS + 1, 1), Error::<Test>::TooManyPoints);
		assert_ok!(attest(0, 1, 3, MAX_POINTS, 1));
		assert_noop!(attest(0, 2, 3, MAX_POINTS - 1, 1), Error::<Test>::PointsMismatch);
		assert_noop!(attest(0, 1, 3, MAX_POINTS, 1), Error::<Test>::AlreadyAttested);
	});
}

#[test]
fn attestations_per_period_are_bounded() {
	build_and_execute(|| {
		set_params(0, |p| p.attestations_needed = 10);
		for n in 0..MAX_PER_PERIOD as u8 {
			assert_ok!(attest(0, 1, 3, 1, n));
		}
		assert_noop!(attest(0, 1, 3, 1, 99), Error::<Test>::PeriodLimitReached);
		// Another member is not limited by the first one's attestations.
		assert_ok!(attest(0, 2, 3, 1, 99));
		// The next period starts afresh.
		run_to(PERIOD);
		assert_ok!(attest(0, 1, 3, 1, 99));
	});
}

#[test]
fn a_record_keeps_at_most_max_attesters() {
	build_and_execute(|| {
		create_coop(3, true, &[11, 12, 13, 14, 15, 16]);
		set_params(3, |p| p.attestations_needed = 10);
		for attester in 11..11 + MAX_ATTESTERS as u64 {
			assert_ok!(attest(3, attester, 16, 1, 1));
		}
		assert_noop!(attest(3, 15, 16, 1, 1), Error::<Test>::TooManyAttesters);
		// The cooperative confirms it instead.
		assert_ok!(CareReputation::confirm(coop_origin(3), 0));
		assert_eq!(CareReputation::reputation(3, &16), 1);
	});
}

#[test]
fn the_first_attester_pays_the_deposit() {
	build_and_execute(|| {
		create_coop(3, true, &[50, 2]);
		assert_noop!(
			CareReputation::attest(RuntimeOrigin::signed(50), 3, 2, 1, note(1)),
			TokenError::FundsUnavailable
		);
	});
}
