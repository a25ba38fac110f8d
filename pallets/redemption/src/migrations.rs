//! Storage migrations. The runtime lists [`v2::MigrateV1ToV2`], [`v3::MigrateV2ToV3`] and then
//! [`v4::MigrateV3ToV4`] among `Executive`'s migrations.
//!
//! Each migration reads and writes the records in the encoding of the version it produces: a
//! waiting request stays in versions 2 and 3's encoding ([`v4::old::Request`]) until
//! [`v4::MigrateV3ToV4`] runs, so only that last migration checks the pallet's invariants
//! (`do_try_state` reads every record in the current encoding).

use crate::*;

/// Version 1 → 2: a waiting request records the deposit held for it (in versions 2 and 3's
/// encoding, [`v4::old::Request`]), each member's waiting requests are counted
/// ([`WaitingRequests`]), and no member keeps more than `MaxRequestsPerMember` of them in one
/// bucket.
pub mod v2 {
	use super::*;
	use alloc::{collections::btree_map::BTreeMap, vec::Vec};
	#[cfg(feature = "try-runtime")]
	use frame_support::traits::GetStorageVersion;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};
	use sp_runtime::traits::Zero;
	// The waiting requests in the encoding this migration writes (versions 2 and 3's).
	use super::v4::old as v2_requests;

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
	/// 1. every request gets a zero deposit (nothing was held for it before), in version 2's
	///    encoding ([`super::v4::old::Request`]);
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
			v2_requests::Requests::<T>::translate::<OldRequest<T::AccountId, BalanceOf<T>>, _>(
				|_, _, old| {
					reads = reads.saturating_add(1);
					writes = writes.saturating_add(1);
					Some(v2_requests::Request {
						who: old.who,
						credit: old.credit,
						payout: old.payout,
						deposit: Zero::zero(),
					})
				},
			);
			let max = T::MaxRequestsPerMember::get();
			for (key, mut queue) in Queues::<T>::iter() {
				let (coop, category) = key;
				let mut requests: Vec<_> = v2_requests::Requests::<T>::iter_prefix(key).collect();
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
						v2_requests::Requests::<T>::remove(key, index);
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
			let mut counts = BTreeMap::<((CoopId, WorkCategory), T::AccountId), u32>::new();
			for (key, _, request) in v2_requests::Requests::<T>::iter() {
				ensure!(request.deposit.is_zero(), "a migrated request holds a deposit");
				count = count.saturating_add(1);
				credit = credit.saturating_add(request.credit);
				let waiting = counts.entry((key, request.who)).or_default();
				*waiting = waiting.saturating_add(1);
			}
			ensure!(
				v2_requests::Requests::<T>::iter_keys().count() == count as usize,
				"a migrated request does not decode"
			);
			ensure!(count <= count_before, "requests appeared");
			ensure!(credit <= credit_before, "credit appeared in the queues");
			for ((key, who), waiting) in counts {
				ensure!(
					WaitingRequests::<T>::get(key, who) == waiting,
					"a member's count of waiting requests is not the number of its requests"
				);
			}
			ensure!(Pallet::<T>::on_chain_storage_version() == 2, "the storage version is not 2");
			// The requests are in version 2's encoding: `v4::MigrateV3ToV4` checks the
			// invariants once they are in the current one.
			Ok(())
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
	/// try-runtime checks. The waiting requests keep version 2's encoding.
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
			// The waiting requests are still in version 3's encoding: `v4::MigrateV3ToV4` checks
			// the invariants once they are in the current one.
			Ok(())
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

/// Version 3 → 4: a waiting request records the account its deposit is held from.
///
/// Version 3 held a waiting request's deposit from its member, always (`who`). Version 4 holds
/// it from the account [`Config::DepositPayer`] names for the request's cooperative (the member,
/// or the cooperative's account for a member who cannot pay), records that account as the
/// request's [`depositor`](crate::Request::depositor), and releases the deposit to it. A
/// version-3 request gets its member as depositor: the account its deposit was held from.
/// Nothing is held or released.
pub mod v4 {
	use super::*;
	#[cfg(feature = "try-runtime")]
	use alloc::{collections::btree_map::BTreeMap, vec::Vec};
	#[cfg(feature = "try-runtime")]
	use frame_support::traits::GetStorageVersion;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};
	#[cfg(feature = "try-runtime")]
	use sp_runtime::Saturating;

	/// The waiting requests as versions 2 and 3 stored them (the storage alias's generated
	/// prefix type has no docs).
	#[allow(missing_docs)]
	pub mod old {
		use super::*;

		/// A waiting request as versions 2 and 3 stored it: its deposit was held from `who`.
		#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
		pub struct Request<AccountId, Balance> {
			/// Who redeemed, is paid, and holds the deposit.
			pub who: AccountId,
			/// The credit burned.
			pub credit: Credit,
			/// What it will be paid.
			pub payout: Balance,
			/// The native deposit held from `who` (zero for a request made in version 1).
			pub deposit: Balance,
		}

		impl<AccountId: Clone, Balance> Request<AccountId, Balance> {
			/// The same request in version 4: every field as it was, its member recorded as the
			/// depositor (the account its deposit was held from).
			pub fn migrate(self) -> crate::Request<AccountId, Balance> {
				crate::Request {
					who: self.who.clone(),
					credit: self.credit,
					payout: self.payout,
					deposit: self.deposit,
					depositor: self.who,
				}
			}
		}

		/// A version-3 request as stored.
		pub type RequestOf<T> = Request<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

		/// The waiting requests, as versions 2 and 3 stored them.
		#[frame_support::storage_alias]
		pub type Requests<T: Config> = StorageDoubleMap<
			Pallet<T>,
			Twox64Concat,
			(CoopId, WorkCategory),
			Twox64Concat,
			QueueIndex,
			RequestOf<T>,
		>;
	}

	/// What `pre_upgrade` records and `post_upgrade` checks: for each account deposits are held
	/// from, how many waiting requests it holds deposits for and their sum.
	#[cfg(feature = "try-runtime")]
	type Summary<T> = BTreeMap<<T as frame_system::Config>::AccountId, (u32, BalanceOf<T>)>;

	/// Adds `deposit` held from `depositor` to `summary`.
	#[cfg(feature = "try-runtime")]
	fn count<T: Config>(summary: &mut Summary<T>, depositor: T::AccountId, deposit: BalanceOf<T>) {
		let (requests, sum) = summary.entry(depositor).or_default();
		*requests = requests.saturating_add(1);
		*sum = sum.saturating_add(deposit);
	}

	/// Re-encodes every waiting request ([`old::Request::migrate`]); use [`MigrateV3ToV4`], which
	/// runs it once, from version 3. A request that does not decode as version 3 is dropped by
	/// `translate` and reported by the try-runtime checks.
	pub struct UncheckedMigrateV3ToV4<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV3ToV4<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut requests: u64 = 0;
			Requests::<T>::translate::<old::RequestOf<T>, _>(|_, _, old| {
				requests = requests.saturating_add(1);
				Some(old.migrate())
			});
			T::DbWeight::get().reads_writes(requests, requests)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let mut summary = Summary::<T>::new();
			let mut requests = 0usize;
			for (_, _, request) in old::Requests::<T>::iter() {
				requests = requests.saturating_add(1);
				count::<T>(&mut summary, request.who, request.deposit);
			}
			ensure!(
				old::Requests::<T>::iter_keys().count() == requests,
				"a version 3 request does not decode"
			);
			Ok(summary.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = Summary::<T>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade summary does not decode")?;
			let mut after = Summary::<T>::new();
			let mut requests = 0usize;
			for (_, _, request) in Requests::<T>::iter() {
				requests = requests.saturating_add(1);
				ensure!(
					request.depositor == request.who,
					"a migrated request's depositor is not its member"
				);
				count::<T>(&mut after, request.depositor, request.deposit);
			}
			ensure!(
				Requests::<T>::iter_keys().count() == requests,
				"a migrated request does not decode"
			);
			ensure!(before == after, "requests or deposits per depositor changed");
			ensure!(Pallet::<T>::on_chain_storage_version() == 4, "the storage version is not 4");
			Pallet::<T>::do_try_state()
		}
	}

	/// Version 3 → 4, run only at version 3 (then the version is 4): list it in the runtime's
	/// migrations, after [`super::v3::MigrateV2ToV3`], as
	/// `pallet_redemption::migrations::v4::MigrateV3ToV4<Runtime>`.
	pub type MigrateV3ToV4<T> = VersionedMigration<
		3,
		4,
		UncheckedMigrateV3ToV4<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
