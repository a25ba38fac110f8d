//! Payments across currencies through the federation: exchange rates and federation limits.

use super::*;

fn open_federation(limit: u128) {
	assert_ok!(MutualCredit::set_federation_limit(federation(), 0, limit));
	assert_ok!(MutualCredit::set_federation_limit(federation(), 1, limit));
}

fn position(coop: CoopId) -> i128 {
	MutualCredit::currency_info(coop).federation_position
}

#[test]
fn a_member_pays_a_member_of_another_cooperative() {
	build_and_execute(|| {
		open_federation(1_000);
		assert_ok!(MutualCredit::transfer_across(RuntimeOrigin::signed(1), 0, 1, 4, 300));
		assert_eq!(
			last_event(),
			Event::<Test>::TransferredAcross {
				from_coop: 0,
				to_coop: 1,
				from: 1,
				to: 4,
				paid: 300,
				federation_units: 300,
				received: 300,
			}
			.into()
		);
		// The payer's ledger: its credit went to its coop account.
		assert_eq!((balance(0, 1), balance(0, coop_account(0))), (-300, 300));
		// The payee's ledger: its coop account paid out.
		assert_eq!((balance(1, 4), balance(1, coop_account(1))), (300, -300));
		// The federation ledger.
		assert_eq!((position(0), position(1)), (-300, 300));
		// And back: positions return towards zero.
		assert_ok!(MutualCredit::transfer_across(RuntimeOrigin::signed(4), 1, 0, 2, 100));
		assert_eq!((position(0), position(1)), (-200, 200));
		assert_eq!(balance(0, 2), 100);
	});
}

#[test]
fn exchange_rates_value_each_currency() {
	build_and_execute(|| {
		open_federation(10_000);
		// An hour of cooperative 0 is worth two federation hours; of cooperative 1, half.
		assert_ok!(MutualCredit::set_exchange_rate(federation(), 0, rate(2, 1)));
		assert_eq!(
			last_event(),
			Event::<Test>::ExchangeRateSet { coop: 0, rate: rate(2, 1) }.into()
		);
		assert_ok!(MutualCredit::set_exchange_rate(federation(), 1, rate(1, 2)));
		assert_ok!(MutualCredit::transfer_across(RuntimeOrigin::signed(1), 0, 1, 4, 100));
		assert_eq!(balance(1, 4), 400);
		assert_eq!((position(0), position(1)), (-200, 200));
		// Rounded down: 1 unit of cooperative 1 is worth half a federation unit, i.e. 0.
		assert_noop!(
			MutualCredit::transfer_across(RuntimeOrigin::signed(4), 1, 0, 1, 1),
			Error::<Test>::AmountTooSmall
		);
		// 3 units are worth 1 federation unit (rounded down), which buys 0 of cooperative 0.
		assert_noop!(
			MutualCredit::transfer_across(RuntimeOrigin::signed(4), 1, 0, 1, 3),
			Error::<Test>::AmountTooSmall
		);
		assert_ok!(MutualCredit::transfer_across(RuntimeOrigin::signed(4), 1, 0, 1, 5));
		// 5 units → 2 federation units → 1 unit of cooperative 0.
		assert_eq!(balance(0, 1), -100 + 1);
	});
}

#[test]
fn every_limit_is_checked_and_a_failure_changes_nothing() {
	build_and_execute(|| {
		let signed = RuntimeOrigin::signed;
		// No federation limit yet.
		assert_noop!(
			MutualCredit::transfer_across(signed(1), 0, 1, 4, 1),
			Error::<Test>::OverFederationLimit
		);
		assert_ok!(MutualCredit::set_federation_limit(federation(), 0, 400));
		assert_ok!(MutualCredit::set_federation_limit(federation(), 1, 250));
		// The payee's cooperative may not be owed beyond its limit.
		assert_noop!(
			MutualCredit::transfer_across(signed(1), 0, 1, 4, 251),
			Error::<Test>::OverFederationLimit
		);
		assert_ok!(MutualCredit::transfer_across(signed(1), 0, 1, 4, 250));
		assert_ok!(MutualCredit::set_federation_limit(federation(), 1, 1_000));
		// The payer's cooperative may not owe beyond its limit.
		assert_noop!(
			MutualCredit::transfer_across(signed(2), 0, 1, 4, 151),
			Error::<Test>::OverFederationLimit
		);
		// The payer may not go beyond its credit limit.
		assert_ok!(MutualCredit::set_federation_limit(federation(), 0, 1_000));
		assert_noop!(
			MutualCredit::transfer_across(signed(1), 0, 1, 4, DEFAULT_LIMIT - 250 + 1),
			Error::<Test>::OverCreditLimit
		);
		// The payee's cooperative may not issue beyond its issuance limit.
		assert_ok!(MutualCredit::set_credit_limit(coop_origin(1), 1, coop_account(1), 300));
		assert_noop!(
			MutualCredit::transfer_across(signed(2), 0, 1, 5, 51),
			Error::<Test>::OverIssuanceLimit
		);
		assert_ok!(MutualCredit::transfer_across(signed(2), 0, 1, 5, 50));
	});
}

