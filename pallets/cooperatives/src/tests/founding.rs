//! Founding a cooperative: every named founder consents before the federation admits it, a
//! founder who does not agree declines, and the application deposit is held only while the
//! application is pending.

use super::*;

/// Issue 12: one account named two others as founders; the federation admitted the cooperative
/// although neither had agreed. (Before the fix, `admit` returned `Ok` here.)
#[test]
fn admit_needs_every_named_founder_to_confirm() {
	build_and_execute(|| {
		let coop = apply_bakery();
		assert_noop!(
			Cooperatives::admit(federation_origin(), coop),
			Error::<Test>::FoundersNotConfirmed
		);

		assert_ok!(Cooperatives::confirm_founding(RuntimeOrigin::signed(5), coop));
		assert_eq!(last_event(), Event::<Test>::FoundingConfirmed { coop, founder: 5 }.into());
		assert_eq!(Confirmations::<Test>::get(coop).to_vec(), vec![4, 5]);
		assert_noop!(
			Cooperatives::admit(federation_origin(), coop),
			Error::<Test>::FoundersNotConfirmed
		);

		assert_ok!(Cooperatives::confirm_founding(RuntimeOrigin::signed(6), coop));
		assert_ok!(Cooperatives::admit(federation_origin(), coop));
		assert_eq!(last_event(), Event::<Test>::Admitted { coop }.into());
		assert_eq!(Registry::<Test>::get(coop).unwrap().status, CoopStatus::Active);
		assert!(!Confirmations::<Test>::contains_key(coop), "confirmations go with admission");
	});
}

#[test]
fn confirm_founding_is_for_named_founders_of_a_pending_cooperative_once() {
	build_and_execute(|| {
		let coop = apply_bakery();
		// The applicant confirmed by applying.
		assert_noop!(
			Cooperatives::confirm_founding(RuntimeOrigin::signed(4), coop),
			Error::<Test>::AlreadyConfirmed
		);
		assert_ok!(Cooperatives::confirm_founding(RuntimeOrigin::signed(5), coop));
		assert_noop!(
			Cooperatives::confirm_founding(RuntimeOrigin::signed(5), coop),
			Error::<Test>::AlreadyConfirmed
		);
		// Someone the application did not name cannot confirm for it.
		assert_noop!(
			Cooperatives::confirm_founding(RuntimeOrigin::signed(7), coop),
			Error::<Test>::NotFounder
		);
		assert_noop!(
			Cooperatives::confirm_founding(RuntimeOrigin::signed(5), 99),
			Error::<Test>::UnknownCooperative
		);
		// Cooperative 0 is active: there is nothing to confirm.
		assert_noop!(
			Cooperatives::confirm_founding(RuntimeOrigin::signed(1), 0),
			Error::<Test>::NotPending
		);
		for origin in [RuntimeOrigin::root(), coop_origin(0), federation_origin()] {
			assert_noop!(Cooperatives::confirm_founding(origin, coop), DispatchError::BadOrigin);
		}
		assert_ok!(Cooperatives::confirm_founding(RuntimeOrigin::signed(6), coop));
		assert_ok!(Cooperatives::admit(federation_origin(), coop));
		assert_noop!(
			Cooperatives::confirm_founding(RuntimeOrigin::signed(6), coop),
			Error::<Test>::NotPending
		);
	});
}

/// A founder cannot leave a pending application: leaving would take a confirmed founder out while
/// its confirmation stayed counted, and let the federation admit a founder who never confirmed.
#[test]
fn a_founder_cannot_leave_a_pending_application_to_skip_a_confirmation() {
	build_and_execute(|| {
		let coop = apply_bakery();
		assert_ok!(Cooperatives::confirm_founding(RuntimeOrigin::signed(5), coop));
		assert_noop!(
			Cooperatives::leave(RuntimeOrigin::signed(5), coop),
			Error::<Test>::ApplicationPending
		);
		assert_noop!(
			Cooperatives::leave(RuntimeOrigin::signed(6), coop),
			Error::<Test>::ApplicationPending
		);
		// Founder 6 still has not confirmed.
		assert_noop!(
			Cooperatives::admit(federation_origin(), coop),
			Error::<Test>::FoundersNotConfirmed
		);
	});
}

#[test]
fn a_named_founder_declines_and_the_application_is_withdrawn() {
	build_and_execute(|| {
		let coop = apply_bakery();
		Left::take();
		assert_ok!(Cooperatives::decline_founding(RuntimeOrigin::signed(6), coop));
		assert_eq!(last_event(), Event::<Test>::FoundingDeclined { coop, founder: 6 }.into());
		assert!(!Registry::<Test>::contains_key(coop));
		assert!(!Confirmations::<Test>::contains_key(coop));
		assert_eq!(Members::<Test>::iter_prefix(coop).count(), 0);
		let mut left: Vec<u128> = Left::get().into_iter().map(|(_, who)| who).collect();
		left.sort();
		assert_eq!(left, vec![4, 5, 6], "the other pallets heard every founder leave");
		assert_eq!(held(4), 0);
		assert_eq!(Balances::free_balance(4), 1_000);
		assert_noop!(
			Cooperatives::decline_founding(RuntimeOrigin::signed(6), coop),
			Error::<Test>::UnknownCooperative
		);
	});
}

