//! Weights measured in this runtime on this project's machine by `scripts/benchmark.sh` (our own
//! pallets keep theirs in their crates):
//! - polkadot-sdk's pallets and transaction extensions: what every signed transaction's
//!   extensions cost, and the token transfer;
//! - the database (`benchmark storage`, over the `scale` chain's 100,000 members: a read and a
//!   write of ParityDB, which the node stores in), the empty block and the smallest extrinsic
//!   (`benchmark overhead`).

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_transaction_payment;
// Generated with doc comments on expression fields.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;
