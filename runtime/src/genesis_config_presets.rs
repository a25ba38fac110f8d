//! Genesis presets: the starting state of each kind of Confoederatio chain.
//!
//! - `dev` ([`sp_genesis_builder::DEV_RUNTIME_PRESET`]): one validator (Alice, run by the
//!   Bakery Cooperative), the well-known development accounts funded, Alice as the sudo key, and
//!   three demo cooperatives ([`demo_cooperatives`]), for trying every call from polkadot.js at
//!   once. Sessions of [`DEV_SESSION_LENGTH`] blocks (a minute).
//! - `local` ([`sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET`]): four validators (Alice,
//!   Bob, Charlie, Dave; see [`local_genesis`] for which cooperative runs which) on one
//!   machine, the development accounts funded, the demo cooperatives, no sudo key. Sessions of
//!   [`LOCAL_SESSION_LENGTH`] blocks (30 seconds), so that tests see a change of validators soon.
//! - `federation` ([`FEDERATION_PRESET`]): the template of a real federation chain. It has no
//!   sudo key. Its validator keys and founding accounts are placeholders (see
//!   [`federation_placeholder`]) that the founding cooperatives replace with their own before
//!   launch; nobody holds the secret keys of the placeholders, so a chain started from the
//!   template unchanged cannot produce a block. Three founding cooperatives of three placeholder
//!   members each are active from genesis, so that the federation can vote from block one.
//!   Sessions of [`FEDERATION_SESSION_LENGTH`] blocks (an hour).
//! - `scale` ([`SCALE_PRESET`]): the `dev` chain with 100,000 more members in 100 more
//!   cooperatives ([`scale_genesis`]), for measuring the node at the size of a large federation.
//!
//! Validators are given once, as [`GenesisValidator`]s: the account and its operator go to
//! ValidatorSet's genesis, the account and its keys to Session's (`keys`), and Session's genesis
//! makes them Aura's and GRANDPA's authorities, which are therefore left empty here (both
//! pallets refuse to be given authorities twice).

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::{crypto::UncheckedFrom, ed25519, sr25519};
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use confoederatio_primitives::{CoopId, Credit};

use crate::{
	opaque::SessionKeys, AccountId, Balance, BalancesConfig, BlockNumber, Cooperatives,
	CooperativesConfig, MutualCreditConfig, RuntimeGenesisConfig, SessionConfig, SudoConfig,
	ValidatorSetConfig, HOURS, MINUTES, UNIT,
};

/// The name of the federation preset.
pub const FEDERATION_PRESET: &str = "federation";

/// What each development account holds at genesis: one million CONF.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * UNIT;

/// What each founding account of the federation template holds at genesis.
pub const FOUNDER_ENDOWMENT: Balance = 10_000 * UNIT;

/// How many validators the federation template has.
pub const FEDERATION_VALIDATORS: u8 = 4;

/// How many founding cooperatives the federation template has.
pub const FOUNDING_COOPERATIVES: u8 = 3;

/// The session length of a federation chain: an hour (600 blocks of 6 seconds).
pub const FEDERATION_SESSION_LENGTH: BlockNumber = HOURS;

/// The session length of the `dev` chain: a minute (10 blocks).
pub const DEV_SESSION_LENGTH: BlockNumber = MINUTES;

/// The session length of the `local` chain: 30 seconds (5 blocks, the shortest the runtime
/// allows), so that a change of validators the federation votes validates within a minute.
pub const LOCAL_SESSION_LENGTH: BlockNumber = crate::configs::MIN_SESSION_LENGTH;

/// What each genesis cooperative's sovereign account holds: enough for the deposits of the
/// federation polls it proposes.
pub const COOPERATIVE_ENDOWMENT: Balance = 1_000 * UNIT;

/// How far each demo cooperative's federation position may go at genesis on the `dev` and
/// `local` chains (500 hours), so that members can pay across at once. A federation chain
/// starts at zero: its federation sets the limits by vote.
pub const DEMO_FEDERATION_LIMIT: Credit = 500 * confoederatio_primitives::CREDIT_PER_HOUR;

/// A cooperative at genesis: its name and members (the first is its applicant).
type GenesisCooperative = (Vec<u8>, Vec<AccountId>);

/// A validator at genesis: its account, the cooperative that runs it (its operator), and its
/// session keys (Aura, GRANDPA).
pub type GenesisValidator = (AccountId, CoopId, AuraId, GrandpaId);

