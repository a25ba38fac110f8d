//! A mock runtime for mutual credit, built from the test kit: balances, the kit's origins and
//! mock registry of cooperatives (no dependency on the cooperatives pallet), which tells this
//! pallet who joins and leaves, as the runtime does.
//!
//! Cooperatives: 0 = {1, 2, 3} and 1 = {4, 5, 6}, active; 2 = {7, 8}, suspended. A
//! cooperative's coop account is `1_000 + coop`. Accounts 1..=20 hold 1,000 native units.
//! Limits: default credit limit 500, issuance limit 10,000, federation limit none (0); vote locks
//! in at most three open polls. Deposits: the kit's [`CoopPaysDeposits`], so every member pays
//! its own until a test gives its cooperative a budget
//! ([`MockCooperatives::set_deposit_budget`]) and the member cannot pay.

use crate as pallet_mutual_credit;
use confoederatio_primitives::{
	CoopId, CoopParams, EnsureCooperative, EnsureFederation, MembershipHooks,
};
use frame_support::traits::{ConstU128, ConstU32, ConstU64};
use sp_runtime::DispatchResult;

pub use confoederatio_test_kit::{
	coop_origin, federation_origin as federation, CoopPaysDeposits, MockCooperatives,
};

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Origins: confoederatio_test_kit::origins,
		MutualCredit: pallet_mutual_credit,
	}
);

confoederatio_test_kit::mock_system_and_balances!(Test, u64);

impl confoederatio_test_kit::origins::Config for Test {}

pub const DEFAULT_LIMIT: u128 = 500;
pub const ISSUANCE_LIMIT: u128 = 10_000;
pub const MAX_CREDIT_LIMIT: u128 = 5_000;
pub const MAX_ISSUANCE_LIMIT: u128 = 1_000_000;
pub const MAX_FEDERATION_LIMIT: u128 = 100_000;
/// The most one contribution may claim: 24 hours, in hundredths of an hour.
pub const MAX_CONTRIBUTION: u128 = 2_400;
pub const DEPOSIT: u64 = 10;
/// An account's credit votes in at most three open polls at once.
pub const MAX_VOTE_LOCKS: u32 = 3;

impl pallet_mutual_credit::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cooperatives = MockCooperatives;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type FederationOrigin = EnsureFederation<RuntimeOrigin>;
	type MaxCreditLimit = ConstU128<MAX_CREDIT_LIMIT>;
	type DefaultCreditLimit = ConstU128<DEFAULT_LIMIT>;
	type MaxIssuanceLimit = ConstU128<MAX_ISSUANCE_LIMIT>;
	type DefaultIssuanceLimit = ConstU128<ISSUANCE_LIMIT>;
	type MaxFederationLimit = ConstU128<MAX_FEDERATION_LIMIT>;
	type MaxContribution = ConstU128<MAX_CONTRIBUTION>;
	type ContributionDeposit = ConstU64<DEPOSIT>;
	type DepositPayer = CoopPaysDeposits<Balances>;
	type MaxVoteLocks = ConstU32<MAX_VOTE_LOCKS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// The benchmarks' cooperatives: unlike the kit's `MockCooperatives` helper, its members join
/// through this pallet's membership hooks, so that they hold accounts as in the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl confoederatio_primitives::BenchmarkHelper<u64, RuntimeOrigin> for MockBenchmarkHelper {
	fn create_active_cooperative(members: &[u64]) -> CoopId {
		let coop = MockCooperatives::next_id();
		create_coop(coop, true, members);
		coop
	}
	fn cooperative_origin(coop: CoopId) -> RuntimeOrigin {
		coop_origin(coop)
	}
}

/// `coop`'s coop account.
pub fn coop_account(coop: CoopId) -> u64 {
	MockCooperatives::account_of(coop)
}

/// Creates a cooperative whose members join one by one, as the registry does.
pub fn create_coop(coop: CoopId, active: bool, members: &[u64]) {
	MockCooperatives::create(coop, active, &[], CoopParams::default());
	for member in members {
		join(coop, *member);
	}
}

/// A member joins, as by `Cooperatives.add_member`.
pub fn join(coop: CoopId, who: u64) {
	MockCooperatives::change(coop, |c| c.members.push(who));
	MutualCredit::on_joined(coop, &who);
}

/// A member leaves, as by `Cooperatives.leave`: only if the pallet agrees.
pub fn leave(coop: CoopId, who: u64) -> DispatchResult {
	MutualCredit::can_leave(coop, &who)?;
	MockCooperatives::change(coop, |c| c.members.retain(|m| *m != who));
	MutualCredit::on_left(coop, &who);
	Ok(())
}

/// The mock's genesis, without cooperatives (the benchmarks create their own).
pub fn empty_test_ext() -> sp_io::TestExternalities {
	confoederatio_test_kit::test_ext::<Test>((1..=20).map(|who| (who, 1_000)))
}

/// Genesis with the mock's three cooperatives.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut ext = empty_test_ext();
	ext.execute_with(|| {
		create_coop(0, true, &[1, 2, 3]);
		create_coop(1, true, &[4, 5, 6]);
		create_coop(2, false, &[7, 8]);
	});
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		MutualCredit::do_try_state().expect("invariants hold after the test");
	});
}
