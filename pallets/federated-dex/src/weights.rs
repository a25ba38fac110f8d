// This file is part of Confoederatio. SPDX-License-Identifier: Apache-2.0

//! Weights for `pallet_federated_dex`: a placeholder until `scripts/benchmark.sh
//! pallet_federated_dex` generates them.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weights of `pallet_federated_dex`'s calls.
pub trait WeightInfo {
	fn place_order(f: u32, ) -> Weight;
	fn cancel_order() -> Weight;
	fn set_price_band() -> Weight;
	fn set_standing_orders(f: u32, ) -> Weight;
}

/// Weights measured on the reference machine, for the runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn place_order(f: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(Weight::from_parts(150_000_000, 12_000).saturating_mul(f.into()))
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
			.saturating_add(T::DbWeight::get().reads_writes(6, 6).saturating_mul(f.into()))
	}
	fn cancel_order() -> Weight {
		Weight::from_parts(150_000_000, 12_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn set_price_band() -> Weight {
		Weight::from_parts(300_000_000, 30_000).saturating_add(T::DbWeight::get().reads_writes(10, 10))
	}
	fn set_standing_orders(f: u32, ) -> Weight {
		Weight::from_parts(500_000_000, 40_000)
			.saturating_add(Weight::from_parts(150_000_000, 12_000).saturating_mul(f.into()))
			.saturating_add(T::DbWeight::get().reads_writes(16, 16))
			.saturating_add(T::DbWeight::get().reads_writes(6, 6).saturating_mul(f.into()))
	}
}

/// For tests.
impl WeightInfo for () {
	fn place_order(f: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 20_000)
			.saturating_add(Weight::from_parts(150_000_000, 12_000).saturating_mul(f.into()))
	}
	fn cancel_order() -> Weight {
		Weight::from_parts(150_000_000, 12_000)
	}
	fn set_price_band() -> Weight {
		Weight::from_parts(300_000_000, 30_000)
	}
	fn set_standing_orders(f: u32, ) -> Weight {
		Weight::from_parts(500_000_000, 40_000)
			.saturating_add(Weight::from_parts(150_000_000, 12_000).saturating_mul(f.into()))
	}
}
