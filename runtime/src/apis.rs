//! The runtime APIs: what the node, the RPC and wallets ask the runtime.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_version::RuntimeVersion;

use crate::{
	genesis_config_presets, opaque, AccountId, Aura, Balance, Block, CareReputation, Cooperatives,
	Dex, Executive, Governance, Grandpa, InherentDataExt, MemberQuota, MutualCredit, Nonce,
	Redemption, Runtime,
	RuntimeCall, RuntimeGenesisConfig, System, TransactionPayment, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			opaque::SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			opaque::SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// The key owner proof type is `Void`: there is no proof to give.
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			// A member's free transaction costs no fee: what a wallet shows before signing.
			let free = crate::configs::is_free(&uxt);
			let mut info = TransactionPayment::query_info(uxt, len);
			if free {
				info.partial_fee = 0;
			}
			info
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			if crate::configs::is_free(&uxt) {
				return pallet_transaction_payment::FeeDetails { inclusion_fee: None, tip: 0 };
			}
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use baseline::Pallet as BaselineBench;
			use crate::{Balances, Sudo, Timestamp, TransactionPayment, Utility, ValidatorSet};

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = crate::AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline, BenchmarkBatch};
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use baseline::Pallet as BaselineBench;
			use frame_support::traits::WhitelistedStorageKeys;
			use crate::{Balances, Sudo, Timestamp, TransactionPayment, Utility, ValidatorSet};

			impl frame_system_benchmarking::Config for Runtime {}
			// Fees are burned: no block author to set up.
			impl pallet_transaction_payment::BenchmarkConfig for Runtime {}
			impl baseline::Config for Runtime {}

			let whitelist = crate::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			let weight = Executive::try_runtime_upgrade(checks)
				.unwrap_or_else(|error| panic!("try_runtime_upgrade failed: {error:?}"));
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.unwrap_or_else(|error| panic!("try_execute_block failed: {error:?}"))
		}
	}

	impl confoederatio_primitives::runtime_api::CooperativesApi<Block, AccountId> for Runtime {
		fn members(coop: confoederatio_primitives::CoopId) -> Vec<AccountId> {
			Cooperatives::members_of(coop)
		}

		fn cooperative_account(coop: confoederatio_primitives::CoopId) -> AccountId {
			Cooperatives::account_of(coop)
		}

		fn reserve_account(coop: confoederatio_primitives::CoopId) -> AccountId {
			Redemption::reserve_account(coop)
		}

		fn federation_account() -> AccountId {
			crate::configs::FederationAccount::get()
		}
	}

	impl confoederatio_primitives::runtime_api::GovernanceApi<Block, AccountId> for Runtime {
		fn vote_weight(
			coop: confoederatio_primitives::CoopId,
			who: AccountId,
		) -> confoederatio_primitives::VotingWeight {
			<<Runtime as pallet_holistic_voting::Config>::VoteWeight as
				confoederatio_primitives::VoteWeight<AccountId, crate::BlockNumber>>::vote_weight(
				coop, &who,
			)
		}

		fn poll_tally(
			poll: confoederatio_primitives::PollId,
		) -> Option<confoederatio_primitives::Tally> {
			Governance::poll_tally(poll)
		}
	}

	impl confoederatio_primitives::runtime_api::CareReputationApi<Block, AccountId> for Runtime {
		fn reputation(coop: confoederatio_primitives::CoopId, who: AccountId) -> u128 {
			CareReputation::reputation(coop, &who)
		}
	}

	impl confoederatio_primitives::runtime_api::RedemptionApi<Block, Balance> for Runtime {
		fn reserve(
			coop: confoederatio_primitives::CoopId,
		) -> confoederatio_primitives::ReserveInfo<Balance> {
			Redemption::reserve_info(coop)
		}
	}

	impl confoederatio_primitives::runtime_api::DexApi<Block, AccountId> for Runtime {
		fn order_book(
			give: confoederatio_primitives::AssetKind,
			get: confoederatio_primitives::AssetKind,
			depth: u32,
		) -> Vec<confoederatio_primitives::BookEntry<AccountId>> {
			Dex::order_book(give, get, depth)
		}

		fn quote(
			who: AccountId,
			give: confoederatio_primitives::AssetKind,
			get: confoederatio_primitives::AssetKind,
			amount: u128,
		) -> confoederatio_primitives::ExchangeQuote {
			Dex::quote(&who, give, get, amount)
		}
	}

	impl confoederatio_primitives::runtime_api::MemberQuotaApi<Block, AccountId, crate::BlockNumber>
		for Runtime
	{
		fn quota(
			coop: confoederatio_primitives::CoopId,
			who: AccountId,
		) -> confoederatio_primitives::QuotaInfo<crate::BlockNumber> {
			MemberQuota::quota_info(coop, &who)
		}
	}

	impl confoederatio_primitives::runtime_api::MutualCreditApi<Block, AccountId> for Runtime {
		fn account(
			coop: confoederatio_primitives::CoopId,
			who: AccountId,
		) -> confoederatio_primitives::CreditAccountInfo {
			MutualCredit::account_info(coop, &who)
		}

		fn currency(coop: confoederatio_primitives::CoopId) -> confoederatio_primitives::CurrencyInfo {
			MutualCredit::currency_info(coop)
		}
	}

	impl confoederatio_primitives::runtime_api::ValidatorSetApi<Block, AccountId, crate::BlockNumber>
		for Runtime
	{
		fn validators() -> Vec<confoederatio_primitives::ValidatorInfo<AccountId>> {
			crate::ValidatorSet::validators_info()
		}

		fn session_length() -> crate::BlockNumber {
			pallet_validator_set::SessionLength::<Runtime>::get()
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}
}
