//! Property tests: random sequences of steps keep every invariant, and do move credit.

use super::*;
use proptest::prelude::*;

/// Someone a step names, seen from a cooperative: mostly one of its (initial) members.
#[derive(Clone, Copy, Debug)]
enum Party {
	/// Its `n`-th initial member (cooperative 2 has two, so its third is an outsider).
	Member(u64),
	/// The coop account.
	CoopAccount,
	/// Any account 1..=10, member or not.
	Anyone(u64),
}

fn resolve(coop: CoopId, party: Party) -> u64 {
	match party {
		Party::Member(n) => u64::from(coop) * 3 + 1 + n,
		Party::CoopAccount => coop_account(coop),
		Party::Anyone(who) => who,
	}
}

/// One step a member, a cooperative or the federation may take.
#[derive(Clone, Debug)]
enum Step {
	Transfer { coop: CoopId, from: Party, to: Party, amount: u128 },
	Across { from_coop: CoopId, from: Party, to: Party, amount: u128 },
	Work { coop: CoopId, who: Party, amount: u128, approve: bool },
	Limit { coop: CoopId, who: Party, limit: u128 },
	Rate { coop: CoopId, parts_per_thousand: u128 },
	FederationLimit { coop: CoopId, limit: u128 },
	WriteOff { coop: CoopId, who: Party },
	Leave { coop: CoopId, who: Party },
	Join { coop: CoopId, who: Party },
}

/// Mostly the two active cooperatives; sometimes the suspended one.
fn coop() -> impl Strategy<Value = CoopId> {
	prop_oneof![4 => Just(0u32), 4 => Just(1u32), 1 => Just(2u32)]
}
fn party() -> impl Strategy<Value = Party> {
	prop_oneof![
		16 => (0u64..3).prop_map(Party::Member),
		1 => Just(Party::CoopAccount),
		1 => (1u64..=10).prop_map(Party::Anyone),
	]
}
fn amount() -> impl Strategy<Value = u128> {
	prop_oneof![
		14 => 0u128..1_000,
		3 => 0u128..10_000,
		1 => Just(u128::MAX),
		1 => Just(i128::MAX as u128 + 1),
	]
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		4 => (coop(), party(), party(), amount())
			.prop_map(|(coop, from, to, amount)| Step::Transfer { coop, from, to, amount }),
		3 => (0u32..2, party(), party(), amount()).prop_map(|(from_coop, from, to, amount)| {
			Step::Across { from_coop, from, to, amount }
		}),
		2 => (coop(), party(), 0u128..3_000, any::<bool>())
			.prop_map(|(coop, who, amount, approve)| Step::Work { coop, who, amount, approve }),
		1 => (coop(), party(), 0u128..6_000)
			.prop_map(|(coop, who, limit)| Step::Limit { coop, who, limit }),
		1 => (coop(), 0u128..3_000)
			.prop_map(|(coop, parts_per_thousand)| Step::Rate { coop, parts_per_thousand }),
		2 => (coop(), 0u128..5_000)
			.prop_map(|(coop, limit)| Step::FederationLimit { coop, limit }),
		1 => (coop(), party()).prop_map(|(coop, who)| Step::WriteOff { coop, who }),
		1 => (coop(), party()).prop_map(|(coop, who)| Step::Leave { coop, who }),
		1 => (coop(), party()).prop_map(|(coop, who)| Step::Join { coop, who }),
	]
}

/// Takes a step; a step that fails must change nothing at all. Returns whether it succeeded.
fn take(step: &Step) -> bool {
	let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
	let result = match *step {
		Step::Transfer { coop, from, to, amount } => MutualCredit::transfer(
			RuntimeOrigin::signed(resolve(coop, from)),
			coop,
			resolve(coop, to),
			amount,
		),
		Step::Across { from_coop, from, to, amount } => {
			// Between the two active cooperatives, 0 and 1.
			let to_coop = 1 - from_coop;
			MutualCredit::transfer_across(
				RuntimeOrigin::signed(resolve(from_coop, from)),
				from_coop,
				to_coop,
				resolve(to_coop, to),
				amount,
			)
		},
		Step::Work { coop, who, amount, approve } => {
			let id = NextContributionId::<Test>::get();
			MutualCredit::submit_contribution(
				RuntimeOrigin::signed(resolve(coop, who)),
				coop,
				amount,
				Commons,
				evidence(3),
			)
			.and_then(|()| {
				if approve {
					MutualCredit::approve_contribution(coop_origin(coop), id)
				} else {
					MutualCredit::reject_contribution(coop_origin(coop), id)
				}
			})
		},
		Step::Limit { coop, who, limit } => {
			MutualCredit::set_credit_limit(coop_origin(coop), coop, resolve(coop, who), limit)
		},
		Step::Rate { coop, parts_per_thousand } => MutualCredit::set_exchange_rate(
			federation(),
			coop,
			ExchangeRate::from_rational(parts_per_thousand, 1_000),
		),
		Step::FederationLimit { coop, limit } => {
			MutualCredit::set_federation_limit(federation(), coop, limit)
		},
		Step::WriteOff { coop, who } => {
			MutualCredit::write_off(coop_origin(coop), coop, resolve(coop, who))
		},
		Step::Leave { coop, who } => {
			let who = resolve(coop, who);
			if is_member_now(coop, who) {
				leave(coop, who)
			} else {
				Err(DispatchError::Other("not a member"))
			}
		},
		Step::Join { coop, who } => {
			let who = resolve(coop, who);
			if who < 1_000 && !is_member_now(coop, who) {
				join(coop, who);
				Ok(())
			} else {
				Err(DispatchError::Other("cannot join"))
			}
		},
	};
	if result.is_err() {
		// A failed approval after a successful submission leaves the submission standing:
		// only the whole step is compared when both halves fail.
		if !matches!(step, Step::Work { .. }) {
			assert_eq!(
				before,
				sp_io::storage::root(sp_runtime::StateVersion::V1),
				"a failed {step:?} changed storage"
			);
		}
	}
	result.is_ok()
}

