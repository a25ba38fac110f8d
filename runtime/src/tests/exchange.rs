//! The exchange in the runtime: members of two cooperatives trade credit for credit and for
//! CONF inside a band; the cooperative's standing orders issue and buy back credit through
//! its reserve, buying back only earned credit; a fee in credit goes back to its cooperative's
//! account (and the upgrade returns the fees stranded at the federation's); credit on offer does
//! not vote.

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
		// Dave buys 5 hours for 10 CONF; 0.3% of the credit is the fee, which goes back to the
		// bakery's account (none to the federation's, which could never spend it).
		let bakery = crate::Cooperatives::account_of(0);
		let bakery_credit = MutualCredit::account_info(0, &bakery).balance;
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
		assert_eq!(MutualCredit::account_info(0, &bakery).balance, bakery_credit + fee as i128);
		assert_eq!(MutualCredit::account_info(0, &federation).balance, 0);
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
		// Dave buys 10 new hours at the ceiling: the reserve earns 30 CONF; the fee in the
		// bakery's own credit is simply not issued.
		assert_ok!(Dex::place_order(
			RuntimeOrigin::signed(dave.clone()),
			Native,
			Credit(0),
			30 * UNIT,
			per_hour(3)
		));
		let credit_fee = (10 * CREDIT_PER_HOUR * 3).div_ceil(1_000);
		let issued_now = issued - (10 * CREDIT_PER_HOUR - credit_fee) as i128;
		assert_eq!(MutualCredit::account_info(0, &issuer).balance, issued_now);
		let reserve = Redemption::reserve_info(0);
		assert_eq!(reserve.subsistence + reserve.commons + reserve.earmarked, 430 * UNIT);
		// Alice sells 5 hours of the commons work she earned back at the floor, paid from the
		// earmark; her entitlement goes with them.
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
			issued_now + 5 * CREDIT_PER_HOUR as i128
		);
		assert_eq!(MutualCredit::account_info(0, &alice).commons_entitlement, 15 * CREDIT_PER_HOUR);
		// Dave's bought credit is not earned: the standing order passes over it.
		assert_ok!(Dex::place_order(
			RuntimeOrigin::signed(dave.clone()),
			Credit(0),
			Native,
			5 * CREDIT_PER_HOUR,
			per_hour(1)
		));
		assert_eq!(Redemption::reserve_info(0).earmarked, 35 * UNIT);
		assert_eq!(MutualCredit::account_info(0, &dave).offered, 5 * CREDIT_PER_HOUR);
		check_invariants();
	});
}

/// Before mutual credit's storage version 3, the exchange's credit fees went to the
/// federation's keyless account, stranded there; the upgrade returns them to their
/// cooperatives' accounts, once.
#[test]
fn the_upgrade_returns_stranded_credit_fees_to_their_cooperatives() {
	use frame_support::traits::{OnRuntimeUpgrade, StorageVersion};
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let federation = crate::configs::FederationAccount::get();
		let bakery = crate::Cooperatives::account_of(0);
		// As version 2 left it: the federation's account holds 3 units of the bakery's credit.
		assert_ok!(MutualCredit::do_issue(
			0,
			&federation,
			confoederatio_primitives::WorkCategory::Commons,
			3
		));
		StorageVersion::new(2).put::<MutualCredit>();
		let before = MutualCredit::account_info(0, &bakery).balance;
		crate::migrations::ReturnFederationCreditFees::on_runtime_upgrade();
		assert_eq!(MutualCredit::account_info(0, &federation).balance, 0);
		assert!(!pallet_mutual_credit::Accounts::<Runtime>::contains_key(0, &federation));
		assert_eq!(MutualCredit::account_info(0, &bakery).balance, before + 3);
		pallet_mutual_credit::migrations::v3::MigrateV2ToV3::<Runtime>::on_runtime_upgrade();
		check_invariants();
		// Once: at version 3 it reads the version and does nothing.
		assert_ok!(MutualCredit::do_issue(
			0,
			&federation,
			confoederatio_primitives::WorkCategory::Commons,
			3
		));
		crate::migrations::ReturnFederationCreditFees::on_runtime_upgrade();
		assert_eq!(MutualCredit::account_info(0, &federation).balance, 3);
	});
}
