//! Unit tests of care reputation. Every test ends with `do_try_state`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_core::H256;
use sp_runtime::{DispatchError, TokenError};

fn note(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::RecordDeposit.into(), &who)
}

fn attest(coop: CoopId, attester: u64, member: u64, points: u32, n: u8) -> DispatchResult {
	CareReputation::attest(RuntimeOrigin::signed(attester), coop, member, points, note(n))
}

fn run_to(block: u64) {
	System::set_block_number(block);
}

mod attesting {
	use super::*;

	#[test]
	fn two_distinct_attesters_confirm_a_record() {
		build_and_execute(|| {
			assert_ok!(attest(0, 1, 3, 5, 1));
			assert_eq!(
				last_event(),
				Event::<Test>::Attested {
					record: 0,
					coop: 0,
					member: 3,
					attester: 1,
					points: 5,
					attestations: 1
				}
				.into()
			);
			assert_eq!(held(1), DEPOSIT);
			assert_eq!(CareReputation::reputation(0, &3), 0, "not confirmed yet");
			assert_ok!(attest(0, 2, 3, 5, 1));
			assert_eq!(
				last_event(),
				Event::<Test>::Confirmed {
					record: 0,
					coop: 0,
					member: 3,
					points: 5,
					by_decision: false
				}
				.into()
			);
			assert_eq!(CareReputation::reputation(0, &3), 5);
			assert_eq!(held(1), 0, "the deposit is released");
			assert!(!Records::<Test>::contains_key(0));
		});
	}

	#[test]
	fn the_cooperative_sets_how_many_attesters_confirm() {
		build_and_execute(|| {
			set_params(0, |p| p.attestations_needed = 3);
			assert_ok!(attest(0, 1, 3, 4, 1));
			assert_ok!(attest(0, 2, 3, 4, 1));
			assert_eq!(CareReputation::reputation(0, &3), 0);
			assert_ok!(attest(0, 4, 3, 4, 1));
			assert_eq!(CareReputation::reputation(0, &3), 4);
			set_params(0, |p| p.attestations_needed = 1);
			assert_ok!(attest(0, 1, 3, 2, 2));
			assert_eq!(CareReputation::reputation(0, &3), 6);
		});
	}

	#[test]
	fn nobody_attests_their_own_care() {
		build_and_execute(|| {
			assert_noop!(attest(0, 3, 3, 5, 1), Error::<Test>::SelfAttestation);
			// Nor joins a record about themselves.
			assert_ok!(attest(0, 1, 3, 5, 1));
			assert_noop!(attest(0, 3, 3, 5, 1), Error::<Test>::SelfAttestation);
		});
	}

