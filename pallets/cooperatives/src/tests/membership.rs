//! Membership by the cooperative's decision, leaving, and the other pallets' say.

use super::*;

#[test]
fn add_member_needs_the_cooperatives_own_active_origin() {
	build_and_execute(|| {
		assert_eq!(Joined::get(), vec![(0, 1), (0, 2), (0, 3)]);
		assert_ok!(Cooperatives::add_member(coop_origin(0), 0, 7));
		assert_eq!(last_event(), Event::<Test>::MemberAdded { coop: 0, who: 7 }.into());
		assert_eq!(Joined::get().last(), Some(&(0, 7)));
		assert_eq!(Registry::<Test>::get(0).unwrap().member_count, 4);

		assert_noop!(Cooperatives::add_member(coop_origin(0), 0, 7), Error::<Test>::AlreadyMember);
		assert_noop!(
			Cooperatives::add_member(RuntimeOrigin::signed(1), 0, 8),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Cooperatives::add_member(RuntimeOrigin::root(), 0, 8),
			DispatchError::BadOrigin
		);
		assert_noop!(Cooperatives::add_member(federation_origin(), 0, 8), DispatchError::BadOrigin);
		let bakery = apply_bakery();
		// Another cooperative's decision is not this one's.
		assert_noop!(Cooperatives::add_member(coop_origin(bakery), 0, 8), DispatchError::BadOrigin);
		// A pending cooperative cannot act yet.
		assert_noop!(
			Cooperatives::add_member(coop_origin(bakery), bakery, 8),
			Error::<Test>::NotActive
		);
		assert_noop!(
			Cooperatives::add_member(coop_origin(99), 99, 8),
			Error::<Test>::UnknownCooperative
		);
		// Nor can a suspended one.
		assert_ok!(Cooperatives::suspend(federation_origin(), 0));
		assert_noop!(Cooperatives::add_member(coop_origin(0), 0, 8), Error::<Test>::NotActive);
	});
}

#[test]
fn add_member_stops_at_max_members() {
	build_and_execute(|| {
		for who in 100..(100 + u128::from(MAX_MEMBERS) - 3) {
			assert_ok!(Cooperatives::add_member(coop_origin(0), 0, who));
		}
		assert_eq!(Registry::<Test>::get(0).unwrap().member_count, MAX_MEMBERS);
		assert_noop!(
			Cooperatives::add_member(coop_origin(0), 0, 999),
			Error::<Test>::TooManyMembers
		);
	});
}

#[test]
fn remove_member_and_leave() {
	build_and_execute(|| {
		assert_ok!(Cooperatives::remove_member(coop_origin(0), 0, 3));
		assert_eq!(last_event(), Event::<Test>::MemberRemoved { coop: 0, who: 3 }.into());
		assert_noop!(Cooperatives::remove_member(coop_origin(0), 0, 3), Error::<Test>::NotMember);
		assert_noop!(
			Cooperatives::remove_member(RuntimeOrigin::signed(1), 0, 2),
			DispatchError::BadOrigin
		);

		assert_ok!(Cooperatives::leave(RuntimeOrigin::signed(2), 0));
		assert_eq!(last_event(), Event::<Test>::MemberRemoved { coop: 0, who: 2 }.into());
		assert_eq!(Left::get(), vec![(0, 3), (0, 2)]);
		// The last member stays.
		assert_noop!(Cooperatives::leave(RuntimeOrigin::signed(1), 0), Error::<Test>::LastMember);
		assert_noop!(Cooperatives::leave(RuntimeOrigin::signed(9), 0), Error::<Test>::NotMember);
		assert_noop!(Cooperatives::leave(RuntimeOrigin::signed(9), 42), Error::<Test>::NotMember);
		assert_eq!(Registry::<Test>::get(0).unwrap().member_count, 1);
	});
}

#[test]
fn other_pallets_can_stop_a_member_leaving() {
	build_and_execute(|| {
		assert_ok!(Cooperatives::add_member(coop_origin(0), 0, STUCK));
		assert_noop!(
			Cooperatives::leave(RuntimeOrigin::signed(STUCK), 0),
			DispatchError::Other("unsettled")
		);
		assert_noop!(
			Cooperatives::remove_member(coop_origin(0), 0, STUCK),
			DispatchError::Other("unsettled")
		);
	});
}
