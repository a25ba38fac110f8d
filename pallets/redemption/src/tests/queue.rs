//! The FIFO queues: a redemption waits when its bucket cannot pay or others wait; deposits
//! serve the queues in order, a bounded number at a time.

use super::*;

fn queued_index() -> QueueIndex {
	match last_event() {
		RuntimeEvent::Redemption(Event::Queued { index, .. }) => index,
		other => panic!("not queued: {other:?}"),
	}
}

/// Issue 12, attack 3: one member queued 999 tiny requests for about a CONF in fees, and a
/// member entitled to 10 hours then got `QueueFull` (and the spammer is paid first from every
/// deposit). Here with the mock's queue of `MAX_QUEUE` requests.
#[test]
fn one_member_cannot_shut_the_others_out_of_the_queue() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Subsistence, 100);
		MockLedger::issue(0, 2, Subsistence, 1_000);
		set_rate(0, 10);
		for _ in 0..MAX_QUEUE {
			// Tiny requests: one unit each, paid 9 (10 less the fee).
			let _ = Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 1);
		}
		// Another member entitled to redeem still queues.
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(2), 0, Subsistence, 1_000));
		// The spammer has its `MAX_PER_MEMBER` requests waiting, each holding a deposit; a
		// third is refused and changes nothing.
		assert_eq!(WaitingRequests::<Test>::get((0, Subsistence), 1), MAX_PER_MEMBER);
		assert_eq!(deposits_held(1), REQUEST_DEPOSIT * u64::from(MAX_PER_MEMBER));
		assert_noop!(
			Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 1),
			Error::<Test>::TooManyRequests
		);
		// Its other bucket is another queue.
		MockLedger::issue(0, 1, Commons, 10);
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Commons, 1));
	});
}

/// A waiting request holds its deposit from the member until it is paid or cancelled; the
/// member may queue again once one of its requests has left.
#[test]
fn a_waiting_request_holds_a_deposit_until_paid_or_cancelled() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Subsistence, 100);
		set_rate(0, 10);
		let before = native(1);
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 10));
		assert_eq!(
			last_event(),
			Event::<Test>::Queued {
				coop: 0,
				who: 1,
				category: Subsistence,
				index: 0,
				credit: 10,
				payout: 90,
				deposit: REQUEST_DEPOSIT
			}
			.into()
		);
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 20));
		assert_eq!(
			(native(1), deposits_held(1)),
			(before - 2 * REQUEST_DEPOSIT, 2 * REQUEST_DEPOSIT)
		);
		// Cancelled: the deposit comes back, and there is room for another request.
		assert_ok!(Redemption::cancel(RuntimeOrigin::signed(1), 0, Subsistence, 0));
		assert_eq!(deposits_held(1), REQUEST_DEPOSIT);
		assert_eq!(WaitingRequests::<Test>::get((0, Subsistence), 1), 1);
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 30));
		// Paid: both deposits come back with the payouts (180 + 270).
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1_000));
		assert_eq!((native(1), deposits_held(1)), (before + 180 + 270, 0));
		assert!(!WaitingRequests::<Test>::contains_key((0, Subsistence), 1));
		// Queueing needs the deposit: a member who cannot hold it is refused.
		MockLedger::issue(0, 2, Subsistence, 100);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(2), 9, 1_000_000 - 5));
		assert_noop!(
			Redemption::redeem(RuntimeOrigin::signed(2), 0, Subsistence, 100),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn an_empty_bucket_queues_and_deposits_serve_in_order() {
	build_and_execute(|| {
		for who in [1, 2, 3] {
			MockLedger::issue(0, who, Subsistence, 100);
		}
		set_rate(0, 10);
		let before: Vec<u64> = [1, 2, 3].map(native).to_vec();
		for who in [1, 2, 3] {
			assert_ok!(Redemption::redeem(RuntimeOrigin::signed(who), 0, Subsistence, 100));
			assert_eq!(queued_index(), who as u32 - 1);
		}
		// The credit already left circulation.
		assert_eq!(MockLedger::holding(0, 1).balance, 0);
		assert_eq!(Redemption::reserve_info(0).subsistence_queue, 3);
		// Each waits for 900. 75% of 2,400 = 1,800 pays the first two, in order.
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 2_400));
		assert_eq!(native(1), before[0] + 900);
		assert_eq!(native(2), before[1] + 900);
		// 3 still waits, its deposit held.
		assert_eq!(native(3), before[2] - REQUEST_DEPOSIT);
		assert_eq!(Redemption::reserve_info(0).subsistence_queue, 1);
		assert!(System::events().iter().any(|record| record.event
			== Event::<Test>::QueueServed {
				coop: 0,
				category: Subsistence,
				index: 1,
				who: 2,
				payout: 900
			}
			.into()));
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1_200));
		assert_eq!(native(3), before[2] + 900);
		assert_eq!(
			Redemption::reserve_info(0),
			ReserveInfo {
				subsistence: 0,
				commons: 900,
				rate: per_unit(10),
				earmarked: 0,
				subsistence_queue: 0,
				commons_queue: 0,
			}
		);
	});
}

