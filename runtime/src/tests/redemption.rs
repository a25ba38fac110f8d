//! Redemption in the runtime: credit earned by approved work is redeemed for CONF from the
//! cooperative's reserve, and leaves circulation; only an admitted cooperative's reserve is
//! funded.

use super::*;
use confoederatio_primitives::{CollectiveOrigin, Price};
use frame_support::traits::fungible::Inspect;
use sp_runtime::FixedPointNumber;

#[test]
fn earned_credit_is_redeemed_for_conf_and_leaves_circulation() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let funder = Sr25519Keyring::Ferdie.to_account_id();
		assert_ok!(MutualCredit::do_submit_contribution(
			0,
			alice.clone(),
			20 * CREDIT_PER_HOUR,
			WorkCategory::Subsistence,
			Default::default()
		));
		assert_ok!(MutualCredit::do_approve_contribution(0));
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(funder), 0, 100 * UNIT));
		// 1 CONF an hour: native units per unit of credit, as the exchange prices credit.
		assert_ok!(Redemption::set_rate(
			CollectiveOrigin::Cooperative(0).into(),
			0,
			Price::saturating_from_integer(UNIT / CREDIT_PER_HOUR)
		));
		let before = Balances::balance(&alice);
		assert_ok!(Redemption::redeem(
			RuntimeOrigin::signed(alice.clone()),
			0,
			WorkCategory::Subsistence,
			10 * CREDIT_PER_HOUR
		));
		// 10 hours at 1 CONF an hour, less the 2% exit fee.
		assert_eq!(Balances::balance(&alice), before + 98 * UNIT / 10);
		let info = MutualCredit::account_info(0, &alice);
		assert_eq!((info.balance, info.subsistence_entitlement), (1_000, 1_000));
		assert_eq!(Redemption::reserve_info(0).subsistence, 75 * UNIT - 98 * UNIT / 10);
		// Commons credit is not redeemable from the subsistence entitlement.
		assert_noop!(
			Redemption::redeem(RuntimeOrigin::signed(alice), 0, WorkCategory::Commons, 1),
			pallet_mutual_credit::Error::<Runtime>::OverEntitlement
		);
		MutualCredit::do_try_state().unwrap();
		Redemption::do_try_state().unwrap();
	});
}

/// A pending cooperative's application may still be rejected or withdrawn: its reserve cannot
/// be funded, so no CONF is stranded in it. A suspended cooperative's reserve can.
#[test]
fn only_an_admitted_cooperatives_reserve_is_funded() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let eve = Sr25519Keyring::EveStash.to_account_id();
		let funder = Sr25519Keyring::Ferdie.to_account_id();
		let founders = vec![
			eve.clone(),
			Sr25519Keyring::FerdieStash.to_account_id(),
			Sr25519Keyring::DaveStash.to_account_id(),
		];
		assert_ok!(Cooperatives::apply(RuntimeOrigin::signed(eve), b"Fourth".to_vec(), founders));
		let pending = pallet_cooperatives::NextCoopId::<Runtime>::get() - 1;
		assert_noop!(
			Redemption::fund(RuntimeOrigin::signed(funder.clone()), pending, 100 * UNIT),
			pallet_redemption::Error::<Runtime>::CooperativeNotActive
		);
		// Rejected, it is gone: still nothing to fund.
		assert_ok!(Cooperatives::reject(CollectiveOrigin::Federation.into(), pending));
		assert_noop!(
			Redemption::fund(RuntimeOrigin::signed(funder.clone()), pending, 100 * UNIT),
			pallet_redemption::Error::<Runtime>::UnknownCooperative
		);
		// A suspended cooperative was admitted: its reserve may be funded.
		assert_ok!(Cooperatives::suspend(CollectiveOrigin::Federation.into(), 1));
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(funder), 1, 100 * UNIT));
		assert_eq!(Balances::balance(&Redemption::reserve_account(1)), 100 * UNIT);
		check_invariants();
	});
}
