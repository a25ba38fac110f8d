//! Mutual credit: each cooperative's zero-sum currency, work contributions, and clearing.
//!
//! Credit amounts are hundredths of an hour of work: 100 = one hour.

use confoederatio_primitives::{Credit, EnsureCooperative, EnsureFederation, CREDIT_PER_HOUR};
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32},
};

use crate::{Balances, Cooperatives, Runtime, RuntimeHoldReason, RuntimeOrigin, UNIT};

parameter_types! {
	/// A member may owe at most 1,000 hours.
	pub const MaxCreditLimit: Credit = 1_000 * CREDIT_PER_HOUR;
	/// A new member may owe 20 hours until its cooperative decides otherwise.
	pub const DefaultCreditLimit: Credit = 20 * CREDIT_PER_HOUR;
	/// A cooperative may have at most a million hours of its credit out.
	pub const MaxIssuanceLimit: Credit = 1_000_000 * CREDIT_PER_HOUR;
	/// A cooperative may issue 10,000 hours until it sets its own limit.
	pub const DefaultIssuanceLimit: Credit = 10_000 * CREDIT_PER_HOUR;
	/// A cooperative's federation position may reach 100,000 hours either way at most.
	pub const MaxFederationLimit: Credit = 100_000 * CREDIT_PER_HOUR;
	/// One contribution claims at most 200 hours.
	pub const MaxContribution: Credit = 200 * CREDIT_PER_HOUR;
}

impl pallet_mutual_credit::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cooperatives = Cooperatives;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type FederationOrigin = EnsureFederation<RuntimeOrigin>;
	type MaxCreditLimit = MaxCreditLimit;
	type DefaultCreditLimit = DefaultCreditLimit;
	type MaxIssuanceLimit = MaxIssuanceLimit;
	type DefaultIssuanceLimit = DefaultIssuanceLimit;
	type MaxFederationLimit = MaxFederationLimit;
	type MaxContribution = MaxContribution;
	/// A member's credit can be locked by its votes in at most 32 open polls at once.
	type MaxVoteLocks = ConstU32<32>;
	/// 1 CONF, held until the cooperative decides on the contribution.
	type ContributionDeposit = ConstU128<UNIT>;
	/// For now every member pays its own contribution deposits.
	type DepositPayer = crate::MemberQuota;
	type WeightInfo = pallet_mutual_credit::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::configs::CooperativeBenchmarkHelper;
}
