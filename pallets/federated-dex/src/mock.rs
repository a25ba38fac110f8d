//! A mock runtime for the exchange: balances, the shared mock registry and credit ledger, and a
//! mock reserve (no dependency on the other pallets).
//!
//! Cooperatives: 0 = {1, 2, 3} and 1 = {4, 5, 6}, active; 2 = {7}, suspended. Fee 1% to account
//! 999; order deposit 5; at most 4 fills per call and 5 orders per side. Accounts 1..=20 hold
//! 1,000,000,000 native units; the existential deposit is 1. A reserve's account is
//! `2_000 + coop`; it splits deposits 75% / 25%.

use crate as pallet_federated_dex;
use confoederatio_primitives::{
	CollectiveOrigin, CoopId, CoopParams, EnsureCooperative, ReserveLedger,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::Mutate, tokens::Preservation, ConstU128, ConstU32},
};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, Permill};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Origins: origins,
		Dex: pallet_federated_dex,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u128>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<1>;
}

/// Carries the collective origins into the mock's `RuntimeOrigin`.
#[frame_support::pallet]
pub mod origins {
	use confoederatio_primitives::CollectiveOrigin;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::origin]
	pub type Origin = CollectiveOrigin;
}

impl origins::Config for Test {}

pub use confoederatio_primitives::testing::{MockCooperatives, MockLedger};

/// A mock reserve's buckets.
#[derive(Clone, Copy, Default, Debug, PartialEq, codec::Encode, codec::Decode)]
pub struct MockBuckets {
	pub subsistence: u128,
	pub commons: u128,
	pub earmarked: u128,
}

/// Where the mock reserves live: in storage, so that failed calls roll them back.
const RESERVES_KEY: &[u8] = b":mock:reserves";

fn reserves() -> BTreeMap<CoopId, MockBuckets> {
	frame_support::storage::unhashed::get(RESERVES_KEY).unwrap_or_default()
}

/// A mock reserve: buckets per cooperative over the account `2_000 + coop`.
pub struct MockReserve;

impl MockReserve {
	pub fn buckets(coop: CoopId) -> MockBuckets {
		reserves().get(&coop).copied().unwrap_or_default()
	}
	fn set(coop: CoopId, buckets: MockBuckets) {
		let mut all = reserves();
		all.insert(coop, buckets);
		frame_support::storage::unhashed::put(RESERVES_KEY, &all);
	}
	/// Funds `coop`'s reserve with `amount` from `from`, split 75% / 25%.
	pub fn fund(coop: CoopId, from: u64, amount: u128) {
		Balances::transfer(&from, &Self::account(coop), amount, Preservation::Preserve)
			.expect("the funder can pay");
		Self::deposited(coop, amount).expect("a deposit");
	}
	pub fn account(coop: CoopId) -> u64 {
		2_000 + u64::from(coop)
	}
	/// Every reserve's account holds its buckets exactly.
	pub fn consistent() -> bool {
		reserves().iter().all(|(coop, b)| {
			Balances::free_balance(Self::account(*coop)) == b.subsistence + b.commons + b.earmarked
		})
	}
}

fn refused(reason: &'static str) -> DispatchError {
	DispatchError::Other(reason)
}

impl ReserveLedger<u64, u128> for MockReserve {
	fn reserve_account(coop: CoopId) -> u64 {
		Self::account(coop)
	}
	fn earmark(coop: CoopId, amount: u128) -> DispatchResult {
		let mut b = Self::buckets(coop);
		b.commons = b.commons.checked_sub(amount).ok_or(refused("insufficient reserve"))?;
		b.earmarked += amount;
		Self::set(coop, b);
		Ok(())
	}
	fn unearmark(coop: CoopId, amount: u128) -> DispatchResult {
		let mut b = Self::buckets(coop);
		b.earmarked = b.earmarked.checked_sub(amount).ok_or(refused("insufficient reserve"))?;
		b.commons += amount;
		Self::set(coop, b);
		Ok(())
	}
	fn pay_earmarked(coop: CoopId, to: &u64, amount: u128) -> DispatchResult {
		let mut b = Self::buckets(coop);
		b.earmarked = b.earmarked.checked_sub(amount).ok_or(refused("insufficient reserve"))?;
		Balances::transfer(&Self::account(coop), to, amount, Preservation::Expendable)?;
		Self::set(coop, b);
		Ok(())
	}
	fn deposited(coop: CoopId, amount: u128) -> DispatchResult {
		let mut b = Self::buckets(coop);
		let subsistence = amount * 3 / 4;
		b.subsistence += subsistence;
		b.commons += amount - subsistence;
		Self::set(coop, b);
		Ok(())
	}
	fn earmarked(coop: CoopId) -> u128 {
		Self::buckets(coop).earmarked
	}
}

pub const FEE_ACCOUNT: u64 = 999;
pub const DEPOSIT: u128 = 5;
pub const MAX_FILLS: u32 = 4;
pub const MAX_ORDERS: u32 = 5;
pub const ENDOWMENT: u128 = 1_000_000_000;

parameter_types! {
	pub const FeeAccount: u64 = FEE_ACCOUNT;
	pub const TradeFee: Permill = Permill::from_percent(1);
}

impl pallet_federated_dex::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cooperatives = MockCooperatives;
	type Credit = MockLedger;
	type Reserve = MockReserve;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type FeeAccount = FeeAccount;
	type TradeFee = TradeFee;
	type OrderDeposit = ConstU128<DEPOSIT>;
	type MaxFills = ConstU32<MAX_FILLS>;
	type MaxOrdersPerSide = ConstU32<MAX_ORDERS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCooperatives;
	#[cfg(feature = "runtime-benchmarks")]
	type ExchangeHelper = MockBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::ExchangeHelper<u64> for MockBenchmarkHelper {
	fn issue(coop: CoopId, who: &u64, amount: u128) {
		MockLedger::issue(coop, *who, confoederatio_primitives::WorkCategory::Commons, amount);
	}
	fn fund(coop: CoopId, from: &u64, amount: u128) {
		MockReserve::fund(coop, *from, amount);
	}
}

pub fn coop_origin(coop: CoopId) -> RuntimeOrigin {
	CollectiveOrigin::Cooperative(coop).into()
}

pub fn empty_test_ext() -> sp_io::TestExternalities {
	MockCooperatives::reset();
	MockLedger::reset();
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=20).map(|who| (who, ENDOWMENT)).chain([(FEE_ACCOUNT, 1)]).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut ext = empty_test_ext();
	ext.execute_with(|| {
		MockCooperatives::create(0, true, &[1, 2, 3], CoopParams::default());
		MockCooperatives::create(1, true, &[4, 5, 6], CoopParams::default());
		MockCooperatives::create(2, false, &[7], CoopParams::default());
	});
	ext
}

/// Runs a test, then checks the pallet's invariants, that credit sums to zero and that the
/// reserves hold their buckets.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Dex::do_try_state().expect("invariants hold after the test");
		assert!(MockLedger::consistent(), "credit sums to zero, within every floor");
		assert!(MockReserve::consistent(), "every reserve holds its buckets");
	});
}
