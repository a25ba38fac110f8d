//! What the other pallets may ask of care reputation.

use crate::CoopId;

/// What any pallet may ask of care reputation.
pub trait CareLedger<AccountId> {
	/// `who`'s care reputation in `coop` now, in whole points.
	fn reputation(coop: CoopId, who: &AccountId) -> u128;
}
