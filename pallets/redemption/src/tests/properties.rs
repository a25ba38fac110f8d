//! Property tests: random sequences of calls create and lose nothing.

use super::*;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Step {
	Fund { amount: u64 },
	Rate { rate: u64 },
	Redeem { who: u64, commons: bool, amount: u128 },
	Cancel { who: u64, commons: bool, index: u32 },
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		3 => (0u64..20_000).prop_map(|amount| Step::Fund { amount }),
		1 => (0u64..50).prop_map(|rate| Step::Rate { rate }),
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

/// Native units held by the members, the funder and the reserve.
fn native_total() -> u64 {
	[1, 2, 3, 4, 9, Redemption::reserve_account(0)].into_iter().map(native).sum()
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
	/// still sums to zero. A failed step changes nothing.
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
