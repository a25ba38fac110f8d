//! Storage migrations. The runtime lists [`v2::MigrateV1ToV2`] and then [`v3::MigrateV2ToV3`]
//! among `Executive`'s migrations.

use crate::*;

/// Version 1 → 2: a waiting [`Request`] records the deposit held for it, each member's waiting
/// requests are counted ([`WaitingRequests`]), and no member keeps more than
/// `MaxRequestsPerMember` of them in one bucket.
pub mod v2 {
	use super::*;
	use alloc::{collections::btree_map::BTreeMap, vec::Vec};
	#[cfg(feature = "try-runtime")]
	use frame_support::traits::GetStorageVersion;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};
	use sp_runtime::traits::Zero;

	/// A waiting request as version 1 stored it: without a deposit.
	#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct OldRequest<AccountId, Balance> {
		/// Who redeemed, and is paid.
		pub who: AccountId,
		/// The credit burned.
		pub credit: Credit,
		/// What it will be paid.
		pub payout: Balance,
	}

	/// Version 1's requests.
	#[allow(missing_docs)] // `storage_alias` declares an undocumented prefix type.
	pub mod v1 {
		use super::*;

		/// The waiting requests as version 1 stored them.
		#[frame_support::storage_alias]
		pub type Requests<T: Config> = StorageDoubleMap<
			Pallet<T>,
			Twox64Concat,
			(CoopId, WorkCategory),
			Twox64Concat,
			QueueIndex,
			OldRequest<<T as frame_system::Config>::AccountId, BalanceOf<T>>,
		>;
	}

	/// The migration, without the version check ([`MigrateV1ToV2`] adds it):
	/// 1. every request gets a zero deposit (nothing was held for it before);
	/// 2. in each queue, each member's requests are counted, oldest first; those beyond
	///    `MaxRequestsPerMember` (left by the attack of issue 12, one member filling a queue)
	///    are cancelled as its member could: the credit comes back (`unburn`), the request
	///    leaves a hole, `Cancelled` is emitted. A request whose credit cannot come back (the
	///    cooperative issued up to its limit since) keeps waiting, and is counted: nothing is
	///    lost, and `do_try_state` reports the excess until it is paid.
	pub struct UncheckedMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut reads, mut writes) = (0u64, 0u64);
			Requests::<T>::translate::<OldRequest<T::AccountId, BalanceOf<T>>, _>(|_, _, old| {
				reads = reads.saturating_add(1);
				writes = writes.saturating_add(1);
				Some(Request {
					who: old.who,
					credit: old.credit,
					payout: old.payout,
					deposit: Zero::zero(),
				})
			});
			let max = T::MaxRequestsPerMember::get();
			for (key, mut queue) in Queues::<T>::iter() {
				let (coop, category) = key;
				let mut requests: Vec<_> = Requests::<T>::iter_prefix(key).collect();
				requests.sort_by_key(|(index, _)| *index);
				reads = reads
					.saturating_add(1)
					.saturating_add(u64::try_from(requests.len()).unwrap_or(u64::MAX));
				let mut counts = BTreeMap::<T::AccountId, u32>::new();
				for (index, request) in requests {
					let count = counts.entry(request.who.clone()).or_default();
					if *count >= max
						&& T::Ledger::unburn(coop, &request.who, category, request.credit).is_ok()
					{
						Requests::<T>::remove(key, index);
						queue.cancelled();
						writes = writes.saturating_add(3);
						Pallet::<T>::deposit_event(Event::Cancelled {
							coop,
							category,
							index,
							who: request.who,
							credit: request.credit,
						});
						continue;
					}
					*count = count.saturating_add(1);
				}
				for (who, count) in counts {
					WaitingRequests::<T>::insert(key, who, count);
					writes = writes.saturating_add(1);
				}
				Queues::<T>::insert(key, queue);
				writes = writes.saturating_add(1);
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let (mut count, mut credit) = (0u32, 0u128);
			for (_, _, request) in v1::Requests::<T>::iter() {
				count = count.saturating_add(1);
				credit = credit.saturating_add(request.credit);
			}
			ensure!(
				v1::Requests::<T>::iter_keys().count() == count as usize,
				"a version 1 request does not decode"
			);
			Ok((count, credit).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (count_before, credit_before) = <(u32, u128)>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade state does not decode")?;
			let (mut count, mut credit) = (0u32, 0u128);
			for (_, _, request) in Requests::<T>::iter() {
				ensure!(request.deposit.is_zero(), "a migrated request holds a deposit");
				count = count.saturating_add(1);
				credit = credit.saturating_add(request.credit);
			}
			ensure!(
				Requests::<T>::iter_keys().count() == count as usize,
				"a migrated request does not decode"
			);
			ensure!(count <= count_before, "requests appeared");
			ensure!(credit <= credit_before, "credit appeared in the queues");
			ensure!(Pallet::<T>::on_chain_storage_version() == 2, "the storage version is not 2");
			Pallet::<T>::do_try_state()
		}
	}

	/// Version 1 → 2, run only at version 1 (then the version is 2): list it in the runtime's
	/// migrations as `pallet_redemption::migrations::v2::MigrateV1ToV2<Runtime>`.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		UncheckedMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 2 → 3: a [`Reserve`]'s rate is a [`Price`], native units per unit of credit as the
