//! Storage deposits: who holds the deposit of a member's act in a cooperative.
//!
//! Anything a user creates in storage is paid for with a held deposit, released when it is
//! removed. A member of a timebank may hold no native token at all; its cooperative then holds
//! the deposit for it, so that the deposit still protects storage and the member still acts.
//! Each pallet that holds such a deposit asks [`DepositPayer::payer`] whom to hold it from,
//! records that account as the deposit's depositor, releases the deposit to that same
//! account, whoever asks for the release, and then tells the payer ([`DepositPayer::released`]),
//! so that what a cooperative holds for each of its members is known and bounded.

use crate::CoopId;
use frame_support::weights::Weight;

/// Who holds a storage deposit for a member's act in a cooperative.
pub trait DepositPayer<AccountId, Balance> {
	/// The account that holds a deposit of `amount` for `who`'s act in `coop`: `who` itself
	/// when it can, else (for a member) the cooperative's account while what that account
	/// holds for its members' deposits stays within the budget the cooperative set. The
	/// deposit is released back to the same account.
	///
	/// The answer is a choice, not a promise: the pallet holds the deposit from the account
	/// returned, and the act fails (changing nothing) if that account cannot hold it.
	///
	/// The payer may record its choice (what a cooperative holds for each member): the pallet
	/// calls it inside the act, so an act that fails rolls the record back with it.
	fn payer(coop: CoopId, who: &AccountId, amount: Balance) -> AccountId;

	/// The deposit of `amount` that [`Self::payer`] chose `depositor` to hold for `who`'s act in
	/// `coop` was released (to `depositor`). Every pallet that asked `payer` calls this when
	/// it releases the deposit, whoever released it and why.
	fn released(coop: CoopId, who: &AccountId, depositor: &AccountId, amount: Balance);

	/// The most [`Self::payer`] and then [`Self::released`] cost, together. A pallet adds it to
	/// the weight of each call that asks `payer`: every deposit asked for is released once, so
	/// the call that takes it pays in advance for its release.
	fn weight() -> Weight;
}

/// Everyone pays its own deposits (mocks, and runtimes without the rule).
impl<AccountId: Clone, Balance> DepositPayer<AccountId, Balance> for () {
	fn payer(_: CoopId, who: &AccountId, _: Balance) -> AccountId {
		who.clone()
	}

	fn released(_: CoopId, _: &AccountId, _: &AccountId, _: Balance) {}

	fn weight() -> Weight {
		Weight::zero()
	}
}
