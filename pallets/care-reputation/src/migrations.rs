//! Storage migrations, each a [`VersionedMigration`] the runtime lists in `Executive`'s
//! migrations.
//!
//! [`VersionedMigration`]: frame_support::migrations::VersionedMigration

/// Version 2: a record keeps the account its deposit is held from.
///
/// Version 1 held a record's deposit from its first attester, always, and found that account
/// as the first of the record's attesters. Version 2 holds it from the account
/// [`Config::DepositPayer`](crate::Config::DepositPayer) names (the first attester, or its
/// cooperative's account for an attester who cannot pay), keeps that account in the record
/// ([`CareRecord::depositor`](crate::CareRecord::depositor)) and releases the deposit to it. A
/// version-1 record gets its first attester as depositor: the account its deposit was held
/// from. Nothing is held or released.
///
/// A version-1 record without an attester could not be made by the calls (the first
/// attestation creates it with its attester) and held no deposit (version 1 released nothing for
/// it); it is dropped with its index entry rather than given a depositor that holds nothing.
pub mod v2 {
	use crate::{BalanceOf, Config, Pallet, RecordId, RecordIndex, RecordOf, Records};
	#[cfg(feature = "try-runtime")]
	use alloc::{collections::btree_map::BTreeMap, vec::Vec};
	use codec::{Decode, Encode};
	use confoederatio_primitives::CoopId;
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	#[cfg(feature = "try-runtime")]
	use sp_runtime::traits::Saturating;

	/// The version-1 records (the storage alias's generated prefix type has no docs).
	#[allow(missing_docs)]
	pub mod old {
		use super::*;

		/// A record as version 1 stored it: its deposit was held from its first attester.
		#[derive(Encode, Decode, TypeInfo)]
		#[scale_info(skip_type_params(T))]
		pub struct CareRecord<T: Config> {
			/// The cooperative the work was for.
			pub coop: CoopId,
			/// The member who did the care work.
			pub member: T::AccountId,
			/// The points each attester vouches for.
			pub points: u32,
			/// The hash of the note.
			pub note: T::Hash,
			/// The distinct members who attested it, the first one holding the deposit.
			pub attesters: BoundedVec<T::AccountId, T::MaxAttesters>,
			/// The deposit held from the first attester.
			pub deposit: BalanceOf<T>,
			/// When it was first attested.
			pub created: BlockNumberFor<T>,
		}

		/// The pending records, as version 1 stored them.
		#[frame_support::storage_alias]
		pub type Records<T: Config> = StorageMap<Pallet<T>, Twox64Concat, RecordId, CareRecord<T>>;
	}

	/// A version-1 record in version 2: the same, its first attester kept as its depositor
	/// (the account its deposit was held from); `None` for a record without an attester.
	pub fn migrate_record<T: Config>(old: old::CareRecord<T>) -> Option<RecordOf<T>> {
		let depositor = old.attesters.first()?.clone();
		Some(RecordOf::<T> {
			coop: old.coop,
			member: old.member,
			points: old.points,
			note: old.note,
			attesters: old.attesters,
			deposit: old.deposit,
			depositor,
			created: old.created,
		})
	}

	/// What `pre_upgrade` records and `post_upgrade` checks: for each account deposits are held
	/// from, how many pending records it holds deposits for and their sum.
	#[cfg(feature = "try-runtime")]
	type Summary<T> = BTreeMap<<T as frame_system::Config>::AccountId, (u32, BalanceOf<T>)>;

	/// Adds `deposit` held from `depositor` to `summary`.
	#[cfg(feature = "try-runtime")]
	fn count<T: Config>(summary: &mut Summary<T>, depositor: T::AccountId, deposit: BalanceOf<T>) {
		let (records, sum) = summary.entry(depositor).or_default();
		*records = records.saturating_add(1);
		*sum = sum.saturating_add(deposit);
	}

	/// Re-encodes every pending record ([`migrate_record`]); use [`MigrateV1ToV2`], which runs it
	/// once, from version 1.
	pub struct UncheckedMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut records, mut dropped) = (0u64, 0u64);
			Records::<T>::translate::<old::CareRecord<T>, _>(|_, old| {
				records = records.saturating_add(1);
				let (coop, member, note) = (old.coop, old.member.clone(), old.note);
				let migrated = migrate_record::<T>(old);
				if migrated.is_none() {
					dropped = dropped.saturating_add(1);
					RecordIndex::<T>::remove((coop, member), note);
				}
				migrated
			});
			// Each record read and written; a dropped record's index entry written too.
			T::DbWeight::get().reads_writes(records, records.saturating_add(dropped))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let mut summary = Summary::<T>::new();
			for (_, record) in old::Records::<T>::iter() {
				if let Some(first) = record.attesters.first() {
					count::<T>(&mut summary, first.clone(), record.deposit);
				}
			}
			Ok(summary.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = Summary::<T>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade summary does not decode")?;
			let mut after = Summary::<T>::new();
			for (_, record) in Records::<T>::iter() {
				ensure!(
					record.first_attester() == Some(&record.depositor),
					"a migrated record's depositor is not its first attester"
				);
				count::<T>(&mut after, record.depositor, record.deposit);
			}
			ensure!(before == after, "records or deposits per depositor changed");
			ensure!(
				Pallet::<T>::on_chain_storage_version() == StorageVersion::new(2),
				"the storage version is not 2"
			);
			Ok(())
		}
	}

	/// The migration the runtime lists: [`UncheckedMigrateV1ToV2`], run only when the pallet's
	/// storage is at version 1, which then becomes 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		UncheckedMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
