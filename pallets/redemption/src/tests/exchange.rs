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
