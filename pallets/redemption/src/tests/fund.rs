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
