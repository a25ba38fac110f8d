//! What the pallets' benchmarks need from the runtime.

use crate::CoopId;

/// What the pallets' benchmarks need from the runtime: cooperatives to work in, and their
/// origin.
pub trait BenchmarkHelper<AccountId, RuntimeOrigin> {
	/// Creates an active cooperative with these members (who join it, as by `add_member`) and
	/// returns its id.
	fn create_active_cooperative(members: &[AccountId]) -> CoopId;
	/// The origin of `coop`'s own decisions.
	fn cooperative_origin(coop: CoopId) -> RuntimeOrigin;
}
