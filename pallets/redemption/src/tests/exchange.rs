//! What the exchange asks of a reserve (`ReserveLedger`): earmark, pay from it, put back,
//! and proceeds split like a deposit.

use super::*;
use confoederatio_primitives::ReserveLedger;

#[test]
fn the_exchange_earmarks_pays_and_returns_commons_funds() {
	build_and_execute(|| {
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1_000));
		assert_eq!((reserve(0).subsistence, reserve(0).commons), (750, 250));
		// Only what the Commons bucket holds can be set aside.
		assert_noop!(
			<Redemption as ReserveLedger<_, _>>::earmark(0, 251),
			Error::<Test>::InsufficientReserve
		);
		assert_noop!(
			<Redemption as ReserveLedger<_, _>>::earmark(7, 1),
			Error::<Test>::InsufficientReserve
		);
		assert_ok!(<Redemption as ReserveLedger<_, _>>::earmark(0, 200));
		assert_eq!((reserve(0).commons, reserve(0).earmarked), (50, 200));
		assert_eq!(Redemption::reserve_info(0).earmarked, 200);
		// A seller is paid from the earmark.
		assert_ok!(<Redemption as ReserveLedger<_, _>>::pay_earmarked(0, &5, 120));
		assert_eq!(native(5), 1_000_120);
		assert_eq!((reserve(0).earmarked, reserve(0).paid), (80, 120));
		assert_noop!(
			<Redemption as ReserveLedger<_, _>>::pay_earmarked(0, &5, 81),
			Error::<Test>::InsufficientReserve
		);
		// What the order did not spend goes back to the bucket.
		assert_ok!(<Redemption as ReserveLedger<_, _>>::unearmark(0, 80));
		assert_eq!((reserve(0).commons, reserve(0).earmarked), (130, 0));
		assert_noop!(
			<Redemption as ReserveLedger<_, _>>::unearmark(0, 1),
			Error::<Test>::InsufficientReserve
		);
		// Proceeds paid into the reserve account are split like a deposit.
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(9),
			Redemption::reserve_account(0),
			100
		));
		assert_ok!(<Redemption as ReserveLedger<_, _>>::deposited(0, 100));
		assert_eq!((reserve(0).subsistence, reserve(0).commons), (825, 155));
		assert_eq!(reserve(0).funded, 1_100);
	});
}

/// The reserve account pays keeping its existential deposit, and its buckets may count it: an
/// earmark the account could not pay in full and stay alive would make the standing buy order's
/// last fill, and with it every sale to the order, fail. So an earmark must stay payable in
/// full, and a redemption waits rather than eat into it.
#[test]
fn what_is_earmarked_is_always_payable_in_full() {
	build_and_execute(|| {
		// Everything to `Commons`: the account holds exactly its buckets, 1,000, of which it can
		// pay 999 and stay alive.
		MockCooperatives::change(0, |c| c.params.reserve_split = Perbill::zero());
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1_000));
		let account = Redemption::reserve_account(0);
		assert_eq!((reserve(0).commons, native(account)), (1_000, 1_000));
		assert_noop!(
			<Redemption as ReserveLedger<_, _>>::earmark(0, 1_000),
			Error::<Test>::InsufficientReserve
		);
		// The whole bucket less the existential deposit is accepted.
		assert_ok!(<Redemption as ReserveLedger<_, _>>::earmark(0, 999));
		assert_eq!((reserve(0).commons, reserve(0).earmarked), (1, 999));
		// 2 units at 1 pay 1 (the fee rounds up to 1), which the `Commons` bucket holds; but
		// paying it would leave the account able to pay 998 of the 999 earmarked: it waits.
		MockLedger::issue(0, 1, Commons, 10);
		set_rate(0, 1);
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Commons, 2));
		assert!(matches!(last_event(), RuntimeEvent::Redemption(Event::Queued { payout: 1, .. })));
		assert_eq!(reserve(0).commons, 1);
		// The earmark is paid in full, its last unit too; the existential deposit stays.
		assert_ok!(<Redemption as ReserveLedger<_, _>>::pay_earmarked(0, &5, 999));
		assert_eq!((native(5), native(account)), (1_000_999, 1));
		assert_eq!((reserve(0).earmarked, reserve(0).paid), (0, 999));
		// The next deposit serves the request.
		let before = native(1);
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1));
		assert_eq!(native(1), before + 1 + REQUEST_DEPOSIT);
		assert_eq!(Redemption::reserve_info(0).commons_queue, 0);
	});
}