/// exchange encodes the price of that credit against the native token, where version 2 stored a
/// whole number of native units per unit of credit.
pub mod v3 {
	use super::*;
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	#[cfg(feature = "try-runtime")]
	use frame_support::traits::GetStorageVersion;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};
	use sp_runtime::{traits::UniqueSaturatedInto, FixedPointNumber};

	/// A reserve as version 2 stored it: its rate a whole number of native units per unit of
	/// credit.
	#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct OldReserve<Balance> {
		/// What the `Subsistence` bucket holds.
		pub subsistence: Balance,
		/// What the `Commons` bucket holds.
		pub commons: Balance,
		/// Native units paid per unit of credit redeemed, before the exit fee (zero: not set).
		pub rate: Balance,
		/// What the `Commons` bucket set aside for the standing buy order.
		pub earmarked: Balance,
		/// Everything ever deposited.
		pub funded: Balance,
		/// Everything ever paid out.
		pub paid: Balance,
	}

	impl<Balance: UniqueSaturatedInto<u128>> OldReserve<Balance> {
		/// The same reserve in version 3: every field as it was, the rate `r` as the price
		/// `r` (`Price::saturating_from_integer`; a rate beyond the largest price, about
		/// 3.4 · 10^20 native units per unit of credit, would become the largest price).
		pub fn migrate(self) -> Reserve<Balance> {
			Reserve {
				subsistence: self.subsistence,
				commons: self.commons,
				rate: Price::saturating_from_integer(self.rate.unique_saturated_into()),
				earmarked: self.earmarked,
				funded: self.funded,
				paid: self.paid,
			}
		}
	}

	/// Version 2's reserves.
	#[allow(missing_docs)] // `storage_alias` declares an undocumented prefix type.
	pub mod v2 {
		use super::*;

		/// The reserves as version 2 stored them.
		#[frame_support::storage_alias]
		pub type Reserves<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, CoopId, OldReserve<BalanceOf<T>>>;
	}

	/// The migration, without the version check ([`MigrateV2ToV3`] adds it): every stored
	/// reserve's integer rate `r` becomes `Price::saturating_from_integer(r)`
	/// ([`OldReserve::migrate`]), which redeems exactly as before; nothing else changes. A
	/// reserve that does not decode as version 2 is dropped by `translate` and reported by the
	/// try-runtime checks.
	pub struct UncheckedMigrateV2ToV3<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV2ToV3<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut translated = 0u64;
			Reserves::<T>::translate::<OldReserve<BalanceOf<T>>, _>(|_, old| {
				translated = translated.saturating_add(1);
				Some(old.migrate())
			});
			T::DbWeight::get().reads_writes(translated, translated)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let reserves: Vec<(CoopId, OldReserve<BalanceOf<T>>)> =
				v2::Reserves::<T>::iter().collect();
			ensure!(
				v2::Reserves::<T>::iter_keys().count() == reserves.len(),
				"a version 2 reserve does not decode"
			);
			Ok(reserves.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = <Vec<(CoopId, OldReserve<BalanceOf<T>>)>>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade state does not decode")?;
			ensure!(
				Reserves::<T>::iter_keys().count() == before.len(),
				"reserves appeared or vanished"
			);
			for (coop, old) in before {
				ensure!(
					Reserves::<T>::get(coop) == Some(old.migrate()),
					"a migrated reserve differs from its version 2 record"
				);
			}
			ensure!(Pallet::<T>::on_chain_storage_version() == 3, "the storage version is not 3");
			Pallet::<T>::do_try_state()
		}
	}

	/// Version 2 → 3, run only at version 2 (then the version is 3): list it in the runtime's
	/// migrations, after [`super::v2::MigrateV1ToV2`], as
	/// `pallet_redemption::migrations::v3::MigrateV2ToV3<Runtime>`.
	pub type MigrateV2ToV3<T> = VersionedMigration<
		2,
		3,
		UncheckedMigrateV2ToV3<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
