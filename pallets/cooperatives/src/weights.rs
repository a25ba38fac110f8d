//! Weights for `pallet_cooperatives`.
//!
//! PROVISIONAL: hand-written upper estimates until `scripts/benchmark.sh` generates this file
//! from the benchmarks in `benchmarking.rs`.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::{constants::ParityDbWeight, Weight};

/// The weights of `pallet_cooperatives`'s calls.
pub trait WeightInfo {
	fn apply(f: u32) -> Weight;
	fn admit() -> Weight;
	fn suspend() -> Weight;
	fn reinstate() -> Weight;
	fn add_member() -> Weight;
	fn remove_member() -> Weight;
	fn leave() -> Weight;
	fn set_parameters() -> Weight;
	fn reject(f: u32) -> Weight;
}

fn estimate(reads: u64, writes: u64) -> Weight {
	Weight::from_parts(50_000_000, 10_000)
		.saturating_add(ParityDbWeight::get().reads_writes(reads, writes))
}

/// Weights for the runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn apply(f: u32) -> Weight {
		<() as WeightInfo>::apply(f)
	}
	fn admit() -> Weight {
		<() as WeightInfo>::admit()
	}
	fn suspend() -> Weight {
		<() as WeightInfo>::suspend()
	}
	fn reinstate() -> Weight {
		<() as WeightInfo>::reinstate()
	}
	fn add_member() -> Weight {
		<() as WeightInfo>::add_member()
	}
	fn remove_member() -> Weight {
		<() as WeightInfo>::remove_member()
	}
	fn leave() -> Weight {
		<() as WeightInfo>::leave()
	}
	fn set_parameters() -> Weight {
		<() as WeightInfo>::set_parameters()
	}
	fn reject(f: u32) -> Weight {
		<() as WeightInfo>::reject(f)
	}
}

impl WeightInfo for () {
	fn apply(f: u32) -> Weight {
		estimate(4, 4).saturating_add(ParityDbWeight::get().writes(u64::from(f)))
	}
	fn admit() -> Weight {
		estimate(2, 2)
	}
	fn suspend() -> Weight {
		estimate(2, 2)
	}
	fn reinstate() -> Weight {
		estimate(2, 2)
	}
	fn add_member() -> Weight {
		estimate(2, 2)
	}
	fn remove_member() -> Weight {
		estimate(2, 2)
	}
	fn leave() -> Weight {
		estimate(2, 2)
	}
	fn set_parameters() -> Weight {
		estimate(1, 1)
	}
	fn reject(f: u32) -> Weight {
		estimate(3, 3).saturating_add(ParityDbWeight::get().writes(u64::from(f)))
	}
}
