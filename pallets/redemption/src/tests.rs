//! Unit and property tests of redemption. Every test ends with `do_try_state` and a check that
//! credit still sums to zero.

use crate::{mock::*, *};
use confoederatio_primitives::WorkCategory::{Commons, Subsistence};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect as _};
use sp_runtime::{DispatchError, TokenError};

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn native(who: u64) -> u64 {
	Balances::balance(&who)
}

fn reserve(coop: CoopId) -> Reserve<u64> {
	Reserves::<Test>::get(coop).unwrap_or_default()
}

fn set_rate(coop: CoopId, rate: u64) {
	assert_ok!(Redemption::set_rate(coop_origin(coop), coop, rate));
}

mod exchange {
	use super::*;
	use confoederatio_primitives::ReserveLedger;

	#[test]
	fn the_exchange_earmarks_pays_and_returns_commons_funds() {
		build_and_execute(|| {
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1_000));
			assert_eq!((reserve(0).subsistence, reserve(0).commons), (750, 250));
			// Only what the Commons bucket holds can be set aside.
			assert_noop!(
				<Redemption as ReserveLedger<_, _>>::earmark(0, 251),
				Error::<Test>::InsufficientReserve
			);
			assert_noop!(
				<Redemption as ReserveLedger<_, _>>::earmark(7, 1),
				Error::<Test>::InsufficientReserve
			);
			assert_ok!(<Redemption as ReserveLedger<_, _>>::earmark(0, 200));
			assert_eq!((reserve(0).commons, reserve(0).earmarked), (50, 200));
			assert_eq!(Redemption::reserve_info(0).earmarked, 200);
			// A seller is paid from the earmark.
			assert_ok!(<Redemption as ReserveLedger<_, _>>::pay_earmarked(0, &5, 120));
			assert_eq!(native(5), 1_000_120);
			assert_eq!((reserve(0).earmarked, reserve(0).paid), (80, 120));
			assert_noop!(
				<Redemption as ReserveLedger<_, _>>::pay_earmarked(0, &5, 81),
				Error::<Test>::InsufficientReserve
			);
			// What the order did not spend goes back to the bucket.
			assert_ok!(<Redemption as ReserveLedger<_, _>>::unearmark(0, 80));
			assert_eq!((reserve(0).commons, reserve(0).earmarked), (130, 0));
			assert_noop!(
				<Redemption as ReserveLedger<_, _>>::unearmark(0, 1),
				Error::<Test>::InsufficientReserve
			);
			// Proceeds paid into the reserve account are split like a deposit.
			assert_ok!(Balances::transfer_allow_death(
				RuntimeOrigin::signed(9),
				Redemption::reserve_account(0),
				100
			));
			assert_ok!(<Redemption as ReserveLedger<_, _>>::deposited(0, 100));
			assert_eq!((reserve(0).subsistence, reserve(0).commons), (825, 155));
			assert_eq!(reserve(0).funded, 1_100);
		});
	}
}

mod funding {
	use super::*;

	#[test]
	fn a_deposit_is_split_between_the_buckets() {
		build_and_execute(|| {
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1_001));
			assert_eq!(
				last_event(),
				Event::<Test>::Funded {
					coop: 0,
					from: 9,
					amount: 1_001,
					subsistence: 750,
					commons: 251
				}
				.into()
			);
			assert_eq!((reserve(0).subsistence, reserve(0).commons), (750, 251));
			assert_eq!(native(Redemption::reserve_account(0)), 1_001);
			assert_eq!(native(9), 1_000_000 - 1_001);
			// The cooperative's split.
			MockCooperatives::change(0, |c| c.params.reserve_split = Perbill::from_percent(40));
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 100));
			assert_eq!((reserve(0).subsistence, reserve(0).commons), (790, 311));
		});
	}

	#[test]
	fn funding_is_checked() {
		build_and_execute(|| {
			assert_noop!(
				Redemption::fund(RuntimeOrigin::signed(9), 0, 0),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				Redemption::fund(RuntimeOrigin::signed(9), 7, 10),
				Error::<Test>::UnknownCooperative
			);
			assert_noop!(
				Redemption::fund(RuntimeOrigin::signed(9), 0, 2_000_000),
				TokenError::FundsUnavailable
			);
			assert_noop!(Redemption::fund(RuntimeOrigin::none(), 0, 10), DispatchError::BadOrigin);
			// Anyone may fund, a suspended cooperative too.
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(20), 1, 10));
		});
	}
}

mod redeeming {
	use super::*;

