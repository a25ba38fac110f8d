//! Redemption reserves: each cooperative's common fund that redeems work credit for CONF.

use confoederatio_primitives::EnsureCooperative;
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32},
	PalletId,
};
use sp_runtime::Perbill;

use crate::{
	Balances, Cooperatives, MutualCredit, Runtime, RuntimeHoldReason, RuntimeOrigin, MILLI_UNIT,
};

parameter_types! {
	pub const RedemptionPalletId: PalletId = PalletId(*b"conf/rdm");
	/// 2% of each payout stays in the reserve.
	pub const ExitFee: Perbill = Perbill::from_percent(2);
}

impl pallet_redemption::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cooperatives = Cooperatives;
	type Ledger = MutualCredit;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type PalletId = RedemptionPalletId;
	type ExitFee = ExitFee;
	/// A deposit serves at most 20 waiting requests.
	type MaxServedPerFund = ConstU32<20>;
	/// At most 1,000 requests wait in each bucket.
	type MaxQueueLength = ConstU32<1_000>;
	/// A member waits with at most two requests in each bucket.
	type MaxRequestsPerMember = ConstU32<2>;
	/// Each waiting request holds 0.01 CONF, released when it is paid or cancelled.
	type RequestDeposit = ConstU128<{ 10 * MILLI_UNIT }>;
	/// A member with no CONF has its deposit held by its cooperative, within a budget.
	type DepositPayer = crate::MemberQuota;
	type WeightInfo = pallet_redemption::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::configs::CooperativeBenchmarkHelper;
	#[cfg(feature = "runtime-benchmarks")]
	type CreditHelper = crate::configs::CooperativeBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_redemption::CreditHelper<crate::AccountId>
	for crate::configs::CooperativeBenchmarkHelper
{
	fn issue(
		coop: confoederatio_primitives::CoopId,
		who: &crate::AccountId,
		category: confoederatio_primitives::WorkCategory,
		amount: confoederatio_primitives::Credit,
	) {
		MutualCredit::do_issue(coop, who, category, amount).expect("within the issuance limit");
	}
}
