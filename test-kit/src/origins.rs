//! The pallet that carries the collective origins into a mock's `RuntimeOrigin` (in the runtime,
//! the Cooperatives pallet does), and the origins a test dispatches with.

use super::CollectiveOrigin;
use confoederatio_primitives::CoopId;

pub use pallet::*;

#[frame_support::pallet]
#[allow(missing_docs)]
pub mod pallet {
	use confoederatio_primitives::CollectiveOrigin;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::origin]
	pub type Origin = CollectiveOrigin;
}

/// `coop`'s own decision.
pub fn coop_origin<O: From<CollectiveOrigin>>(coop: CoopId) -> O {
	CollectiveOrigin::Cooperative(coop).into()
}

/// The federation's decision (a majority of its cooperatives).
pub fn federation_origin<O: From<CollectiveOrigin>>() -> O {
	CollectiveOrigin::Federation.into()
}

/// The federation's decision by two thirds of its cooperatives.
pub fn supermajority_origin<O: From<CollectiveOrigin>>() -> O {
	CollectiveOrigin::FederationSupermajority.into()
}