	#[test]
	fn only_members_attest_and_only_members_are_attested() {
		build_and_execute(|| {
			assert_noop!(attest(0, 6, 3, 5, 1), Error::<Test>::NotMember);
			assert_noop!(attest(0, 1, 6, 5, 1), Error::<Test>::SubjectNotMember);
			assert_noop!(attest(9, 1, 3, 5, 1), Error::<Test>::UnknownCooperative);
			assert_noop!(attest(2, 9, 10, 5, 1), Error::<Test>::CooperativeNotActive);
			assert_noop!(
				CareReputation::attest(RuntimeOrigin::none(), 0, 3, 5, note(1)),
				DispatchError::BadOrigin
			);
			assert_noop!(
				CareReputation::attest(coop_origin(0), 0, 3, 5, note(1)),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn points_are_bounded_and_agreed() {
		build_and_execute(|| {
			assert_noop!(attest(0, 1, 3, 0, 1), Error::<Test>::ZeroPoints);
			assert_noop!(attest(0, 1, 3, MAX_POINTS + 1, 1), Error::<Test>::TooManyPoints);
			assert_ok!(attest(0, 1, 3, MAX_POINTS, 1));
			assert_noop!(attest(0, 2, 3, MAX_POINTS - 1, 1), Error::<Test>::PointsMismatch);
			assert_noop!(attest(0, 1, 3, MAX_POINTS, 1), Error::<Test>::AlreadyAttested);
		});
	}

	#[test]
	fn attestations_per_period_are_bounded() {
		build_and_execute(|| {
			set_params(0, |p| p.attestations_needed = 10);
			for n in 0..MAX_PER_PERIOD as u8 {
				assert_ok!(attest(0, 1, 3, 1, n));
			}
			assert_noop!(attest(0, 1, 3, 1, 99), Error::<Test>::PeriodLimitReached);
			// Another member is not limited by the first one's attestations.
			assert_ok!(attest(0, 2, 3, 1, 99));
			// The next period starts afresh.
			run_to(PERIOD);
			assert_ok!(attest(0, 1, 3, 1, 99));
		});
	}

	#[test]
	fn a_record_keeps_at_most_max_attesters() {
		build_and_execute(|| {
			create_coop(3, true, &[11, 12, 13, 14, 15, 16]);
			set_params(3, |p| p.attestations_needed = 10);
			for attester in 11..11 + MAX_ATTESTERS as u64 {
				assert_ok!(attest(3, attester, 16, 1, 1));
			}
			assert_noop!(attest(3, 15, 16, 1, 1), Error::<Test>::TooManyAttesters);
			// The cooperative confirms it instead.
			assert_ok!(CareReputation::confirm(coop_origin(3), 0));
			assert_eq!(CareReputation::reputation(3, &16), 1);
		});
	}

	#[test]
	fn the_first_attester_pays_the_deposit() {
		build_and_execute(|| {
			create_coop(3, true, &[50, 2]);
			assert_noop!(
				CareReputation::attest(RuntimeOrigin::signed(50), 3, 2, 1, note(1)),
				TokenError::FundsUnavailable
			);
		});
	}
}

mod decisions {
	use super::*;

	#[test]
	fn the_cooperative_confirms_a_pending_record() {
		build_and_execute(|| {
			assert_ok!(attest(0, 1, 3, 7, 1));
			assert_noop!(
				CareReputation::confirm(coop_origin(1), 0),
				Error::<Test>::WrongCooperative
			);
			assert_noop!(
				CareReputation::confirm(RuntimeOrigin::signed(2), 0),
				DispatchError::BadOrigin
			);
			assert_noop!(CareReputation::confirm(coop_origin(0), 9), Error::<Test>::UnknownRecord);
			assert_ok!(CareReputation::confirm(coop_origin(0), 0));
			assert_eq!(
				last_event(),
				Event::<Test>::Confirmed {
					record: 0,
					coop: 0,
					member: 3,
					points: 7,
					by_decision: true
				}
				.into()
			);
			assert_eq!(CareReputation::reputation(0, &3), 7);
			assert_noop!(CareReputation::confirm(coop_origin(0), 0), Error::<Test>::UnknownRecord);
		});
	}

	#[test]
	fn a_record_about_someone_who_left_is_not_confirmed() {
		build_and_execute(|| {
			assert_ok!(attest(0, 1, 3, 7, 1));
			leave(0, 3);
			assert_noop!(
				CareReputation::confirm(coop_origin(0), 0),
				Error::<Test>::SubjectNotMember
			);
			// Its attester takes the deposit back.
			assert_noop!(
				CareReputation::withdraw(RuntimeOrigin::signed(2), 0),
				Error::<Test>::NotDepositor
			);
			assert_ok!(CareReputation::withdraw(RuntimeOrigin::signed(1), 0));
			assert_eq!(last_event(), Event::<Test>::Withdrawn { record: 0 }.into());
			assert_eq!(held(1), 0);
			assert_noop!(
				CareReputation::withdraw(RuntimeOrigin::signed(1), 0),
				Error::<Test>::UnknownRecord
			);
		});
	}

	#[test]
	fn the_cooperative_revokes_no_more_than_is_held() {
		build_and_execute(|| {
			assert_ok!(attest(0, 1, 3, 10, 1));
			assert_ok!(attest(0, 2, 3, 10, 1));
			assert_noop!(
				CareReputation::revoke(coop_origin(0), 0, 3, 11),
				Error::<Test>::RevokeExceedsReputation
			);
			assert_noop!(
				CareReputation::revoke(coop_origin(0), 0, 3, 0),
				Error::<Test>::ZeroPoints
			);
			assert_noop!(
				CareReputation::revoke(coop_origin(1), 0, 3, 1),
				Error::<Test>::WrongCooperative
			);
			assert_noop!(
				CareReputation::revoke(RuntimeOrigin::signed(1), 0, 3, 1),
				DispatchError::BadOrigin
			);
			assert_noop!(
				CareReputation::revoke(coop_origin(9), 9, 3, 1),
				Error::<Test>::UnknownCooperative
			);
			assert_ok!(CareReputation::revoke(coop_origin(0), 0, 3, 4));
			assert_eq!(
				last_event(),
				Event::<Test>::Revoked { coop: 0, member: 3, points: 4 }.into()
			);
			assert_eq!(CareReputation::reputation(0, &3), 6);
			assert_ok!(CareReputation::revoke(coop_origin(0), 0, 3, 6));
			assert!(!Reputation::<Test>::contains_key(0, 3));
			// After decay there is less to revoke.
			assert_ok!(attest(0, 1, 4, 10, 2));
			assert_ok!(attest(0, 2, 4, 10, 2));
			run_to(1 + HALF_LIFE);
			assert_noop!(
				CareReputation::revoke(coop_origin(0), 0, 4, 6),
				Error::<Test>::RevokeExceedsReputation
			);
			assert_ok!(CareReputation::revoke(coop_origin(0), 0, 4, 5));
		});
	}
}

mod decay_and_soulbound {
	use super::*;

	#[test]
	fn reputation_halves_every_half_life() {
		build_and_execute(|| {
			assert_ok!(attest(0, 1, 3, 8, 1));
			assert_ok!(attest(0, 2, 3, 8, 1));
			assert_eq!(CareReputation::milli_points(0, &3), 8_000);
			run_to(1 + HALF_LIFE / 2);
			assert_eq!(CareReputation::milli_points(0, &3), 6_000);
			run_to(1 + HALF_LIFE);
			assert_eq!(CareReputation::reputation(0, &3), 4);
			run_to(1 + 2 * HALF_LIFE);
			assert_eq!(CareReputation::reputation(0, &3), 2);
			// New points add to what is left.
			assert_ok!(attest(0, 1, 3, 8, 2));
			assert_ok!(attest(0, 2, 3, 8, 2));
			assert_eq!(CareReputation::reputation(0, &3), 10);
			run_to(1 + 3 * HALF_LIFE);
			assert_eq!(CareReputation::reputation(0, &3), 5);
		});
	}

	#[test]
	fn the_half_life_is_the_cooperatives() {
		build_and_execute(|| {
			assert_ok!(attest(0, 1, 3, 8, 1));
			assert_ok!(attest(0, 2, 3, 8, 1));
			set_params(0, |p| p.care_half_life = 10 * HALF_LIFE);
			run_to(1 + 10 * HALF_LIFE);
			assert_eq!(CareReputation::reputation(0, &3), 4);
		});
	}

	#[test]
	fn leaving_drops_the_reputation() {
		build_and_execute(|| {
			assert_ok!(attest(0, 1, 3, 8, 1));
			assert_ok!(attest(0, 2, 3, 8, 1));
			leave(0, 3);
			assert_eq!(CareReputation::reputation(0, &3), 0);
			assert!(!Reputation::<Test>::contains_key(0, 3));
		});
	}

	#[test]
	fn there_is_no_way_to_move_reputation() {
		// The pallet's calls are exactly these: none moves reputation between accounts.
		let calls: Vec<&str> =
			<Call<Test> as frame_support::traits::GetCallName>::get_call_names().to_vec();
		assert_eq!(calls, vec!["attest", "confirm", "revoke", "withdraw"]);
	}
}
