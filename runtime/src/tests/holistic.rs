//! Holistic vote weights in the runtime: work credit and care reputation weigh in, no member
//! holds more than the cap, and credit that voted cannot vote again.

use super::*;
use confoederatio_primitives::{CollectiveOrigin, CoopParams, VoteWeight};
use frame_support::traits::fungible::Mutate;
use pallet_holistic_voting::math;
use sp_runtime::Perbill;

type Weight = <Runtime as pallet_holistic_voting::Config>::VoteWeight;

fn params(coop: CoopId) -> Option<CoopParams<crate::BlockNumber>> {
	<Cooperatives as confoederatio_primitives::Cooperatives<_, _>>::params(coop)
}

fn weight(coop: CoopId, who: &AccountId32) -> u64 {
	<Weight as VoteWeight<AccountId32, crate::BlockNumber>>::vote_weight(coop, who)
}

/// `points` of care reputation for `who`, confirmed by two other members.
fn care(coop: CoopId, who: &AccountId32, points: u32, by: [&AccountId32; 2], note: u8) {
	let mut left = points;
	let mut n = 0u8;
	while left > 0 {
		let chunk = left.min(10);
		let note = sp_core::H256::repeat_byte(note.wrapping_add(n));
		for attester in by {
			assert_ok!(CareReputation::attest(
				RuntimeOrigin::signed(attester.clone()),
				coop,
				who.clone(),
				chunk,
				note
			));
		}
		left -= chunk;
		n += 1;
	}
}

fn share(weights: &[u128]) -> f64 {
	let total: u128 = weights.iter().sum();
	*weights.iter().max().unwrap() as f64 / total as f64
}

/// A realistic cooperative of 30: three members hold most of the credit (2,000, 800 and 400
/// hours), most hold a little, a few carers hold care reputation. Prints the largest member's
/// share of the total weight under three ways of weighing votes (the README's table).
#[test]
fn the_largest_share_under_token_one_member_and_holistic_weights() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let members: Vec<AccountId32> =
			(0u8..30).map(|i| AccountId32::new([i + 100; 32])).collect();
		for member in &members {
			Balances::set_balance(member, 1_000 * UNIT);
		}
		let coop = Cooperatives::do_create(
			b"thirty".to_vec().try_into().unwrap(),
			members[0].clone(),
			&members,
			0,
			pallet_cooperatives::CoopStatus::Active,
		)
		.unwrap();
		let params: CoopParams<crate::BlockNumber> = params(coop).unwrap();
		assert_eq!((params.work_weight, params.care_weight), (1, 1), "the defaults");
		assert_eq!(params.weight_cap, Perbill::from_percent(10));
		assert_ok!(MutualCredit::set_credit_limit(
			CollectiveOrigin::Cooperative(coop).into(),
			coop,
			Cooperatives::account_of(coop),
			100_000 * CREDIT_PER_HOUR
		));
		let hours: Vec<u128> = (0..30)
			.map(|i| match i {
				0 => 2_000,
				1 => 800,
				2 => 400,
				i => (i as u128 * 7) % 40,
			})
			.collect();
		for (member, hours) in members.iter().zip(&hours) {
			if *hours > 0 {
				earn(coop, member, *hours);
			}
		}
		// Five carers: 40, 30, 25, 20 and 10 points.
		// (Each pair of attesters stays within the weekly bound of attestations.)
		for (k, (i, points)) in
			[(10, 40), (11, 30), (12, 25), (13, 20), (14, 10)].into_iter().enumerate()
		{
			let by = [&members[20 + 2 * k], &members[21 + 2 * k]];
			care(coop, &members[i], points, by, i as u8 * 10);
		}

		let token: Vec<u128> = hours.iter().map(|h| h * CREDIT_PER_HOUR).collect();
		let one_each: Vec<u128> = vec![1; 30];
		let holistic: Vec<u64> = members.iter().map(|m| weight(coop, m)).collect();
		let level = math::cap_level(&holistic, params.weight_cap);
		let capped: Vec<u128> =
			holistic.iter().map(|w| u128::from(math::capped(*w, level))).collect();
		let uncapped: Vec<u128> = holistic.iter().map(|w| u128::from(*w)).collect();

		// The richest member: 1 + sqrt(2,000) = 45.
		assert_eq!(holistic[0], 45);
		// The first carer: 1 + sqrt(7·10 % 40 = 30) + sqrt(40) = 1 + 5 + 6 = 12.
		assert_eq!(holistic[10], 12);
		let (token_share, one_share, holistic_share, capped_share) =
			(share(&token), share(&one_each), share(&uncapped), share(&capped));
		println!("| weighting | largest member's share of the total weight |");
		println!("|---|---|");
		println!("| token weighting (1 credit = 1 vote) | {:.1}% |", token_share * 100.0);
		println!("| one member, one vote | {:.1}% |", one_share * 100.0);
		println!(
			"| holistic, default a = b = 1, before the cap | {:.1}% |",
			holistic_share * 100.0
		);
		println!("| holistic, default a = b = 1, 10% cap | {:.1}% |", capped_share * 100.0);
		assert!(token_share > 0.5, "the rich hold most of the credit");
		assert!(capped_share <= 0.10, "no member above the cap");
		assert!(capped_share < holistic_share && holistic_share < token_share);
		assert!((one_share - 1.0 / 30.0).abs() < 1e-12);
		MutualCredit::do_try_state().unwrap();
		CareReputation::do_try_state().unwrap();
	});
}

