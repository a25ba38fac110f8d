//! The federation's validators as the runtime wires them: ValidatorSet gives pallet-session each
//! session's validators, and Aura and GRANDPA follow the session. A change the federation votes
//! validates from the second session after the vote.

use super::*;
use crate::{
	configs::{MIN_VALIDATORS, SESSION_KEY_DEPOSIT},
	genesis_config_presets::{DEV_SESSION_LENGTH, LOCAL_SESSION_LENGTH},
	opaque::SessionKeys,
	Grandpa, RuntimeHoldReason, Session, ValidatorSet,
};
use codec::Encode;
// The runtime's side of the runtime API: what the node calls, here called directly.
use confoederatio_primitives::{
	runtime_api::runtime_decl_for_validator_set_api::ValidatorSetApiV1 as ValidatorSetApi,
	CollectiveOrigin, ValidatorInfo,
};
use frame_support::traits::{fungible::InspectHold, Hooks};
use pallet_holistic_voting::Track;
use sp_core::proof_of_possession::ProofOfPossessionGenerator;
use sp_keyring::Ed25519Keyring;
use sp_runtime::DispatchError;

/// The session keys of a development key pair: its sr25519 key for Aura, its ed25519 key for
/// GRANDPA (what `--eve` puts in a node's keystore).
fn keys_of(sr: Sr25519Keyring, ed: Ed25519Keyring) -> SessionKeys {
	SessionKeys { aura: sr.public().into(), grandpa: ed.public().into() }
}

/// The ownership proof of those keys for `owner`, as `author_rotateKeysWithOwner` makes it:
/// each key's proof of possession over the encoded owner, in the order of the keys.
fn proof_of(sr: Sr25519Keyring, ed: Ed25519Keyring, owner: &AccountId32) -> Vec<u8> {
	let owner = owner.encode();
	(sr.pair().generate_proof_of_possession(&owner), ed.pair().generate_proof_of_possession(&owner))
		.encode()
}

/// Runs blocks until session `index` has started: pallet-session's `on_initialize` rotates
/// sessions (and tells Aura and GRANDPA), GRANDPA's `on_finalize` enacts its scheduled change.
fn run_to_session(index: u32) {
	while Session::current_index() < index {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
		Grandpa::on_finalize(next);
	}
}

/// The federation decides `call`: cooperative 0 proposes it, cooperatives 0 and 1 (a majority
/// of three) vote aye, each through its own poll, and anyone closes the poll. The call's result.
fn federation_decides(call: impl Into<RuntimeCall>) -> sp_runtime::DispatchResult {
	let propose = RuntimeCall::Governance(pallet_holistic_voting::Call::propose {
		scope: ProposalScope::Federation(Track::Federation),
		call: Box::new(call.into()),
	});
	assert_ok!(decide(0, propose));
	let poll = last_poll();
	for coop in [0, 1] {
		let vote = RuntimeCall::Governance(pallet_holistic_voting::Call::vote { poll, aye: true });
		assert_ok!(decide(coop, vote));
	}
	let anyone = Sr25519Keyring::Ferdie.to_account_id();
	assert_ok!(Governance::close(RuntimeOrigin::signed(anyone), poll));
	executed(poll).expect("the federation's poll was executed")
}

fn add_validator(who: &AccountId32, operator: CoopId) -> RuntimeCall {
	pallet_validator_set::Call::add_validator { who: who.clone(), operator }.into()
}

fn remove_validator(who: &AccountId32) -> RuntimeCall {
	pallet_validator_set::Call::remove_validator { who: who.clone() }.into()
}

/// What the runtime API says of `who`.
fn info(who: &AccountId32) -> Option<ValidatorInfo<AccountId32>> {
	<Runtime as ValidatorSetApi<crate::Block, AccountId32, crate::BlockNumber>>::validators()
		.into_iter()
		.find(|info| &info.validator == who)
}

/// The set ValidatorSet keeps, by account.
fn the_set() -> Vec<(AccountId32, CoopId)> {
	pallet_validator_set::Validators::<Runtime>::get().into_iter().collect()
}

/// Session's validators now, sorted.
fn session_validators() -> Vec<AccountId32> {
	let mut validators = Session::validators();
	validators.sort();
	validators
}

/// Aura's and GRANDPA's authorities are exactly the session keys of Session's validators.
fn assert_consensus_follows_the_session() {
	let validators = Session::validators();
	let keys: Vec<SessionKeys> = validators
		.iter()
		.map(|who| pallet_session::NextKeys::<Runtime>::get(who).expect("a validator has keys"))
		.collect();
	let aura: Vec<_> = keys.iter().map(|keys| keys.aura.clone()).collect();
	assert_eq!(pallet_aura::Authorities::<Runtime>::get().into_inner(), aura);
	let grandpa: Vec<_> = keys.iter().map(|keys| (keys.grandpa.clone(), 1)).collect();
	assert_eq!(Grandpa::grandpa_authorities(), grandpa);
	ValidatorSet::do_try_state().unwrap();
}

