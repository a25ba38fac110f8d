//! Property tests: random sequences of calls create and lose nothing, and no member holds more
//! than its share of a queue; a payout is the rate times the credit rounded down, less the fee
//! rounded up.

use super::*;
use alloc::collections::btree_map::BTreeMap;
use proptest::prelude::*;
use sp_core::U256;

#[derive(Clone, Debug)]
enum Step {
	Fund { amount: u64 },
	Rate { rate: Price },
	Redeem { who: u64, commons: bool, amount: u128 },
	Cancel { who: u64, commons: bool, index: u32 },
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		3 => (0u64..20_000).prop_map(|amount| Step::Fund { amount }),
		// Whole and fractional rates: up to 50 native units per unit of credit, in quarters.
		1 => (0u128..200).prop_map(|quarters| Step::Rate { rate: Price::from_rational(quarters, 4) }),
		5 => (1u64..=4, any::<bool>(), 0u128..300)
			.prop_map(|(who, commons, amount)| Step::Redeem { who, commons, amount }),
		2 => (1u64..=4, any::<bool>(), 0u32..8)
			.prop_map(|(who, commons, index)| Step::Cancel { who, commons, index }),
	]
}

fn category(commons: bool) -> WorkCategory {
	if commons {
		Commons
	} else {
		Subsistence
	}
}

/// Native units held by the members (free and on hold), the funder and the reserve.
fn native_total() -> u64 {
	[1, 2, 3, 4, 9, Redemption::reserve_account(0)]
		.into_iter()
		.map(|who| Balances::total_balance(&who))
		.sum()
}

/// How many requests each member has waiting in `category`'s queue, counted from the requests.
fn waiting_of(category: WorkCategory) -> BTreeMap<u64, u32> {
	let mut counts = BTreeMap::new();
	for (_, request) in Requests::<Test>::iter_prefix((0, category)) {
		*counts.entry(request.who).or_default() += 1;
	}
	counts
}

/// What waits to be paid, and the credit it burned.
fn waiting() -> (u64, u128) {
	Requests::<Test>::iter().fold((0, 0), |(payout, credit), (_, _, request)| {
		(payout + request.payout, credit + request.credit)
	})
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(1_000))]

	/// No value is created or lost: native units only move between the members, the
	/// funder and the reserve; the reserve's buckets are what was funded minus what was
	/// paid; credit burned is either paid, waiting, or back with its member; and credit
	/// still sums to zero. A failed step changes nothing. No member has more than
	/// `MAX_PER_MEMBER` requests waiting in a bucket, each member's deposits on hold are those
	/// of its waiting requests, and a queue is full only when enough members share it.
	#[test]
	fn random_sequences_create_and_lose_nothing(steps in prop::collection::vec(step(), 1..40)) {
		new_test_ext().execute_with(|| -> Result<(), TestCaseError> {
			for who in [1, 2, 3] {
				MockLedger::issue(0, who, Subsistence, 500);
				MockLedger::issue(0, who, Commons, 500);
			}
			let total = native_total();
			let issued: i128 = 3_000;
			for step in &steps {
				let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
				let ledger_before = MockLedger::all();
				let result = match *step {
					Step::Fund { amount } => Redemption::fund(RuntimeOrigin::signed(9), 0, amount)
						.map(|_| ())
						.map_err(|e| e.error),
					Step::Rate { rate } => Redemption::set_rate(coop_origin(0), 0, rate),
					Step::Redeem { who, commons, amount } => Redemption::redeem(
						RuntimeOrigin::signed(who), 0, category(commons), amount),
					Step::Cancel { who, commons, index } => Redemption::cancel(
						RuntimeOrigin::signed(who), 0, category(commons), index),
				};
				if result.is_err() {
					prop_assert_eq!(&before, &sp_io::storage::root(sp_runtime::StateVersion::V1));
					prop_assert_eq!(&ledger_before, &MockLedger::all());
				}
				if let (Step::Redeem { commons, .. }, Err(error)) = (step, result) {
					if error == Error::<Test>::QueueFull.into() {
						// Full, with at most `MAX_PER_MEMBER` requests of each member in it.
						let members = waiting_of(category(*commons)).len() as u32;
						prop_assert!(members * MAX_PER_MEMBER >= MAX_QUEUE);
					}
				}
				let (subsistence, commons) = (waiting_of(Subsistence), waiting_of(Commons));
				for who in [1, 2, 3, 4] {
					let waiting = [&subsistence, &commons].map(|counts| {
						counts.get(&who).copied().unwrap_or_default()
					});
					prop_assert!(waiting.iter().all(|count| *count <= MAX_PER_MEMBER));
					prop_assert_eq!(
						deposits_held(who),
						REQUEST_DEPOSIT * u64::from(waiting[0] + waiting[1])
					);
				}
				Redemption::do_try_state().expect("invariants hold after every step");
				prop_assert!(MockLedger::consistent());
				prop_assert_eq!(native_total(), total);
				// Credit held by members plus credit burned into the cooperative's account
				// is what was issued; what waits is part of what was burned.
				let held: i128 = [1, 2, 3].into_iter().map(|w| MockLedger::holding(0, w).balance).sum();
				let burned = issued - held;
				let (_, waiting_credit) = waiting();
				prop_assert!(waiting_credit as i128 <= burned);
			}
			Ok(())
		})?;
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(5_000))]

	/// A payout at any rate (a price, exact to 18 decimal places) is `⌊rate · credit⌋` less the
	/// exit fee on it rounded up: the gross amount is never above the exact product and less
	/// than one native unit below it, and the fee is never less than its share.
	#[test]
	fn a_payout_is_the_floor_of_rate_times_credit_less_the_fee_rounded_up(
		credit in 0u128..1_000_000_000_000,
		inner in prop_oneof![0u128..1_000_000_000_000_000_000, 0u128..1_000_000_000_000_000_000_000_000_000_000],
	) {
		let rate = Price::from_inner(inner);
		let Some((payout, fee)) = payout_at::<u128>(credit, rate, EXIT_FEE) else {
			return Err(TestCaseError::fail("a product below 10^42 / 10^18 fits a u128"));
		};
		let gross = payout + fee;
		let exact = U256::from(inner) * U256::from(credit);
		let one = U256::from(Price::DIV);
		prop_assert!(U256::from(gross) * one <= exact);
		prop_assert!(exact < (U256::from(gross) + 1) * one);
		prop_assert_eq!(fee, EXIT_FEE.mul_ceil(gross));
		prop_assert!(U256::from(fee) * 10 >= U256::from(gross));
	}
}
