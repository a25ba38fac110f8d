//! Storage migrations, each a [`VersionedMigration`] the runtime lists in `Executive`'s
//! migrations.
//!
//! [`VersionedMigration`]: frame_support::migrations::VersionedMigration

/// Version 2: an account keeps one vote lock per poll.
///
/// Version 1 kept one lock per account: an amount, an end, and a count of the polls holding it,
/// which could not tell polls apart (issue 12: closing a poll released another poll's lock, and
/// a lock outlived the last poll it voted in). Version 2 keeps a bounded list of
/// [`VoteLock`](crate::VoteLock)s, one per poll.
///
/// A version-1 lock does not say which polls hold it, so it cannot be released by a poll's
/// close: a lock still in force becomes one lock of [`LEGACY_POLL`](v2::LEGACY_POLL) with the
/// same amount and end, and frees the credit at that end (never earlier than version 1 would
/// have, at most as late). A lock no longer in force (ended, or no poll holding it) is dropped.
pub mod v2 {
	use crate::{Accounts, Config, CreditAccountOf, Pallet, VoteLock};
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	use codec::{Decode, Encode, MaxEncodedLen};
	use confoederatio_primitives::{CoopId, Credit, CreditBalance, PollId};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// The poll a migrated version-1 lock is kept under: an id no poll gets (Governance's poll
	/// ids stop below it), so no close releases it and it frees the credit at its end.
	pub const LEGACY_POLL: PollId = PollId::MAX;

	/// The version-1 records (the storage alias's generated prefix type has no docs).
	#[allow(missing_docs)]
	pub mod old {
		use super::*;