#[test]
fn every_preset_starts_with_its_validators_in_the_session_and_in_consensus() {
	for (preset, session_length, validators) in [
		(DEV_RUNTIME_PRESET, DEV_SESSION_LENGTH, vec![(Sr25519Keyring::Alice, 0)]),
		(
			LOCAL_TESTNET_RUNTIME_PRESET,
			LOCAL_SESSION_LENGTH,
			vec![
				(Sr25519Keyring::Alice, 0),
				(Sr25519Keyring::Bob, 0),
				(Sr25519Keyring::Charlie, 2),
				(Sr25519Keyring::Dave, 1),
			],
		),
	] {
		externalities_of(preset).execute_with(|| {
			let mut expected: Vec<_> =
				validators.iter().map(|(key, coop)| (key.to_account_id(), *coop)).collect();
			expected.sort();
			assert_eq!(the_set(), expected, "{preset}: which cooperative runs which validator");
			let accounts: Vec<_> = expected.iter().map(|(who, _)| who.clone()).collect();
			assert_eq!(session_validators(), accounts, "{preset}: Session's validators");
			assert_eq!(Session::current_index(), 0);
			assert_consensus_follows_the_session();
			for (key, _) in &validators {
				let aura: sp_consensus_aura::sr25519::AuthorityId = key.public().into();
				assert!(pallet_aura::Authorities::<Runtime>::get().contains(&aura));
				let who = key.to_account_id();
				let info = info(&who).expect("the API lists every validator");
				assert!(info.has_keys && info.active && info.next && !info.leaving);
				// Genesis keys hold no deposit.
				let hold = RuntimeHoldReason::Session(pallet_session::HoldReason::Keys);
				assert_eq!(Balances::balance_on_hold(&hold, &who), 0);
			}
			assert_eq!(
				<Runtime as ValidatorSetApi<crate::Block, AccountId32, crate::BlockNumber>>::session_length(),
				session_length
			);
		});
	}
}

#[test]
fn dev_keeps_its_one_validator_session_after_session() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let set_id = Grandpa::current_set_id();
		run_to_session(3);
		assert_eq!(System::block_number(), 3 * DEV_SESSION_LENGTH);
		assert_eq!(Session::validators(), vec![alice.clone()]);
		assert_consensus_follows_the_session();
		// Sessions with the same validators and keys start no new GRANDPA set.
		assert_eq!(Grandpa::current_set_id(), set_id);
		// Its only validator cannot be removed.
		let federation: RuntimeOrigin = CollectiveOrigin::Federation.into();
		assert_noop!(
			ValidatorSet::remove_validator(federation, alice),
			pallet_validator_set::Error::<Runtime>::TooFewValidators
		);
	});
}

#[test]
fn set_keys_needs_the_ownership_proof_for_the_caller_and_holds_the_deposit() {
	externalities_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let eve = Sr25519Keyring::Eve.to_account_id();
		let ferdie = Sr25519Keyring::Ferdie.to_account_id();
		let keys = keys_of(Sr25519Keyring::Eve, Ed25519Keyring::Eve);
		// A proof made for Ferdie does not let Eve register the keys.
		assert_noop!(
			Session::set_keys(
				RuntimeOrigin::signed(eve.clone()),
				keys.clone(),
				proof_of(Sr25519Keyring::Eve, Ed25519Keyring::Eve, &ferdie)
			),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		let free = Balances::balance(&eve);
		assert_ok!(Session::set_keys(
			RuntimeOrigin::signed(eve.clone()),
			keys,
			proof_of(Sr25519Keyring::Eve, Ed25519Keyring::Eve, &eve)
		));
		let hold = RuntimeHoldReason::Session(pallet_session::HoldReason::Keys);
		assert_eq!(Balances::balance_on_hold(&hold, &eve), SESSION_KEY_DEPOSIT);
		assert!(Balances::balance(&eve) < free);
		// Keys alone make nobody a validator: the API lists only the federation's validators.
		assert!(info(&eve).is_none());
		run_to_session(2);
		assert!(!Session::validators().contains(&eve));
	});
}

