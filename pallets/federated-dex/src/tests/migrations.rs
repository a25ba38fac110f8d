//! The migrations: to storage version 2, the standing orders move from `Standing` to
//! `StandingOrdersOf` and resting orders left from version 1 that cannot trade one whole lot
//! are closed, what they hold released; to version 3, every order records its owner as the
//! depositor of its deposit.

use super::*;
#[cfg(feature = "try-runtime")]
use crate::migrations::v3::UncheckedMigrateV2ToV3;
use crate::migrations::{
	v2::{MigrateV1ToV2, OLD_STANDING},
	v3::{old, MigrateV2ToV3},
};
#[cfg(feature = "try-runtime")]
use frame_support::traits::UncheckedOnRuntimeUpgrade;
use frame_support::traits::{
	fungible::MutateHold, GetStorageVersion, OnRuntimeUpgrade, StorageVersion,
};

/// The standing orders' storage item as version 1 named it.
#[frame_support::storage_alias]
type Standing<T: Config> =
	StorageMap<Pallet<T>, frame_support::Twox64Concat, CoopId, StandingOrders>;

/// Rests `who`'s ask of `amount` credit at `at` as versions 1 and 2 could (version 1 whatever
/// its lot), in their encoding: its credit on offer, its deposit held from `who`, its book entry
/// behind the others.
fn old_ask(id: OrderId, who: u64, amount: u128, at: Price) {
	assert_ok!(<MockLedger as OfferableCredit<u64>>::offer(0, &who, amount));
	assert_ok!(Balances::hold(&HoldReason::OrderDeposit.into(), &who, DEPOSIT));
	let order = old::Order {
		owner: who,
		market: market0(),
		side: Side::Ask,
		price: at,
		remaining: amount,
		deposit: DEPOSIT,
		standing: false,
	};
	old::Orders::<Test>::insert(id, order);
	Books::<Test>::mutate((market0(), Side::Ask), |book| book.try_push((at, id)).unwrap());
	NextOrderId::<Test>::put(id + 1);
}

#[test]
fn resting_orders_that_cannot_trade_a_lot_are_closed() {
	build_and_execute(|| {
		for who in [1, 2, 3] {
			MockLedger::issue(0, who, Commons, 10);
		}
		let one_and_a_half = Price::checked_from_rational(3, 2).unwrap();
		StorageVersion::new(1).put::<Dex>();
		// Version 1 rested one unit at 1.5 (not a lot of 2) before two that can trade.
		old_ask(0, 1, 1, one_and_a_half);
		old_ask(1, 2, 2, one_and_a_half);
		old_ask(2, 3, 10, price(2));
		assert!(Dex::do_try_state().is_err());

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert_eq!(Dex::on_chain_storage_version(), 2);
		assert_eq!(book(market0(), Side::Ask), vec![1, 2]);
		assert!(!Orders::<Test>::contains_key(0));
		assert_eq!(
			events(),
			vec![Event::OrderClosed {
				id: 0,
				owner: 1,
				released: 1,
				reason: CloseReason::Unfillable
			}]
		);
		assert_eq!((offered(0, 1), deposit_held(1), credit(0, 1)), (0, 0, 10));
		// The orders left are in version 2's encoding until the runtime's next migration.
		MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_ok!(Dex::do_try_state());
		// Run again, it does nothing; the book trades: 2 units at 1.5, then 3 at 2.
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(
			traded(4, Native, Credit(0), 9, price(2)),
			Ok(ExchangeQuote { spent: 9, received: 3, fee: 2, fills: 2 })
		);
	});
}

/// With try-runtime, the migration's own checks: exactly the unfillable orders close, and the
/// invariants hold.
#[cfg(feature = "try-runtime")]
#[test]
fn the_migration_checks_itself() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 10);
		StorageVersion::new(1).put::<Dex>();
		old_ask(0, 1, 1, Price::checked_from_rational(3, 2).unwrap());
		old_ask(1, 1, 4, Price::checked_from_rational(3, 2).unwrap());
		assert_ok!(MigrateV1ToV2::<Test>::try_on_runtime_upgrade(true));
		assert_eq!(book(market0(), Side::Ask), vec![1]);
		assert_ok!(MigrateV2ToV3::<Test>::try_on_runtime_upgrade(true));
	});
}

#[test]
fn version_2_moves_standing_orders_to_their_new_name_unchanged() {
	build_and_execute(|| {
		assert_eq!(OLD_STANDING, b"Standing");
		StorageVersion::new(1).put::<Dex>();
		let bakery = StandingOrders { sell: Some(3), buy: Some(4) };
		let care = StandingOrders { sell: None, buy: Some(7) };
		Standing::<Test>::insert(0, bakery);
		Standing::<Test>::insert(1, care);

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert_eq!(StandingOrdersOf::<Test>::get(0), bakery);
		assert_eq!(StandingOrdersOf::<Test>::get(1), care);
		assert_eq!(Standing::<Test>::iter().count(), 0, "nothing is left under the old name");
		assert_eq!(Dex::on_chain_storage_version(), StorageVersion::new(2));

		// Run again, it changes nothing: the version says it ran.
		Standing::<Test>::insert(2, bakery);
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(StandingOrdersOf::<Test>::get(2), StandingOrders::default());
		Standing::<Test>::remove(2);
		// The orders named above were never placed: clear them for the invariants' check.
		StandingOrdersOf::<Test>::remove(0);
		StandingOrdersOf::<Test>::remove(1);
	});
}

#[test]
fn version_2_orders_record_their_owner_as_depositor() {
	build_and_execute(|| {
		for who in [1, 2] {
			MockLedger::issue(0, who, Commons, 100);
		}
		StorageVersion::new(2).put::<Dex>();
		// Version 2 held each deposit from the order's owner: two by 1, one by 2.
		old_ask(0, 1, 10, price(2));
		old_ask(1, 1, 20, price(3));
		old_ask(2, 2, 30, price(4));
		assert!(Dex::do_try_state().is_err(), "version 2's orders do not decode as version 3's");

		#[cfg(feature = "try-runtime")]
		let state = UncheckedMigrateV2ToV3::<Test>::pre_upgrade().expect("pre-upgrade");
		MigrateV2ToV3::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		UncheckedMigrateV2ToV3::<Test>::post_upgrade(state).expect("post-upgrade");

		assert_eq!(Dex::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(
			Orders::<Test>::get(1),
			Some(Order {
				owner: 1,
				market: market0(),
				side: Side::Ask,
				price: price(3),
				remaining: 20,
				deposit: DEPOSIT,
				depositor: 1,
				standing: false,
			})
		);
		assert_eq!(Orders::<Test>::get(2).map(|order| order.depositor), Some(2));
		assert_eq!(Orders::<Test>::iter().count(), 3);
		assert_ok!(Dex::do_try_state());
		// The deposits go back to the owners who paid them.
		assert_ok!(Dex::cancel_order(signed(1), 0));
		assert_ok!(Dex::cancel_order(signed(2), 2));
		assert_eq!((deposit_held(1), deposit_held(2)), (DEPOSIT, 0));

		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1), "it runs once");
	});
}
