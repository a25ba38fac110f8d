//! A cooperative poll's electorate, fixed when the poll opens: the members then. Its size is
//! recorded in the poll ([`Poll::electorate`](crate::Poll::electorate)); who belongs to it is
//! told by when each member joined ([`FirstEligiblePoll`]), which Governance hears through the
//! cooperatives' [`MembershipHooks`].
//!
//! - A member who joins after a poll opened does not vote in it ([`Error::JoinedAfterOpening`]).
//! - A member who leaves no longer counts: its vote, if it cast one, is left out of the
//!   decisive tally (checked when the poll is counted, for each vote, so leaving costs nothing
//!   here); the electorate's size stays, so the quorum and "everyone voted" still count it, and
//!   a poll it left waits for its end. Rejoining does not bring the vote back: it is a new
//!   membership, after the poll opened.

use crate::{Config, Error, FirstEligiblePoll, NextPollId, Pallet};
use confoederatio_primitives::{CoopId, Cooperatives, MembershipHooks, PollId};
use frame_support::ensure;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	/// Ensures `who` belongs to the electorate of `coop`'s poll `poll`: a member now
	/// (`NotMember`) who joined before the poll opened (`JoinedAfterOpening`). The rule for a
	/// vote when it is cast, and for each vote when a poll is counted.
	pub fn ensure_in_electorate(coop: CoopId, who: &T::AccountId, poll: PollId) -> DispatchResult {
		ensure!(T::Cooperatives::is_member(coop, who), Error::<T>::NotMember);
		let first = FirstEligiblePoll::<T>::get(coop, who).unwrap_or_default();
		ensure!(poll >= first, Error::<T>::JoinedAfterOpening);
		Ok(())
	}
}

impl<T: Config> MembershipHooks<T::AccountId> for Pallet<T> {
	/// A joining member votes in the polls opened from now on: those whose id is at least the
	/// next poll's.
	fn on_joined(coop: CoopId, who: &T::AccountId) {
		FirstEligiblePoll::<T>::insert(coop, who, NextPollId::<T>::get());
	}

	/// Governance never keeps a member from leaving.
	fn can_leave(_: CoopId, _: &T::AccountId) -> DispatchResult {
		Ok(())
	}

	/// A member who left is no member: its record goes (its votes stop counting because it is
	/// no member; a new membership gets a new record).
	fn on_left(coop: CoopId, who: &T::AccountId) {
		FirstEligiblePoll::<T>::remove(coop, who);
	}
}
