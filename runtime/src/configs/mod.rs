//! The configuration of every pallet in the runtime, one file per concern.

mod care;
mod consensus;
mod credit;
mod exchange;
mod governance;
mod monetary;
mod quota;
mod redemption;
mod system;
mod validators;

pub use consensus::*;
pub use credit::*;
pub use exchange::*;
pub use governance::*;
pub use monetary::*;
pub use quota::*;
pub use system::*;
pub use validators::*;