#[test]
fn rejects_bad_cooperatives_and_payees() {
	build_and_execute(|| {
		open_federation(1_000);
		let signed = RuntimeOrigin::signed;
		assert_noop!(
			MutualCredit::transfer_across(signed(1), 0, 1, 4, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			MutualCredit::transfer_across(signed(1), 0, 0, 2, 5),
			Error::<Test>::SameCooperative
		);
		assert_noop!(
			MutualCredit::transfer_across(signed(1), 0, 9, 4, 5),
			Error::<Test>::UnknownCooperative
		);
		assert_noop!(
			MutualCredit::transfer_across(signed(1), 0, 2, 7, 5),
			Error::<Test>::CooperativeNotActive
		);
		assert_noop!(
			MutualCredit::transfer_across(signed(7), 2, 0, 1, 5),
			Error::<Test>::CooperativeNotActive
		);
		assert_noop!(
			MutualCredit::transfer_across(signed(1), 0, 1, 2, 5),
			Error::<Test>::NotMember
		);
		assert_noop!(
			MutualCredit::transfer_across(signed(4), 0, 1, 5, 5),
			Error::<Test>::NoCreditAccount
		);
		assert_noop!(
			MutualCredit::transfer_across(signed(1), 0, 1, 4, u128::MAX),
			Error::<Test>::OverCreditLimit
		);
		// Worth more federation units than there are numbers.
		assert_ok!(MutualCredit::set_exchange_rate(federation(), 0, rate(2, 1)));
		assert_noop!(
			MutualCredit::transfer_across(signed(1), 0, 1, 4, u128::MAX),
			Error::<Test>::Overflow
		);
		// The coop account does not pay by signing.
		assert_noop!(
			MutualCredit::transfer_across(signed(coop_account(0)), 0, 1, 4, 5),
			Error::<Test>::PayerIsCooperative
		);
	});
}

#[test]
fn the_other_cooperative_itself_can_be_paid() {
	build_and_execute(|| {
		open_federation(1_000);
		assert_ok!(MutualCredit::transfer_across(
			RuntimeOrigin::signed(1),
			0,
			1,
			coop_account(1),
			100
		));
		// It holds the federation's debt instead of issuing credit to itself.
		assert_eq!(balance(1, coop_account(1)), 0);
		assert_eq!((position(0), position(1)), (-100, 100));
	});
}

#[test]
fn the_federation_sets_limits_and_rates() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::set_federation_limit(federation(), 0, 500));
		assert_eq!(last_event(), Event::<Test>::FederationLimitSet { coop: 0, limit: 500 }.into());
		assert_noop!(
			MutualCredit::set_federation_limit(federation(), 0, MAX_FEDERATION_LIMIT + 1),
			Error::<Test>::LimitTooHigh
		);
		assert_noop!(
			MutualCredit::set_federation_limit(coop_origin(0), 0, 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualCredit::set_federation_limit(federation(), 9, 1),
			Error::<Test>::UnknownCooperative
		);
		assert_noop!(
			MutualCredit::set_exchange_rate(federation(), 0, rate(0, 1)),
			Error::<Test>::ZeroRate
		);
		assert_noop!(
			MutualCredit::set_exchange_rate(coop_origin(0), 0, rate(1, 1)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualCredit::set_exchange_rate(federation(), 9, rate(1, 1)),
			Error::<Test>::UnknownCooperative
		);
		// Not below the position taken.
		assert_ok!(MutualCredit::set_federation_limit(federation(), 1, 500));
		assert_ok!(MutualCredit::transfer_across(RuntimeOrigin::signed(1), 0, 1, 4, 300));
		assert_noop!(
			MutualCredit::set_federation_limit(federation(), 0, 299),
			Error::<Test>::BelowCurrentPosition
		);
		assert_noop!(
			MutualCredit::set_federation_limit(federation(), 1, 299),
			Error::<Test>::BelowCurrentPosition
		);
		assert_ok!(MutualCredit::set_federation_limit(federation(), 0, 300));
	});
}
