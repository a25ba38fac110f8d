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
	(0u128..10_000, 0u128..5_000, 0u128..5_000, 0u64..10, 0u32..3, 0u64..10, kind, 0u128..10_000)
		.prop_map(
			|(credit_limit, offered, locked, locked_until, locking_polls, now, kind, above)| {
				let account = CreditAccount {
					credit_limit,
					offered,
					locked,
					locked_until,
					locking_polls,
					..Default::default()
				};
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
				let paid = CreditAccount { balance: after, ..account };
				prop_assert!(paid.is_above_floor(now, kind));
			},
			Err(_) => prop_assert!(amount > available),
		}
	}
}