	#[test]
	fn a_member_redeems_subsistence_credit_for_cash() {
		build_and_execute(|| {
			MockLedger::issue(0, 1, Subsistence, 100);
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 10_000));
			set_rate(0, 10);
			assert_eq!(last_event(), Event::<Test>::RateSet { coop: 0, rate: 10 }.into());
			let before = native(1);
			assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 60));
			// 60 · 10 = 600, less the 10% fee: 540 paid, 60 stays in the bucket.
			assert_eq!(
				last_event(),
				Event::<Test>::Redeemed {
					coop: 0,
					who: 1,
					category: Subsistence,
					credit: 60,
					payout: 540,
					fee: 60
				}
				.into()
			);
			assert_eq!(native(1), before + 540);
			assert_eq!(reserve(0).subsistence, 7_500 - 540);
			// The credit left circulation: the member's balance down, the cooperative's up.
			let holding = MockLedger::holding(0, 1);
			assert_eq!((holding.balance, holding.subsistence), (40, 40));
			assert_eq!(MockLedger::holding(0, MockCooperatives::account_of(0)).balance, -40);
		});
	}

	#[test]
	fn redeeming_is_checked() {
		build_and_execute(|| {
			MockLedger::issue(0, 1, Subsistence, 100);
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 10_000));
			let redeem = |who, coop, category, amount| {
				Redemption::redeem(RuntimeOrigin::signed(who), coop, category, amount)
			};
			assert_noop!(redeem(1, 0, Subsistence, 10), Error::<Test>::RateNotSet);
			set_rate(0, 10);
			assert_noop!(redeem(1, 0, Subsistence, 0), Error::<Test>::ZeroAmount);
			assert_noop!(redeem(9, 0, Subsistence, 10), Error::<Test>::NotMember);
			assert_noop!(redeem(4, 1, Subsistence, 10), Error::<Test>::CooperativeNotActive);
			assert_noop!(redeem(1, 7, Subsistence, 10), Error::<Test>::UnknownCooperative);
			// Beyond the entitlement, or from the other category's.
			assert_noop!(redeem(1, 0, Subsistence, 101), DispatchError::Other("over entitlement"));
			assert_noop!(redeem(1, 0, Commons, 1), DispatchError::Other("over entitlement"));
			assert_noop!(
				Redemption::redeem(RuntimeOrigin::none(), 0, Subsistence, 1),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn rounding_never_pays_more_than_the_rate() {
		build_and_execute(|| {
			MockLedger::issue(0, 1, Subsistence, 1_000);
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 100_000));
			set_rate(0, 1);
			// 1 unit at rate 1: 1, the fee rounds up to 1, nothing left to pay.
			assert_noop!(
				Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 1),
				Error::<Test>::PayoutTooSmall
			);
			// 19 units: 19, fee ⌈1.9⌉ = 2, 17 paid.
			assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 19));
			assert!(matches!(
				last_event(),
				RuntimeEvent::Redemption(Event::Redeemed { payout: 17, fee: 2, .. })
			));
			// Huge amounts are refused, not wrapped.
			set_rate(0, u64::MAX);
			assert_noop!(
				Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 2),
				Error::<Test>::Overflow
			);
			assert_noop!(
				Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, u128::MAX),
				Error::<Test>::Overflow
			);
		});
	}

	#[test]
	fn the_cooperative_sets_the_rate() {
		build_and_execute(|| {
			assert_noop!(
				Redemption::set_rate(coop_origin(1), 0, 5),
				Error::<Test>::WrongCooperative
			);
			assert_noop!(
				Redemption::set_rate(RuntimeOrigin::signed(1), 0, 5),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Redemption::set_rate(coop_origin(7), 7, 5),
				Error::<Test>::UnknownCooperative
			);
			set_rate(0, 5);
			assert_eq!(Redemption::reserve_info(0).rate, 5);
		});
	}
}

mod queue {
	use super::*;

	fn queued_index() -> QueueIndex {
		match last_event() {
			RuntimeEvent::Redemption(Event::Queued { index, .. }) => index,
			other => panic!("not queued: {other:?}"),
		}
	}

