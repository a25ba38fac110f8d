//! A mock runtime for governance, from the test kit: System and Balances, the collective
//! origins, the mock registry of cooperatives (no dependency on the cooperatives pallet); and a
//! `target` pallet whose calls record the origin they ran with.
//!
//! Cooperatives: 0 = {1, 2, 3}, 1 = {4, 5, 6}, 2 = {7, 8, 9}, all active, voting period 10;
//! accounts 1..=20 and each cooperative's account (`1_000 + coop`) hold 1,000. Deposits: the
//! kit's [`CoopPaysDeposits`], so every member pays its own until a test gives its cooperative a
//! budget ([`MockCooperatives::set_deposit_budget`]) and the member cannot pay.

use crate as pallet_holistic_voting;
use confoederatio_primitives::{
	CoopId, CoopParams, EnsureCooperative, EnsureFederationSupermajority, OneMemberOneVote, PollId,
};
use frame_support::{parameter_types, traits::ConstU32, weights::Weight};
use sp_runtime::{DispatchError, DispatchResult};
use std::collections::BTreeMap;

pub use confoederatio_test_kit::{CoopPaysDeposits, MockCoop, MockCooperatives};

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Origins: confoederatio_test_kit::origins,
		Target: target,
		Governance: pallet_holistic_voting,
	}
);

confoederatio_test_kit::mock_system_and_balances!(Test, u64);

impl confoederatio_test_kit::origins::Config for Test {}

/// A pallet whose calls record how they were dispatched: by which cooperative, or by the
/// federation (the collective origins come from the test kit's `origins`).
#[frame_support::pallet]
pub mod target {
	use confoederatio_primitives::CoopId;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		type CooperativeOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = CoopId>;
		type FederationOrigin: EnsureOrigin<Self::RuntimeOrigin>;
	}

	/// What the calls recorded: (acting cooperative or None for the federation, value).
	#[pallet::storage]
	pub type Record<T> =
		StorageValue<_, BoundedVec<(Option<CoopId>, u32), ConstU32<16>>, ValueQuery>;

	#[pallet::error]
	pub enum Error<T> {
		/// Asked to fail.
		Failed,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Records `value` as done by a cooperative.
		#[pallet::call_index(0)]
		#[pallet::weight(Weight::from_parts(1_000, 0))]
		pub fn as_cooperative(origin: OriginFor<T>, value: u32) -> DispatchResult {
			let coop = T::CooperativeOrigin::ensure_origin(origin)?;
			Record::<T>::mutate(|r| r.try_push((Some(coop), value)))
				.map_err(|_| Error::<T>::Failed)?;
			Ok(())
		}

		/// Records `value` as done by the federation.
		#[pallet::call_index(1)]
		#[pallet::weight(Weight::from_parts(1_000, 0))]
		pub fn as_federation(origin: OriginFor<T>, value: u32) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Record::<T>::mutate(|r| r.try_push((None, value))).map_err(|_| Error::<T>::Failed)?;
			Ok(())
		}

		/// Always fails.
		#[pallet::call_index(2)]
		#[pallet::weight(Weight::from_parts(1_000, 0))]
		pub fn fail(_origin: OriginFor<T>) -> DispatchResult {
			Err(Error::<T>::Failed.into())
		}

		/// Too heavy for a proposal.
		#[pallet::call_index(3)]
		#[pallet::weight(Weight::from_parts(u64::MAX / 2, 0))]
		pub fn heavy(_origin: OriginFor<T>) -> DispatchResult {
			Ok(())
		}
	}
}

impl target::Config for Test {
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type FederationOrigin = confoederatio_primitives::EnsureFederation<RuntimeOrigin>;
}

pub const VOTING_PERIOD: u64 = 10;
pub const MAX_VOTERS: u32 = 12;
pub const FEDERATION_PERIOD: u64 = 20;
pub const DEPOSIT: u64 = 50;

pub fn default_params() -> CoopParams<u64> {
	CoopParams { voting_period: VOTING_PERIOD, ..Default::default() }
}

/// Changes `coop`, creating it (active, no members, the default parameters) if need be.
pub fn set_coop(coop: CoopId, change: impl FnOnce(&mut MockCoop)) {
	if MockCooperatives::get(coop).is_none() {
		MockCooperatives::create(coop, true, &[], default_params());
	}
	MockCooperatives::change(coop, change);
}

parameter_types! {
	/// Vote weights other than one member, one vote.
	pub static Weights: BTreeMap<u64, u64> = BTreeMap::new();
	/// The locks voting asked for: (cooperative, member, poll, until).
	pub static Locks: Vec<(CoopId, u64, PollId, u64)> = vec![];
	/// Whether locks are refused (as a ledger refuses one beyond its bound).
	pub static RefuseLocks: bool = false;
}

/// One member, one vote, unless `Weights` says otherwise; records the locks asked for, or
/// refuses them when `RefuseLocks` says so.
pub struct MockVoteWeight;
impl confoederatio_primitives::VoteWeight<u64, u64> for MockVoteWeight {
	fn vote_weight(coop: CoopId, who: &u64) -> u64 {
		let base = OneMemberOneVote::<MockCooperatives, u64>::vote_weight(coop, who);
		if base == 0 {
			0
		} else {
			Weights::get().get(who).copied().unwrap_or(1)
		}
	}
	fn lock_for_poll(coop: CoopId, who: &u64, poll: PollId, until: u64) -> DispatchResult {
		if RefuseLocks::get() {
			return Err(DispatchError::Other("lock refused"));
		}
		Locks::mutate(|locks| locks.push((coop, *who, poll, until)));
		Ok(())
	}
	fn release_poll(coop: CoopId, who: &u64, poll: PollId) {
		Locks::mutate(|locks| locks.retain(|lock| (lock.0, lock.1, lock.2) != (coop, *who, poll)));
	}
}

parameter_types! {
	pub const MaxProposalWeight: Weight = Weight::from_parts(1_000_000_000, 1_000_000);
}

impl pallet_holistic_voting::Config for Test {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cooperatives = MockCooperatives;
	type VoteWeight = MockVoteWeight;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type UpgradeOrigin = EnsureFederationSupermajority<RuntimeOrigin>;
	type PollDeposit = frame_support::traits::ConstU64<DEPOSIT>;
	type DepositPayer = CoopPaysDeposits<Balances>;
	type FederationVotingPeriod = frame_support::traits::ConstU64<FEDERATION_PERIOD>;
	type MaxProposalLength = ConstU32<64>;
	type MaxProposalWeight = MaxProposalWeight;
	type MaxVoters = ConstU32<MAX_VOTERS>;
	type WeightInfo = ();
	/// The test kit's registry creates the benchmarks' cooperatives (active, default
	/// parameters).
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCooperatives;
}

/// Fresh externalities at block 1: the three cooperatives above, accounts 1..=20 and the
/// cooperatives' accounts 1_000..1_004 endowed with 1,000.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let endowed = (1..=20).chain(1_000..1_004).map(|who| (who, 1_000));
	let ext = confoederatio_test_kit::test_ext::<Test>(endowed);
	for (coop, members) in [(0, vec![1, 2, 3]), (1, vec![4, 5, 6]), (2, vec![7, 8, 9])] {
		set_coop(coop, |c| c.members = members);
	}
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Governance::do_try_state().expect("invariants hold after the test");
	});
}
