//! Storage migrations, each a [`VersionedMigration`] the runtime lists in `Executive`'s
//! migrations.
//!
//! [`VersionedMigration`]: frame_support::migrations::VersionedMigration

/// Version 2: founders confirm, and an admitted cooperative holds no deposit.
///
/// Version 1 had no [`Confirmations`](crate::Confirmations): the federation could admit a
/// cooperative whose founders had never agreed (issue 12), and `admit` left the application
/// deposit held for as long as the cooperative existed. The encoding of [`Registry`] does not
/// change; what the migration fixes is the data:
/// - a pending application starts with its applicant's confirmation (the applicant confirmed by
///   applying), if the applicant is still among its founders; the other founders have not
///   confirmed, and must, before the federation can admit it;
/// - an admitted (active or suspended) cooperative's deposit is released to its applicant and
///   set to zero.
pub mod v2 {
	use crate::{Config, Confirmations, CoopStatus, Cooperative, HoldReason, Members, Pallet};
	use frame_support::{
		migrations::VersionedMigration,
		pallet_prelude::*,
		traits::{fungible::MutateHold, tokens::Precision, UncheckedOnRuntimeUpgrade},
	};
	use sp_runtime::traits::Zero;
	#[cfg(feature = "try-runtime")]
	use {crate::Registry, alloc::vec::Vec};

	/// What `pre_upgrade` records and `post_upgrade` checks: the number of cooperatives, of
	/// pending ones, and of admitted ones whose deposit is still held.
	#[cfg(feature = "try-runtime")]
	type Summary = (u64, u64, u64);

	/// Seeds the applicants' confirmations and releases the admitted cooperatives' deposits;
	/// use [`MigrateV1ToV2`], which runs it once, from version 1.
	pub struct UncheckedMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut reads, mut writes) = (0u64, 0u64);
			crate::Registry::<T>::translate::<Cooperative<T>, _>(|coop, mut cooperative| {
				reads = reads.saturating_add(1);
				writes = writes.saturating_add(1);
				if cooperative.status == CoopStatus::Pending {
					reads = reads.saturating_add(2);
					let applicant = &cooperative.applicant;
					if !Confirmations::<T>::contains_key(coop)
						&& Members::<T>::contains_key(coop, applicant)
					{
						if let Ok(confirmed) = Pallet::<T>::applicant_confirmation(applicant) {
							Confirmations::<T>::insert(coop, confirmed);
							writes = writes.saturating_add(1);
						}
					}
				} else if !cooperative.deposit.is_zero() {
					reads = reads.saturating_add(2);
					writes = writes.saturating_add(2);
					// Best effort: whatever of the deposit is still held goes back.
					let _ = T::Currency::release(
						&HoldReason::ApplicationDeposit.into(),
						&cooperative.applicant,
						cooperative.deposit,
						Precision::BestEffort,
					);
					cooperative.deposit = Zero::zero();
				}
				Some(cooperative)
			});
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let mut summary: Summary = (0, 0, 0);
			for (_, cooperative) in Registry::<T>::iter() {
				summary.0 = summary.0.saturating_add(1);
				if cooperative.status == CoopStatus::Pending {
					summary.1 = summary.1.saturating_add(1);
				} else if !cooperative.deposit.is_zero() {
					summary.2 = summary.2.saturating_add(1);
				}
			}
			Ok(summary.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = Summary::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade summary does not decode")?;
			let mut after: Summary = (0, 0, 0);
			for (coop, cooperative) in Registry::<T>::iter() {
				after.0 = after.0.saturating_add(1);
				if cooperative.status == CoopStatus::Pending {
					after.1 = after.1.saturating_add(1);
					ensure!(
						!Members::<T>::contains_key(coop, &cooperative.applicant)
							|| Confirmations::<T>::get(coop).contains(&cooperative.applicant),
						"a pending application lacks its applicant's confirmation"
					);
				} else if !cooperative.deposit.is_zero() {
					after.2 = after.2.saturating_add(1);
				}
			}
			ensure!(before.0 == after.0, "cooperatives were added or lost in the migration");
			ensure!(before.1 == after.1, "pending cooperatives changed in the migration");
			ensure!(after.2 == 0, "an admitted cooperative still holds a deposit");
			ensure!(
				Pallet::<T>::on_chain_storage_version() == StorageVersion::new(2),
				"the storage version is not 2"
			);
			Pallet::<T>::do_try_state()
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
