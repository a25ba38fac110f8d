//! Storage migrations of the exchange.
//!
//! - [`v2::MigrateV1ToV2`]: the standing orders' storage item was renamed from `Standing` (a
//!   word care reputation also used, for a snapshot of care) to [`crate::StandingOrdersOf`];
//!   the entries move to the new key, unchanged.

/// Version 1 to 2: `Standing` becomes `StandingOrdersOf`.
pub mod v2 {
	use crate::{Config, Pallet, StandingOrders, StandingOrdersOf};
	use confoederatio_primitives::CoopId;
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration,
		storage::migration::storage_key_iter,
		traits::{Get, PalletInfoAccess, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		Twox64Concat,
	};

	/// The storage item's name in version 1.
	pub const OLD_NAME: &[u8] = b"Standing";

	/// Moves every entry of `Standing` to `StandingOrdersOf`, unchecked: run it through
	/// [`MigrateV1ToV2`], which runs it once, at storage version 1.
	pub struct RenameStanding<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for RenameStanding<T> {
		fn on_runtime_upgrade() -> Weight {
			let pallet = <Pallet<T> as PalletInfoAccess>::name().as_bytes();
			let mut moved: u64 = 0;
			for (coop, orders) in
				storage_key_iter::<CoopId, StandingOrders, Twox64Concat>(pallet, OLD_NAME).drain()
			{
				StandingOrdersOf::<T>::insert(coop, orders);
				moved = moved.saturating_add(1);
			}
			// Each entry: read and removed under the old key, written under the new one.
			T::DbWeight::get().reads_writes(moved, moved.saturating_mul(2))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			let pallet = <Pallet<T> as PalletInfoAccess>::name().as_bytes();
			let old: alloc::vec::Vec<(CoopId, StandingOrders)> =
				storage_key_iter::<CoopId, StandingOrders, Twox64Concat>(pallet, OLD_NAME)
					.collect();
			Ok(old.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let old: alloc::vec::Vec<(CoopId, StandingOrders)> =
				Decode::decode(&mut &state[..]).map_err(|_| "the pre-upgrade state decodes")?;
			let pallet = <Pallet<T> as PalletInfoAccess>::name().as_bytes();
			frame_support::ensure!(
				storage_key_iter::<CoopId, StandingOrders, Twox64Concat>(pallet, OLD_NAME)
					.next()
					.is_none(),
				"an entry is left under the old name"
			);
			for (coop, orders) in old {
				frame_support::ensure!(
					StandingOrdersOf::<T>::get(coop) == orders,
					"an entry did not move unchanged"
				);
			}
			Ok(())
		}
	}

	/// [`RenameStanding`], run once when the pallet's storage version is 1; sets it to 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		RenameStanding<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
