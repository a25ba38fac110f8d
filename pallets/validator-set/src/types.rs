//! The stored shapes of the validator set and their bounds.

use crate::Config;
use confoederatio_primitives::CoopId;
use core::marker::PhantomData;
use frame_support::{traits::Get, BoundedBTreeMap, BoundedVec};

/// The federation's validators, each with the cooperative that runs it (its operator), ordered
/// by account: at most `MaxValidators`.
pub type ValidatorsOf<T> =
	BoundedBTreeMap<<T as frame_system::Config>::AccountId, CoopId, <T as Config>::MaxValidators>;

/// The validators of one session, ordered by account: at most `MaxValidators`.
pub type SessionSetOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidators>;

/// Removed validators that still validate in the current or the next session, with their
/// operators: at most [`MaxLeaving`].
pub type LeavingOf<T> =
	BoundedBTreeMap<<T as frame_system::Config>::AccountId, CoopId, MaxLeaving<T>>;

/// How many removed validators can still be validating: every one of them is in the current or
/// the next session's set, so at most twice `MaxValidators`.
pub struct MaxLeaving<T>(PhantomData<T>);

impl<T: Config> Get<u32> for MaxLeaving<T> {
	fn get() -> u32 {
		T::MaxValidators::get().saturating_mul(2)
	}
}