		/// An account as version 1 stored it.
		#[derive(
			Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug,
		)]
		pub struct CreditAccount<BlockNumber> {
			/// The balance.
			pub balance: CreditBalance,
			/// The credit limit.
			pub credit_limit: Credit,
			/// The `Subsistence` entitlement.
			pub subsistence_entitlement: Credit,
			/// The `Commons` entitlement.
			pub commons_entitlement: Credit,
			/// The one lock's amount.
			pub locked: Credit,
			/// The one lock's end.
			pub locked_until: BlockNumber,
			/// How many open polls held the one lock.
			pub locking_polls: u32,
			/// What is on offer.
			pub offered: Credit,
		}

		/// The accounts, as version 1 stored them.
		#[frame_support::storage_alias]
		pub type Accounts<T: Config> = StorageDoubleMap<
			Pallet<T>,
			Twox64Concat,
			CoopId,
			Blake2_128Concat,
			<T as frame_system::Config>::AccountId,
			CreditAccount<BlockNumberFor<T>>,
		>;
	}

	/// A version-1 account in version 2 at block `now`: the same balance, limit, entitlements
	/// and offers; its lock, if still in force, kept under [`LEGACY_POLL`] until its end.
	pub fn migrate_account<T: Config>(
		old: old::CreditAccount<BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
	) -> CreditAccountOf<T> {
		let mut vote_locks = BoundedVec::default();
		if old.locking_polls > 0 && old.locked > 0 && now <= old.locked_until {
			let lock = VoteLock { poll: LEGACY_POLL, amount: old.locked, until: old.locked_until };
			// `MaxVoteLocks` is at least one (`integrity_test`): there is room.
			let _ = vote_locks.try_push(lock);
		}
		CreditAccountOf::<T> {
			balance: old.balance,
			credit_limit: old.credit_limit,
			subsistence_entitlement: old.subsistence_entitlement,
			commons_entitlement: old.commons_entitlement,
			vote_locks,
			offered: old.offered,
		}
	}

	/// What `pre_upgrade` records and `post_upgrade` checks: the number of accounts, the sum of
	/// their balances, and the sum of what is locked now.
	#[cfg(feature = "try-runtime")]
	type Summary = (u64, CreditBalance, Credit);

	/// Re-encodes every account ([`migrate_account`]); use [`MigrateV1ToV2`], which runs it once,
	/// from version 1.
	pub struct UncheckedMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let now = frame_system::Pallet::<T>::block_number();
			let mut accounts: u64 = 0;
			Accounts::<T>::translate::<old::CreditAccount<BlockNumberFor<T>>, _>(|_, _, old| {
				accounts = accounts.saturating_add(1);
				Some(migrate_account::<T>(old, now))
			});
			T::DbWeight::get().reads_writes(accounts, accounts)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let now = frame_system::Pallet::<T>::block_number();
			let mut summary: Summary = (0, 0, 0);
			for (_, _, account) in old::Accounts::<T>::iter() {
				summary.0 = summary.0.saturating_add(1);
				summary.1 = summary.1.saturating_add(account.balance);
				if account.locking_polls > 0 && now <= account.locked_until {
					summary.2 = summary.2.saturating_add(account.locked);
				}
			}
			Ok(summary.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = Summary::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade summary does not decode")?;
			let now = frame_system::Pallet::<T>::block_number();
			let mut after: Summary = (0, 0, 0);
			for (_, _, account) in Accounts::<T>::iter() {
				after.0 = after.0.saturating_add(1);
				after.1 = after.1.saturating_add(account.balance);
				after.2 = after.2.saturating_add(account.locked_at(now));
				ensure!(account.has_one_lock_per_poll(), "an account holds two locks for one poll");
			}
			ensure!(before == after, "accounts, balances or locks changed in the migration");
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

/// Version 3: an entitlement is credit earned and still held.
///
/// Version 2 kept an entitlement after its credit was paid away (issue 12: a member redeemed,
/// or sold to the standing buy order, credit it no longer held, and voted with credit it had
/// bought). Version 3 keeps every account's entitlements within its positive balance
/// ([`earned_within`](confoederatio_primitives::earned_within)); the encoding is the same, so
/// the migration only lowers the entitlements of accounts that hold less than they were
/// entitled to.
pub mod v3 {
	use crate::{Accounts, Config, Pallet};
	#[cfg(feature = "try-runtime")]
	use crate::CreditAccountOf;
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	#[cfg(feature = "try-runtime")]
	use codec::{Decode, Encode};
	#[cfg(feature = "try-runtime")]
	use confoederatio_primitives::{Credit, CreditBalance};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};

	/// What `pre_upgrade` records and `post_upgrade` checks: the number of accounts, the sum
	/// of their balances, and the sum of their entitlements as version 3 keeps them.
	#[cfg(feature = "try-runtime")]
	type Summary = (u64, CreditBalance, Credit);

	/// Keeps every account's entitlements within its balance; use [`MigrateV2ToV3`], which runs
	/// it once, from version 2.
	pub struct UncheckedMigrateV2ToV3<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV2ToV3<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut read, mut written) = (0u64, 0u64);
			// Only the accounts whose entitlements change are written.
			let over: alloc::vec::Vec<_> = Accounts::<T>::iter()
				.inspect(|_| read = read.saturating_add(1))
				.filter(|(_, _, account)| !account.earned_is_held())
				.collect();
			for (coop, who, mut account) in over {
				account.keep_earned();
				Accounts::<T>::insert(coop, who, account);
				written = written.saturating_add(1);
			}
			T::DbWeight::get().reads_writes(read, written)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let mut summary: Summary = (0, 0, 0);
			for (_, _, mut account) in Accounts::<T>::iter() {
				summary.0 = summary.0.saturating_add(1);
				summary.1 = summary.1.saturating_add(account.balance);
				account.keep_earned();
				summary.2 = summary.2.saturating_add(account.earned());
			}
			Ok(summary.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = Summary::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade summary does not decode")?;
			let mut after: Summary = (0, 0, 0);
			for (_, _, account) in Accounts::<T>::iter() {
				let account: CreditAccountOf<T> = account;
				ensure!(account.earned_is_held(), "an entitlement exceeds the balance");
				after.0 = after.0.saturating_add(1);
				after.1 = after.1.saturating_add(account.balance);
				after.2 = after.2.saturating_add(account.earned());
			}
			ensure!(before == after, "accounts, balances or kept entitlements changed");
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

/// Version 4: a contribution records the account its deposit is held from.
///
/// Version 3 held a contribution's deposit from its member, always (`who`). Version 4 holds it
/// from the account [`Config::DepositPayer`](crate::Config::DepositPayer) names (the member, or
/// its cooperative's account for a member who cannot pay), records that account as the
/// contribution's [`depositor`](crate::Contribution::depositor), and releases the deposit to it.
/// A version-3 contribution gets its member as depositor: the account its deposit was held
/// from. Nothing is held or released.
pub mod v4 {
	use crate::{BalanceOf, Config, ContributionId, ContributionOf, Contributions, Pallet};
	#[cfg(feature = "try-runtime")]
	use alloc::{collections::btree_map::BTreeMap, vec::Vec};
	use codec::{Decode, Encode, MaxEncodedLen};
	use confoederatio_primitives::{CoopId, Credit, WorkCategory};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	#[cfg(feature = "try-runtime")]
	use sp_runtime::traits::Saturating;

	/// The version-3 records (the storage alias's generated prefix type has no docs).
	#[allow(missing_docs)]
	pub mod old {
		use super::*;

		/// A contribution as version 3 stored it: its deposit was held from `who`.
		#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
		pub struct Contribution<AccountId, Balance, Hash, BlockNumber> {
			/// The cooperative the work was for.
			pub coop: CoopId,
			/// Who did the work, and holds the deposit.
			pub who: AccountId,
			/// The time worked, in hundredths of an hour.
			pub amount: Credit,
			/// What kind of work it was.
			pub category: WorkCategory,
			/// The hash of the evidence.
			pub evidence: Hash,
			/// The deposit held from `who`.
			pub deposit: Balance,
			/// When it was submitted.
			pub submitted_at: BlockNumber,
		}

		/// A version-3 contribution as stored.
		pub type ContributionOf<T> = Contribution<
			<T as frame_system::Config>::AccountId,
			BalanceOf<T>,
			<T as frame_system::Config>::Hash,
			BlockNumberFor<T>,
		>;

		/// The pending contributions, as version 3 stored them.
		#[frame_support::storage_alias]
		pub type Contributions<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, ContributionId, ContributionOf<T>>;
	}

	/// A version-3 contribution in version 4: the same, its member recorded as the depositor
	/// (the account its deposit was held from).
	pub fn migrate_contribution<T: Config>(old: old::ContributionOf<T>) -> ContributionOf<T> {
		ContributionOf::<T> {
			coop: old.coop,
			who: old.who.clone(),
			amount: old.amount,
			category: old.category,
			evidence: old.evidence,
			deposit: old.deposit,
			depositor: old.who,
			submitted_at: old.submitted_at,
		}
	}

	/// What `pre_upgrade` records and `post_upgrade` checks: for each account deposits are held
	/// from, how many pending contributions it holds deposits for and their sum.
	#[cfg(feature = "try-runtime")]
	type Summary<T> = BTreeMap<<T as frame_system::Config>::AccountId, (u32, BalanceOf<T>)>;

	/// Adds `deposit` held from `depositor` to `summary`.
	#[cfg(feature = "try-runtime")]
	fn count<T: Config>(summary: &mut Summary<T>, depositor: T::AccountId, deposit: BalanceOf<T>) {
		let (contributions, sum) = summary.entry(depositor).or_default();
		*contributions = contributions.saturating_add(1);
		*sum = sum.saturating_add(deposit);
	}

	/// Re-encodes every pending contribution ([`migrate_contribution`]); use [`MigrateV3ToV4`],
	/// which runs it once, from version 3.
	pub struct UncheckedMigrateV3ToV4<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV3ToV4<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut contributions: u64 = 0;
			Contributions::<T>::translate::<old::ContributionOf<T>, _>(|_, old| {
				contributions = contributions.saturating_add(1);
				Some(migrate_contribution::<T>(old))
			});
			T::DbWeight::get().reads_writes(contributions, contributions)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let mut summary = Summary::<T>::new();
			for (_, contribution) in old::Contributions::<T>::iter() {
				count::<T>(&mut summary, contribution.who, contribution.deposit);
			}
			Ok(summary.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = Summary::<T>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade summary does not decode")?;
			let mut after = Summary::<T>::new();
			for (_, contribution) in Contributions::<T>::iter() {
				ensure!(
					contribution.depositor == contribution.who,
					"a migrated contribution's depositor is not its member"
				);
				count::<T>(&mut after, contribution.depositor, contribution.deposit);
			}
			ensure!(before == after, "contributions or deposits per depositor changed");
			ensure!(
				Pallet::<T>::on_chain_storage_version() == StorageVersion::new(4),
				"the storage version is not 4"
			);
			Ok(())
		}
	}

	/// The migration the runtime lists: [`UncheckedMigrateV3ToV4`], run only when the pallet's
	/// storage is at version 3, which then becomes 4.
	pub type MigrateV3ToV4<T> = VersionedMigration<
		3,
		4,
		UncheckedMigrateV3ToV4<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
