//! The genesis presets build, and the native token behaves as a wallet expects.

use super::*;

#[test]
fn every_preset_is_listed_and_builds() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(names.len(), 4);
	for name in names {
		let name = core::str::from_utf8(name.as_ref()).expect("utf8").to_owned();
		genesis_of(&name).build_storage().expect("each preset builds a genesis state");
	}
	assert!(genesis_config_presets::get_preset(&"no-such-preset".into()).is_none());
}

/// Validators are given once: ValidatorSet's set (with operators) and Session's genesis keys
/// name the same accounts, each key registered under its own account; Aura's and GRANDPA's own
/// genesis authorities are empty (Session's genesis sets them, and both refuse a second time).
fn assert_validators_given_once(config: &RuntimeGenesisConfig, count: usize) {
	assert!(config.aura.authorities.is_empty());
	assert!(config.grandpa.authorities.is_empty());
	assert_eq!(config.session.keys.len(), count);
	assert!(config.session.non_authority_keys.is_empty());
	let mut set: Vec<_> = config.validator_set.validators.iter().map(|(who, _)| who).collect();
	let mut keyed: Vec<_> = config.session.keys.iter().map(|(who, _, _)| who).collect();
	set.sort();
	keyed.sort();
	assert_eq!(set, keyed);
	for (account, validator, _) in &config.session.keys {
		assert_eq!(account, validator);
	}
}

#[test]
fn scale_has_a_hundred_thousand_more_members_each_with_a_credit_account() {
	use genesis_config_presets::{scale_member, SCALE_COOPERATIVES, SCALE_PRESET};
	sp_io::TestExternalities::new(genesis_of(SCALE_PRESET).build_storage().expect("builds"))
		.execute_with(|| {
			// The three demo cooperatives, then the scale preset's.
			assert_eq!(pallet_cooperatives::Registry::<Runtime>::iter().count(), 3 + 100);
			assert_eq!(SCALE_COOPERATIVES, 100);
			let members = pallet_cooperatives::Members::<Runtime>::iter().count();
			assert_eq!(members, 9 + 100_000);
			assert_eq!(pallet_mutual_credit::Accounts::<Runtime>::iter().count(), members);
			let last = scale_member(99, 999);
			assert!(pallet_cooperatives::Members::<Runtime>::contains_key(3 + 99, &last));
			assert!(pallet_mutual_credit::Accounts::<Runtime>::contains_key(3 + 99, &last));
			// Members act without CONF: each may use its free transactions.
			let alice = Sr25519Keyring::Alice.to_account_id();
			let left = |coop, who| crate::MemberQuota::quota_info(coop, who).left;
			assert!(left(3 + 99, &last) > 0);
			assert_eq!(left(3 + 99, &last), left(0, &alice));
		});
}

#[test]
fn dev_has_one_validator_and_a_sudo_key() {
	let config = genesis_of(DEV_RUNTIME_PRESET);
	assert_validators_given_once(&config, 1);
	let alice = Sr25519Keyring::Alice.to_account_id();
	assert_eq!(config.validator_set.validators, vec![(alice.clone(), 0)]);
	let aura: sp_consensus_aura::sr25519::AuthorityId = Sr25519Keyring::Alice.public().into();
	let grandpa: sp_consensus_grandpa::AuthorityId =
		sp_keyring::Ed25519Keyring::Alice.public().into();
	assert_eq!(config.session.keys[0].2.aura, aura);
	assert_eq!(config.session.keys[0].2.grandpa, grandpa);
	assert_eq!(config.validator_set.session_length, genesis_config_presets::DEV_SESSION_LENGTH);
	assert_eq!(config.sudo.key, Some(alice));
}

#[test]
fn local_has_four_validators_and_no_sudo() {
	let config = genesis_of(LOCAL_TESTNET_RUNTIME_PRESET);
	assert_validators_given_once(&config, 4);
	// Sessions of a minute at most, so that tests see a change of validators soon.
	assert!(config.validator_set.session_length <= crate::MINUTES);
	assert_eq!(config.validator_set.session_length, genesis_config_presets::LOCAL_SESSION_LENGTH);
	assert_eq!(config.sudo.key, None);
}