#[test]
fn the_federation_adds_and_removes_validators_and_the_session_follows_two_sessions_later() {
	externalities_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let eve = Sr25519Keyring::Eve.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		let genesis_validators = session_validators();
		// Eve's operator registers her keys from her node, with the proof for her account.
		assert_ok!(Session::set_keys(
			RuntimeOrigin::signed(eve.clone()),
			keys_of(Sr25519Keyring::Eve, Ed25519Keyring::Eve),
			proof_of(Sr25519Keyring::Eve, Ed25519Keyring::Eve, &eve)
		));
		// The federation admits Eve, run by the Care Collective (1).
		assert_eq!(federation_decides(add_validator(&eve, 1)), Ok(()));
		assert!(the_set().contains(&(eve.clone(), 1)));
		let eve_info = info(&eve).expect("listed");
		assert_eq!(eve_info.operator, 1);
		assert!(eve_info.has_keys && !eve_info.active && !eve_info.next && !eve_info.leaving);
		assert_eq!(session_validators(), genesis_validators);

		// Session 1 starts: Eve is planned for session 2, not validating yet.
		let start = Session::current_index();
		run_to_session(start + 1);
		let eve_info = info(&eve).expect("listed");
		assert!(eve_info.next && !eve_info.active);
		assert!(!Session::validators().contains(&eve));
		assert!(pallet_session::QueuedKeys::<Runtime>::get().iter().any(|(who, _)| who == &eve));
		assert_consensus_follows_the_session();

		// Session 2: Eve validates; Aura and GRANDPA have her keys.
		let set_id = Grandpa::current_set_id();
		run_to_session(start + 2);
		assert!(info(&eve).expect("listed").active);
		assert!(Session::validators().contains(&eve));
		assert_eq!(Session::validators().len(), 5);
		let eve_aura: sp_consensus_aura::sr25519::AuthorityId =
			Sr25519Keyring::Eve.public().into();
		assert!(pallet_aura::Authorities::<Runtime>::get().contains(&eve_aura));
		let eve_grandpa: sp_consensus_grandpa::AuthorityId = Ed25519Keyring::Eve.public().into();
		assert!(Grandpa::grandpa_authorities().iter().any(|(key, _)| key == &eve_grandpa));
		assert_eq!(Grandpa::current_set_id(), set_id + 1, "a new GRANDPA set");
		assert_consensus_follows_the_session();

		// The federation removes Bob: leaving until the sessions planned before are over.
		assert_eq!(federation_decides(remove_validator(&bob)), Ok(()));
		assert!(!the_set().iter().any(|(who, _)| who == &bob));
		let bob_info = info(&bob).expect("listed while leaving");
		assert!(bob_info.leaving && bob_info.active && bob_info.next);
		assert_eq!(bob_info.operator, 0);
		let start = Session::current_index();
		run_to_session(start + 1);
		assert!(Session::validators().contains(&bob));
		assert!(!info(&bob).expect("still leaving").next);
		run_to_session(start + 2);
		assert!(!Session::validators().contains(&bob));
		assert!(info(&bob).is_none(), "no longer listed");
		let bob_aura: sp_consensus_aura::sr25519::AuthorityId = Sr25519Keyring::Bob.public().into();
		assert!(!pallet_aura::Authorities::<Runtime>::get().contains(&bob_aura));
		assert_eq!(Session::validators().len(), 4);
		assert_consensus_follows_the_session();
		check_invariants();
	});
}

#[test]
fn refused_changes_change_nothing() {
	externalities_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let eve = Sr25519Keyring::Eve.to_account_id();
		let [charlie, dave] =
			[Sr25519Keyring::Charlie, Sr25519Keyring::Dave].map(|key| key.to_account_id());
		let before = the_set();

		// Not the federation: a signed account, or a cooperative deciding alone by its own poll.
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(eve.clone()), eve.clone(), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(
				RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id()),
				dave.clone()
			),
			DispatchError::BadOrigin
		);
		assert_eq!(decide(1, add_validator(&eve, 1)), Err(DispatchError::BadOrigin));
		assert_eq!(the_set(), before);

		// The federation may not add a validator run by no cooperative.
		assert_eq!(
			federation_decides(add_validator(&eve, 99)),
			Err(pallet_validator_set::Error::<Runtime>::UnknownCooperative.into())
		);
		// Four validators: one may go, then no more (three is the least).
		assert_eq!(MIN_VALIDATORS, 3);
		assert_eq!(federation_decides(remove_validator(&dave)), Ok(()));
		let three = the_set();
		assert_eq!(three.len(), 3);
		assert_eq!(
			federation_decides(remove_validator(&charlie)),
			Err(pallet_validator_set::Error::<Runtime>::TooFewValidators.into())
		);
		assert_eq!(the_set(), three);
		ValidatorSet::do_try_state().unwrap();
	});
}