/// The genesis of a chain with the given validators and session length, funded accounts,
/// optional sudo key and active cooperatives (whose accounts are funded too; ids are given in
/// order from 0), each with the given federation limit (none if zero).
fn genesis(
	validators: Vec<GenesisValidator>,
	session_length: BlockNumber,
	mut endowed: Vec<(AccountId, Balance)>,
	sudo: Option<AccountId>,
	cooperatives: Vec<GenesisCooperative>,
	federation_limit: Credit,
) -> Value {
	// The federation's account receives the exchange's fees: it exists from genesis.
	endowed.push((crate::configs::FederationAccount::get(), crate::EXISTENTIAL_DEPOSIT));
	let mut federation_limits = Vec::new();
	for id in 0..cooperatives.len() {
		let id = u32::try_from(id).unwrap_or(u32::MAX);
		endowed.push((Cooperatives::account_of(id), COOPERATIVE_ENDOWMENT));
		if federation_limit > 0 {
			federation_limits.push((id, federation_limit));
		}
	}
	// Which cooperative runs which validator, for ValidatorSet; the validators' keys, under
	// their accounts, for Session.
	let operators: Vec<(AccountId, CoopId)> =
		validators.iter().map(|(account, operator, _, _)| (account.clone(), *operator)).collect();
	let keys: Vec<(AccountId, AccountId, SessionKeys)> = validators
		.into_iter()
		.map(|(account, _, aura, grandpa)| (account.clone(), account, SessionKeys { aura, grandpa }))
		.collect();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed },
		cooperatives: CooperativesConfig { cooperatives },
		mutual_credit: MutualCreditConfig { federation_limits },
		validator_set: ValidatorSetConfig { validators: operators, session_length },
		session: SessionConfig { keys },
		sudo: SudoConfig { key: sudo },
	})
}

/// A well-known development validator, run by cooperative `operator`: its account and Aura
/// key are the sr25519 development key, its GRANDPA key the ed25519 one of the same name (what
/// `--alice` and the like put in the node's keystore).
pub fn dev_validator(sr: Sr25519Keyring, ed: Ed25519Keyring, operator: CoopId) -> GenesisValidator {
	(sr.to_account_id(), operator, sr.public().into(), ed.public().into())
}

/// The well-known development accounts (Alice … Ferdie and their stashes), each funded.
fn dev_endowed() -> Vec<(AccountId, Balance)> {
	Sr25519Keyring::well_known().map(|key| (key.to_account_id(), DEV_ENDOWMENT)).collect()
}

/// The demo cooperatives of the `dev` and `local` chains:
///
/// | id | name | members |
/// |---|---|---|
/// | 0 | Bakery Cooperative | Alice, Bob, Charlie |
/// | 1 | Care Collective | Dave, Eve, Ferdie |
/// | 2 | Repair Cafe | Alice//stash, Bob//stash, Charlie//stash |
pub fn demo_cooperatives() -> Vec<GenesisCooperative> {
	use Sr25519Keyring::*;
	vec![
		(
			b"Bakery Cooperative".to_vec(),
			vec![Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id()],
		),
		(
			b"Care Collective".to_vec(),
			vec![Dave.to_account_id(), Eve.to_account_id(), Ferdie.to_account_id()],
		),
		(
			b"Repair Cafe".to_vec(),
			vec![
				AliceStash.to_account_id(),
				BobStash.to_account_id(),
				CharlieStash.to_account_id(),
			],
		),
	]
}

/// The `dev` preset: Alice validates alone (run by the Bakery Cooperative) and holds the sudo
/// key.
pub fn dev_genesis() -> Value {
	genesis(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice, 0)],
		DEV_SESSION_LENGTH,
		dev_endowed(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		demo_cooperatives(),
		DEMO_FEDERATION_LIMIT,
	)
}

/// The `local` preset: Alice, Bob, Charlie and Dave validate; there is no sudo key.
///
/// | validator | run by |
/// |---|---|
/// | Alice, Bob | 0 Bakery Cooperative |
/// | Charlie | 2 Repair Cafe |
/// | Dave | 1 Care Collective |
pub fn local_genesis() -> Value {
	genesis(
		vec![
			dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice, 0),
			dev_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob, 0),
			dev_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie, 2),
			dev_validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave, 1),
		],
		LOCAL_SESSION_LENGTH,
		dev_endowed(),
		None,
		demo_cooperatives(),
		DEMO_FEDERATION_LIMIT,
	)
}