#[test]
fn federation_has_no_sudo_and_placeholder_founders() {
	let config = genesis_of(FEDERATION_PRESET);
	assert_eq!(config.sudo.key, None);
	assert_validators_given_once(&config, usize::from(FEDERATION_VALIDATORS));
	// An hour per session.
	assert_eq!(config.validator_set.session_length, crate::HOURS);
	// Each validator is run by a founding cooperative.
	for (_, operator) in &config.validator_set.validators {
		assert!(*operator < u32::from(genesis_config_presets::FOUNDING_COOPERATIVES));
	}
	// The founders' accounts, the founding cooperatives' accounts and the federation's account
	// (the existential deposit, so that the exchange's fees can reach it).
	assert_eq!(
		config.balances.balances.len(),
		usize::from(FEDERATION_VALIDATORS)
			+ usize::from(genesis_config_presets::FOUNDING_COOPERATIVES)
			+ 1
	);
	assert!(config
		.balances
		.balances
		.contains(&(crate::configs::FederationAccount::get(), EXISTENTIAL_DEPOSIT)));
	// No well-known development key may validate or hold funds on a federation chain.
	let dev_accounts: Vec<_> = Sr25519Keyring::iter().map(|k| k.to_account_id()).collect();
	for (account, _) in &config.balances.balances {
		assert!(!dev_accounts.contains(account));
	}
	let dev_aura: Vec<sp_consensus_aura::sr25519::AuthorityId> =
		Sr25519Keyring::iter().map(|k| k.public().into()).collect();
	for (account, _, keys) in &config.session.keys {
		assert!(!dev_aura.contains(&keys.aura));
		assert!(!dev_accounts.contains(account));
	}
}

#[test]
fn transfer_moves_balance() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_ok!(Balances::transfer_keep_alive(
			RuntimeOrigin::signed(alice.clone()),
			bob.clone().into(),
			5 * UNIT
		));
		assert_eq!(Balances::balance(&alice), DEV_ENDOWMENT - 5 * UNIT);
		assert_eq!(Balances::balance(&bob), DEV_ENDOWMENT + 5 * UNIT);
	});
}

#[test]
fn transfer_without_funds_fails_and_changes_nothing() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let pauper = sp_runtime::AccountId32::new([7u8; 32]);
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_noop!(
			Balances::transfer_keep_alive(RuntimeOrigin::signed(pauper), bob.into(), UNIT),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn transfer_below_existential_deposit_to_new_account_fails() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let newcomer = sp_runtime::AccountId32::new([9u8; 32]);
		assert_noop!(
			Balances::transfer_keep_alive(
				RuntimeOrigin::signed(alice),
				newcomer.into(),
				EXISTENTIAL_DEPOSIT - 1
			),
			TokenError::BelowMinimum
		);
	});
}

#[test]
fn runtime_version_names_the_chain() {
	assert_eq!(crate::VERSION.spec_name, "confoederatio");
	assert_eq!(crate::VERSION.spec_version, 100);
	// The metadata must decode in polkadot.js with no custom types: it is v14 or later.
	assert!(Runtime::metadata_versions().iter().any(|v| *v >= 14));
}

#[test]
fn fees_rise_while_blocks_are_fuller_than_the_target_and_never_fall_below_the_base() {
	use crate::{configs::RuntimeBlockWeights, TransactionPayment};
	use frame_support::{dispatch::DispatchClass, traits::Hooks, weights::Weight};
	use pallet_transaction_payment::{Multiplier, NextFeeMultiplier};
	use sp_runtime::{traits::One, FixedPointNumber};

	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let full = RuntimeBlockWeights::get()
			.get(DispatchClass::Normal)
			.max_total
			.expect("normal blocks have a limit");
		assert_eq!(NextFeeMultiplier::<Runtime>::get(), Multiplier::one());
		let mut last = Multiplier::one();
		for block in 1..=100u32 {
			System::set_block_consumed_resources(full, 0);
			TransactionPayment::on_finalize(block);
			let next = NextFeeMultiplier::<Runtime>::get();
			assert!(next > last, "a full block raises the fee multiplier");
			last = next;
		}
		// A hundred full blocks: about 0.56% dearer.
		assert!(last > Multiplier::saturating_from_rational(1_005, 1_000));
		assert!(last < Multiplier::saturating_from_rational(1_006, 1_000));
		for block in 101..=10_000u32 {
			System::set_block_consumed_resources(Weight::zero(), 0);
			TransactionPayment::on_finalize(block);
		}
		assert_eq!(NextFeeMultiplier::<Runtime>::get(), Multiplier::one(), "back to the base");
	});
}
