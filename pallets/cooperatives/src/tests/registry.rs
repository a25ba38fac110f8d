//! The registry itself: genesis, the sovereign accounts, the invariants.

use super::*;

#[test]
fn genesis_cooperative_is_active_with_its_members() {
	build_and_execute(|| {
		let coop = Registry::<Test>::get(0).unwrap();
		assert_eq!(coop.status, CoopStatus::Active);
		assert_eq!(coop.member_count, 3);
		assert_eq!(Pallet::<Test>::members_of(0).len(), 3);
		assert_eq!(ActiveCount::<Test>::get(), 1);
		assert_eq!(coop.params, CoopParams::default());
	});
}

#[test]
fn each_cooperative_has_its_own_keyless_account() {
	build_and_execute(|| {
		let bakery = apply_bakery();
		let a = Pallet::<Test>::account_of(0);
		let b = Pallet::<Test>::account_of(bakery);
		assert_ne!(a, b);
		assert_eq!(a, Pallet::<Test>::account_of(0), "derivation is deterministic");
		for founder in 1..=10u128 {
			assert_ne!(a, founder);
		}
	});
}

#[test]
fn try_state_catches_a_wrong_member_count() {
	new_test_ext().execute_with(|| {
		Registry::<Test>::mutate(0, |c| c.as_mut().unwrap().member_count = 5);
		assert!(Cooperatives::do_try_state().is_err());
	});
}