fn is_member_now(coop: CoopId, who: u64) -> bool {
	<MockCooperatives as confoederatio_primitives::Cooperatives<u64, u64>>::is_member(coop, &who)
}

/// The mock's genesis, with cooperatives 0 and 1 open to each other.
fn federated_ext() -> sp_io::TestExternalities {
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		for coop in [0, 1] {
			assert_ok!(MutualCredit::set_federation_limit(federation(), coop, 2_000));
		}
	});
	ext
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(1_000))]

	/// Any sequence of steps keeps every currency at zero sum, every account within its
	/// limit, and the federation's positions at zero sum within their limits.
	#[test]
	fn random_sequences_keep_every_invariant(steps in prop::collection::vec(step(), 1..40)) {
		federated_ext().execute_with(|| {
			for step in &steps {
				take(step);
				MutualCredit::do_try_state().expect("invariants hold after every step");
			}
		});
	}
}

/// The property above is not vacuous: with the same generator, a good share of payments,
/// payments across and approvals succeed (and some fail), so the invariants are checked
/// against credit that really moves.
#[test]
fn random_sequences_do_move_credit() {
	use proptest::{strategy::ValueTree, test_runner::TestRunner};
	let mut runner = TestRunner::deterministic();
	let (mut transfers, mut across, mut work) = ((0u32, 0u32), (0u32, 0u32), (0u32, 0u32));
	for _ in 0..200 {
		let steps = prop::collection::vec(step(), 1..40)
			.new_tree(&mut runner)
			.expect("a sequence")
			.current();
		federated_ext().execute_with(|| {
			for step in &steps {
				let ok = take(step);
				let counter = match step {
					Step::Transfer { .. } => &mut transfers,
					Step::Across { .. } => &mut across,
					Step::Work { .. } => &mut work,
					_ => continue,
				};
				if ok {
					counter.0 += 1;
				} else {
					counter.1 += 1;
				}
			}
		});
	}
	for (name, (succeeded, failed)) in [("transfer", transfers), ("across", across), ("work", work)]
	{
		println!("{name}: {succeeded} succeeded, {failed} failed");
		assert!(succeeded * 10 >= succeeded + failed, "fewer than 10% of {name} steps succeeded");
		assert!(failed > 0, "no {name} step failed");
	}
}

/// An account within the mock's ranges, at or above its floor at block `now` (as the
/// invariants keep every account), with its kind and `now`.
fn account_above_floor() -> impl Strategy<Value = (CreditAccountOf<Test>, AccountKind, u64)> {
	let kind = prop_oneof![Just(AccountKind::Holder), Just(AccountKind::CoopAccount)];
	let locks = prop::collection::vec((0u128..5_000, 0u64..10), 0..=MAX_VOTE_LOCKS as usize);
	(0u128..10_000, 0u128..5_000, locks, 0u64..10, kind, 0u128..10_000).prop_map(
		|(credit_limit, offered, locks, now, kind, above)| {
			let vote_locks = locks
				.into_iter()
				.zip(0..)
				.map(|((amount, until), poll)| VoteLock { poll, amount, until })
				.collect::<Vec<_>>()
				.try_into()
				.expect("at most MaxVoteLocks");
			let account = CreditAccount { credit_limit, offered, vote_locks, ..Default::default() };
			let floor = account.floor(now, kind).expect("a floor in range");
			(CreditAccount { balance: floor + above as i128, ..account }, kind, now)
		},
	)
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(2_000))]

	/// One floor for the calls and the runtime API: a debit succeeds exactly up to what
	/// `available` reports, and leaves the account at or above its floor.
	#[test]
	fn a_debit_succeeds_exactly_up_to_what_is_available(
		(account, kind, now) in account_above_floor(),
		amount in 0u128..30_000,
	) {
		let available = account.available(now, kind);
		match account.debit(amount, now, kind) {
			Ok(after) => {
				prop_assert!(amount <= available);
				prop_assert_eq!(after, account.balance - amount as i128);
				let paid = CreditAccount { balance: after, ..account.clone() };
				prop_assert!(paid.is_above_floor(now, kind));
			},
			Err(_) => prop_assert!(amount > available),
		}
	}
}

