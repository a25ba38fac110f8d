//! Genesis presets: the starting state of each kind of Confoederatio chain.
//!
//! - `dev` ([`sp_genesis_builder::DEV_RUNTIME_PRESET`]): one validator (Alice), the well-known
//!   development accounts funded, and Alice as the sudo key, for trying things out.
//! - `local` ([`sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET`]): four validators (Alice,
//!   Bob, Charlie, Dave) on one machine, the development accounts funded, no sudo key.
//! - `federation` ([`FEDERATION_PRESET`]): the template of a real federation chain. It has no
//!   sudo key. Its validator keys and founding accounts are placeholders (see
//!   [`federation_placeholder`]) that the founding cooperatives replace with their own before
//!   launch; nobody holds the secret keys of the placeholders, so a chain started from the
//!   template unchanged cannot produce a block.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::{crypto::UncheckedFrom, ed25519, sr25519};
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	AccountId, AuraConfig, Balance, BalancesConfig, GrandpaConfig, RuntimeGenesisConfig,
	SudoConfig, UNIT,
};

/// The name of the federation preset.
pub const FEDERATION_PRESET: &str = "federation";

/// What each development account holds at genesis: one million CONF.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * UNIT;

/// What each founding account of the federation template holds at genesis.
pub const FOUNDER_ENDOWMENT: Balance = 10_000 * UNIT;

/// How many validators the federation template has.
pub const FEDERATION_VALIDATORS: u8 = 4;

/// A validator's consensus keys: (Aura, GRANDPA).
type ValidatorKeys = (AuraId, GrandpaId);

/// The genesis of a chain with the given validators, funded accounts and optional sudo key.
fn genesis(
	validators: Vec<ValidatorKeys>,
	endowed: Vec<(AccountId, Balance)>,
	sudo: Option<AccountId>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed },
		aura: AuraConfig {
			authorities: validators.iter().map(|(aura, _)| aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: GrandpaConfig {
			authorities: validators.into_iter().map(|(_, grandpa)| (grandpa, 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: sudo },
	})
}

/// The consensus keys of a well-known development validator.
fn dev_validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> ValidatorKeys {
	(sr.public().into(), ed.public().into())
}

/// The well-known development accounts (Alice … Ferdie and their stashes), each funded.
fn dev_endowed() -> Vec<(AccountId, Balance)> {
	Sr25519Keyring::well_known()
		.map(|key| (key.to_account_id(), DEV_ENDOWMENT))
		.collect()
}

/// The `dev` preset: Alice validates alone and holds the sudo key.
pub fn dev_genesis() -> Value {
	genesis(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_endowed(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// The `local` preset: Alice, Bob, Charlie and Dave validate; there is no sudo key.
pub fn local_genesis() -> Value {
	genesis(
		vec![
			dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			dev_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			dev_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			dev_validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		dev_endowed(),
		None,
	)
}

/// A placeholder public key: the BLAKE2-256 hash of a label. It is a valid encoding of a public
/// key, but nobody knows a secret key for it, so it cannot sign or author anything.
///
/// Labels are `confoederatio/federation/<role>/<n>`, with role `account`, `aura` or `grandpa`
/// and `n` from 1 to [`FEDERATION_VALIDATORS`].
pub fn federation_placeholder(role: &str, n: u8) -> [u8; 32] {
	let mut label = Vec::from(&b"confoederatio/federation/"[..]);
	label.extend_from_slice(role.as_bytes());
	label.push(b'/');
	label.push(b'0'.saturating_add(n));
	sp_io::hashing::blake2_256(&label)
}

/// The `federation` preset: the template of a federation chain, with placeholder founders.
pub fn federation_genesis() -> Value {
	let founders = 1..=FEDERATION_VALIDATORS;
	let validators = founders
		.clone()
		.map(|n| {
			let aura = sr25519::Public::unchecked_from(federation_placeholder("aura", n));
			let grandpa = ed25519::Public::unchecked_from(federation_placeholder("grandpa", n));
			(aura.into(), grandpa.into())
		})
		.collect();
	let endowed = founders
		.map(|n| (AccountId::from(federation_placeholder("account", n)), FOUNDER_ENDOWMENT))
		.collect();
	genesis(validators, endowed, None)
}

/// The JSON of the named preset, or `None` if there is no such preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => dev_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_genesis(),
		FEDERATION_PRESET => federation_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(FEDERATION_PRESET),
	]
}