#[test]
fn waiting_requests_go_first() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Subsistence, 100);
		MockLedger::issue(0, 2, Subsistence, 10);
		set_rate(0, 10);
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 100));
		// 750 in the bucket could pay 2's 90, but 1 waits first: 2 queues behind.
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1_000));
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(2), 0, Subsistence, 10));
		assert_eq!(queued_index(), 1);
		assert_eq!(Redemption::reserve_info(0).subsistence_queue, 2);
	});
}

#[test]
fn a_deposit_serves_a_bounded_number_of_requests() {
	build_and_execute(|| {
		for who in [1, 2, 3] {
			MockLedger::issue(0, who, Subsistence, 10);
		}
		MockLedger::issue(0, 1, Commons, 10);
		set_rate(0, 10);
		for who in [1, 2, 3] {
			assert_ok!(Redemption::redeem(RuntimeOrigin::signed(who), 0, Subsistence, 5));
		}
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 5));
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Commons, 5));
		// Four wait for Subsistence, one for Commons; one deposit serves three.
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 100_000));
		let info = Redemption::reserve_info(0);
		assert_eq!((info.subsistence_queue, info.commons_queue), (1, 1));
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 4));
		let info = Redemption::reserve_info(0);
		assert_eq!((info.subsistence_queue, info.commons_queue), (0, 0));
	});
}

#[test]
fn the_last_existential_deposit_stays_and_nothing_is_reaped() {
	build_and_execute(|| {
		MockCooperatives::change(0, |c| c.params.reserve_split = Perbill::from_percent(100));
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 100));
		set_rate(0, 1);
		MockLedger::issue(0, 1, Subsistence, 112);
		// 112 less the 10% fee (12) pays 100: the whole account. It waits instead of
		// emptying the account below the existential deposit.
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 112));
		assert!(matches!(last_event(), RuntimeEvent::Redemption(Event::Queued { .. })));
		assert_eq!(native(Redemption::reserve_account(0)), 100);
		// One more unit, and it is paid; the unit stays.
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1));
		assert_eq!(native(1), 1_000_000 + 100);
		assert_eq!(native(Redemption::reserve_account(0)), 1);
		assert_eq!(reserve(0).subsistence, 1);
	});
}

#[test]
fn a_queue_is_bounded() {
	build_and_execute(|| {
		for who in [1, 2, 3] {
			MockLedger::issue(0, who, Subsistence, 100);
		}
		set_rate(0, 10);
		// Two members fill the queue with their `MAX_PER_MEMBER` requests each.
		for who in [1, 2] {
			for _ in 0..MAX_PER_MEMBER {
				assert_ok!(Redemption::redeem(RuntimeOrigin::signed(who), 0, Subsistence, 1));
			}
		}
		assert_eq!(Redemption::reserve_info(0).subsistence_queue, MAX_QUEUE);
		assert_noop!(
			Redemption::redeem(RuntimeOrigin::signed(3), 0, Subsistence, 1),
			Error::<Test>::QueueFull
		);
	});
}
