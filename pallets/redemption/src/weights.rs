// This file is part of Confoederatio. SPDX-License-Identifier: Apache-2.0

//! Weights for `pallet_redemption`: PROVISIONAL, replaced by `scripts/benchmark.sh`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::unnecessary_cast)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weights of `pallet_redemption`'s calls.
pub trait WeightInfo {
	fn fund(s: u32, ) -> Weight;
	fn set_rate() -> Weight;
	fn redeem_paid() -> Weight;
	fn redeem_queued() -> Weight;
	fn cancel() -> Weight;
}

/// Weights measured on the reference machine, for the runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn fund(s: u32, ) -> Weight { Weight::from_parts(100_000_000, 10_000).saturating_add(Weight::from_parts(50_000_000, 5_000).saturating_mul(s.into())) }
	fn set_rate() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn redeem_paid() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn redeem_queued() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn cancel() -> Weight { Weight::from_parts(100_000_000, 10_000) }
}

impl WeightInfo for () {
	fn fund(_s: u32, ) -> Weight { Weight::zero() }
	fn set_rate() -> Weight { Weight::zero() }
	fn redeem_paid() -> Weight { Weight::zero() }
	fn redeem_queued() -> Weight { Weight::zero() }
	fn cancel() -> Weight { Weight::zero() }
}
