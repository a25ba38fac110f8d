// This file is part of Confoederatio. SPDX-License-Identifier: Apache-2.0

//! Weights for `pallet_mutual_credit`: PROVISIONAL, replaced by `scripts/benchmark.sh`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::unnecessary_cast)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weights of `pallet_mutual_credit`'s calls.
pub trait WeightInfo {
	fn transfer() -> Weight;
	fn set_credit_limit() -> Weight;
	fn set_default_credit_limit() -> Weight;
	fn submit_contribution() -> Weight;
	fn approve_contribution() -> Weight;
	fn reject_contribution() -> Weight;
	fn transfer_across() -> Weight;
	fn set_federation_limit() -> Weight;
	fn set_exchange_rate() -> Weight;
	fn write_off() -> Weight;
}

/// Weights measured on the reference machine, for the runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn transfer() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn set_credit_limit() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn set_default_credit_limit() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn submit_contribution() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn approve_contribution() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn reject_contribution() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn transfer_across() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn set_federation_limit() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn set_exchange_rate() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn write_off() -> Weight { Weight::from_parts(100_000_000, 10_000) }
}

impl WeightInfo for () {
	fn transfer() -> Weight { Weight::zero() }
	fn set_credit_limit() -> Weight { Weight::zero() }
	fn set_default_credit_limit() -> Weight { Weight::zero() }
	fn submit_contribution() -> Weight { Weight::zero() }
	fn approve_contribution() -> Weight { Weight::zero() }
	fn reject_contribution() -> Weight { Weight::zero() }
	fn transfer_across() -> Weight { Weight::zero() }
	fn set_federation_limit() -> Weight { Weight::zero() }
	fn set_exchange_rate() -> Weight { Weight::zero() }
	fn write_off() -> Weight { Weight::zero() }
}