#[test]
fn a_founder_who_confirmed_may_still_decline_and_the_applicant_may_withdraw() {
	build_and_execute(|| {
		let coop = apply_bakery();
		assert_ok!(Cooperatives::confirm_founding(RuntimeOrigin::signed(5), coop));
		assert_ok!(Cooperatives::decline_founding(RuntimeOrigin::signed(5), coop));
		assert!(!Registry::<Test>::contains_key(coop));

		let again = apply_bakery();
		assert_eq!(held(4), DEPOSIT);
		assert_ok!(Cooperatives::decline_founding(RuntimeOrigin::signed(4), again));
		assert_eq!(
			last_event(),
			Event::<Test>::FoundingDeclined { coop: again, founder: 4 }.into()
		);
		assert_eq!(held(4), 0);
	});
}

#[test]
fn decline_founding_is_for_named_founders_of_a_pending_cooperative() {
	build_and_execute(|| {
		let coop = apply_bakery();
		assert_noop!(
			Cooperatives::decline_founding(RuntimeOrigin::signed(7), coop),
			Error::<Test>::NotFounder
		);
		assert_noop!(
			Cooperatives::decline_founding(RuntimeOrigin::signed(1), 0),
			Error::<Test>::NotPending
		);
		assert_noop!(
			Cooperatives::decline_founding(RuntimeOrigin::signed(5), 99),
			Error::<Test>::UnknownCooperative
		);
		for origin in [RuntimeOrigin::root(), coop_origin(0), federation_origin()] {
			assert_noop!(Cooperatives::decline_founding(origin, coop), DispatchError::BadOrigin);
		}
		confirm_bakery(coop);
		assert_ok!(Cooperatives::admit(federation_origin(), coop));
		// Once admitted, a founder is a member like any other: it leaves, if it wants to.
		assert_noop!(
			Cooperatives::decline_founding(RuntimeOrigin::signed(6), coop),
			Error::<Test>::NotPending
		);
		assert_ok!(Cooperatives::leave(RuntimeOrigin::signed(6), coop));
	});
}

/// Issue 12: the deposit of an admitted cooperative stayed held forever. (Before the fix,
/// `held(4)` was still 100 after the admission.)
#[test]
fn admit_releases_the_application_deposit() {
	build_and_execute(|| {
		let coop = apply_bakery();
		assert_eq!(held(4), DEPOSIT);
		confirm_bakery(coop);
		assert_ok!(Cooperatives::admit(federation_origin(), coop));
		assert_eq!(Registry::<Test>::get(coop).unwrap().status, CoopStatus::Active);
		assert_eq!(held(4), 0, "the admitted cooperative's deposit is still held");
		assert_eq!(Balances::free_balance(4), 1_000);
		assert_eq!(Registry::<Test>::get(coop).unwrap().deposit, 0);
		// Suspending and reinstating hold nothing again.
		assert_ok!(Cooperatives::suspend(federation_origin(), coop));
		assert_ok!(Cooperatives::reinstate(federation_origin(), coop));
		assert_eq!(held(4), 0);
	});
}

/// Two pending applications of one applicant hold two deposits; admitting one releases one.
#[test]
fn each_pending_application_holds_its_own_deposit() {
	build_and_execute(|| {
		let first = apply_bakery();
		let second = apply_bakery();
		assert_eq!(held(4), 2 * DEPOSIT);
		confirm_bakery(first);
		assert_ok!(Cooperatives::admit(federation_origin(), first));
		assert_eq!(held(4), DEPOSIT);
		assert_ok!(Cooperatives::reject(federation_origin(), second));
		assert_eq!(held(4), 0);
	});
}

#[test]
fn try_state_catches_a_confirmation_by_someone_not_named() {
	new_test_ext().execute_with(|| {
		let coop = apply_bakery();
		Confirmations::<Test>::mutate(coop, |confirmed| confirmed.try_push(7).unwrap());
		assert!(Cooperatives::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_confirmations_of_an_admitted_cooperative() {
	new_test_ext().execute_with(|| {
		Confirmations::<Test>::insert(0, ConfirmationsOf::<Test>::try_from(vec![1]).unwrap());
		assert!(Cooperatives::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_an_admitted_cooperative_holding_its_deposit() {
	new_test_ext().execute_with(|| {
		let coop = apply_bakery();
		confirm_bakery(coop);
		assert_ok!(Cooperatives::admit(federation_origin(), coop));
		Cooperatives::do_try_state().expect("the deposit was released");
		// As version 1 left it: the deposit still held after the admission.
		assert_ok!(<Balances as frame_support::traits::fungible::MutateHold<_>>::hold(
			&HoldReason::ApplicationDeposit.into(),
			&4,
			DEPOSIT
		));
		assert!(Cooperatives::do_try_state().is_err());
		Registry::<Test>::mutate(coop, |c| c.as_mut().unwrap().deposit = DEPOSIT);
		assert!(Cooperatives::do_try_state().is_err());
	});
}
