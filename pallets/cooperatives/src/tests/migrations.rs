//! The storage migration to version 2: the applicants' confirmations, and the admitted
//! cooperatives' deposits released.

use super::*;
use crate::migrations::v2;
#[cfg(feature = "try-runtime")]
use frame_support::traits::UncheckedOnRuntimeUpgrade;
use frame_support::traits::{
	fungible::MutateHold, GetStorageVersion, OnRuntimeUpgrade, StorageVersion,
};

#[test]
fn version_one_applications_get_the_applicants_confirmation_and_admitted_deposits_go_back() {
	new_test_ext().execute_with(|| {
		// Version 1 on chain (the encoding of `Registry` is the same in both versions): a pending
		// application with no confirmations, and a cooperative admitted with its deposit held.
		StorageVersion::new(1).put::<Pallet<Test>>();
		let pending = apply_bakery();
		Confirmations::<Test>::remove(pending);
		let admitted = NextCoopId::<Test>::get();
		assert_ok!(Cooperatives::apply(RuntimeOrigin::signed(7), b"mill".to_vec(), vec![7, 8, 9]));
		Confirmations::<Test>::remove(admitted);
		Registry::<Test>::mutate(admitted, |c| c.as_mut().unwrap().status = CoopStatus::Active);
		ActiveCount::<Test>::mutate(|count| *count += 1);
		assert_eq!(held(7), DEPOSIT);
		assert!(Cooperatives::do_try_state().is_err(), "version 1 breaks the new invariants");

		#[cfg(feature = "try-runtime")]
		let state = v2::UncheckedMigrateV1ToV2::<Test>::pre_upgrade().expect("pre-upgrade");
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		v2::UncheckedMigrateV1ToV2::<Test>::post_upgrade(state).expect("post-upgrade");

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
		// The applicant confirmed by applying; founders 5 and 6 must still confirm.
		assert_eq!(Confirmations::<Test>::get(pending).to_vec(), vec![4]);
		assert_eq!(held(4), DEPOSIT, "a pending application keeps its deposit");
		assert_noop!(
			Cooperatives::admit(federation_origin(), pending),
			Error::<Test>::FoundersNotConfirmed
		);
		// The admitted cooperative's deposit went back to its applicant.
		assert_eq!(held(7), 0);
		assert_eq!(Balances::free_balance(7), 1_000);
		assert_eq!(Registry::<Test>::get(admitted).unwrap().deposit, 0);
		assert!(!Confirmations::<Test>::contains_key(admitted));
		// The genesis cooperative held nothing and is unchanged.
		assert_eq!(Registry::<Test>::get(0).unwrap().deposit, 0);
		Cooperatives::do_try_state().expect("invariants hold after the migration");

		// It runs once: at version 2 it does nothing.
		assert_ok!(Balances::hold(&HoldReason::ApplicationDeposit.into(), &7, 1));
		Registry::<Test>::mutate(admitted, |c| c.as_mut().unwrap().deposit = 1);
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
	});
}
