//! Reputation is soulbound: it stays with the member in the cooperative and goes when the member
//! leaves.

use super::*;

#[test]
fn a_record_about_someone_who_left_is_not_confirmed() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 7, 1));
		leave(0, 3);
		assert_noop!(CareReputation::confirm(coop_origin(0), 0), Error::<Test>::SubjectNotMember);
		// Its attester takes the deposit back.
		assert_noop!(
			CareReputation::withdraw(RuntimeOrigin::signed(2), 0),
			Error::<Test>::NotFirstAttester
		);
		assert_ok!(CareReputation::withdraw(RuntimeOrigin::signed(1), 0));
		assert_eq!(last_event(), Event::<Test>::Withdrawn { record: 0 }.into());
		assert_eq!(held(1), 0);
		assert_noop!(
			CareReputation::withdraw(RuntimeOrigin::signed(1), 0),
			Error::<Test>::UnknownRecord
		);
	});
}

#[test]
fn leaving_drops_the_reputation() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 8, 1));
		assert_ok!(attest(0, 2, 3, 8, 1));
		leave(0, 3);
		assert_eq!(CareReputation::reputation(0, &3), 0);
		assert!(!Reputation::<Test>::contains_key(0, 3));
	});
}

#[test]
fn there_is_no_way_to_move_reputation() {
	// The pallet's calls are exactly these: none moves reputation between accounts.
	let calls: Vec<&str> =
		<Call<Test> as frame_support::traits::GetCallName>::get_call_names().to_vec();
	assert_eq!(calls, vec!["attest", "confirm", "revoke", "withdraw"]);
}

#[test]
fn leaving_drops_the_attesters_usage() {
	build_and_execute(|| {
		set_params(0, |p| p.attestations_needed = 10);
		for n in 0..MAX_PER_PERIOD as u8 {
			assert_ok!(attest(0, 1, 3, 1, n));
		}
		assert!(AttesterUsage::<Test>::contains_key(0, 1));
		leave(0, 1);
		assert!(!AttesterUsage::<Test>::contains_key(0, 1));
	});
}
