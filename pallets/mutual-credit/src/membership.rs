//! The cooperatives' membership news ([`MembershipHooks`]): an account for a joining member, no
//! leaving with a debt; and the write-off that lets a member in debt leave.

use crate::{AccountKind, Accounts, Config, CreditAccount, Currencies, Error, Event, Pallet};
use confoederatio_primitives::{CoopId, Cooperatives, MembershipHooks};
use frame_support::ensure;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	/// Moves `who`'s debt in `coop` to the coop account (within its issuance limit, its offers
	/// counted as issued) and records it as written off. Does not check the origin.
	pub fn do_write_off(coop: CoopId, who: T::AccountId) -> DispatchResult {
		T::Cooperatives::ensure_exists(coop).map_err(Error::<T>::from)?;
		let coop_account = T::Cooperatives::account(coop);
		ensure!(who != coop_account, Error::<T>::NotMember);
		let mut member = Accounts::<T>::get(coop, &who).ok_or(Error::<T>::NoCreditAccount)?;
		let debt = member.write_off().ok_or(Error::<T>::NoDebt)?;
		let mut coop_record = Self::account_of(coop, &coop_account);
		Self::pay(&mut coop_record, debt, AccountKind::CoopAccount)?;
		let mut currency = Self::currency_of(coop);
		currency.written_off =
			currency.written_off.checked_add(debt).ok_or(Error::<T>::Overflow)?;
		Accounts::<T>::insert(coop, &coop_account, coop_record);
		Accounts::<T>::insert(coop, &who, member);
		Currencies::<T>::insert(coop, currency);
		Self::deposit_event(Event::WrittenOff { coop, who, amount: debt });
		Ok(())
	}
}

impl<T: Config> MembershipHooks<T::AccountId> for Pallet<T> {
	/// A joining member gets an account with the cooperative's default credit limit; a former
	/// member rejoining keeps its balance and gets the default limit back.
	fn on_joined(coop: CoopId, who: &T::AccountId) {
		let limit = Self::currency_of(coop).default_credit_limit;
		Accounts::<T>::mutate(coop, who, |account| match account {
			Some(account) => account.credit_limit = account.credit_limit.max(limit),
			None => *account = Some(CreditAccount::with_limit(limit)),
		});
	}

	/// A member who owes credit cannot leave (`UnsettledDebt`).
	fn can_leave(coop: CoopId, who: &T::AccountId) -> DispatchResult {
		let balance = Accounts::<T>::get(coop, who).map_or(0, |account| account.balance);
		ensure!(balance >= 0, Error::<T>::UnsettledDebt);
		Ok(())
	}

	/// A member who left with nothing loses its account; one who left with credit keeps it,
	/// with no credit limit, and may still pay it out. (A debt is never dropped: `can_leave`
	/// refuses it, and an account that owes stays as it is.)
	fn on_left(coop: CoopId, who: &T::AccountId) {
		Accounts::<T>::mutate_exists(coop, who, |entry| {
			if let Some(account) = entry {
				match account.balance {
					0 => *entry = None,
					balance if balance > 0 => account.credit_limit = 0,
					_ => {},
				}
			}
		});
	}
}

impl<T: Config> Pallet<T> {
	/// Pays everything `who` holds of `coop`'s credit back to the cooperative's account, and
	/// drops `who`'s account there if nothing is left in it (for a holder that can never spend:
	/// the federation's keyless account, which received the exchange's credit fees before they
	/// went to the cooperatives). Does nothing to an account with credit on offer or locked by a
	/// vote, or in debt. Returns whether it changed anything.
	pub fn return_to_cooperative(coop: CoopId, who: &T::AccountId) -> bool {
		let coop_account = T::Cooperatives::account(coop);
		let Some(mut holder) = Accounts::<T>::get(coop, who) else { return false };
		let Ok(held) = crate::Credit::try_from(holder.balance) else { return false };
		if *who == coop_account || held == 0 || holder.offered > 0 {
			return false;
		}
		let mut coop_record = Self::account_of(coop, &coop_account);
		if Self::pay(&mut holder, held, AccountKind::Holder).is_err() ||
			Self::receive(&mut coop_record, held).is_err()
		{
			return false;
		}
		Accounts::<T>::insert(coop, &coop_account, coop_record);
		if holder.credit_limit == 0 && holder.vote_locks.is_empty() {
			Accounts::<T>::remove(coop, who);
		} else {
			Accounts::<T>::insert(coop, who, holder);
		}
		Self::deposit_event(Event::Transferred {
			coop,
			from: who.clone(),
			to: coop_account,
			amount: held,
		});
		true
	}
}
