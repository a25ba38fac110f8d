//! Storage migrations. The runtime lists [`v2::MigrateV1ToV2`] among `Executive`'s migrations.

use crate::*;

/// Version 1 → 2, in two steps:
/// 1. the standing orders' storage item was `Standing` in version 1 (a word care reputation also
///    used, for a snapshot of care) and is [`StandingOrdersOf`] now: its entries move unchanged;
/// 2. trades became exact, in whole lots of the price, so an order rests only while it can trade
///    one lot ([`Order::can_trade`]). A resting order left from version 1 that cannot (one unit
///    at 1.5, say) would stop every walk that reaches it: it is closed as `Unfillable`, and what
///    it holds and its deposit are released.
/// The encoding of stored values does not change.
pub mod v2 {
	use super::*;
	#[cfg(feature = "try-runtime")]
	use frame_support::traits::GetStorageVersion;
	use frame_support::{
		migrations::VersionedMigration,
		storage::{migration::storage_key_iter, with_transaction, TransactionOutcome},
		traits::{PalletInfoAccess, UncheckedOnRuntimeUpgrade},
		Twox64Concat,
	};

	/// The standing orders' storage item as version 1 named it.
	pub const OLD_STANDING: &[u8] = b"Standing";

	/// Version 1's standing orders, by cooperative.
	#[cfg(feature = "try-runtime")]
	fn old_standing<T: Config>() -> Vec<(CoopId, StandingOrders)> {
		let pallet = <Pallet<T> as PalletInfoAccess>::name().as_bytes();
		storage_key_iter::<CoopId, StandingOrders, Twox64Concat>(pallet, OLD_STANDING).collect()
	}

	/// Step 1: moves every entry of `Standing` to `StandingOrdersOf`. Returns how many moved.
	fn rename_standing<T: Config>() -> u64 {
		let pallet = <Pallet<T> as PalletInfoAccess>::name().as_bytes();
		let mut moved: u64 = 0;
		for (coop, orders) in
			storage_key_iter::<CoopId, StandingOrders, Twox64Concat>(pallet, OLD_STANDING).drain()
		{
			StandingOrdersOf::<T>::insert(coop, orders);
			moved = moved.saturating_add(1);
		}
		moved
	}

	/// The migration, without the version check ([`MigrateV1ToV2`] adds it): closes every resting
	/// order that cannot trade one lot at its price. An order whose funds cannot be released
	/// (which the invariants rule out) stays, and `do_try_state` reports it.
	pub struct UncheckedMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			// Step 1: each standing entry read and removed under the old key, written under the
			// new one.
			let moved = rename_standing::<T>();
			let (mut reads, mut writes) = (moved, moved.saturating_mul(2));
			// Step 2.
			let keys: Vec<_> = Books::<T>::iter_keys().collect();
			for key in keys {
				let mut book = Books::<T>::get(key);
				reads = reads.saturating_add(1);
				let before = book.len();
				book.retain(|(_, id)| {
					reads = reads.saturating_add(1);
					let Some(order) = Orders::<T>::get(id).filter(|order| !order.can_trade())
					else {
						return true;
					};
					let closed = with_transaction(|| {
						match Pallet::<T>::close(*id, order, Some(CloseReason::Unfillable)) {
							Ok(()) => TransactionOutcome::Commit(Ok(())),
							Err(error) => TransactionOutcome::Rollback(Err(error)),
						}
					});
					// Released: the offer, the deposit, the order, a standing order's place.
					writes = writes.saturating_add(4);
					closed.is_err()
				});
				if book.len() != before {
					Books::<T>::insert(key, book);
					writes = writes.saturating_add(1);
				}
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let (mut resting, mut unfillable) = (0u32, 0u32);
			for (_, order) in Orders::<T>::iter() {
				resting = resting.saturating_add(1);
				if !order.can_trade() {
					unfillable = unfillable.saturating_add(1);
				}
			}
			Ok((resting, unfillable, old_standing::<T>()).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (resting, unfillable, standing) =
				<(u32, u32, Vec<(CoopId, StandingOrders)>)>::decode(&mut &state[..])
					.map_err(|_| "the pre-upgrade state does not decode")?;
			ensure!(old_standing::<T>().is_empty(), "a standing entry is left under the old name");
			for (coop, old) in standing {
				// Moved unchanged, unless step 2 closed one of them.
				let new = StandingOrdersOf::<T>::get(coop);
				ensure!(
					new.sell.is_none() || new.sell == old.sell,
					"a standing sell order did not move unchanged"
				);
				ensure!(
					new.buy.is_none() || new.buy == old.buy,
					"a standing buy order did not move unchanged"
				);
			}
			let left = u32::try_from(Orders::<T>::iter_keys().count()).unwrap_or(u32::MAX);
			ensure!(
				left == resting.saturating_sub(unfillable),
				"not exactly the unfillable orders were closed"
			);
			ensure!(Pallet::<T>::on_chain_storage_version() == 2, "the storage version is not 2");
			Pallet::<T>::do_try_state()
		}
	}

	/// Version 1 → 2, run only at version 1 (then the version is 2): list it in the runtime's
	/// migrations as `pallet_federated_dex::migrations::v2::MigrateV1ToV2<Runtime>`.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		UncheckedMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
