//! Storage migrations, each a [`VersionedMigration`] the runtime lists in `Executive`'s
//! migrations. Each reads the layout of the version before it and writes its own (never the
//! current one), so a chain at version 1 runs [`v2`] then [`v3`], in order.
//!
//! [`VersionedMigration`]: frame_support::migrations::VersionedMigration

/// Version 2: a poll records the size of its electorate when it opened.
///
/// Version 1 counted a cooperative's members when a poll was decided, so members who left let a
/// poll close early (issue 12). The size a poll opened with is not known for the polls open at
/// the upgrade: they get the count at the upgrade (the cooperative's members, or the active
/// cooperatives), and never fewer than the votes they have, so that the quorum stays a share of
/// at most one. The members of those polls joined before the upgrade, and have no
/// [`FirstEligiblePoll`](crate::FirstEligiblePoll) record: they vote in them as before.
pub mod v2 {
	pub use super::v3::old::{Poll as V2Poll, Polls as V2Polls};
	use crate::{BalanceOf, Config, Pallet, PollScope, ProposalOf};
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	use codec::{Decode, Encode, MaxEncodedLen};
	use confoederatio_primitives::{Cooperatives, PollId, Tally};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// The version-1 records (the storage alias's generated prefix type has no docs).
	#[allow(missing_docs)]
	pub mod old {
		use super::*;

		/// A poll as version 1 stored it.
		#[derive(Encode, Decode, MaxEncodedLen, TypeInfo)]
		#[scale_info(skip_type_params(T))]
		pub struct Poll<T: Config> {
			/// Where it is decided.
			pub scope: PollScope,
			/// Who holds the deposit.
			pub depositor: T::AccountId,
			/// The deposit.
			pub deposit: BalanceOf<T>,
			/// The call, encoded.
			pub proposal: ProposalOf<T>,
			/// The last block in which votes count.
			pub end: BlockNumberFor<T>,
			/// The votes so far.
			pub tally: Tally,
		}

		/// The open polls, as version 1 stored them.
		#[frame_support::storage_alias]
		pub type Polls<T: Config> = StorageMap<Pallet<T>, Twox64Concat, PollId, Poll<T>>;
	}

	/// A version-1 poll in version 2: the same, with the electorate counted now (never fewer
	/// than its voters).
	pub fn migrate_poll<T: Config>(old: old::Poll<T>) -> V2Poll<T> {
		let counted = match old.scope {
			PollScope::Cooperative(coop) => T::Cooperatives::member_count(coop),
			PollScope::Federation { .. } => T::Cooperatives::active_count(),
		};
		V2Poll {
			scope: old.scope,
			depositor: old.depositor,
			deposit: old.deposit,
			proposal: old.proposal,
			end: old.end,
			tally: old.tally,
			electorate: counted.max(old.tally.voters),
		}
	}

