// This file is part of Confoederatio. SPDX-License-Identifier: Apache-2.0

//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-02 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `Intel(R) Xeon(R) Processor`
//!
//! DATABASE: `ParityDb`, RUNTIME: `Confoederatio Scale`
//! BLOCK-NUM: `Number(0)`
//! SKIP-WRITE: `false`, SKIP-READ: `false`, WARMUPS: `1`
//! STATE-VERSION: `V1`, STATE-CACHE-SIZE: ``
//! WEIGHT-PATH: `runtime/src/weights/`
//! METRIC: `Average`, WEIGHT-MUL: `1.0`, WEIGHT-ADD: `0`

// Executed Command:
//   /root/.cache/confoederatio/target/release/confoederatio-benchmarks
//   benchmark
//   storage
//   --chain
//   scale
//   --base-path
//   /tmp/scale-storage
//   --state-version
//   1
//   --database
//   paritydb
//   --weight-path
//   runtime/src/weights/
//   --header
//   scripts/templates/header.txt

/// Storage DB weights for the `Confoederatio Scale` runtime and `ParityDb`.
pub mod constants {
	use frame_support::weights::constants;
	use sp_core::parameter_types;
	use sp_weights::RuntimeDbWeight;

	parameter_types! {
		/// `ParityDB` can be enabled with a feature flag, but is still experimental. These weights
		/// are available for brave runtime engineers who may want to try this out as default.
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			/// Time to read one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 824, 11_724_217
			///   Average:  6_277
			///   Median:   5_363
			///   Std-Dev:  49654.27
			///
			/// Percentiles nanoseconds:
			///   99th: 9_447
			///   95th: 7_351
			///   75th: 5_958
			read: 6_277 * constants::WEIGHT_REF_TIME_PER_NANOS,

			/// Time to write one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 14_747, 20_656
			///   Average:  17_319
			///   Median:   16_866
			///   Std-Dev:  1930.61
			///
			/// Percentiles nanoseconds:
			///   99th: 20_656
			///   95th: 20_656
			///   75th: 17_725
			write: 17_319 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}

	#[cfg(test)]
	mod test_db_weights {
		use super::constants::ParityDbWeight as W;
		use sp_weights::constants;

		/// Checks that all weights exist and have sane values.
		// NOTE: If this test fails but you are sure that the generated values are fine,
		// you can delete it.
		#[test]
		fn bound() {
			// At least 1 µs.
			assert!(
				W::get().reads(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Read weight should be at least 1 µs."
			);
			assert!(
				W::get().writes(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Write weight should be at least 1 µs."
			);
			// At most 1 ms.
			assert!(
				W::get().reads(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Read weight should be at most 1 ms."
			);
			assert!(
				W::get().writes(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Write weight should be at most 1 ms."
			);
		}
	}
}
