//! The cooperative takes points away (`revoke`); the first attester withdraws a pending record
//! (`withdraw`).

use super::*;

#[test]
fn the_cooperative_revokes_no_more_than_is_held() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 10, 1));
		assert_ok!(attest(0, 2, 3, 10, 1));
		assert_noop!(
			CareReputation::revoke(coop_origin(0), 0, 3, 11),
			Error::<Test>::RevokeExceedsReputation
		);
		assert_noop!(CareReputation::revoke(coop_origin(0), 0, 3, 0), Error::<Test>::ZeroPoints);
		assert_noop!(CareReputation::revoke(coop_origin(1), 0, 3, 1), DispatchError::BadOrigin);
		assert_noop!(
			CareReputation::revoke(RuntimeOrigin::signed(1), 0, 3, 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CareReputation::revoke(coop_origin(9), 9, 3, 1),
			Error::<Test>::UnknownCooperative
		);
		assert_ok!(CareReputation::revoke(coop_origin(0), 0, 3, 4));
		assert_eq!(last_event(), Event::<Test>::Revoked { coop: 0, member: 3, points: 4 }.into());
		assert_eq!(CareReputation::reputation(0, &3), 6);
		assert_ok!(CareReputation::revoke(coop_origin(0), 0, 3, 6));
		assert!(!Reputation::<Test>::contains_key(0, 3));
		// After decay there is less to revoke.
		assert_ok!(attest(0, 1, 4, 10, 2));
		assert_ok!(attest(0, 2, 4, 10, 2));
		run_to(1 + HALF_LIFE);
		assert_noop!(
			CareReputation::revoke(coop_origin(0), 0, 4, 6),
			Error::<Test>::RevokeExceedsReputation
		);
		assert_ok!(CareReputation::revoke(coop_origin(0), 0, 4, 5));
	});
}

#[test]
fn a_suspended_cooperative_still_revokes() {
	build_and_execute(|| {
		create_coop(2, true, &[9, 10, 11]);
		assert_ok!(attest(2, 9, 10, 3, 1));
		assert_ok!(attest(2, 11, 10, 3, 1));
		MockCooperatives::set_active(2, false);
		assert_noop!(attest(2, 9, 10, 1, 2), Error::<Test>::CooperativeNotActive);
		// Revoking asks only that the cooperative exists.
		assert_ok!(CareReputation::revoke(coop_origin(2), 2, 10, 1));
		assert_eq!(CareReputation::reputation(2, &10), 2);
	});
}

#[test]
fn the_first_attester_withdraws_a_pending_record() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 7, 1));
		assert_ok!(attest(0, 4, 5, 2, 1));
		assert_eq!(held(1), DEPOSIT);
		assert_noop!(CareReputation::withdraw(coop_origin(0), 0), DispatchError::BadOrigin);
		assert_noop!(
			CareReputation::withdraw(RuntimeOrigin::signed(3), 0),
			Error::<Test>::NotFirstAttester
		);
		assert_ok!(CareReputation::withdraw(RuntimeOrigin::signed(1), 0));
		assert_eq!(held(1), 0);
		assert!(!Records::<Test>::contains_key(0));
		assert_eq!(RecordIndex::<Test>::get((0, 3), note(1)), None);
		// The other record stays; the same note may be attested again, as a new record.
		assert!(Records::<Test>::contains_key(1));
		assert_ok!(attest(0, 2, 3, 7, 1));
		assert_eq!(RecordIndex::<Test>::get((0, 3), note(1)), Some(2));
		assert_eq!(held(2), DEPOSIT);
	});
}
