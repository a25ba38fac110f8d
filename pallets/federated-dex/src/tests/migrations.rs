//! Storage migrations: what a live chain's state becomes.

use super::*;
use crate::migrations::v2::{MigrateV1ToV2, OLD_NAME};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

/// The standing orders' storage item as version 1 named it.
#[frame_support::storage_alias]
type Standing<T: Config> =
	StorageMap<Pallet<T>, frame_support::Twox64Concat, CoopId, StandingOrders>;

#[test]
fn version_2_moves_standing_orders_to_their_new_name_unchanged() {
	build_and_execute(|| {
		assert_eq!(OLD_NAME, b"Standing");
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
