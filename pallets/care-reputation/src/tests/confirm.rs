//! The cooperative confirms a pending record by decision (`confirm`).

use super::*;

#[test]
fn the_cooperative_confirms_a_pending_record() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 7, 1));
		assert_noop!(CareReputation::confirm(coop_origin(1), 0), DispatchError::BadOrigin);
		assert_noop!(
			CareReputation::confirm(RuntimeOrigin::signed(2), 0),
			DispatchError::BadOrigin
		);
		assert_noop!(CareReputation::confirm(coop_origin(0), 9), Error::<Test>::UnknownRecord);
		assert_ok!(CareReputation::confirm(coop_origin(0), 0));
		assert_eq!(
			last_event(),
			Event::<Test>::Confirmed {
				record: 0,
				coop: 0,
				member: 3,
				points: 7,
				by_decision: true
			}
			.into()
		);
		assert_eq!(CareReputation::reputation(0, &3), 7);
		assert_noop!(CareReputation::confirm(coop_origin(0), 0), Error::<Test>::UnknownRecord);
	});
}

#[test]
fn confirm_looks_the_record_up_before_the_origin() {
	build_and_execute(|| {
		// The origin is checked against the record's cooperative, so an unknown record is
		// unknown whoever asks.
		assert_noop!(
			CareReputation::confirm(RuntimeOrigin::signed(2), 9),
			Error::<Test>::UnknownRecord
		);
		assert_ok!(attest(0, 1, 3, 7, 1));
		assert_noop!(CareReputation::confirm(RuntimeOrigin::none(), 0), DispatchError::BadOrigin);
	});
}
