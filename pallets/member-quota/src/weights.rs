// This file is part of Confoederatio. SPDX-License-Identifier: Apache-2.0

//! Weights for `pallet_member_quota`.
//!
//! Until `scripts/benchmark.sh pallet_member_quota` generates this file, the weights are the
//! storage each path reads and writes, priced with the ParityDB costs the node stores with, and
//! the execution time of the comparable calls of the other pallets (a few microseconds).

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::{constants::ParityDbWeight, Weight};

/// The weights of this pallet's call and of the free-transaction check.
pub trait WeightInfo {
	/// `set_quota`: the registry read, the quota written.
	fn set_quota() -> Weight;
	/// `set_deposit_budget`: the registry read, the budget written.
	fn set_deposit_budget() -> Weight;
	/// The check and count of a free transaction in the fee extension: the membership, the
	/// quota and the count read, the count written (the extension adds the read that tells
	/// what the call is).
	fn free_transaction() -> Weight;
}

/// For the runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_quota() -> Weight {
		Weight::from_parts(12_000_000, 2_700).saturating_add(ParityDbWeight::get().reads_writes(1, 1))
	}
	fn set_deposit_budget() -> Weight {
		Weight::from_parts(12_000_000, 2_700).saturating_add(ParityDbWeight::get().reads_writes(1, 1))
	}
	fn free_transaction() -> Weight {
		Weight::from_parts(15_000_000, 5_200).saturating_add(ParityDbWeight::get().reads_writes(3, 1))
	}
}

/// For tests.
impl WeightInfo for () {
	fn set_quota() -> Weight {
		Weight::from_parts(12_000_000, 2_700).saturating_add(ParityDbWeight::get().reads_writes(1, 1))
	}
	fn set_deposit_budget() -> Weight {
		Weight::from_parts(12_000_000, 2_700).saturating_add(ParityDbWeight::get().reads_writes(1, 1))
	}
	fn free_transaction() -> Weight {
		Weight::from_parts(15_000_000, 5_200).saturating_add(ParityDbWeight::get().reads_writes(3, 1))
	}
}