/// Whether `poll` was approved (`Some(true)`) or rejected (`Some(false)`) with `tally`.
fn decided_with(poll: PollId, tally: confoederatio_primitives::Tally) -> Option<bool> {
	System::events().into_iter().find_map(|record| match record.event {
		RuntimeEvent::Governance(pallet_holistic_voting::Event::Approved { poll: p, tally: t })
			if p == poll && t == tally =>
		{
			Some(true)
		},
		RuntimeEvent::Governance(pallet_holistic_voting::Event::Rejected { poll: p, tally: t })
			if p == poll && t == tally =>
		{
			Some(false)
		},
		_ => None,
	})
}

/// Issue "close the holes", item 7: in the three-member bakery Alice (weight 11) votes aye,
/// Bob (1) and Charlie (4) nay. Under the default 10% cap three votes count equally and the poll
/// fails 1 to 2; her credit is locked while she votes, so she cannot hand it to Bob to vote
/// again. The bakery raises its cap to 60% by poll: the same votes count 7 (her weight capped)
/// against 5, and pass.
#[test]
fn a_poll_counts_capped_holistic_weights_and_locks_the_credit_that_voted() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie] =
			[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
				.map(|k| k.to_account_id());
		earn(0, &alice, 100);
		care(0, &charlie, 9, [&alice, &bob], 1);
		assert_eq!(weight(0, &alice), 11, "1 + sqrt(100 hours)");
		assert_eq!(weight(0, &charlie), 4, "1 + sqrt(9 points)");
		assert_eq!(weight(0, &bob), 1);
		assert_eq!(params(0).unwrap().weight_cap, Perbill::from_percent(10));

		let poll = open_poll(&bob);
		assert_ok!(Governance::vote(RuntimeOrigin::signed(alice.clone()), poll, true));
		// Alice's 100 hours voted: she cannot hand them to Bob to vote again.
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(alice.clone()), 0, bob.clone(), 100),
			pallet_mutual_credit::Error::<Runtime>::CreditLocked
		);
		assert_eq!(MutualCredit::account_info(0, &alice).locked, 100 * CREDIT_PER_HOUR);
		assert_ok!(Governance::vote(RuntimeOrigin::signed(bob.clone()), poll, false));
		assert_ok!(Governance::vote(RuntimeOrigin::signed(charlie.clone()), poll, false));
		let equal = confoederatio_primitives::Tally { ayes: 1, nays: 2, voters: 3 };
		assert_eq!(Governance::poll_tally(poll), Some(equal));
		assert_ok!(Governance::close(RuntimeOrigin::signed(bob.clone()), poll));
		assert_eq!(decided_with(poll, equal), Some(false));
		// Closing released the poll's lock: the credit moves again.
		assert_eq!(MutualCredit::account_info(0, &alice).locked, 0);

		let raised = CoopParams { weight_cap: Perbill::from_percent(60), ..params(0).unwrap() };
		assert_ok!(decide(
			0,
			pallet_cooperatives::Call::<Runtime>::set_parameters { coop: 0, params: raised }
		));
		assert_eq!(params(0).unwrap().weight_cap, Perbill::from_percent(60));
		let poll = open_poll(&bob);
		for (who, aye) in [(&alice, true), (&bob, false), (&charlie, false)] {
			assert_ok!(Governance::vote(RuntimeOrigin::signed(who.clone()), poll, aye));
		}
		let weighed = confoederatio_primitives::Tally { ayes: 7, nays: 5, voters: 3 };
		assert_eq!(Governance::poll_tally(poll), Some(weighed));
		assert_ok!(Governance::close(RuntimeOrigin::signed(bob.clone()), poll));
		assert_eq!(decided_with(poll, weighed), Some(true));
		assert_eq!(executed(poll), Some(Ok(())));
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(alice), 0, bob, 100));
		check_invariants();
	});
}

