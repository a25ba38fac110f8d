//! # The Confoederatio runtime
//!
//! The state transition function of the Confoederatio chain, on which cooperatives federate.
//! It is compiled twice: natively (for the node's types and tests) and to WebAssembly (the code
//! stored on chain, which every validator executes and the federation upgrades by vote).
//!
//! - [`configs`]: the configuration of every pallet, one file per concern.
//! - [`apis`]: the runtime APIs the node and wallets call.
//! - [`genesis_config_presets`]: the `dev`, `local` and `federation` genesis presets.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` and `impl_runtime_apis` expand into large nested types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

// Before `apis`: its `list_benchmarks!`/`add_benchmarks!` macros are used there.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod migrations;
pub mod weights;
#[cfg(test)]
mod tests;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know about blocks without knowing the runtime's calls,
/// so that it keeps syncing across runtime upgrades that change them.
pub mod opaque {
	use super::*;
	use alloc::vec::Vec;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		/// The keys a validator registers: one for block authoring, one for finality.
		pub struct SessionKeys {
			/// Aura (block authoring) key, sr25519.
			pub aura: Aura,
			/// GRANDPA (finality) key, ed25519.
			pub grandpa: Grandpa,
		}
	}
}

/// The runtime's version. `spec_version` goes up with every runtime that changes behaviour; the
/// federation's upgrade vote authorizes the hash of a wasm blob whose version is higher.
#[cfg(not(feature = "upgrade-test"))]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("confoederatio"),
	impl_name: alloc::borrow::Cow::Borrowed("confoederatio"),
	authoring_version: 1,
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The same runtime with `spec_version` one higher: the candidate that the upgrade e2e test
/// (package `confoederatio-runtime-upgrade-test`) installs by federation vote.
#[cfg(feature = "upgrade-test")]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("confoederatio"),
	impl_name: alloc::borrow::Cow::Borrowed("confoederatio"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Milliseconds per block: Aura produces a block every slot of 6 seconds.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;

/// The slot duration. It cannot change once the chain has started.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// The native token's symbol.
pub const TOKEN_SYMBOL: &str = "CONF";
/// The native token's decimals.
pub const TOKEN_DECIMALS: u8 = 12;
/// The SS58 address prefix: 42, the generic Substrate prefix.
pub const SS58_PREFIX: u16 = 42;

/// One CONF in its smallest unit (12 decimals).
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a CONF.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// A millionth of a CONF.
pub const MICRO_UNIT: Balance = 1_000_000;

/// The smallest balance an account may hold; below it the account is reaped.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// A block number.
pub type BlockNumber = u32;

/// The signature scheme of transactions: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// An account: the public key of the transaction signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// A balance of the native token.
pub type Balance = u128;

/// The number of transactions an account has sent.
pub type Nonce = u32;

/// A hash of some data.
pub type Hash = sp_core::H256;

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block signed with a justification.
pub type SignedBlock = generic::SignedBlock<Block>;

/// The transaction extensions: checks and payments around every signed transaction.
/// `CheckMetadataHash` lets a wallet prove that the metadata it used to show the transaction
/// is the chain's own.
///
/// `frame_system::AuthorizeCall` (first in the stable2609 examples) is left out: no pallet here
/// has `#[pallet::authorize]` calls, and polkadot.js 16.5 does not know the extension, so every
/// wallet would warn about it.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// `ChargeTransactionPayment`, unless a member's act is free within its quota: the same
	// identifier and encoding, so wallets see the extension they know.
	pallet_member_quota::ChargeUnlessFree<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations to run on the next runtime upgrade, besides the pallets' own.
#[allow(unused_parens)]
type Migrations = (
	pallet_cooperatives::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_holistic_voting::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_mutual_credit::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_redemption::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_federated_dex::migrations::v2::MigrateV1ToV2<Runtime>,
	migrations::ReturnFederationCreditFees,
	pallet_mutual_credit::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_redemption::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_mutual_credit::migrations::v4::MigrateV3ToV4<Runtime>,
	pallet_care_reputation::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_redemption::migrations::v4::MigrateV3ToV4<Runtime>,
	pallet_federated_dex::migrations::v3::MigrateV2ToV3<Runtime>,
	migrations::ProvideForExistingMembers,
	pallet_holistic_voting::migrations::v3::MigrateV2ToV3<Runtime>,
);

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	/// The Confoederatio runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks, events and runtime upgrades.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// Block timestamps.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// Block authoring by round-robin slots, by the session's validators.
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// Block finality, voted by the session's validators.
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// The native token, CONF.
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	/// Transaction fees.
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// A superuser key, set only in the `dev` genesis; the federation has none.
	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	/// Several calls in one: a poll decides several things at once with `batch_all`, which
	/// wallets know. It adds no power: each call is dispatched with the origin that made the
	/// batch (a cooperative's decision stays that cooperative's).
	#[runtime::pallet_index(7)]
	pub type Utility = pallet_utility;

	// Genesis builds and hooks run in the order of the pallet indices: Balances (4) before
	// ValidatorSet (8) before Session (9), so that a validator's account exists when Session's
	// genesis registers its keys, and Session's genesis asks ValidatorSet for the first
	// validators. Aura (2) and GRANDPA (3) are given no authorities of their own: Session's
	// genesis gives them the validators' keys, and each new session changes them.

	/// The federation's validators, each run by a cooperative: the federation admits and removes
	/// them by vote; the session follows.
	#[runtime::pallet_index(8)]
	pub type ValidatorSet = pallet_validator_set;

	/// Sessions: each validator's keys (`set_keys`), and at each new session the validators
	/// ValidatorSet gives, which Aura and GRANDPA follow.
	#[runtime::pallet_index(9)]
	pub type Session = pallet_session;

	/// Cooperatives, their members, the federation, and the collective origins.
	#[runtime::pallet_index(10)]
	pub type Cooperatives = pallet_cooperatives;

	/// Polls in cooperatives and across the federation; runtime upgrades by vote.
	#[runtime::pallet_index(11)]
	pub type Governance = pallet_holistic_voting;

	/// Each cooperative's zero-sum currency, work contributions, and clearing between them.
	#[runtime::pallet_index(12)]
	pub type MutualCredit = pallet_mutual_credit;

	/// Soulbound care reputation, attested by members, decaying with a half-life.
	#[runtime::pallet_index(13)]
	pub type CareReputation = pallet_care_reputation;

	/// Each cooperative's reserve, which redeems work credit for CONF.
	#[runtime::pallet_index(14)]
	pub type Redemption = pallet_redemption;

	/// The federated exchange: order books between credits and CONF, price bands, standing
	/// orders.
	#[runtime::pallet_index(15)]
	pub type Dex = pallet_federated_dex;

	/// Free transactions for members, within their cooperative's quota.
	#[runtime::pallet_index(16)]
	pub type MemberQuota = pallet_member_quota;
}
