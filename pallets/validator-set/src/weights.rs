// This file is part of Confoederatio. SPDX-License-Identifier: Apache-2.0

//! Weights for `pallet_validator_set`.
//!
//! PLACEHOLDER, NOT MEASURED: written by hand before the pallet is in the runtime, with the
//! storage reads and writes of each call counted from the code and execution times guessed
//! generously from `pallet_member_quota`'s. Replace by running `scripts/benchmark.sh
//! pallet_validator_set` once the runtime has the pallet (frame-benchmarking v2, the template
//! `scripts/templates/pallet-weights.hbs`).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::unnecessary_cast)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weights of `pallet_validator_set`'s calls.
pub trait WeightInfo {
	fn add_validator(v: u32, ) -> Weight;
	fn remove_validator(v: u32, ) -> Weight;
	fn set_session_length() -> Weight;
	fn new_session(v: u32, ) -> Weight;
}

/// Weights for the runtime (placeholders until measured).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Cooperatives::Registry` (r:1 w:0)
	/// Storage: `ValidatorSet::Validators` (r:1 w:1)
	/// Storage: `ValidatorSet::Leaving` (r:1 w:1)
	/// The range of component `v` is `[3, 99]`.
	fn add_validator(v: u32, ) -> Weight {
		Weight::from_parts(25_000_000, 8_000)
			.saturating_add(Weight::from_parts(150_000, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 100).saturating_mul(v.into()))
	}
	/// Storage: `ValidatorSet::Validators` (r:1 w:1)
	/// Storage: `ValidatorSet::CurrentSet` (r:1 w:0)
	/// Storage: `ValidatorSet::NextSet` (r:1 w:0)
	/// Storage: `ValidatorSet::Leaving` (r:1 w:1)
	/// The range of component `v` is `[4, 100]`.
	fn remove_validator(v: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 12_000)
			.saturating_add(Weight::from_parts(300_000, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 200).saturating_mul(v.into()))
	}
	/// Storage: `ValidatorSet::SessionLength` (r:0 w:1)
	fn set_session_length() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ValidatorSet::Validators` (r:1 w:0)
	/// Storage: `Session::NextKeys` (r:v w:0)
	/// Storage: `ValidatorSet::CurrentSet` (r:1 w:0)
	/// Storage: `ValidatorSet::NextSet` (r:0 w:1)
	/// Storage: `ValidatorSet::Leaving` (r:1 w:0)
	/// The range of component `v` is `[3, 100]`.
	fn new_session(v: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 8_000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2_600).saturating_mul(v.into()))
	}
}

/// The same weights against ParityDB's constants, for tests and mocks.
impl WeightInfo for () {
	fn add_validator(v: u32, ) -> Weight {
		Weight::from_parts(25_000_000, 8_000)
			.saturating_add(Weight::from_parts(150_000, 0).saturating_mul(v.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 100).saturating_mul(v.into()))
	}
	fn remove_validator(v: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 12_000)
			.saturating_add(Weight::from_parts(300_000, 0).saturating_mul(v.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 200).saturating_mul(v.into()))
	}
	fn set_session_length() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn new_session(v: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 8_000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(v.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2_600).saturating_mul(v.into()))
	}
}
