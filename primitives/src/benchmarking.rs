//! What the pallets' benchmarks need from the runtime.

use crate::CoopId;

/// What the pallets' benchmarks need from the runtime: cooperatives to work in, their origin,
/// and session keys for validators.
pub trait BenchmarkHelper<AccountId, RuntimeOrigin> {
	/// Creates an active cooperative with these members (who join it, as by `add_member`) and
	/// returns its id.
	fn create_active_cooperative(members: &[AccountId]) -> CoopId;
	/// The origin of `coop`'s own decisions.
	fn cooperative_origin(coop: CoopId) -> RuntimeOrigin;
	/// Registers session keys for `who` (as by `Session.set_keys`), so that a validator counts
	/// in a new session. The default registers nothing: a runtime with pallet-session implements
	/// it, or the validator-set benchmarks measure a set without keys, not the worst case.
	fn register_session_keys(_who: &AccountId) {}
}
