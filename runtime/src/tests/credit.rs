//! Mutual credit inside the runtime: members get accounts as they join, work is approved by
//! the cooperative's poll, debtors cannot leave until the debt is settled or written off.

use super::*;
use crate::configs::DefaultCreditLimit;

fn balance(coop: CoopId, who: &AccountId32) -> i128 {
	MutualCredit::account_info(coop, who).balance
}

#[test]
fn genesis_members_hold_accounts_and_the_demo_federation_is_open() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		for coop in 0..3 {
			for member in Cooperatives::members_of(coop) {
				let info = MutualCredit::account_info(coop, &member);
				assert_eq!(info.balance, 0);
				assert_eq!(info.credit_limit, DefaultCreditLimit::get());
			}
			assert_eq!(
				MutualCredit::currency_info(coop).federation_limit,
				genesis_config_presets::DEMO_FEDERATION_LIMIT
			);
		}
		check_invariants();
	});
	// A federation chain starts closed: its federation sets the limits.
	externalities_of(FEDERATION_PRESET).execute_with(|| {
		assert_eq!(MutualCredit::currency_info(0).federation_limit, 0);
		check_invariants();
	});
}

#[test]
fn work_is_approved_by_poll_and_paid_on_and_across() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		let dave = Sr25519Keyring::Dave.to_account_id();
		assert_ok!(MutualCredit::submit_contribution(
			RuntimeOrigin::signed(alice.clone()),
			0,
			8 * CREDIT_PER_HOUR,
			WorkCategory::Commons,
			Default::default()
		));
		assert_ok!(decide(0, pallet_mutual_credit::Call::approve_contribution { id: 0 }));
		assert_eq!(balance(0, &alice), 800);
		assert_eq!(MutualCredit::account_info(0, &alice).commons_entitlement, 800);
		// Approved twice: the second poll's call fails.
		assert_eq!(
			decide(0, pallet_mutual_credit::Call::approve_contribution { id: 0 }),
			Err(pallet_mutual_credit::Error::<Runtime>::UnknownContribution.into())
		);
		assert_ok!(MutualCredit::transfer(
			RuntimeOrigin::signed(alice.clone()),
			0,
			bob.clone(),
			300
		));
		assert_ok!(MutualCredit::transfer_across(
			RuntimeOrigin::signed(bob.clone()),
			0,
			1,
			dave.clone(),
			500
		));
		assert_eq!((balance(0, &bob), balance(1, &dave)), (-200, 500));
		check_invariants();
	});
}

#[test]
fn a_member_joining_by_poll_gets_an_account() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let dave = Sr25519Keyring::Dave.to_account_id();
		assert_eq!(MutualCredit::account_info(0, &dave).credit_limit, 0);
		let call = RuntimeCall::Cooperatives(pallet_cooperatives::Call::add_member {
			coop: 0,
			who: dave.clone(),
		});
		assert_ok!(decide(0, call));
		assert_eq!(MutualCredit::account_info(0, &dave).credit_limit, DefaultCreditLimit::get());
		assert_ok!(MutualCredit::transfer(
			RuntimeOrigin::signed(dave),
			0,
			Sr25519Keyring::Alice.to_account_id(),
			1
		));
		check_invariants();
	});
}

#[test]
fn a_debtor_leaves_only_after_settling_or_a_write_off() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(bob.clone()), 0, alice, 150));
		assert_noop!(
			Cooperatives::leave(RuntimeOrigin::signed(bob.clone()), 0),
			pallet_mutual_credit::Error::<Runtime>::UnsettledDebt
		);
		// Nor can the cooperative remove a debtor without deciding about the debt.
		let remove = RuntimeCall::Cooperatives(pallet_cooperatives::Call::remove_member {
			coop: 0,
			who: bob.clone(),
		});
		assert_eq!(
			decide(0, remove.clone()),
			Err(pallet_mutual_credit::Error::<Runtime>::UnsettledDebt.into())
		);
		assert_ok!(decide(0, pallet_mutual_credit::Call::write_off { coop: 0, who: bob.clone() }));
		assert_eq!(MutualCredit::currency_info(0).written_off, 150);
		assert_ok!(Cooperatives::leave(RuntimeOrigin::signed(bob.clone()), 0));
		assert!(!Cooperatives::members_of(0).contains(&bob));
		check_invariants();
	});
}