/// Vote locks as Governance uses them, in several polls of cooperative 0 at once.
mod vote_locks {
	use super::*;
	use confoederatio_primitives::{LockableCredit, OfferableCredit};
	use std::collections::BTreeMap;

	/// How many polls the sequences open: more than an account may hold locks for at once.
	const POLLS: u32 = 6;

	/// One step: a vote, a poll closed, credit moving, time passing.
	#[derive(Clone, Debug)]
	enum Step {
		/// `who` votes in `poll`, as Governance does: its voting credit, locked if any.
		Vote {
			poll: u32,
			who: u64,
		},
		/// `poll` is closed: every voter's lock for it released, as Governance does.
		Close {
			poll: u32,
		},
		Transfer {
			from: u64,
			to: u64,
			amount: u128,
		},
		Offer {
			who: u64,
			amount: u128,
		},
		Withdraw {
			who: u64,
			amount: u128,
		},
		Advance {
			blocks: u64,
		},
	}

	fn member() -> impl Strategy<Value = u64> {
		1u64..=3
	}

	fn step() -> impl Strategy<Value = Step> {
		prop_oneof![
			4 => (0..POLLS, member()).prop_map(|(poll, who)| Step::Vote { poll, who }),
			1 => (0..POLLS).prop_map(|poll| Step::Close { poll }),
			4 => (member(), member(), 0u128..600)
				.prop_map(|(from, to, amount)| Step::Transfer { from, to, amount }),
			1 => (member(), 0u128..300).prop_map(|(who, amount)| Step::Offer { who, amount }),
			1 => (member(), 0u128..300).prop_map(|(who, amount)| Step::Withdraw { who, amount }),
			2 => (0u64..5).prop_map(|blocks| Step::Advance { blocks }),
		]
	}

	/// A poll as Governance sees it: its end, whether it was closed, the credit each voter
	/// voted with.
	#[derive(Default)]
	struct Poll {
		end: u64,
		closed: bool,
		votes: BTreeMap<u64, u128>,
	}

	impl Poll {
		/// Open at block `now`: not closed, and its end not passed.
		fn is_open_at(&self, now: u64) -> bool {
			!self.closed && now <= self.end
		}
	}

	/// Locks `credit` of `who` for `poll` open until `end`: whether the ledger took it (it
	/// refuses only a lock beyond `MaxVoteLocks` open polls, and then changes nothing).
	fn lock(who: u64, poll: u32, credit: u128, end: u64) -> bool {
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		match MutualCredit::lock(0, &who, poll, credit, end) {
			Ok(()) => true,
			Err(error) => {
				assert_eq!(error, Error::<Test>::TooManyVoteLocks.into());
				assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
				let now = System::block_number();
				let open = MutualCredit::account_of(0, &who)
					.vote_locks
					.iter()
					.filter(|lock| lock.is_open_at(now))
					.count();
				assert_eq!(open, MAX_VOTE_LOCKS as usize, "refused only when the locks are full");
				false
			},
		}
	}

	/// Releases `who`'s lock for `poll`.
	fn release(who: u64, poll: u32) {
		MutualCredit::unlock(0, &who, poll);
	}

	/// What a step did, for the check that the sequences are not vacuous.
	#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
	enum Done {
		/// A vote with credit, locked.
		Locked,
		/// A vote with credit, refused: `MaxVoteLocks` open polls hold locks already.
		Refused,
		/// A vote without credit: nothing locked.
		VotedWithoutCredit,
		/// A poll closed while a vote in it held credit.
		Released,
		/// A payment refused because a vote locked the credit.
		PaymentLocked,
		/// Anything else.
		Other,
	}

