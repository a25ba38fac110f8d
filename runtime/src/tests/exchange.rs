//! The exchange in the runtime: members of two cooperatives trade credit for credit and for
//! CONF inside a band; the cooperative's standing orders issue and buy back credit through
//! its reserve; the fee reaches the federation's account; credit on offer does not vote.

use super::*;
use crate::configs::FederationAccount;
use confoederatio_primitives::{
	AssetKind::{Credit, Native},
	CollectiveOrigin, Price, VoteWeight,
};
use sp_runtime::FixedPointNumber;

type Weight = <Runtime as pallet_holistic_voting::Config>::VoteWeight;

/// Native units per unit of credit: CONF per hour.
fn per_hour(conf: u128) -> Price {
	Price::saturating_from_integer(conf * UNIT / CREDIT_PER_HOUR)
}

#[test]
fn members_of_two_cooperatives_trade_inside_the_band() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let dave = Sr25519Keyring::Dave.to_account_id();
		let federation = FederationAccount::get();
		assert_eq!(Balances::balance(&federation), EXISTENTIAL_DEPOSIT);
		earn(0, &alice, 20);
		earn(1, &dave, 20);
		assert_ok!(Dex::set_price_band(
			CollectiveOrigin::Cooperative(0).into(),
			0,
			per_hour(1),
			per_hour(3)
		));
		// Alice offers 10 hours at 2 CONF an hour; what is on offer no longer votes.
		let weight = <Weight as VoteWeight<AccountId32, crate::BlockNumber>>::vote_weight;
		let before = weight(0, &alice);
		assert_ok!(Dex::place_order(
			RuntimeOrigin::signed(alice.clone()),
			Credit(0),
			Native,
			10 * CREDIT_PER_HOUR,
			per_hour(2)
		));
		assert!(weight(0, &alice) < before);
		assert_noop!(
			Dex::place_order(
				RuntimeOrigin::signed(dave.clone()),
				Native,
				Credit(0),
				10 * UNIT,
				per_hour(4)
			),
			pallet_federated_dex::Error::<Runtime>::OutsideBand
		);
		// Dave buys 5 hours for 10 CONF; 0.3% of the credit is the federation's fee.
		let alice_conf = Balances::balance(&alice);
		assert_ok!(Dex::place_order(
			RuntimeOrigin::signed(dave.clone()),
			Native,
			Credit(0),
			10 * UNIT,
			per_hour(2)
		));
		assert_eq!(Balances::balance(&alice), alice_conf + 10 * UNIT);
		// 0.3%, rounded up: a fee never rounds to nothing.
		let fee = (5 * CREDIT_PER_HOUR * 3).div_ceil(1_000);
		assert_eq!(
			MutualCredit::account_info(0, &dave).balance,
			(5 * CREDIT_PER_HOUR - fee) as i128
		);
		assert_eq!(MutualCredit::account_info(0, &federation).balance, fee as i128);
		// Credit for credit: Dave sells his cooperative's for Alice's.
		assert_ok!(Dex::place_order(
			RuntimeOrigin::signed(alice.clone()),
			Credit(0),
			Credit(1),
			2 * CREDIT_PER_HOUR,
			Price::from_u32(1)
		));
		assert_ok!(Dex::place_order(
			RuntimeOrigin::signed(dave.clone()),
			Credit(1),
			Credit(0),
			2 * CREDIT_PER_HOUR,
			Price::from_u32(1)
		));
		assert_eq!(MutualCredit::account_info(1, &alice).balance, 2 * CREDIT_PER_HOUR as i128);
		check_invariants();
	});
}

#[test]
fn standing_orders_issue_at_the_ceiling_and_buy_back_from_the_reserve() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let dave = Sr25519Keyring::Dave.to_account_id();
		let ferdie = Sr25519Keyring::Ferdie.to_account_id();
		let origin = || -> RuntimeOrigin { CollectiveOrigin::Cooperative(0).into() };
		earn(0, &alice, 20);
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(ferdie), 0, 400 * UNIT));
		assert_ok!(Dex::set_price_band(origin(), 0, per_hour(1), per_hour(3)));
		assert_ok!(Dex::set_standing_orders(origin(), 0, 50 * CREDIT_PER_HOUR, 40 * UNIT));
		assert_eq!(Redemption::reserve_info(0).earmarked, 40 * UNIT);
		let issuer = crate::Cooperatives::account_of(0);
		let issued = MutualCredit::account_info(0, &issuer).balance;
		// Dave buys 10 new hours at the ceiling: the reserve earns 30 CONF.
		assert_ok!(Dex::place_order(
			RuntimeOrigin::signed(dave.clone()),
			Native,
			Credit(0),
			30 * UNIT,
			per_hour(3)
		));
		assert_eq!(
			MutualCredit::account_info(0, &issuer).balance,
			issued - 10 * CREDIT_PER_HOUR as i128
		);
		let reserve = Redemption::reserve_info(0);
		assert_eq!(reserve.subsistence + reserve.commons + reserve.earmarked, 430 * UNIT);
		// Alice sells 5 hours back at the floor, paid from the earmark.
		let before = Balances::balance(&alice);
		assert_ok!(Dex::place_order(
			RuntimeOrigin::signed(alice.clone()),
			Credit(0),
			Native,
			5 * CREDIT_PER_HOUR,
			per_hour(1)
		));
		let fee = (5 * UNIT * 3).div_ceil(1_000);
		assert_eq!(Balances::balance(&alice), before + 5 * UNIT - fee);
		assert_eq!(Redemption::reserve_info(0).earmarked, 35 * UNIT);
		assert_eq!(
			MutualCredit::account_info(0, &issuer).balance,
			issued - 5 * CREDIT_PER_HOUR as i128
		);
		check_invariants();
	});
}
