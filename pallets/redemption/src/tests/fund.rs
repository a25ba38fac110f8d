//! Funding a reserve: the split between the buckets, and its checks.

use super::*;

#[test]
fn a_deposit_is_split_between_the_buckets() {
	build_and_execute(|| {
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1_001));
		assert_eq!(
			last_event(),
			Event::<Test>::Funded {
				coop: 0,
				from: 9,
				amount: 1_001,
				subsistence: 750,
				commons: 251
			}
			.into()
		);
		assert_eq!((reserve(0).subsistence, reserve(0).commons), (750, 251));
		assert_eq!(native(Redemption::reserve_account(0)), 1_001);
		assert_eq!(native(9), 1_000_000 - 1_001);
		// The cooperative's split.
		MockCooperatives::change(0, |c| c.params.reserve_split = Perbill::from_percent(40));
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 100));
		assert_eq!((reserve(0).subsistence, reserve(0).commons), (790, 311));
	});
}

#[test]
fn funding_is_checked() {
	build_and_execute(|| {
		assert_noop!(Redemption::fund(RuntimeOrigin::signed(9), 0, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Redemption::fund(RuntimeOrigin::signed(9), 7, 10),
			Error::<Test>::UnknownCooperative
		);
		assert_noop!(
			Redemption::fund(RuntimeOrigin::signed(9), 0, 2_000_000),
			TokenError::FundsUnavailable
		);
		assert_noop!(Redemption::fund(RuntimeOrigin::none(), 0, 10), DispatchError::BadOrigin);
		// Anyone may fund, a suspended cooperative too.
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(20), 1, 10));
	});
}

/// A pending cooperative (applied, not admitted) has no reserve to fund yet: if its application
/// were rejected or withdrawn, what was deposited would be stranded. A suspended cooperative
/// was admitted: its reserve may still be funded.
#[test]
fn only_an_admitted_cooperatives_reserve_is_funded() {
	build_and_execute(|| {
		MockCooperatives::create_pending(2, &[6, 7], Default::default());
		let account = Redemption::reserve_account(2);
		assert_noop!(
			Redemption::fund(RuntimeOrigin::signed(9), 2, 1_000),
			Error::<Test>::CooperativeNotActive
		);
		assert_eq!((native(9), native(account)), (1_000_000, 0));
		assert!(Reserves::<Test>::get(2).is_none());
		// Once admitted (active or suspended), it may be funded.
		MockCooperatives::change(2, |coop| coop.pending = false);
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 2, 1_000));
		assert_eq!(native(account), 1_000);
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 1, 100));
		assert_eq!((reserve(1).subsistence, reserve(1).commons), (75, 25));
	});
}
