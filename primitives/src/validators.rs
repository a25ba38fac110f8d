//! Validators: which cooperative runs which validator, as the runtime API reports it
//! (pallet-validator-set keeps the set).

use crate::CoopId;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

/// A validator the federation admitted (or one it removed that still validates until the
/// sessions planned before its removal are over), as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ValidatorInfo<AccountId> {
	/// The validator's account (its session keys are registered under it).
	pub validator: AccountId,
	/// The cooperative that runs its node.
	pub operator: CoopId,
	/// Whether it has registered session keys (`Session.set_keys`); without them it is never
	/// planned into a session.
	pub has_keys: bool,
	/// Whether it validates in the current session.
	pub active: bool,
	/// Whether it is planned to validate in the next session.
	pub next: bool,
	/// Whether the federation removed it: it is listed only while it still validates in the
	/// current or the next session.
	pub leaving: bool,
}
