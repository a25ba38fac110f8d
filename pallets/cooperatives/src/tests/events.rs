//! Every membership change emits `MemberAdded` or `MemberRemoved`, so that an indexer following
//! the events sees every member come and go.

use super::*;

fn membership_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Cooperatives(
				event @ (Event::MemberAdded { .. } | Event::MemberRemoved { .. }),
			) => Some(event),
			_ => None,
		})
		.collect()
}

/// Issue 12: `apply` made three members and said so in no `MemberAdded`.
#[test]
fn apply_emits_member_added_for_each_founder() {
	build_and_execute(|| {
		let coop = apply_bakery();
		assert_eq!(
			membership_events(),
			[4, 5, 6].map(|who| Event::<Test>::MemberAdded { coop, who }).to_vec()
		);
	});
}

/// Issue 12: `reject` removed three members and said so in no `MemberRemoved`.
#[test]
fn reject_emits_member_removed_for_each_founder() {
	build_and_execute(|| {
		let coop = apply_bakery();
		System::reset_events();
		assert_ok!(Cooperatives::reject(federation_origin(), coop));
		assert_eq!(removed_from(coop), vec![4, 5, 6]);
	});
}

#[test]
fn decline_founding_emits_member_removed_for_each_founder() {
	build_and_execute(|| {
		let coop = apply_bakery();
		System::reset_events();
		assert_ok!(Cooperatives::decline_founding(RuntimeOrigin::signed(5), coop));
		assert_eq!(removed_from(coop), vec![4, 5, 6]);
	});
}

/// An indexer that knows the genesis members and follows only `MemberAdded` and
/// `MemberRemoved` ends with exactly the members in storage, whatever happened: founding,
/// admission, joining, removal, leaving, a rejection and a withdrawal.
#[test]
fn an_indexer_following_the_events_knows_every_member() {
	build_and_execute(|| {
		let admitted = apply_bakery();
		confirm_bakery(admitted);
		assert_ok!(Cooperatives::admit(federation_origin(), admitted));
		assert_ok!(Cooperatives::add_member(coop_origin(admitted), admitted, 7));
		assert_ok!(Cooperatives::remove_member(coop_origin(admitted), admitted, 5));
		assert_ok!(Cooperatives::leave(RuntimeOrigin::signed(7), admitted));
		assert_ok!(Cooperatives::add_member(coop_origin(0), 0, 8));
		assert_ok!(Cooperatives::leave(RuntimeOrigin::signed(1), 0));
		let rejected = apply_bakery();
		assert_ok!(Cooperatives::reject(federation_origin(), rejected));
		let declined = apply_bakery();
		assert_ok!(Cooperatives::decline_founding(RuntimeOrigin::signed(6), declined));
		let pending = apply_bakery();

		// Genesis emits no events: the indexer reads the genesis members from the chain spec.
		let mut indexed: alloc::collections::BTreeSet<(CoopId, u128)> =
			[(0, 1), (0, 2), (0, 3)].into_iter().collect();
		for event in membership_events() {
			match event {
				Event::MemberAdded { coop, who } => assert!(indexed.insert((coop, who))),
				Event::MemberRemoved { coop, who } => assert!(indexed.remove(&(coop, who))),
				_ => unreachable!(),
			}
		}
		let stored: alloc::collections::BTreeSet<(CoopId, u128)> =
			Members::<Test>::iter().map(|(coop, who, _)| (coop, who)).collect();
		assert_eq!(indexed, stored);
		assert!(stored.contains(&(pending, 6)));
		assert!(!stored.iter().any(|(coop, _)| *coop == rejected || *coop == declined));
	});
}

/// Who the `MemberRemoved` events since the last reset took out of `coop`, sorted.
fn removed_from(coop: CoopId) -> Vec<u128> {
	let mut removed: Vec<u128> = membership_events()
		.into_iter()
		.filter_map(|event| match event {
			Event::MemberRemoved { coop: c, who } if c == coop => Some(who),
			_ => None,
		})
		.collect();
	removed.sort();
	removed
}
