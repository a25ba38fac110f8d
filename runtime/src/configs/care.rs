//! Care reputation: soulbound points for care work, attested by members, decaying over time.

use confoederatio_primitives::EnsureCooperative;
use frame_support::traits::{ConstU128, ConstU32};

use crate::{Balances, Cooperatives, Runtime, RuntimeHoldReason, RuntimeOrigin, DAYS, UNIT};

impl pallet_care_reputation::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cooperatives = Cooperatives;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	/// One attestation vouches for at most 10 points.
	type MaxPointsPerAttestation = ConstU32<10>;
	/// A member attests at most 10 times a week in each cooperative.
	type MaxAttestationsPerPeriod = ConstU32<10>;
	type AttestationPeriod = ConstU32<{ 7 * DAYS }>;
	/// A record keeps up to 16 attesters; a cooperative needing more confirms by decision.
	type MaxAttesters = ConstU32<16>;
	/// 1 CONF, held from a record's first attester until it is confirmed or withdrawn.
	type RecordDeposit = ConstU128<UNIT>;
	/// For now every attester pays its own record deposits.
	type DepositPayer = crate::MemberQuota;
	/// The care notes remembered per member (a note confirmed counts once).
	type MaxConfirmedNotes = ConstU32<64>;
	type WeightInfo = pallet_care_reputation::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::configs::CooperativeBenchmarkHelper;
}
