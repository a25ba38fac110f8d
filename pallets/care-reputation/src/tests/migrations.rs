//! The storage migrations: version-1 records (the deposit held from the first attester) to
//! version 2 (the record keeps its depositor).

use super::*;
use crate::migrations::v2::{self, old};
#[cfg(feature = "try-runtime")]
use frame_support::traits::UncheckedOnRuntimeUpgrade;
use frame_support::traits::{
	fungible::MutateHold, GetStorageVersion, OnRuntimeUpgrade, StorageVersion,
};

/// A version-1 record of cooperative 0 about `member`, attested by `attesters`.
fn old_record(member: u64, n: u8, attesters: Vec<u64>) -> old::CareRecord<Test> {
	old::CareRecord {
		coop: 0,
		member,
		points: 3,
		note: note(n),
		attesters: attesters.try_into().expect("within MaxAttesters"),
		deposit: DEPOSIT,
		created: 1,
	}
}

#[test]
fn version_one_records_keep_their_first_attester_as_depositor() {
	new_test_ext().execute_with(|| {
		StorageVersion::new(1).put::<Pallet<Test>>();
		set_params(0, |p| p.attestations_needed = 3);
		// Version 1 held each deposit from the record's first attester: two by 1, one by 2; and
		// a record without an attester, which held nothing.
		for (record, member, n, attesters) in
			[(0, 3, 1, vec![1]), (1, 4, 1, vec![1]), (2, 5, 2, vec![2, 1]), (3, 5, 3, vec![])]
		{
			if let Some(first) = attesters.first() {
				assert_ok!(Balances::hold(&HoldReason::RecordDeposit.into(), first, DEPOSIT));
			}
			old::Records::<Test>::insert(record, old_record(member, n, attesters));
			RecordIndex::<Test>::insert((0, member), note(n), record);
		}
		NextRecordId::<Test>::put(4);

		#[cfg(feature = "try-runtime")]
		let state = v2::UncheckedMigrateV1ToV2::<Test>::pre_upgrade().expect("pre-upgrade");
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		v2::UncheckedMigrateV1ToV2::<Test>::post_upgrade(state).expect("post-upgrade");

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
		let migrated = Records::<Test>::get(2).expect("record 2");
		assert_eq!((migrated.member, migrated.points, migrated.note), (5, 3, note(2)));
		assert_eq!(migrated.attesters.to_vec(), vec![2, 1]);
		assert_eq!((migrated.deposit, migrated.depositor, migrated.created), (DEPOSIT, 2, 1));
		assert_eq!(Records::<Test>::get(0).map(|r| r.depositor), Some(1));
		// The record without an attester is gone, with its index entry.
		assert!(!Records::<Test>::contains_key(3));
		assert_eq!(RecordIndex::<Test>::get((0, 5), note(3)), None);
		CareReputation::do_try_state().expect("invariants hold after the migration");
		// The deposits go back to the attesters who paid them.
		assert_ok!(CareReputation::withdraw(RuntimeOrigin::signed(1), 0));
		assert_ok!(CareReputation::confirm(coop_origin(0), 2));
		assert_eq!((held(1), held(2)), (DEPOSIT, 0));

		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1), "it runs once");
	});
}
