//! Unit tests of the cooperatives pallet: every call, and its negative cases.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::{DispatchError, TokenError};

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

/// Account 4 applies for "bakery" with founders 4, 5, 6; returns the new cooperative's id.
fn apply_bakery() -> CoopId {
	let coop = NextCoopId::<Test>::get();
	assert_ok!(Cooperatives::apply(RuntimeOrigin::signed(4), b"bakery".to_vec(), vec![4, 5, 6]));
	coop
}

fn held(who: u128) -> u64 {
	Balances::balance_on_hold(&HoldReason::ApplicationDeposit.into(), &who)
}

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

#[test]
fn admit_suspend_reinstate_follow_the_status() {
	build_and_execute(|| {
		let coop = apply_bakery();
		assert_noop!(Cooperatives::suspend(federation(), coop), Error::<Test>::NotActive);
		assert_noop!(Cooperatives::reinstate(federation(), coop), Error::<Test>::NotSuspended);

		assert_ok!(Cooperatives::admit(federation(), coop));
		assert_eq!(last_event(), Event::<Test>::Admitted { coop }.into());
		assert_eq!(ActiveCount::<Test>::get(), 2);
		assert_noop!(Cooperatives::admit(federation(), coop), Error::<Test>::NotPending);

		assert_ok!(Cooperatives::suspend(federation(), coop));
		assert_eq!(last_event(), Event::<Test>::Suspended { coop }.into());
		assert_eq!(ActiveCount::<Test>::get(), 1);
		assert!(!<Pallet<Test> as CooperativesTrait<_, _>>::is_active(coop));

		assert_ok!(Cooperatives::reinstate(federation(), coop));
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
		assert_ok!(Cooperatives::admit(CollectiveOrigin::FederationSupermajority.into(), coop));
		assert_noop!(Cooperatives::admit(federation(), 99), Error::<Test>::UnknownCooperative);
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
		assert_ok!(Cooperatives::reject(federation(), coop));
		assert_eq!(last_event(), Event::<Test>::Rejected { coop }.into());
		// ... and heard that they left with the cooperative.
		let mut left: Vec<u128> =
			Left::get().into_iter().filter(|(c, _)| *c == coop).map(|(_, who)| who).collect();
		left.sort();
		assert_eq!(left, vec![4, 5, 6]);
		assert!(!Registry::<Test>::contains_key(coop));
		assert_eq!(Members::<Test>::iter_prefix(coop).count(), 0);
		assert_eq!(held(4), 0);
		assert_eq!(Balances::free_balance(4), 1_000);
		// Only pending cooperatives can be rejected.
		assert_noop!(Cooperatives::reject(federation(), 0), Error::<Test>::NotPending);
		assert_noop!(Cooperatives::reject(federation(), coop), Error::<Test>::UnknownCooperative);
	});
}

#[test]
fn add_member_needs_the_cooperatives_own_active_origin() {
	build_and_execute(|| {
		assert_eq!(Joined::get(), vec![(0, 1), (0, 2), (0, 3)]);
		assert_ok!(Cooperatives::add_member(coop_origin(0), 0, 7));
		assert_eq!(last_event(), Event::<Test>::MemberAdded { coop: 0, who: 7 }.into());
		assert_eq!(Joined::get().last(), Some(&(0, 7)));
		assert_eq!(Registry::<Test>::get(0).unwrap().member_count, 4);

		assert_noop!(Cooperatives::add_member(coop_origin(0), 0, 7), Error::<Test>::AlreadyMember);
		assert_noop!(
			Cooperatives::add_member(RuntimeOrigin::signed(1), 0, 8),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Cooperatives::add_member(RuntimeOrigin::root(), 0, 8),
			DispatchError::BadOrigin
		);
		assert_noop!(Cooperatives::add_member(federation(), 0, 8), DispatchError::BadOrigin);
		let bakery = apply_bakery();
		assert_noop!(
			Cooperatives::add_member(coop_origin(bakery), 0, 8),
			Error::<Test>::WrongCooperative
		);
		// A pending cooperative cannot act yet.
		assert_noop!(
			Cooperatives::add_member(coop_origin(bakery), bakery, 8),
			Error::<Test>::NotActive
		);
		assert_noop!(
			Cooperatives::add_member(coop_origin(99), 99, 8),
			Error::<Test>::UnknownCooperative
		);
		// Nor can a suspended one.
		assert_ok!(Cooperatives::suspend(federation(), 0));
		assert_noop!(Cooperatives::add_member(coop_origin(0), 0, 8), Error::<Test>::NotActive);
	});
}

