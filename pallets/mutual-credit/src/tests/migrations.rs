//! The storage migrations: version-1 accounts (one lock counted over polls) to version 2 (one
//! lock per poll); version-2 entitlements kept within the balance (version 3); version-3
//! contributions recording their depositor (version 4).

use super::*;
use crate::migrations::{
	v2::{self, old, LEGACY_POLL},
	v3, v4,
};
use confoederatio_primitives::LockableCredit;
#[cfg(feature = "try-runtime")]
use frame_support::traits::UncheckedOnRuntimeUpgrade;
use frame_support::traits::{
	fungible::MutateHold, GetStorageVersion, OnRuntimeUpgrade, StorageVersion,
};

fn old_account(locked: u128, locked_until: u64, locking_polls: u32) -> old::CreditAccount<u64> {
	old::CreditAccount {
		balance: 300,
		credit_limit: 500,
		subsistence_entitlement: 200,
		commons_entitlement: 100,
		locked,
		locked_until,
		locking_polls,
		offered: 0,
	}
}

#[test]
fn version_one_accounts_are_migrated_with_their_lock_in_force() {
	new_test_ext().execute_with(|| {
		// Version 1 on chain: the accounts in the old encoding.
		StorageVersion::new(1).put::<Pallet<Test>>();
		let _ = Accounts::<Test>::clear(u32::MAX, None);
		System::set_block_number(10);
		// In force until 20; ended at 5; held by no poll; and the coop account that issued them.
		old::Accounts::<Test>::insert(0, 1, old_account(250, 20, 2));
		old::Accounts::<Test>::insert(0, 2, old_account(250, 5, 1));
		old::Accounts::<Test>::insert(0, 3, old_account(250, 20, 0));
		old::Accounts::<Test>::insert(
			0,
			1_000,
			old::CreditAccount {
				balance: -900,
				credit_limit: 10_000,
				subsistence_entitlement: 0,
				commons_entitlement: 0,
				..old_account(0, 0, 0)
			},
		);

		#[cfg(feature = "try-runtime")]
		let state = v2::UncheckedMigrateV1ToV2::<Test>::pre_upgrade().expect("pre-upgrade");
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		v2::UncheckedMigrateV1ToV2::<Test>::post_upgrade(state).expect("post-upgrade");

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
		let migrated = MutualCredit::account_of(0, &1);
		assert_eq!(
			(
				migrated.balance,
				migrated.credit_limit,
				migrated.subsistence_entitlement,
				migrated.commons_entitlement,
				migrated.offered
			),
			(300, 500, 200, 100, 0)
		);
		// The lock in force stays until its end, under a poll no close releases.
		assert_eq!(
			migrated.vote_locks.to_vec(),
			vec![VoteLock { poll: LEGACY_POLL, amount: 250, until: 20 }]
		);
		assert_eq!(MutualCredit::account_info(0, &1).locked, 250);
		MutualCredit::unlock(0, &1, 0);
		assert_eq!(MutualCredit::account_info(0, &1).locked, 250);
		// The locks no longer in force are gone.
		assert!(MutualCredit::account_of(0, &2).vote_locks.is_empty());
		assert!(MutualCredit::account_of(0, &3).vote_locks.is_empty());
		assert_eq!(Accounts::<Test>::iter().count(), 4);
		MutualCredit::do_try_state().expect("invariants hold after the migration");
		System::set_block_number(21);
		assert_eq!(MutualCredit::account_info(0, &1).locked, 0);

		// It runs once: at version 2 it does nothing.
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
	});
}

#[test]
fn version_two_entitlements_are_kept_within_the_balance() {
	new_test_ext().execute_with(|| {
		StorageVersion::new(2).put::<Pallet<Test>>();
		let _ = Accounts::<Test>::clear(u32::MAX, None);
		let account = |balance, subsistence, commons| CreditAccountOf::<Test> {
			balance,
			credit_limit: 1_000,
			subsistence_entitlement: subsistence,
			commons_entitlement: commons,
			..Default::default()
		};
		// Version 2 let 1 keep entitlements to 300 after paying 200 of its 300 away, and 2 after
		// going into debt; 3 holds all it earned.
		Accounts::<Test>::insert(0, 1, account(100, 200, 100));
		Accounts::<Test>::insert(0, 2, account(-50, 80, 0));
		Accounts::<Test>::insert(0, 3, account(400, 100, 100));
		Accounts::<Test>::insert(0, 1_000, account(-450, 0, 0));
		assert!(MutualCredit::do_try_state().is_err(), "version 2 state breaks the new rule");

		#[cfg(feature = "try-runtime")]
		let state = v3::UncheckedMigrateV2ToV3::<Test>::pre_upgrade().expect("pre-upgrade");
		v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		v3::UncheckedMigrateV2ToV3::<Test>::post_upgrade(state).expect("post-upgrade");

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(3));
		let entitlements = |who| {
			let info = MutualCredit::account_info(0, &who);
			(info.balance, info.subsistence_entitlement, info.commons_entitlement)
		};
		assert_eq!(entitlements(1), (100, 100, 0), "Commons goes first");
		assert_eq!(entitlements(2), (-50, 0, 0));
		assert_eq!(entitlements(3), (400, 100, 100), "unchanged");
		MutualCredit::do_try_state().expect("invariants hold after the migration");

		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1), "it runs once");
	});
}

#[test]
fn version_three_contributions_record_their_member_as_depositor() {
	new_test_ext().execute_with(|| {
		StorageVersion::new(3).put::<Pallet<Test>>();
		// Version 3 held each deposit from the contribution's member: two by 1, one by 2.
		let old_contribution = |who: u64, amount: u128| v4::old::Contribution {
			coop: 0,
			who,
			amount,
			category: Commons,
			evidence: evidence(1),
			deposit: DEPOSIT,
			submitted_at: 1,
		};
		for (id, who, amount) in [(0, 1, 100), (1, 1, 200), (2, 2, 300)] {
			assert_ok!(Balances::hold(&HoldReason::ContributionDeposit.into(), &who, DEPOSIT));
			v4::old::Contributions::<Test>::insert(id, old_contribution(who, amount));
		}
		NextContributionId::<Test>::put(3);

		#[cfg(feature = "try-runtime")]
		let state = v4::UncheckedMigrateV3ToV4::<Test>::pre_upgrade().expect("pre-upgrade");
		v4::MigrateV3ToV4::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		v4::UncheckedMigrateV3ToV4::<Test>::post_upgrade(state).expect("post-upgrade");

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(4));
		let migrated = MutualCredit::pending_contribution(1).expect("contribution 1");
		assert_eq!(
			migrated,
			Contribution {
				coop: 0,
				who: 1,
				amount: 200,
				category: Commons,
				evidence: evidence(1),
				deposit: DEPOSIT,
				depositor: 1,
				submitted_at: 1,
			}
		);
		assert_eq!(MutualCredit::pending_contribution(2).map(|c| c.depositor), Ok(2));
		assert_eq!(Contributions::<Test>::iter().count(), 3);
		MutualCredit::do_try_state().expect("invariants hold after the migration");
		// The deposits go back to the members who paid them.
		assert_ok!(MutualCredit::reject_contribution(coop_origin(0), 0));
		assert_ok!(MutualCredit::approve_contribution(coop_origin(0), 2));
		assert_eq!((held(1), held(2)), (DEPOSIT, 0));

		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		v4::MigrateV3ToV4::<Test>::on_runtime_upgrade();
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1), "it runs once");
	});
}
