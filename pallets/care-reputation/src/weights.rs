// This file is part of Confoederatio. SPDX-License-Identifier: Apache-2.0

//! Weights for `pallet_care_reputation`: PROVISIONAL, replaced by `scripts/benchmark.sh`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::unnecessary_cast)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weights of `pallet_care_reputation`'s calls.
pub trait WeightInfo {
	fn attest_new() -> Weight;
	fn attest_confirming() -> Weight;
	fn confirm() -> Weight;
	fn revoke() -> Weight;
	fn withdraw() -> Weight;
}

/// Weights measured on the reference machine, for the runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn attest_new() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn attest_confirming() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn confirm() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn revoke() -> Weight { Weight::from_parts(100_000_000, 10_000) }
	fn withdraw() -> Weight { Weight::from_parts(100_000_000, 10_000) }
}

impl WeightInfo for () {
	fn attest_new() -> Weight { Weight::zero() }
	fn attest_confirming() -> Weight { Weight::zero() }
	fn confirm() -> Weight { Weight::zero() }
	fn revoke() -> Weight { Weight::zero() }
	fn withdraw() -> Weight { Weight::zero() }
}