fn remark() -> Box<RuntimeCall> {
	Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }))
}

fn open_poll(proposer: &AccountId32) -> PollId {
	assert_ok!(Governance::propose(
		RuntimeOrigin::signed(proposer.clone()),
		ProposalScope::Cooperative(0),
		remark()
	));
	last_poll()
}

/// Issue 12, attack 1: closing a poll in which a member voted without credit does not free the
/// credit she locked in another open poll; and once every poll closed, nothing is locked.
#[test]
fn closing_a_poll_releases_its_own_locks_only() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie] =
			[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
				.map(|k| k.to_account_id());
		let p1 = open_poll(&bob);
		assert_ok!(Governance::vote(RuntimeOrigin::signed(alice.clone()), p1, true));
		earn(0, &alice, 100);
		let p2 = open_poll(&bob);
		assert_ok!(Governance::vote(RuntimeOrigin::signed(alice.clone()), p2, true));
		for who in [&bob, &charlie] {
			assert_ok!(Governance::vote(RuntimeOrigin::signed(who.clone()), p1, true));
		}
		assert_ok!(Governance::close(RuntimeOrigin::signed(bob.clone()), p1));
		// P2 is open: Alice's 100 hours stay locked and cannot vote again in P2 through Bob.
		assert_eq!(MutualCredit::account_info(0, &alice).locked, 100 * CREDIT_PER_HOUR);
		assert_noop!(
			MutualCredit::transfer(
				RuntimeOrigin::signed(alice.clone()),
				0,
				bob.clone(),
				100 * CREDIT_PER_HOUR
			),
			pallet_mutual_credit::Error::<Runtime>::CreditLocked
		);
		for who in [&bob, &charlie] {
			assert_ok!(Governance::vote(RuntimeOrigin::signed(who.clone()), p2, false));
		}
		assert_ok!(Governance::close(RuntimeOrigin::signed(bob.clone()), p2));
		// No poll is open: the credit is free at once.
		assert_eq!(MutualCredit::account_info(0, &alice).locked, 0);
		assert_ok!(MutualCredit::transfer(
			RuntimeOrigin::signed(alice),
			0,
			bob,
			100 * CREDIT_PER_HOUR
		));
		check_invariants();
	});
}

/// Issue 12, attack 6: a member who leaves does not let a poll close early, and a member added
/// after it opened does not vote in it.
#[test]
fn a_polls_electorate_is_fixed_when_it_opens() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.map(|k| k.to_account_id());
		let poll = open_poll(&alice);
		assert_ok!(Governance::vote(RuntimeOrigin::signed(alice.clone()), poll, true));
		assert_ok!(Governance::vote(RuntimeOrigin::signed(bob.clone()), poll, true));
		assert_ok!(Cooperatives::leave(RuntimeOrigin::signed(bob), 0));
		assert_noop!(
			Governance::close(RuntimeOrigin::signed(alice.clone()), poll),
			pallet_holistic_voting::Error::<Runtime>::TooEarly
		);
		assert_ok!(Cooperatives::add_member(
			CollectiveOrigin::Cooperative(0).into(),
			0,
			dave.clone()
		));
		assert_noop!(
			Governance::vote(RuntimeOrigin::signed(dave), poll, true),
			pallet_holistic_voting::Error::<Runtime>::JoinedAfterOpening
		);
		assert_ok!(Governance::vote(RuntimeOrigin::signed(charlie), poll, true));
		assert_noop!(
			Governance::close(RuntimeOrigin::signed(alice), poll),
			pallet_holistic_voting::Error::<Runtime>::TooEarly
		);
		check_invariants();
	});
}
