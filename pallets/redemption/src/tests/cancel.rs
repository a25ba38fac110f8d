//! Cancelling a waiting redemption: only its member, and the credit comes back.

use super::*;

#[test]
fn only_the_requester_cancels_and_gets_the_credit_back() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Subsistence, 100);
		MockLedger::issue(0, 2, Subsistence, 100);
		set_rate(0, 10);
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 100));
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(2), 0, Subsistence, 100));
		assert_noop!(
			Redemption::cancel(RuntimeOrigin::signed(2), 0, Subsistence, 0),
			Error::<Test>::NotRequester
		);
		assert_noop!(
			Redemption::cancel(RuntimeOrigin::signed(1), 0, Subsistence, 9),
			Error::<Test>::UnknownRequest
		);
		assert_noop!(
			Redemption::cancel(RuntimeOrigin::signed(1), 0, Commons, 0),
			Error::<Test>::UnknownRequest
		);
		assert_ok!(Redemption::cancel(RuntimeOrigin::signed(1), 0, Subsistence, 0));
		assert_eq!(
			last_event(),
			Event::<Test>::Cancelled {
				coop: 0,
				category: Subsistence,
				index: 0,
				who: 1,
				credit: 100
			}
			.into()
		);
		let holding = MockLedger::holding(0, 1);
		assert_eq!((holding.balance, holding.subsistence), (100, 100));
		assert_noop!(
			Redemption::cancel(RuntimeOrigin::signed(1), 0, Subsistence, 0),
			Error::<Test>::UnknownRequest
		);
		// The hole is skipped: the next deposit pays 2, and its deposit comes back.
		let before = native(2);
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 2_000));
		assert_eq!(native(2), before + 900 + REQUEST_DEPOSIT);
		assert_eq!(Redemption::reserve_info(0).subsistence_queue, 0);
	});
}
