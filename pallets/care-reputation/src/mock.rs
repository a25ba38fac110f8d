//! A mock runtime for care reputation, from the test kit: balances, the origins pallet and the
//! mock registry of cooperatives, whose parameters a test can change (no dependency on the
//! cooperatives pallet).
//!
//! Cooperatives: 0 = {1, 2, 3, 4, 5} and 1 = {6, 7, 8}, active; 2 = {9, 10}, suspended. Half-life
//! 1,000 blocks; two attestations confirm a record. Accounts 1..=20 hold 1,000 native units.
//! Deposits: the kit's [`CoopPaysDeposits`], so every attester pays its own until a test gives
//! its cooperative a budget ([`MockCooperatives::set_deposit_budget`]) and the attester cannot
//! pay.

use crate as pallet_care_reputation;
use confoederatio_primitives::{CoopId, CoopParams, EnsureCooperative, MembershipHooks};
use frame_support::traits::{ConstU32, ConstU64};

pub use confoederatio_test_kit::{CoopPaysDeposits, MockCooperatives};

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Origins: confoederatio_test_kit::origins,
		CareReputation: pallet_care_reputation,
	}
);

confoederatio_test_kit::mock_system_and_balances!(Test, u64);

impl confoederatio_test_kit::origins::Config for Test {}

pub const HALF_LIFE: u64 = 1_000;
pub const PERIOD: u64 = 100;
pub const MAX_POINTS: u32 = 10;
pub const MAX_PER_PERIOD: u32 = 3;
pub const MAX_ATTESTERS: u32 = 4;
pub const DEPOSIT: u64 = 10;
pub const MAX_NOTES: u32 = 4;

impl pallet_care_reputation::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cooperatives = MockCooperatives;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type MaxPointsPerAttestation = ConstU32<MAX_POINTS>;
	type MaxAttestationsPerPeriod = ConstU32<MAX_PER_PERIOD>;
	type AttestationPeriod = ConstU64<PERIOD>;
	type MaxAttesters = ConstU32<MAX_ATTESTERS>;
	type RecordDeposit = ConstU64<DEPOSIT>;
	type DepositPayer = CoopPaysDeposits<Balances>;
	type MaxConfirmedNotes = ConstU32<MAX_NOTES>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCooperatives;
}

/// The mock cooperatives' parameters: half-life [`HALF_LIFE`], two attestations confirm.
pub fn default_params() -> CoopParams<u64> {
	CoopParams { care_half_life: HALF_LIFE, attestations_needed: 2, ..Default::default() }
}

/// Creates mock cooperative `coop` with [`default_params`].
pub fn create_coop(coop: CoopId, active: bool, members: &[u64]) {
	MockCooperatives::create(coop, active, members, default_params());
}

/// Changes `coop`'s parameters.
pub fn set_params(coop: CoopId, change: impl FnOnce(&mut CoopParams<u64>)) {
	MockCooperatives::change(coop, |c| change(&mut c.params));
}

/// A member leaves, as by `Cooperatives.leave`.
pub fn leave(coop: CoopId, who: u64) {
	CareReputation::can_leave(coop, &who).expect("care never keeps anyone");
	MockCooperatives::change(coop, |c| c.members.retain(|m| *m != who));
	CareReputation::on_left(coop, &who);
}

/// The mock's genesis, without cooperatives (the benchmarks create their own): accounts 1..=20
/// hold 1,000 native units.
pub fn empty_test_ext() -> sp_io::TestExternalities {
	confoederatio_test_kit::test_ext::<Test>((1..=20).map(|who| (who, 1_000)))
}

/// The mock's genesis with its three cooperatives.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut ext = empty_test_ext();
	ext.execute_with(|| {
		create_coop(0, true, &[1, 2, 3, 4, 5]);
		create_coop(1, true, &[6, 7, 8]);
		create_coop(2, false, &[9, 10]);
	});
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		CareReputation::do_try_state().expect("invariants hold after the test");
	});
}
