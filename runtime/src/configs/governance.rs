//! Cooperatives and governance: the collective origins, membership, polls and upgrades.

use confoederatio_primitives::{
	EnsureCooperative, EnsureFederation, EnsureFederationSupermajority,
};
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32},
	weights::Weight,
	PalletId,
};
use pallet_holistic_voting::HolisticWeight;
use sp_runtime::Perbill;

use crate::{
	configs::RuntimeBlockWeights, Balances, BlockNumber, CareReputation, Cooperatives, Governance,
	MutualCredit, Runtime, RuntimeCall, RuntimeHoldReason, RuntimeOrigin, DAYS, MINUTES, UNIT,
};

/// The most members a cooperative may have.
pub const MAX_MEMBERS: u32 = 1_000;
/// The most cooperatives expected in the federation; also bounds a federation poll's votes.
pub const MAX_COOPERATIVES: u32 = 1_000;

parameter_types! {
	pub const CooperativesPalletId: PalletId = PalletId(*b"conf/coo");
	/// A call a poll carries may use at most a quarter of a block.
	pub MaxProposalWeight: Weight = Perbill::from_percent(25) * RuntimeBlockWeights::get().max_block;
}

impl pallet_cooperatives::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type FederationOrigin = EnsureFederation<RuntimeOrigin>;
	/// Mutual credit opens an account for each new member and keeps debtors from leaving; care
	/// reputation is dropped on leaving.
	type MembershipHooks = (MutualCredit, CareReputation, Governance, crate::MemberQuota);
	type PalletId = CooperativesPalletId;
	/// 100 CONF, held from the applicant while the cooperative exists.
	type ApplicationDeposit = ConstU128<{ 100 * UNIT }>;
	type MinFounders = ConstU32<3>;
	type MaxFounders = ConstU32<32>;
	type MaxMembers = ConstU32<MAX_MEMBERS>;
	type MaxNameLength = ConstU32<64>;
	/// One minute: short enough for trying things out on a dev chain.
	type MinVotingPeriod = frame_support::traits::ConstU32<MINUTES>;
	type MaxVotingPeriod = frame_support::traits::ConstU32<{ 30 * DAYS }>;
	type MaxWeightFactor = ConstU32<1_000>;
	type WeightInfo = pallet_cooperatives::weights::SubstrateWeight<Runtime>;
}

impl pallet_holistic_voting::Config for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cooperatives = Cooperatives;
	/// `1 + a·sqrt(work) + b·sqrt(care)`, voting locking the credit that gave the weight.
	type VoteWeight = HolisticWeight<Cooperatives, MutualCredit, CareReputation, BlockNumber>;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type UpgradeOrigin = EnsureFederationSupermajority<RuntimeOrigin>;
	/// 10 CONF, held while a poll is open.
	type PollDeposit = ConstU128<{ 10 * UNIT }>;
	/// For now every member pays its own poll deposits.
	type DepositPayer = crate::MemberQuota;
	type FederationVotingPeriod = frame_support::traits::ConstU32<{ 3 * DAYS }>;
	type MaxProposalLength = ConstU32<{ 16 * 1024 }>;
	type MaxProposalWeight = MaxProposalWeight;
	type MaxVoters = ConstU32<MAX_MEMBERS>;
	type WeightInfo = pallet_holistic_voting::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = CooperativeBenchmarkHelper;
}

/// Creates active cooperatives for the benchmarks of governance, mutual credit and care.
#[cfg(feature = "runtime-benchmarks")]
pub struct CooperativeBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl confoederatio_primitives::BenchmarkHelper<crate::AccountId, RuntimeOrigin>
	for CooperativeBenchmarkHelper
{
	fn create_active_cooperative(members: &[crate::AccountId]) -> confoederatio_primitives::CoopId {
		let name = b"benchmark".to_vec().try_into().expect("short name");
		let applicant = members.first().cloned().expect("members");
		Cooperatives::do_create(
			name,
			applicant,
			members,
			0,
			pallet_cooperatives::CoopStatus::Active,
		)
		.expect("benchmark cooperative")
	}

	fn cooperative_origin(coop: confoederatio_primitives::CoopId) -> RuntimeOrigin {
		confoederatio_primitives::CollectiveOrigin::Cooperative(coop).into()
	}
}

/// A federation poll's votes are bounded by `MaxVoters` too: it must cover every cooperative.
const _: () = assert!(MAX_COOPERATIVES <= MAX_MEMBERS);