#[test]
fn add_member_stops_at_max_members() {
	build_and_execute(|| {
		for who in 100..(100 + u128::from(MAX_MEMBERS) - 3) {
			assert_ok!(Cooperatives::add_member(coop_origin(0), 0, who));
		}
		assert_eq!(Registry::<Test>::get(0).unwrap().member_count, MAX_MEMBERS);
		assert_noop!(
			Cooperatives::add_member(coop_origin(0), 0, 999),
			Error::<Test>::TooManyMembers
		);
	});
}

#[test]
fn remove_member_and_leave() {
	build_and_execute(|| {
		assert_ok!(Cooperatives::remove_member(coop_origin(0), 0, 3));
		assert_eq!(last_event(), Event::<Test>::MemberRemoved { coop: 0, who: 3 }.into());
		assert_noop!(Cooperatives::remove_member(coop_origin(0), 0, 3), Error::<Test>::NotMember);
		assert_noop!(
			Cooperatives::remove_member(RuntimeOrigin::signed(1), 0, 2),
			DispatchError::BadOrigin
		);

		assert_ok!(Cooperatives::leave(RuntimeOrigin::signed(2), 0));
		assert_eq!(last_event(), Event::<Test>::MemberRemoved { coop: 0, who: 2 }.into());
		assert_eq!(Left::get(), vec![(0, 3), (0, 2)]);
		// The last member stays.
		assert_noop!(Cooperatives::leave(RuntimeOrigin::signed(1), 0), Error::<Test>::LastMember);
		assert_noop!(Cooperatives::leave(RuntimeOrigin::signed(9), 0), Error::<Test>::NotMember);
		assert_noop!(Cooperatives::leave(RuntimeOrigin::signed(9), 42), Error::<Test>::NotMember);
		assert_eq!(Registry::<Test>::get(0).unwrap().member_count, 1);
	});
}

#[test]
fn other_pallets_can_stop_a_member_leaving() {
	build_and_execute(|| {
		assert_ok!(Cooperatives::add_member(coop_origin(0), 0, STUCK));
		assert_noop!(
			Cooperatives::leave(RuntimeOrigin::signed(STUCK), 0),
			DispatchError::Other("unsettled")
		);
		assert_noop!(
			Cooperatives::remove_member(coop_origin(0), 0, STUCK),
			DispatchError::Other("unsettled")
		);
	});
}

#[test]
fn set_parameters_validates_and_stores() {
	build_and_execute(|| {
		let good = CoopParams {
			voting_period: 20,
			quorum: Perbill::from_percent(30),
			approval: Perbill::from_percent(66),
			work_weight: 2,
			care_weight: 3,
			weight_cap: Perbill::from_percent(15),
			care_half_life: 1_000,
			attestations_needed: 3,
			reserve_split: Perbill::from_percent(60),
		};
		assert_ok!(Cooperatives::set_parameters(coop_origin(0), 0, good.clone()));
		assert_eq!(
			last_event(),
			Event::<Test>::ParametersSet { coop: 0, params: good.clone() }.into()
		);
		assert_eq!(Registry::<Test>::get(0).unwrap().params, good);

		let with = |change: fn(&mut CoopParams<u64>)| {
			let mut params = good.clone();
			change(&mut params);
			Cooperatives::set_parameters(coop_origin(0), 0, params)
		};
		assert_noop!(with(|p| p.voting_period = 9), Error::<Test>::InvalidVotingPeriod);
		assert_noop!(with(|p| p.voting_period = 100_001), Error::<Test>::InvalidVotingPeriod);
		assert_noop!(
			with(|p| p.approval = Perbill::from_percent(49)),
			Error::<Test>::InvalidThreshold
		);
		assert_noop!(with(|p| p.quorum = Perbill::zero()), Error::<Test>::InvalidThreshold);
		assert_noop!(with(|p| p.work_weight = 101), Error::<Test>::InvalidWeightParameters);
		assert_noop!(with(|p| p.care_weight = u32::MAX), Error::<Test>::InvalidWeightParameters);
		assert_noop!(
			with(|p| p.weight_cap = Perbill::zero()),
			Error::<Test>::InvalidWeightParameters
		);
		assert_noop!(with(|p| p.care_half_life = 0), Error::<Test>::InvalidCareParameters);
		assert_noop!(with(|p| p.attestations_needed = 0), Error::<Test>::InvalidCareParameters);
		assert_noop!(
			Cooperatives::set_parameters(RuntimeOrigin::signed(1), 0, good.clone()),
			DispatchError::BadOrigin
		);
		assert_noop!(Cooperatives::set_parameters(federation(), 0, good), DispatchError::BadOrigin);
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
