//! A note counts once: the care work it evidences joins a member's reputation at most once. The
//! chain remembers a member's confirmed notes while anything of their care is left, at most
//! `MaxConfirmedNotes` of them (the oldest is forgotten first), and until the member leaves.

use super::*;

/// The notes remembered for `member` in `coop`, oldest first.
fn confirmed_notes(coop: CoopId, member: u64) -> Vec<H256> {
	ConfirmedNotes::<Test>::get(coop, member)
		.map(|notes| notes.0.iter().map(|kept| kept.note).collect())
		.unwrap_or_default()
}

#[test]
fn a_confirmed_note_is_not_attested_again() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 5, 1));
		assert_ok!(attest(0, 2, 3, 5, 1));
		assert_eq!(CareReputation::reputation(0, &3), 5);
		assert_eq!(confirmed_notes(0, 3), vec![note(1)]);
		// The same two friends attest the same note again: refused at once, nothing held.
		assert_noop!(attest(0, 1, 3, 5, 1), Error::<Test>::NoteAlreadyConfirmed);
		// Nor may anyone else, with any points.
		assert_noop!(attest(0, 4, 3, 2, 1), Error::<Test>::NoteAlreadyConfirmed);
		assert_eq!(CareReputation::reputation(0, &3), 5, "the same note counts once");
		// The rule is per member and cooperative: the same note about someone else is new care.
		assert_ok!(attest(0, 1, 4, 5, 1));
		// And a new note is new care, needing its own attesters.
		assert_ok!(attest(0, 1, 3, 5, 2));
		assert_eq!(CareReputation::reputation(0, &3), 5);
		assert_ok!(attest(0, 2, 3, 5, 2));
		assert_eq!(CareReputation::reputation(0, &3), 10);
		assert_eq!(confirmed_notes(0, 3), vec![note(1), note(2)]);
	});
}

#[test]
fn a_note_confirmed_by_decision_counts_once() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 7, 1));
		assert_ok!(CareReputation::confirm(coop_origin(0), 0));
		assert_noop!(attest(0, 2, 3, 7, 1), Error::<Test>::NoteAlreadyConfirmed);
		assert_eq!(CareReputation::reputation(0, &3), 7);
	});
}

#[test]
fn a_revoked_note_stays_confirmed() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 5, 1));
		assert_ok!(attest(0, 2, 3, 5, 1));
		assert_ok!(CareReputation::revoke(coop_origin(0), 0, 3, 5));
		assert!(!Reputation::<Test>::contains_key(0, 3));
		// Revoking takes the points away; attesting the note again does not bring them back.
		assert_noop!(attest(0, 1, 3, 5, 1), Error::<Test>::NoteAlreadyConfirmed);
	});
}

#[test]
fn a_note_is_forgotten_when_nothing_of_its_care_is_left() {
	build_and_execute(|| {
		// One point is 1,000 milli-points: nothing is left after ten half-lives (2^10 > 1,000).
		assert_ok!(attest(0, 1, 3, 1, 1));
		assert_ok!(attest(0, 2, 3, 1, 1));
		run_to(1 + 10 * HALF_LIFE - 1);
		assert_eq!(CareReputation::milli_points(0, &3), 1, "a milli-point is left");
		assert_noop!(attest(0, 1, 3, 1, 1), Error::<Test>::NoteAlreadyConfirmed);
		run_to(1 + 10 * HALF_LIFE);
		assert_eq!(CareReputation::milli_points(0, &3), 0);
		// The note no longer counts: attesting it again gives back no more than was lost.
		assert_ok!(attest(0, 1, 3, 1, 1));
		assert_ok!(attest(0, 2, 3, 1, 1));
		assert_eq!(CareReputation::reputation(0, &3), 1);
		assert_eq!(confirmed_notes(0, 3), vec![note(1)], "the stale entry was replaced");
	});
}

