//! Weights for `pallet_holistic_voting`.
//!
//! PROVISIONAL: hand-written upper estimates until `scripts/benchmark.sh` generates this file
//! from the benchmarks in `benchmarking.rs`.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::{constants::ParityDbWeight, Weight};

/// The weights of `pallet_holistic_voting`'s calls.
pub trait WeightInfo {
	fn propose(l: u32) -> Weight;
	fn vote() -> Weight;
	fn close_approved(v: u32) -> Weight;
	fn close_rejected(v: u32) -> Weight;
	fn authorize_upgrade() -> Weight;
}

fn estimate(reads: u64, writes: u64) -> Weight {
	Weight::from_parts(60_000_000, 12_000)
		.saturating_add(ParityDbWeight::get().reads_writes(reads, writes))
}

/// Weights for the runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn propose(l: u32) -> Weight {
		<() as WeightInfo>::propose(l)
	}
	fn vote() -> Weight {
		<() as WeightInfo>::vote()
	}
	fn close_approved(v: u32) -> Weight {
		<() as WeightInfo>::close_approved(v)
	}
	fn close_rejected(v: u32) -> Weight {
		<() as WeightInfo>::close_rejected(v)
	}
	fn authorize_upgrade() -> Weight {
		<() as WeightInfo>::authorize_upgrade()
	}
}

impl WeightInfo for () {
	fn propose(l: u32) -> Weight {
		estimate(5, 4).saturating_add(Weight::from_parts(2_000u64.saturating_mul(l.into()), 0))
	}
	fn vote() -> Weight {
		estimate(6, 2)
	}
	fn close_approved(v: u32) -> Weight {
		estimate(5, 4).saturating_add(ParityDbWeight::get().writes(u64::from(v)))
	}
	fn close_rejected(v: u32) -> Weight {
		estimate(5, 4).saturating_add(ParityDbWeight::get().writes(u64::from(v)))
	}
	fn authorize_upgrade() -> Weight {
		estimate(0, 1)
	}
}