	fn take(step: &Step, polls: &mut [Poll]) -> Done {
		let now = System::block_number();
		match *step {
			Step::Vote { poll, who } => {
				let open = &mut polls[poll as usize];
				if !open.is_open_at(now) || open.votes.contains_key(&who) {
					return Done::Other;
				}
				let credit = MutualCredit::voting_credit(0, &who);
				if credit == 0 {
					open.votes.insert(who, credit);
					return Done::VotedWithoutCredit;
				}
				if !lock(who, poll, credit, open.end) {
					return Done::Refused;
				}
				open.votes.insert(who, credit);
				Done::Locked
			},
			Step::Close { poll } => {
				let open = &mut polls[poll as usize];
				if open.closed {
					return Done::Other;
				}
				let held = open.is_open_at(now) && open.votes.values().any(|credit| *credit > 0);
				open.closed = true;
				for voter in open.votes.keys() {
					release(*voter, poll);
				}
				if held {
					Done::Released
				} else {
					Done::Other
				}
			},
			Step::Transfer { from, to, amount } => {
				match MutualCredit::transfer(RuntimeOrigin::signed(from), 0, to, amount) {
					Err(error) if error == Error::<Test>::CreditLocked.into() => {
						Done::PaymentLocked
					},
					_ => Done::Other,
				}
			},
			Step::Offer { who, amount } => {
				let _ = MutualCredit::offer(0, &who, amount);
				Done::Other
			},
			Step::Withdraw { who, amount } => {
				let _ = MutualCredit::withdraw_offer(0, &who, amount);
				Done::Other
			},
			Step::Advance { blocks } => {
				System::set_block_number(now + blocks);
				Done::Other
			},
		}
	}

	/// Runs `steps` from the mock's genesis with `credit` issued to members 1..=3 and polls
	/// ending at `ends`, checking after every step that each member's lock is the most credit it
	/// voted with in the open polls, and that each voter of an open poll still holds what it
	/// voted with. Returns what the steps did.
	fn run(credit: &[u128], ends: &[u64], steps: &[Step]) -> Vec<Done> {
		let mut done = Vec::new();
		new_test_ext().execute_with(|| {
			for (who, amount) in (1u64..=3).zip(credit) {
				if *amount > 0 {
					assert_ok!(MutualCredit::do_issue(0, &who, Commons, *amount));
				}
			}
			let mut polls: Vec<Poll> =
				ends.iter().map(|end| Poll { end: *end, ..Default::default() }).collect();
			for step in steps {
				done.push(take(step, &mut polls));
				let now = System::block_number();
				for who in 1u64..=3 {
					let voted = polls
						.iter()
						.filter(|poll| poll.is_open_at(now))
						.filter_map(|poll| poll.votes.get(&who).copied())
						.max()
						.unwrap_or(0);
					let info = MutualCredit::account_info(0, &who);
					assert_eq!(
						info.locked, voted,
						"member {who}'s lock after {step:?} at block {now}"
					);
					// Its positive balance, less what is on offer.
					let held = MutualCredit::voting_credit(0, &who);
					assert!(held >= voted, "member {who}'s voted credit moved after {step:?}");
				}
				MutualCredit::do_try_state().expect("invariants hold after every step");
			}
		});
		done
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(1_000))]

		/// Whatever members vote, close, pay, offer and wait, in several polls at once:
		/// - a member's lock is always the most credit it voted with in the polls still open
		///   (not closed, their end not passed), and nothing when none is;
		/// - a member's credit never weighs twice in one poll: while a poll is open, each of its
		///   voters still holds (not on offer) the credit it voted with, so no other member can
		///   vote with that credit in the same poll.
		#[test]
		fn a_lock_is_the_most_credit_voted_in_the_open_polls(
			credit in prop::collection::vec(0u128..1_000, 3),
			ends in prop::collection::vec(1u64..30, POLLS as usize),
			steps in prop::collection::vec(step(), 1..60),
		) {
			run(&credit, &ends, &steps);
		}
	}

	/// The property above is not vacuous: with the same generator, votes lock credit, some are
	/// refused for want of room, closing polls releases locks, and payments meet locks.
	#[test]
	fn vote_lock_sequences_lock_refuse_and_release() {
		use proptest::{strategy::ValueTree, test_runner::TestRunner};
		let mut runner = TestRunner::deterministic();
		let mut counts: BTreeMap<Done, u32> = BTreeMap::new();
		let generator = (
			prop::collection::vec(0u128..1_000, 3),
			prop::collection::vec(1u64..30, POLLS as usize),
			prop::collection::vec(step(), 1..60),
		);
		for _ in 0..300 {
			let (credit, ends, steps) =
				generator.new_tree(&mut runner).expect("a sequence").current();
			for done in run(&credit, &ends, &steps) {
				*counts.entry(done).or_default() += 1;
			}
		}
		println!("{counts:?}");
		for done in [
			Done::Locked,
			Done::Refused,
			Done::VotedWithoutCredit,
			Done::Released,
			Done::PaymentLocked,
		] {
			assert!(counts.get(&done).copied().unwrap_or(0) >= 10, "too few {done:?}: {counts:?}");
		}
	}
}
