//! Federation polls: proposed by a cooperative, voted by the active cooperatives, decided as
//! soon as the outcome is certain.

use super::*;
use frame_support::assert_noop;

#[test]
fn a_federation_poll_passes_with_a_majority_of_cooperatives() {
	build_and_execute(|| {
		let poll = federation_poll(Track::Federation, federation_call(5));
		assert_eq!(held(1_000), DEPOSIT, "the proposing cooperative's account holds the deposit");
		// Members do not vote in federation polls; cooperatives do, once each.
		assert_noop!(vote(1, poll, true), Error::<Test>::WrongScope);
		assert_ok!(Governance::vote(coop_origin(0), poll, true));
		assert_noop!(Governance::vote(coop_origin(0), poll, false), Error::<Test>::AlreadyVoted);
		assert_noop!(
			Governance::vote(coop_origin(9), poll, true),
			Error::<Test>::CooperativeNotActive
		);
		// One of three is not a majority yet.
		assert_noop!(Governance::close(RuntimeOrigin::signed(1), poll), Error::<Test>::TooEarly);
		assert_ok!(Governance::vote(coop_origin(1), poll, true));
		// Two of three is: it closes at once.
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(events().contains(&Event::Executed { poll, result: Ok(()) }));
		assert_eq!(target::Record::<Test>::get().to_vec(), vec![(None, 5)]);
		assert_eq!(held(1_000), 0);
	});
}

#[test]
fn a_federation_poll_fails_early_when_a_majority_is_out_of_reach() {
	build_and_execute(|| {
		let poll = federation_poll(Track::Federation, federation_call(5));
		assert_ok!(Governance::vote(coop_origin(1), poll, false));
		assert_noop!(Governance::close(RuntimeOrigin::signed(1), poll), Error::<Test>::TooEarly);
		assert_ok!(Governance::vote(coop_origin(2), poll, false));
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(events()
			.contains(&Event::Rejected { poll, tally: Tally { ayes: 0, nays: 2, voters: 2 } }));
		assert!(target::Record::<Test>::get().is_empty());
	});
}