#[test]
fn a_note_is_remembered_for_the_half_life_it_was_confirmed_with() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 1, 1));
		assert_ok!(attest(0, 2, 3, 1, 1));
		assert_eq!(
			ConfirmedNotes::<Test>::get(0, 3).map(|notes| notes.0.to_vec()),
			Some(vec![ConfirmedNote {
				note: note(1),
				confirmed: 1,
				counts_until: 1 + 10 * HALF_LIFE
			}])
		);
		// A later change of the half-life does not move the horizon: a note that stopped
		// counting never counts again, so a pending record of it stays confirmable.
		run_to(1 + 10 * HALF_LIFE);
		assert_ok!(attest(0, 1, 3, 1, 1));
		set_params(0, |p| p.care_half_life = 100 * HALF_LIFE);
		assert!(!CareReputation::is_note_confirmed(0, &3, &note(1)));
		assert_ok!(attest(0, 2, 3, 1, 1));
		// A cooperative without decay remembers its notes until they are pushed out or the
		// member leaves.
		set_params(0, |p| p.care_half_life = 0);
		assert_ok!(attest(0, 1, 4, 1, 1));
		assert_ok!(attest(0, 2, 4, 1, 1));
		run_to(u64::MAX - 1);
		assert_noop!(attest(0, 1, 4, 1, 1), Error::<Test>::NoteAlreadyConfirmed);
	});
}

#[test]
fn confirming_forgets_the_notes_that_no_longer_count() {
	build_and_execute(|| {
		set_params(0, |p| p.attestations_needed = 1);
		assert_ok!(attest(0, 1, 3, 1, 1));
		assert_ok!(attest(0, 1, 3, MAX_POINTS, 2));
		run_to(1 + 10 * HALF_LIFE);
		// Note 1's point is gone, note 2's ten points are not (10,000 milli-points need 14).
		assert_ok!(attest(0, 1, 3, 1, 3));
		assert_eq!(confirmed_notes(0, 3), vec![note(2), note(3)]);
		assert_noop!(attest(0, 1, 3, 1, 2), Error::<Test>::NoteAlreadyConfirmed);
	});
}

#[test]
fn the_oldest_note_is_forgotten_when_the_list_is_full() {
	build_and_execute(|| {
		set_params(0, |p| p.attestations_needed = 1);
		for n in 1..=MAX_NOTES as u8 + 1 {
			// Two attesters share the work, within their per-period bounds.
			let attester = if n <= MAX_PER_PERIOD as u8 { 1 } else { 2 };
			assert_ok!(attest(0, attester, 3, 1, n));
		}
		let kept: Vec<H256> = (2..=MAX_NOTES as u8 + 1).map(note).collect();
		assert_eq!(confirmed_notes(0, 3), kept);
		assert_noop!(attest(0, 4, 3, 1, 2), Error::<Test>::NoteAlreadyConfirmed);
		// The oldest note is forgotten: attesting it again is no cheaper than a new note, as
		// `MaxConfirmedNotes` newer ones were confirmed since.
		assert_ok!(attest(0, 4, 3, 1, 1));
		assert_eq!(CareReputation::reputation(0, &3), u128::from(MAX_NOTES) + 2);
	});
}

#[test]
fn leaving_forgets_the_members_notes() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 5, 1));
		assert_ok!(attest(0, 2, 3, 5, 1));
		assert!(ConfirmedNotes::<Test>::contains_key(0, 3));
		leave(0, 3);
		assert!(!ConfirmedNotes::<Test>::contains_key(0, 3));
	});
}

#[test]
fn try_state_finds_a_pending_record_of_a_confirmed_note() {
	build_and_execute(|| {
		assert_ok!(attest(0, 1, 3, 5, 1));
		assert_ok!(attest(0, 2, 3, 5, 1));
		assert_ok!(attest(0, 1, 3, 5, 2));
		let kept = ConfirmedNotes::<Test>::get(0, 3).expect("note 1 is confirmed");
		let mut corrupt = kept.clone();
		corrupt.remember(ConfirmedNote::new(note(2), 5, 1, HALF_LIFE));
		ConfirmedNotes::<Test>::insert(0, 3, corrupt);
		assert!(CareReputation::do_try_state().is_err());
		ConfirmedNotes::<Test>::insert(0, 3, kept);
	});
}
