//! # The pallets' test kit
//!
//! What every pallet's mock runtime needs and none should write again (accounts and block
//! numbers are `u64`):
//! - [`origins`]: the pallet that carries [`CollectiveOrigin`] into a mock's `RuntimeOrigin`,
//!   and [`coop_origin`], [`federation_origin`], [`supermajority_origin`];
//! - [`MockCooperatives`]: a registry of cooperatives, set up by the test;
//! - [`CoopPaysDeposits`]: a deposit payer by which a cooperative pays the deposits of its
//!   members who cannot, within the budget a test gives it;
//! - [`MockLedger`]: a credit ledger (balances, entitlements, offers) in the test's storage;
//! - [`MockReserve`]: a reserve of native units in buckets, in the test's storage;
//! - [`mock_system_and_balances!`]: `frame_system` and `pallet_balances` configured for a mock;
//! - [`test_ext`]: fresh test externalities with endowed accounts at block 1, the mocks reset.

#![deny(missing_docs)]

extern crate alloc;

mod deposits;
mod ext;
mod ledger;
pub mod origins;
mod registry;
mod reserve;

pub use deposits::CoopPaysDeposits;
pub use ext::test_ext;
pub use ledger::{Holding, MockLedger};
pub use origins::{coop_origin, federation_origin, supermajority_origin};
pub use registry::{MockCoop, MockCooperatives};
pub use reserve::{MockBuckets, MockReserve};

use confoederatio_primitives::CollectiveOrigin;
