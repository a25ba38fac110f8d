//! Storage migrations. The runtime lists [`v2::MigrateV1ToV2`] and then [`v3::MigrateV2ToV3`]
//! among `Executive`'s migrations.

use crate::*;

/// Version 1 → 2, in two steps:
/// 1. the standing orders' storage item was `Standing` in version 1 (a word care reputation also
///    used, for a snapshot of care) and is [`StandingOrdersOf`] now: its entries move unchanged;
/// 2. trades became exact, in whole lots of the price, so an order rests only while it can trade
///    one lot ([`Order::can_trade`]). A resting order left from version 1 that cannot (one unit
///    at 1.5, say) would stop every walk that reaches it: it is closed as `Unfillable`, and what
///    it holds and its deposit are released.
/// The encoding of stored values does not change: orders stay in version 1's encoding
/// ([`v3::old::Order`], without a depositor) until [`v3::MigrateV2ToV3`] runs, so this migration
/// reads and closes them in that encoding.
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
	/// order that cannot trade one lot at its price, releasing its deposit to its owner (version
	/// 1 held it from the owner). An order whose funds cannot be released (which the invariants
	/// rule out) stays, and `do_try_state` reports it once the orders are in the current
	/// encoding.
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
					let Some(order) = v3::old::Orders::<T>::get(id)
						.map(v3::old::Order::migrate)
						.filter(|order| !order.can_trade())
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
			for (_, order) in v3::old::Orders::<T>::iter() {
				resting = resting.saturating_add(1);
				if !order.migrate().can_trade() {
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
			let mut left = 0u32;
			for (_, order) in v3::old::Orders::<T>::iter() {
				left = left.saturating_add(1);
				ensure!(order.migrate().can_trade(), "an order left cannot trade one lot");
			}
			ensure!(
				left == resting.saturating_sub(unfillable),
				"not exactly the unfillable orders were closed"
			);
			ensure!(Pallet::<T>::on_chain_storage_version() == 2, "the storage version is not 2");
			// The orders are still in version 2's encoding: the invariants are checked by
			// `v3::MigrateV2ToV3`, once they are in the current one.
			Ok(())
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

/// Version 2 → 3: an order records the account its deposit is held from.
///
/// Version 2 held a resting order's deposit from its owner, always. Version 3 holds it from the
/// account [`Config::DepositPayer`] names (the owner, or its cooperative's account for a member
/// who cannot pay: [`Order::deposit_coop`]), records that account as the order's
/// [`depositor`](Order::depositor), and releases the deposit to it. A version-2 order gets its
/// owner as depositor: the account its deposit was held from (a standing order, which holds
/// none, too). Nothing is held or released.
pub mod v3 {
	use super::*;
	#[cfg(feature = "try-runtime")]
	use alloc::collections::btree_map::BTreeMap;
	#[cfg(feature = "try-runtime")]
	use frame_support::traits::GetStorageVersion;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

	/// The version-2 records (the storage alias's generated prefix type has no docs).
	#[allow(missing_docs)]
	pub mod old {
		use super::*;

		/// A resting order as versions 1 and 2 stored it: its deposit was held from `owner`.
		#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
		pub struct Order<AccountId> {
			/// Who placed it, and holds its deposit.
			pub owner: AccountId,
			/// Its market.
			pub market: Market,
			/// Its side there.
			pub side: Side,
			/// Its limit price: quote per base.
			pub price: Price,
			/// What it still offers.
			pub remaining: Amount,
			/// The native deposit held from `owner` (none for standing orders).
			pub deposit: Amount,
			/// Whether it is its cooperative's standing order.
			pub standing: bool,
		}

		impl<AccountId: Clone> Order<AccountId> {
			/// The same order in version 3: every field as it was, its owner recorded as the
			/// depositor (the account its deposit was held from).
			pub fn migrate(self) -> crate::Order<AccountId> {
				crate::Order {
					owner: self.owner.clone(),
					market: self.market,
					side: self.side,
					price: self.price,
					remaining: self.remaining,
					deposit: self.deposit,
					depositor: self.owner,
					standing: self.standing,
				}
			}
		}

		/// A version-2 order as stored.
		pub type OrderOf<T> = Order<<T as frame_system::Config>::AccountId>;

		/// The resting orders, as versions 1 and 2 stored them.
		#[frame_support::storage_alias]
		pub type Orders<T: Config> =
			StorageMap<Pallet<T>, frame_support::Twox64Concat, OrderId, OrderOf<T>>;
	}

	/// What `pre_upgrade` records and `post_upgrade` checks: for each account deposits are held
	/// from, how many resting orders it holds deposits for and their sum.
	#[cfg(feature = "try-runtime")]
	type Summary<T> = BTreeMap<<T as frame_system::Config>::AccountId, (u32, Amount)>;

	/// Adds `deposit` held from `depositor` to `summary`.
	#[cfg(feature = "try-runtime")]
	fn count<T: Config>(summary: &mut Summary<T>, depositor: T::AccountId, deposit: Amount) {
		let (orders, sum) = summary.entry(depositor).or_default();
		*orders = orders.saturating_add(1);
		*sum = sum.saturating_add(deposit);
	}

	/// Re-encodes every resting order ([`old::Order::migrate`]); use [`MigrateV2ToV3`], which
	/// runs it once, from version 2. An order that does not decode as version 2 is dropped by
	/// `translate` and reported by the try-runtime checks.
	pub struct UncheckedMigrateV2ToV3<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV2ToV3<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut orders: u64 = 0;
			Orders::<T>::translate::<old::OrderOf<T>, _>(|_, old| {
				orders = orders.saturating_add(1);
				Some(old.migrate())
			});
			T::DbWeight::get().reads_writes(orders, orders)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let mut summary = Summary::<T>::new();
			let mut orders = 0usize;
			for (_, order) in old::Orders::<T>::iter() {
				orders = orders.saturating_add(1);
				count::<T>(&mut summary, order.owner, order.deposit);
			}
			ensure!(
				old::Orders::<T>::iter_keys().count() == orders,
				"a version 2 order does not decode"
			);
			Ok(summary.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = Summary::<T>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade summary does not decode")?;
			let mut after = Summary::<T>::new();
			let mut orders = 0usize;
			for (_, order) in Orders::<T>::iter() {
				orders = orders.saturating_add(1);
				ensure!(
					order.depositor == order.owner,
					"a migrated order's depositor is not its owner"
				);
				count::<T>(&mut after, order.depositor, order.deposit);
			}
			ensure!(Orders::<T>::iter_keys().count() == orders, "a migrated order does not decode");
			ensure!(before == after, "orders or deposits per depositor changed");
			ensure!(Pallet::<T>::on_chain_storage_version() == 3, "the storage version is not 3");
			Pallet::<T>::do_try_state()
		}
	}

	/// Version 2 → 3, run only at version 2 (then the version is 3): list it in the runtime's
	/// migrations, after [`super::v2::MigrateV1ToV2`], as
	/// `pallet_federated_dex::migrations::v3::MigrateV2ToV3<Runtime>`.
	pub type MigrateV2ToV3<T> = VersionedMigration<
		2,
		3,
		UncheckedMigrateV2ToV3<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