/// A placeholder public key: the BLAKE2-256 hash of a label. It is a valid encoding of a public
/// key, but nobody knows a secret key for it, so it cannot sign or author anything.
///
/// Labels are `confoederatio/federation/<role>/<n>`, with role `account`, `aura` or `grandpa`
/// and `n` from 1 to [`FEDERATION_VALIDATORS`], or role `cooperative<c>/member` and `n` from 1
/// to 3 for the members of founding cooperative `c`.
pub fn federation_placeholder(role: &str, n: u8) -> [u8; 32] {
	let mut label = Vec::from(&b"confoederatio/federation/"[..]);
	label.extend_from_slice(role.as_bytes());
	label.push(b'/');
	label.push(b'0'.saturating_add(n));
	sp_io::hashing::blake2_256(&label)
}

/// The `federation` preset: the template of a federation chain, with placeholder founders.
/// Validator `n` (its account is founding account `n`) is run by founding cooperative
/// `(n - 1) mod 3`: 0, 1, 2, 0.
pub fn federation_genesis() -> Value {
	let founders = 1..=FEDERATION_VALIDATORS;
	let validators = founders
		.clone()
		.map(|n| {
			let account = AccountId::from(federation_placeholder("account", n));
			let operator = CoopId::from(n.saturating_sub(1).checked_rem(FOUNDING_COOPERATIVES).unwrap_or(0));
			let aura = sr25519::Public::unchecked_from(federation_placeholder("aura", n));
			let grandpa = ed25519::Public::unchecked_from(federation_placeholder("grandpa", n));
			(account, operator, aura.into(), grandpa.into())
		})
		.collect();
	let endowed = founders
		.map(|n| (AccountId::from(federation_placeholder("account", n)), FOUNDER_ENDOWMENT))
		.collect();
	let cooperatives = (1..=FOUNDING_COOPERATIVES)
		.map(|c| {
			let mut name = b"Founding Cooperative ".to_vec();
			name.push(b'0'.saturating_add(c));
			let role = alloc::format!("cooperative{c}/member");
			let members =
				(1..=3).map(|m| AccountId::from(federation_placeholder(&role, m))).collect();
			(name, members)
		})
		.collect();
	genesis(validators, FEDERATION_SESSION_LENGTH, endowed, None, cooperatives, 0)
}

/// The name of the scale preset.
pub const SCALE_PRESET: &str = "scale";

/// How many cooperatives the scale preset adds to the `dev` chain's, each with
/// [`SCALE_MEMBERS_PER_COOPERATIVE`] members: 100,000 members and credit accounts in all.
pub const SCALE_COOPERATIVES: u32 = 100;

/// How many members each of the scale preset's cooperatives has (the runtime's most).
pub const SCALE_MEMBERS_PER_COOPERATIVE: u32 = crate::configs::MAX_MEMBERS;

/// Member `m` of the scale preset's cooperative `c`: a placeholder account (the BLAKE2-256 hash
/// of `confoederatio/scale/<c>/<m>`, whose secret key nobody knows).
pub fn scale_member(c: u32, m: u32) -> AccountId {
	let label = alloc::format!("confoederatio/scale/{c}/{m}");
	AccountId::from(sp_io::hashing::blake2_256(label.as_bytes()))
}

/// The `scale` preset: the `dev` chain with [`SCALE_COOPERATIVES`] more cooperatives of
/// [`SCALE_MEMBERS_PER_COOPERATIVE`] members each, every member with its credit account and its
/// free transactions: the state a large federation keeps, for measuring the node's memory,
/// database and block import on it (README, "Throughput").
pub fn scale_genesis() -> Value {
	let mut cooperatives = demo_cooperatives();
	cooperatives.extend((0..SCALE_COOPERATIVES).map(|c| {
		let name = alloc::format!("Scale Cooperative {c}").into_bytes();
		let members = (0..SCALE_MEMBERS_PER_COOPERATIVE).map(|m| scale_member(c, m)).collect();
		(name, members)
	}));
	genesis(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice, 0)],
		DEV_SESSION_LENGTH,
		dev_endowed(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		cooperatives,
		DEMO_FEDERATION_LIMIT,
	)
}

/// The JSON of the named preset, or `None` if there is no such preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => dev_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_genesis(),
		FEDERATION_PRESET => federation_genesis(),
		SCALE_PRESET => scale_genesis(),
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
		PresetId::from(SCALE_PRESET),
	]
}
