//! What Governance's vote weight asks of the ledgers ([`LockableCredit`]): the credit that votes,
//! and a lock per poll that keeps it from voting twice in that poll through another member.
//!
//! Each vote with credit keeps its own lock in the account record ([`VoteLock`]: the poll, the
//! credit that voted, the poll's end), at most `MaxVoteLocks` of them; the balance may not go
//! below the largest lock of a poll still open
//! ([`CreditAccount::locked_at`](crate::CreditAccount::locked_at)), which every debit respects
//! ([`CreditAccount::floor`](crate::CreditAccount::floor)). Closing a poll removes its lock
//! ([`CreditAccount::release_poll`](crate::CreditAccount::release_poll)) and nobody else's; a
//! poll that ended holds nothing, and its lock is pruned at the next write of the locks.
//!
//! The locks live in the account record, not in a map of their own: a payment reads the payer's
//! record anyway, so an account without locks costs a transfer nothing more, and one with locks
//! costs no extra read either (the record grows by at most `MaxVoteLocks` small entries, a few
//! hundred bytes, and only while polls it voted in are open).
//!
//! [`VoteLock`]: crate::VoteLock

use crate::{Accounts, Config, Error, Pallet};
use confoederatio_primitives::{CoopId, Credit, LockableCredit, PollId};
#[cfg(feature = "runtime-benchmarks")]
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	/// Locks `amount` of `who`'s credit in `coop` for `poll`, open until `until`
	/// ([`CreditAccount::lock`](crate::CreditAccount::lock)): `InsufficientCredit` beyond its
	/// voting credit, `TooManyVoteLocks` beyond `MaxVoteLocks` open polls. Without an account
	/// there is nothing to lock: only a zero amount is taken.
	pub fn do_lock(
		coop: CoopId,
		who: &T::AccountId,
		poll: PollId,
		amount: Credit,
		until: BlockNumberFor<T>,
	) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		let now = Self::now();
		Accounts::<T>::try_mutate(coop, who, |entry| {
			let account = entry.as_mut().ok_or(Error::<T>::InsufficientCredit)?;
			account
				.lock(poll, amount, until, now)
				.map_err(|refused| Error::<T>::from(refused).into())
		})
	}

	/// Releases what `who`'s vote in `poll` locked in `coop`, pruning the expired locks; writes
	/// nothing if none of them was there.
	pub fn do_unlock(coop: CoopId, who: &T::AccountId, poll: PollId) {
		let Some(mut account) = Accounts::<T>::get(coop, who) else { return };
		if account.release_poll(poll, Self::now()) {
			Accounts::<T>::insert(coop, who, account);
		}
	}
}

impl<T: Config> LockableCredit<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	/// The positive balance, less what is on offer (zero without an account).
	fn voting_credit(coop: CoopId, who: &T::AccountId) -> Credit {
		Accounts::<T>::get(coop, who).map_or(0, |account| account.voting_credit())
	}

	fn lock(
		coop: CoopId,
		who: &T::AccountId,
		poll: PollId,
		amount: Credit,
		until: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::do_lock(coop, who, poll, amount, until)
	}

	fn unlock(coop: CoopId, who: &T::AccountId, poll: PollId) {
		Self::do_unlock(coop, who, poll)
	}

	/// Issues `who` an hour of credit (within the cooperative's issuance limit) and locks
	/// them for `MaxVoteLocks - 1` polls no poll of Governance is (ids from `PollId::MAX`
	/// down) open until `until`: the next lock fills the account's last room.
	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_costliest_lock(coop: CoopId, who: &T::AccountId, until: BlockNumberFor<T>) {
		let amount = confoederatio_primitives::CREDIT_PER_HOUR;
		let _ = Self::do_issue(coop, who, confoederatio_primitives::WorkCategory::Commons, amount);
		for index in 1..T::MaxVoteLocks::get() {
			let _ = Self::do_lock(coop, who, PollId::MAX.saturating_sub(index), amount, until);
		}
	}
}
