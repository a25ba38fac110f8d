//! What Governance's vote weight asks of the ledgers ([`LockableCredit`]): the credit that votes,
//! and a lock that keeps it from voting twice in one poll through another member.
//!
//! The lock is kept in the account record (no extra read in `transfer`), extended by each poll
//! voted in, counted per open poll, and released when the last of those polls closes or ends
//! ([`CreditAccount::lock`](crate::CreditAccount::lock),
//! [`CreditAccount::release_poll`](crate::CreditAccount::release_poll)); every debit respects it
//! ([`CreditAccount::floor`](crate::CreditAccount::floor)).

use crate::{Accounts, Config, Pallet};
use confoederatio_primitives::{CoopId, Credit, LockableCredit};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> LockableCredit<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	/// The positive balance, less what is on offer (zero without an account).
	fn voting_credit(coop: CoopId, who: &T::AccountId) -> Credit {
		Accounts::<T>::get(coop, who).map_or(0, |account| account.voting_credit())
	}

	/// Locks `amount` until `until`, extending a lock still in force. No account, no lock.
	fn lock(coop: CoopId, who: &T::AccountId, amount: Credit, until: BlockNumberFor<T>) {
		let now = Self::now();
		Accounts::<T>::mutate_exists(coop, who, |entry| {
			if let Some(account) = entry {
				account.lock(amount, until, now);
			}
		});
	}

	/// A poll open until `until` closed. If it closed before its end, one poll fewer holds the
	/// lock in force; a poll closed after its end had nothing left to hold.
	fn unlock(coop: CoopId, who: &T::AccountId, until: BlockNumberFor<T>) {
		let now = Self::now();
		if now > until {
			return;
		}
		Accounts::<T>::mutate_exists(coop, who, |entry| {
			if let Some(account) = entry {
				account.release_poll(now);
			}
		});
	}
}
