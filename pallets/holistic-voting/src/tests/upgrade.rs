//! Runtime upgrades: only the `Upgrade` track (two thirds of the active cooperatives)
//! authorizes one.

use super::*;
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn the_upgrade_track_needs_two_thirds() {
	build_and_execute(|| {
		set_coop(3, |c| c.members = vec![10, 11, 12]);
		let hash = sp_core::H256::repeat_byte(7);
		let call = Box::new(RuntimeCall::Governance(Call::authorize_upgrade { code_hash: hash }));
		let poll = federation_poll(Track::Upgrade, call.clone());
		assert_ok!(Governance::vote(coop_origin(0), poll, true));
		assert_ok!(Governance::vote(coop_origin(1), poll, true));
		// Two of four is half, not two thirds.
		assert_noop!(Governance::close(RuntimeOrigin::signed(1), poll), Error::<Test>::TooEarly);
		assert_ok!(Governance::vote(coop_origin(2), poll, true));
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(events().contains(&Event::UpgradeAuthorized { code_hash: hash }));
		assert!(events().contains(&Event::Executed { poll, result: Ok(()) }));
		assert_eq!(
			frame_system::Pallet::<Test>::authorized_upgrade().map(|a| *a.code_hash()),
			Some(hash)
		);
	});
}

#[test]
fn a_simple_majority_cannot_authorize_an_upgrade() {
	build_and_execute(|| {
		let call = Box::new(RuntimeCall::Governance(Call::authorize_upgrade {
			code_hash: Default::default(),
		}));
		let poll = federation_poll(Track::Federation, call);
		assert_ok!(Governance::vote(coop_origin(0), poll, true));
		assert_ok!(Governance::vote(coop_origin(1), poll, true));
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(events().contains(&Event::Executed { poll, result: Err(DispatchError::BadOrigin) }));
		assert!(frame_system::Pallet::<Test>::authorized_upgrade().is_none());
	});
}
