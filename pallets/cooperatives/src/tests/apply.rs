//! Applying: the pending cooperative, the deposit, and the checks on founders, names and
//! origins.

use super::*;

#[test]
fn apply_creates_a_pending_cooperative_and_holds_the_deposit() {
	build_and_execute(|| {
		let coop = apply_bakery();
		assert_eq!(coop, 1);
		let cooperative = Registry::<Test>::get(coop).unwrap();
		assert_eq!(cooperative.status, CoopStatus::Pending);
		assert_eq!(cooperative.member_count, 3);
		assert_eq!(cooperative.applicant, 4);
		assert_eq!(cooperative.name.to_vec(), b"bakery".to_vec());
		for founder in [4, 5, 6] {
			assert!(Members::<Test>::contains_key(coop, founder));
		}
		assert_eq!(held(4), DEPOSIT);
		// The applicant confirmed by applying; the other founders have not.
		assert_eq!(Confirmations::<Test>::get(coop).to_vec(), vec![4]);
		assert_eq!(ActiveCount::<Test>::get(), 1, "a pending cooperative is not active");
		assert_eq!(last_event(), Event::<Test>::Applied { coop, applicant: 4, founders: 3 }.into());
	});
}

#[test]
fn apply_rejects_bad_founders() {
	build_and_execute(|| {
		let apply = |founders: Vec<u128>| {
			Cooperatives::apply(RuntimeOrigin::signed(4), b"x".to_vec(), founders)
		};
		assert_noop!(apply(vec![4, 5]), Error::<Test>::TooFewFounders);
		assert_noop!(apply(vec![]), Error::<Test>::TooFewFounders);
		assert_noop!(apply(vec![4, 5, 6, 7, 8, 9]), Error::<Test>::TooManyFounders);
		assert_noop!(apply(vec![5, 6, 7]), Error::<Test>::ApplicantNotFounder);
		assert_noop!(apply(vec![4, 5, 5]), Error::<Test>::DuplicateFounder);
		assert_noop!(apply(vec![4, 4, 4]), Error::<Test>::DuplicateFounder);
	});
}

#[test]
fn apply_rejects_bad_names_origins_and_paupers() {
	build_and_execute(|| {
		assert_noop!(
			Cooperatives::apply(RuntimeOrigin::signed(4), vec![], vec![4, 5, 6]),
			Error::<Test>::EmptyName
		);
		assert_noop!(
			Cooperatives::apply(RuntimeOrigin::signed(4), vec![b'a'; 17], vec![4, 5, 6]),
			Error::<Test>::NameTooLong
		);
		assert_noop!(
			Cooperatives::apply(RuntimeOrigin::root(), b"x".to_vec(), vec![4, 5, 6]),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Cooperatives::apply(coop_origin(0), b"x".to_vec(), vec![4, 5, 6]),
			DispatchError::BadOrigin
		);
		// Account 50 has no funds for the deposit.
		assert_noop!(
			Cooperatives::apply(RuntimeOrigin::signed(50), b"x".to_vec(), vec![50, 5, 6]),
			TokenError::FundsUnavailable
		);
	});
}
