//! The federated exchange: order books between the cooperatives' credits and CONF.

use confoederatio_primitives::EnsureCooperative;
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32},
	PalletId,
};
use sp_runtime::{traits::AccountIdConversion, Permill};

use crate::{
	AccountId, Balances, Cooperatives, MutualCredit, Redemption, Runtime, RuntimeHoldReason,
	RuntimeOrigin, MILLI_UNIT,
};

parameter_types! {
	/// Derives the federation's account.
	pub const FederationPalletId: PalletId = PalletId(*b"conf/fed");
	/// The federation's keyless account: it receives the exchange's fees. Genesis endows it
	/// with the existential deposit, so that fees of any size can reach it.
	pub FederationAccount: AccountId = FederationPalletId::get().into_account_truncating();
	/// 0.3% of what an arriving order receives.
	pub const TradeFee: Permill = Permill::from_parts(3_000);
}

/// The deposit held for each resting order: 0.01 CONF.
pub const ORDER_DEPOSIT: u128 = 10 * MILLI_UNIT;

impl pallet_federated_dex::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cooperatives = Cooperatives;
	type Ledger = MutualCredit;
	type Reserve = Redemption;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type FeeAccount = FederationAccount;
	type TradeFee = TradeFee;
	type OrderDeposit = ConstU128<ORDER_DEPOSIT>;
	/// One order trades with at most 16 resting orders.
	type MaxFills = ConstU32<16>;
	/// One side of one market holds at most 200 orders (4.8 kB).
	type MaxOrdersPerSide = ConstU32<200>;
	/// A member with no CONF has its deposit held by its cooperative, within a budget.
	type DepositPayer = crate::MemberQuota;
	type WeightInfo = pallet_federated_dex::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::configs::CooperativeBenchmarkHelper;
	#[cfg(feature = "runtime-benchmarks")]
	type ExchangeHelper = crate::configs::CooperativeBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_federated_dex::ExchangeHelper<AccountId>
	for crate::configs::CooperativeBenchmarkHelper
{
	fn issue(coop: confoederatio_primitives::CoopId, who: &AccountId, amount: u128) {
		MutualCredit::do_issue(coop, who, confoederatio_primitives::WorkCategory::Commons, amount)
			.expect("within the issuance limit");
	}

	fn fund(coop: confoederatio_primitives::CoopId, from: &AccountId, amount: u128) {
		Redemption::do_fund(coop, from.clone(), amount).expect("a funded account");
	}
}
