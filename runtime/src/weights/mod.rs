//! Weights of polkadot-sdk's pallets and transaction extensions, measured in this runtime on
//! this project's machine by `scripts/benchmark.sh` (our own pallets keep theirs in their
//! crates): what every signed transaction's extensions cost, and the token transfer.

pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_transaction_payment;