	#[test]
	fn an_empty_bucket_queues_and_deposits_serve_in_order() {
		build_and_execute(|| {
			for who in [1, 2, 3] {
				MockLedger::issue(0, who, Subsistence, 100);
			}
			set_rate(0, 10);
			let before: Vec<u64> = [1, 2, 3].map(native).to_vec();
			for who in [1, 2, 3] {
				assert_ok!(Redemption::redeem(RuntimeOrigin::signed(who), 0, Subsistence, 100));
				assert_eq!(queued_index(), who as u32 - 1);
			}
			// The credit already left circulation.
			assert_eq!(MockLedger::holding(0, 1).balance, 0);
			assert_eq!(Redemption::reserve_info(0).subsistence_queue, 3);
			// Each waits for 900. 75% of 2,400 = 1,800 pays the first two, in order.
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 2_400));
			assert_eq!(native(1), before[0] + 900);
			assert_eq!(native(2), before[1] + 900);
			assert_eq!(native(3), before[2]);
			assert_eq!(Redemption::reserve_info(0).subsistence_queue, 1);
			assert!(System::events().iter().any(|record| record.event
				== Event::<Test>::QueueServed {
					coop: 0,
					category: Subsistence,
					index: 1,
					who: 2,
					payout: 900
				}
				.into()));
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1_200));
			assert_eq!(native(3), before[2] + 900);
			assert_eq!(
				Redemption::reserve_info(0),
				ReserveInfo {
					subsistence: 0,
					commons: 900,
					rate: 10,
					earmarked: 0,
					subsistence_queue: 0,
					commons_queue: 0,
				}
			);
		});
	}

	#[test]
	fn waiting_requests_go_first() {
		build_and_execute(|| {
			MockLedger::issue(0, 1, Subsistence, 100);
			MockLedger::issue(0, 2, Subsistence, 10);
			set_rate(0, 10);
			assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 100));
			// 750 in the bucket could pay 2's 90, but 1 waits first: 2 queues behind.
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1_000));
			assert_ok!(Redemption::redeem(RuntimeOrigin::signed(2), 0, Subsistence, 10));
			assert_eq!(queued_index(), 1);
			assert_eq!(Redemption::reserve_info(0).subsistence_queue, 2);
		});
	}

	#[test]
	fn a_deposit_serves_a_bounded_number_of_requests() {
		build_and_execute(|| {
			for who in [1, 2, 3] {
				MockLedger::issue(0, who, Subsistence, 10);
			}
			MockLedger::issue(0, 1, Commons, 10);
			set_rate(0, 10);
			for who in [1, 2, 3] {
				assert_ok!(Redemption::redeem(RuntimeOrigin::signed(who), 0, Subsistence, 5));
			}
			assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 5));
			assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Commons, 5));
			// Four wait for Subsistence, one for Commons; one deposit serves three.
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 100_000));
			let info = Redemption::reserve_info(0);
			assert_eq!((info.subsistence_queue, info.commons_queue), (1, 1));
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 4));
			let info = Redemption::reserve_info(0);
			assert_eq!((info.subsistence_queue, info.commons_queue), (0, 0));
		});
	}

	#[test]
	fn the_last_existential_deposit_stays_and_nothing_is_reaped() {
		build_and_execute(|| {
			MockCooperatives::change(0, |c| c.params.reserve_split = Perbill::from_percent(100));
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 100));
			set_rate(0, 1);
			MockLedger::issue(0, 1, Subsistence, 112);
			// 112 less the 10% fee (12) pays 100: the whole account. It waits instead of
			// emptying the account below the existential deposit.
			assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 112));
			assert!(matches!(last_event(), RuntimeEvent::Redemption(Event::Queued { .. })));
			assert_eq!(native(Redemption::reserve_account(0)), 100);
			// One more unit, and it is paid; the unit stays.
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1));
			assert_eq!(native(1), 1_000_000 + 100);
			assert_eq!(native(Redemption::reserve_account(0)), 1);
			assert_eq!(reserve(0).subsistence, 1);
		});
	}

	#[test]
	fn a_queue_is_bounded() {
		build_and_execute(|| {
			MockLedger::issue(0, 1, Subsistence, 100);
			set_rate(0, 10);
			for _ in 0..MAX_QUEUE {
				assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 1));
			}
			assert_noop!(
				Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 1),
				Error::<Test>::QueueFull
			);
		});
	}

	#[test]
	fn only_the_requester_cancels_and_gets_the_credit_back() {
		build_and_execute(|| {
			MockLedger::issue(0, 1, Subsistence, 100);
			MockLedger::issue(0, 2, Subsistence, 100);
			set_rate(0, 10);
			assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 100));
			assert_ok!(Redemption::redeem(RuntimeOrigin::signed(2), 0, Subsistence, 100));
			assert_noop!(
				Redemption::cancel(RuntimeOrigin::signed(2), 0, Subsistence, 0),
				Error::<Test>::NotRequester
			);
			assert_noop!(
				Redemption::cancel(RuntimeOrigin::signed(1), 0, Subsistence, 9),
				Error::<Test>::UnknownRequest
			);
			assert_noop!(
				Redemption::cancel(RuntimeOrigin::signed(1), 0, Commons, 0),
				Error::<Test>::UnknownRequest
			);
			assert_ok!(Redemption::cancel(RuntimeOrigin::signed(1), 0, Subsistence, 0));
			assert_eq!(
				last_event(),
				Event::<Test>::Cancelled {
					coop: 0,
					category: Subsistence,
					index: 0,
					who: 1,
					credit: 100
				}
				.into()
			);
			let holding = MockLedger::holding(0, 1);
			assert_eq!((holding.balance, holding.subsistence), (100, 100));
			assert_noop!(
				Redemption::cancel(RuntimeOrigin::signed(1), 0, Subsistence, 0),
				Error::<Test>::UnknownRequest
			);
			// The hole is skipped: the next deposit pays 2.
			let before = native(2);
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 2_000));
			assert_eq!(native(2), before + 900);
			assert_eq!(Redemption::reserve_info(0).subsistence_queue, 0);
		});
	}
}

mod properties {
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
}
