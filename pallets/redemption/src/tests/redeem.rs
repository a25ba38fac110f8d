//! Redeeming credit for cash at the cooperative's rate, its checks, and the rate itself.

use super::*;
use sp_runtime::traits::Zero;

#[test]
fn a_member_redeems_subsistence_credit_for_cash() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Subsistence, 100);
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 10_000));
		set_rate(0, 10);
		assert_eq!(last_event(), Event::<Test>::RateSet { coop: 0, rate: per_unit(10) }.into());
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
		// Another cooperative's decision is not this one's.
		let rate = per_unit(5);
		assert_noop!(Redemption::set_rate(coop_origin(1), 0, rate), DispatchError::BadOrigin);
		assert_noop!(
			Redemption::set_rate(RuntimeOrigin::signed(1), 0, rate),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Redemption::set_rate(coop_origin(7), 7, rate),
			Error::<Test>::UnknownCooperative
		);
		set_rate(0, 5);
		assert_eq!(Redemption::reserve_info(0).rate, rate);
	});
}

/// The rate is a price as the exchange writes it (native units per unit of credit, both in
/// their smallest units): a fraction of a native unit per unit of credit is a rate too, and the
/// payout rounds down, never in the member's favour.
#[test]
fn a_rate_below_one_native_unit_per_unit_of_credit_redeems() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Subsistence, 1_000);
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 10_000));
		// A third of a native unit per unit of credit.
		let third = Price::from_rational(1, 3);
		assert_ok!(Redemption::set_rate(coop_origin(0), 0, third));
		assert_eq!(last_event(), Event::<Test>::RateSet { coop: 0, rate: third }.into());
		assert_eq!(Redemption::reserve_info(0).rate, third);
		let before = native(1);
		// 100 units: ⌊33.3…⌋ = 33, less the fee ⌈3.3⌉ = 4: 29 paid.
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 100));
		assert!(matches!(
			last_event(),
			RuntimeEvent::Redemption(Event::Redeemed { payout: 29, fee: 4, .. })
		));
		assert_eq!(native(1), before + 29);
		// Two units are worth less than a native unit: nothing to pay, refused.
		assert_noop!(
			Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 2),
			Error::<Test>::PayoutTooSmall
		);
		// Zero stops redemptions.
		assert_ok!(Redemption::set_rate(coop_origin(0), 0, Price::zero()));
		assert_noop!(
			Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 100),
			Error::<Test>::RateNotSet
		);
	});
}
