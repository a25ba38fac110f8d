//! Test externalities for a mock runtime, and its `frame_system` and `pallet_balances`.

use crate::{MockCooperatives, MockLedger};
use sp_runtime::BuildStorage;

/// Fresh test externalities for the mock runtime `T` at block 1: `endowed` accounts hold their
/// native balances; the mock registry and ledger start empty.
pub fn test_ext<T>(endowed: impl IntoIterator<Item = (u64, T::Balance)>) -> sp_io::TestExternalities
where
	T: frame_system::Config<AccountId = u64> + pallet_balances::Config,
{
	MockCooperatives::reset();
	MockLedger::reset();
	let mut storage = frame_system::GenesisConfig::<T>::default()
		.build_storage()
		.expect("the mock's system genesis builds");
	pallet_balances::GenesisConfig::<T> {
		balances: endowed.into_iter().collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.expect("the mock's balances genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| frame_system::Pallet::<T>::set_block_number(1u32.into()));
	ext
}

/// Configures `frame_system` and `pallet_balances` for the mock runtime `$runtime` (declared
/// with `System` and `Balances`), with native balances of type `$balance` and an existential
/// deposit of 1.
#[macro_export]
macro_rules! mock_system_and_balances {
	($runtime:ident, $balance:ty) => {
		// Each `derive_impl` in a block of its own: it needs its name in scope, and declares
		// helper items that would clash side by side.
		const _: () = {
			use frame_support::derive_impl;

			#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
			impl frame_system::Config for $runtime {
				type Block = frame_system::mocking::MockBlock<$runtime>;
				type AccountData = pallet_balances::AccountData<$balance>;
			}
		};

		const _: () = {
			use frame_support::derive_impl;

			#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
			impl pallet_balances::Config for $runtime {
				type Balance = $balance;
				type AccountStore = System;
				type RuntimeHoldReason = RuntimeHoldReason;
			}
		};
	};
}
