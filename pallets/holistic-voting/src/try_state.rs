//! The pallet's invariants, checked by `try_state` and after every unit test.

use crate::{
	tally::count_vote, BalanceOf, Config, CoopVotes, HoldReason, MemberVotes, NextPollId, Pallet,
	PollScope, Polls,
};
use alloc::collections::btree_map::BTreeMap;
use confoederatio_primitives::Tally;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// The invariants of this pallet's storage (iterates over all of it: for tests and
	/// try-runtime, never for a call):
	/// - each open poll's id is below `NextPollId`, its tally equals the sum of its recorded
	///   votes (members' in a cooperative poll, cooperatives' in a federation poll, and no other
	///   kind), and it has at most [`Config::MaxVoters`] voters; a cooperative poll has no more
	///   votes than its electorate (fixed when it opened: only its members vote, once each);
	/// - no vote is recorded for a poll that is not open;
	/// - every depositor of open polls (a member, or a cooperative's account paying for its
	///   members or for its federation polls) holds exactly their deposits under
	///   `PollDeposit`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextPollId::<T>::get();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, poll) in Polls::<T>::iter() {
			ensure!(id < next, "a poll's id is not below NextPollId");
			let held = deposits.entry(poll.depositor.clone()).or_default();
			*held = held.saturating_add(poll.deposit);
			let mut tally = Tally::default();
			match poll.scope {
				PollScope::Cooperative(_) => {
					ensure!(
						CoopVotes::<T>::iter_prefix(id).next().is_none(),
						"coop vote in coop poll"
					);
					for (_, vote) in MemberVotes::<T>::iter_prefix(id) {
						count_vote(&mut tally, vote.aye, vote.weight);
					}
					ensure!(
						tally.voters <= poll.electorate,
						"a cooperative poll has more votes than electors"
					);
				},
				PollScope::Federation { .. } => {
					ensure!(
						MemberVotes::<T>::iter_prefix(id).next().is_none(),
						"member vote in federation poll"
					);
					for (_, aye) in CoopVotes::<T>::iter_prefix(id) {
						count_vote(&mut tally, aye, 1);
					}
				},
			}
			ensure!(tally == poll.tally, "a poll's tally disagrees with its votes");
			ensure!(tally.voters <= T::MaxVoters::get(), "a poll has too many voters");
		}
		for (id, _, _) in MemberVotes::<T>::iter() {
			ensure!(Polls::<T>::contains_key(id), "a vote in a poll that is not open");
		}
		for (id, _, _) in CoopVotes::<T>::iter() {
			ensure!(Polls::<T>::contains_key(id), "a vote in a poll that is not open");
		}
		for (depositor, deposit) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::PollDeposit.into(), &depositor);
			ensure!(held == deposit, "held deposits differ from the open polls'");
		}
		Ok(())
	}
}
