//! Members exist for the chain without funds: the provider reference membership gives them.

use super::*;

#[test]
fn membership_provides_for_an_account_without_funds() {
	build_and_execute(|| {
		assert_eq!(System::providers(&6), 0);
		join(0, 6);
		assert_eq!(System::providers(&6), 1);
		// A second cooperative: still one reference.
		join(1, 6);
		assert_eq!(System::providers(&6), 1);
		leave(0, 6);
		assert_eq!(System::providers(&6), 1, "it still belongs to cooperative 1");
		leave(1, 6);
		assert_eq!(System::providers(&6), 0);
		assert!(!Provided::<Test>::contains_key(6));
	});
}

#[test]
fn the_reference_stays_while_something_else_depends_on_the_account() {
	build_and_execute(|| {
		join(0, 6);
		// Something else depends on the account (a consumer reference, as a hold takes).
		assert_ok!(System::inc_consumers(&6));
		leave(0, 6);
		assert_eq!(System::providers(&6), 1);
		assert_eq!(Provided::<Test>::get(6), 0);
		// Rejoining takes no second reference.
		join(0, 6);
		assert_eq!(System::providers(&6), 1);
		System::dec_consumers(&6);
		leave(0, 6);
		assert_eq!(System::providers(&6), 0);
	});
}

#[test]
fn leaving_and_rejoining_restarts_nothing() {
	build_and_execute(|| {
		join(0, 6);
		MemberQuota::use_free(0, &6);
		MemberQuota::use_free(0, &6);
		leave(0, 6);
		assert_eq!(MemberQuota::left(0, &6), 0, "a former member has nothing free");
		join(0, 6);
		assert_eq!(MemberQuota::left(0, &6), QUOTA - 2);
	});
}

#[test]
fn an_account_with_funds_keeps_its_own_provider() {
	build_and_execute(|| {
		// 1 joined at genesis in the mock without the hook; it has its balance's provider.
		assert_eq!(System::providers(&1), 1);
		leave(0, 1);
		assert_eq!(System::providers(&1), 1);
		join(1, 1);
		assert_eq!(System::providers(&1), 2);
		leave(1, 1);
		assert_eq!(System::providers(&1), 1);
	});
}
