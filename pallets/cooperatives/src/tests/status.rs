//! The federation's decisions: admitting, suspending, reinstating, rejecting.

use super::*;

#[test]
fn admit_suspend_reinstate_follow_the_status() {
	build_and_execute(|| {
		let coop = apply_bakery();
		assert_noop!(Cooperatives::suspend(federation_origin(), coop), Error::<Test>::NotActive);
		assert_noop!(
			Cooperatives::reinstate(federation_origin(), coop),
			Error::<Test>::NotSuspended
		);

		confirm_bakery(coop);
		assert_ok!(Cooperatives::admit(federation_origin(), coop));
		assert_eq!(last_event(), Event::<Test>::Admitted { coop }.into());
		assert_eq!(ActiveCount::<Test>::get(), 2);
		assert_noop!(Cooperatives::admit(federation_origin(), coop), Error::<Test>::NotPending);

		assert_ok!(Cooperatives::suspend(federation_origin(), coop));
		assert_eq!(last_event(), Event::<Test>::Suspended { coop }.into());
		assert_eq!(ActiveCount::<Test>::get(), 1);
		assert!(!<Pallet<Test> as CooperativesTrait<_, _>>::is_active(coop));

		assert_ok!(Cooperatives::reinstate(federation_origin(), coop));
		assert_eq!(last_event(), Event::<Test>::Reinstated { coop }.into());
		assert_eq!(ActiveCount::<Test>::get(), 2);
		assert!(<Pallet<Test> as CooperativesTrait<_, _>>::is_active(coop));
	});
}

#[test]
fn federation_calls_need_the_federation_origin() {
	build_and_execute(|| {
		let coop = apply_bakery();
		for origin in [RuntimeOrigin::signed(1), RuntimeOrigin::root(), coop_origin(0)] {
			assert_noop!(Cooperatives::admit(origin.clone(), coop), DispatchError::BadOrigin);
			assert_noop!(Cooperatives::suspend(origin.clone(), 0), DispatchError::BadOrigin);
			assert_noop!(Cooperatives::reinstate(origin.clone(), 0), DispatchError::BadOrigin);
			assert_noop!(Cooperatives::reject(origin, coop), DispatchError::BadOrigin);
		}
		// The supermajority is also the federation.
		confirm_bakery(coop);
		assert_ok!(Cooperatives::admit(supermajority_origin(), coop));
		assert_noop!(
			Cooperatives::admit(federation_origin(), 99),
			Error::<Test>::UnknownCooperative
		);
	});
}

#[test]
fn reject_removes_a_pending_cooperative_and_releases_the_deposit() {
	build_and_execute(|| {
		let coop = apply_bakery();
		// The founders joined as the application was made, and the other pallets heard of it.
		let mut joined: Vec<u128> =
			Joined::get().into_iter().filter(|(c, _)| *c == coop).map(|(_, who)| who).collect();
		joined.sort();
		assert_eq!(joined, vec![4, 5, 6]);
		assert_ok!(Cooperatives::reject(federation_origin(), coop));
		assert_eq!(last_event(), Event::<Test>::Rejected { coop }.into());
		// ... and heard that they left with the cooperative.
		let mut left: Vec<u128> =
			Left::get().into_iter().filter(|(c, _)| *c == coop).map(|(_, who)| who).collect();
		left.sort();
		assert_eq!(left, vec![4, 5, 6]);
		assert!(!Registry::<Test>::contains_key(coop));
		assert!(!Confirmations::<Test>::contains_key(coop));
		assert_eq!(Members::<Test>::iter_prefix(coop).count(), 0);
		assert_eq!(held(4), 0);
		assert_eq!(Balances::free_balance(4), 1_000);
		// Only pending cooperatives can be rejected.
		assert_noop!(Cooperatives::reject(federation_origin(), 0), Error::<Test>::NotPending);
		assert_noop!(
			Cooperatives::reject(federation_origin(), coop),
			Error::<Test>::UnknownCooperative
		);
	});
}
