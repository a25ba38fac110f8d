//! `frame_system`: block limits, accounts, the database weights.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::ConstU32,
	weights::{
		constants::WEIGHT_REF_TIME_PER_SECOND,
		Weight,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use crate::weights::{
	block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight,
	paritydb_weights::constants::ParityDbWeight,
};

use crate::{
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, SS58_PREFIX, VERSION,
};

/// Normal (user) transactions may fill 75% of a block; the rest is kept for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Two seconds of compute in a six-second slot.
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(2u64.saturating_mul(WEIGHT_REF_TIME_PER_SECOND), u64::MAX);

/// The largest block, in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;

	/// Two seconds of compute in a six-second slot, three quarters of it for normal
	/// transactions (as `BlockWeights::with_sensible_defaults`), with the empty block's and the
	/// smallest extrinsic's weights measured here (`runtime/src/weights`).
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			weights.reserved =
				Some(MAXIMUM_BLOCK_WEIGHT.saturating_sub(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT));
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * MAX_BLOCK_LENGTH
		})
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores its state in ParityDB (no RocksDB is compiled in): its read and write
	/// costs as measured here over a state of 100,000 members (`runtime/src/weights`).
	type DbWeight = ParityDbWeight;
	/// The transaction extensions' weights, measured in this runtime (frame_system's defaults
	/// are priced for RocksDB and another machine).
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}
