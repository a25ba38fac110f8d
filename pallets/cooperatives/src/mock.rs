//! A mock runtime with balances and cooperatives. Accounts are `u128`s (so the test kit's
//! `u64` System/Balances macro does not fit; they are configured here); 1..=10 are funded. This
//! pallet carries the collective origins itself; the test kit's origin helpers build them.

use crate as pallet_cooperatives;
use confoederatio_primitives::{CoopId, EnsureCooperative, EnsureFederation};
use frame_support::{derive_impl, parameter_types, traits::ConstU32, PalletId};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Cooperatives: pallet_cooperatives,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	// 16 bytes, so that each cooperative's derived account ("modl" ++ pallet id ++ coop id)
	// is distinct, as it is with the runtime's 32-byte accounts.
	type AccountId = u128;
	type Lookup = sp_runtime::traits::IdentityLookup<u128>;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const DEPOSIT: u64 = 100;
pub const MAX_MEMBERS: u32 = 12;

parameter_types! {
	pub const CoopPalletId: PalletId = PalletId(*b"conf/coo");
}

impl pallet_cooperatives::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	type FederationOrigin = EnsureFederation<RuntimeOrigin>;
	type MembershipHooks = LeaveGuard;
	type PalletId = CoopPalletId;
	type ApplicationDeposit = frame_support::traits::ConstU64<DEPOSIT>;
	type MinFounders = ConstU32<3>;
	type MaxFounders = ConstU32<5>;
	type MaxMembers = ConstU32<MAX_MEMBERS>;
	type MaxNameLength = ConstU32<16>;
	type MinVotingPeriod = frame_support::traits::ConstU64<10>;
	type MaxVotingPeriod = frame_support::traits::ConstU64<100_000>;
	type MaxWeightFactor = ConstU32<100>;
	type WeightInfo = ();
}

/// Refuses to let account 666 leave anything, and records who joined and who left.
pub struct LeaveGuard;
pub const STUCK: u128 = 666;
parameter_types! {
	pub static Joined: Vec<(CoopId, u128)> = vec![];
	pub static Left: Vec<(CoopId, u128)> = vec![];
}
impl confoederatio_primitives::MembershipHooks<u128> for LeaveGuard {
	fn on_joined(coop: CoopId, who: &u128) {
		Joined::mutate(|joined| joined.push((coop, *who)));
	}
	fn can_leave(_: CoopId, who: &u128) -> sp_runtime::DispatchResult {
		if *who == STUCK {
			Err(sp_runtime::DispatchError::Other("unsettled"))
		} else {
			Ok(())
		}
	}
	fn on_left(coop: CoopId, who: &u128) {
		Left::mutate(|left| left.push((coop, *who)));
	}
}

pub use confoederatio_test_kit::{coop_origin, federation_origin, supermajority_origin};

/// Genesis: accounts 1..=10 and `STUCK` hold 1,000 each; cooperative 0 ("genesis", members
/// 1, 2, 3) is active.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=10).chain([STUCK]).map(|who| (who, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_cooperatives::GenesisConfig::<Test> {
		cooperatives: vec![(b"genesis".to_vec(), vec![1, 2, 3])],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Cooperatives::do_try_state().expect("invariants hold after the test");
	});
}
