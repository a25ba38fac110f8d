//! Block authoring (Aura), finality (GRANDPA) and time. Their authorities are not configured
//! here: they are the keys of each session's validators (see `validators.rs`).

use frame_support::traits::{ConstBool, ConstU32, ConstU64};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

use crate::{Aura, Runtime, RuntimeEvent, SLOT_DURATION};

/// At most this many validators (Aura and GRANDPA authorities, and ValidatorSet's
/// `MaxValidators`).
pub type MaxAuthorities = ConstU32<32>;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	// Which session each GRANDPA set belongs to matters only for equivocation proofs, which
	// this chain does not take (below): keep the minimum.
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No equivocation reporting yet: there is no stake to slash, and validators are admitted by
	// the federation, which removes a misbehaving one by vote.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}