	/// Re-encodes every open poll ([`migrate_poll`]); use [`MigrateV1ToV2`], which runs it once,
	/// from version 1.
	pub struct UncheckedMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut polls: u64 = 0;
			V2Polls::<T>::translate::<old::Poll<T>, _>(|_, old| {
				polls = polls.saturating_add(1);
				Some(migrate_poll::<T>(old))
			});
			// Each poll read and written, and its cooperative's member count (or the active
			// count) read.
			T::DbWeight::get().reads_writes(polls.saturating_mul(2), polls)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let polls: Vec<(PollId, Tally)> =
				old::Polls::<T>::iter().map(|(id, poll)| (id, poll.tally)).collect();
			Ok(polls.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let mut before = Vec::<(PollId, Tally)>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade polls do not decode")?;
			let mut after: Vec<(PollId, Tally)> = Vec::new();
			for (id, poll) in V2Polls::<T>::iter() {
				ensure!(
					poll.tally.voters <= poll.electorate,
					"a poll has more voters than electors"
				);
				after.push((id, poll.tally));
			}
			before.sort_by_key(|(id, _)| *id);
			after.sort_by_key(|(id, _)| *id);
			ensure!(before == after, "the polls or their tallies changed in the migration");
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

/// Version 3: a poll records its proposer, not only who holds its deposit.
///
/// A cooperative's account may hold the deposit of a poll its member proposed (a member with no
/// native token); the poll's close then tells the deposit payer whose deposit came back, so the
/// cooperative's count of what it holds for each member is kept. The polls open at the upgrade
/// get their depositor as proposer: for those its cooperative paid for, the cooperative's account
/// (the payer then counts nothing for them, as it counted nothing when they opened, before it
/// kept count).
pub mod v3 {
	use crate::{BalanceOf, Config, Pallet, Poll, PollScope, Polls, ProposalOf};
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	use codec::{Decode, Encode, MaxEncodedLen};
	use confoederatio_primitives::{PollId, Tally};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// The version-2 records (the storage alias's generated prefix type has no docs).
	#[allow(missing_docs)]
	pub mod old {
		use super::*;

		/// A poll as version 2 stored it.
		#[derive(Encode, Decode, MaxEncodedLen, TypeInfo)]
		#[scale_info(skip_type_params(T))]
		pub struct Poll<T: Config> {
			pub scope: PollScope,
			pub depositor: T::AccountId,
			pub deposit: BalanceOf<T>,
			pub proposal: ProposalOf<T>,
			pub end: BlockNumberFor<T>,
			pub tally: Tally,
			pub electorate: u32,
		}

		/// The open polls, as version 2 stored them.
		#[frame_support::storage_alias]
		pub type Polls<T: Config> = StorageMap<Pallet<T>, Twox64Concat, PollId, Poll<T>>;
	}

	/// A version-2 poll in version 3: the same, its depositor as its proposer.
	pub fn migrate_poll<T: Config>(old: old::Poll<T>) -> Poll<T> {
		Poll {
			scope: old.scope,
			proposer: old.depositor.clone(),
			depositor: old.depositor,
			deposit: old.deposit,
			proposal: old.proposal,
			end: old.end,
			tally: old.tally,
			electorate: old.electorate,
		}
	}

	/// Re-encodes every open poll ([`migrate_poll`]); use [`MigrateV2ToV3`].
	pub struct UncheckedMigrateV2ToV3<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV2ToV3<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut polls: u64 = 0;
			Polls::<T>::translate::<old::Poll<T>, _>(|_, old| {
				polls = polls.saturating_add(1);
				Some(migrate_poll::<T>(old))
			});
			T::DbWeight::get().reads_writes(polls, polls)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let polls: Vec<(PollId, T::AccountId, Tally, u32)> = old::Polls::<T>::iter()
				.map(|(id, poll)| (id, poll.depositor, poll.tally, poll.electorate))
				.collect();
			Ok(polls.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let mut before = Vec::<(PollId, T::AccountId, Tally, u32)>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade polls do not decode")?;
			let mut after = Vec::new();
			for (id, poll) in Polls::<T>::iter() {
				ensure!(poll.proposer == poll.depositor, "a migrated poll's proposer is not its depositor");
				after.push((id, poll.depositor, poll.tally, poll.electorate));
			}
			before.sort_by_key(|(id, ..)| *id);
			after.sort_by_key(|(id, ..)| *id);
			ensure!(before == after, "the polls changed in the migration");
			ensure!(
				Pallet::<T>::on_chain_storage_version() == StorageVersion::new(3),
				"the storage version is not 3"
			);
			Ok(())
		}
	}

	/// The migration the runtime lists: [`UncheckedMigrateV2ToV3`], run only when the pallet's
	/// storage is at version 2, which then becomes 3.
	pub type MigrateV2ToV3<T> = VersionedMigration<
		2,
		3,
		UncheckedMigrateV2ToV3<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
