//! The configuration of every pallet in the runtime, one file per concern.

mod consensus;
mod monetary;
mod system;

pub use consensus::*;
pub use monetary::*;
pub use system::*;
