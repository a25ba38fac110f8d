//! Founding a cooperative: applying, each named founder confirming (or declining, which
//! withdraws the application), and the federation admitting or rejecting the application.
//!
//! The rules: nobody is a founder of an admitted cooperative without having confirmed (the
//! applicant confirms by applying); a pending cooperative's members are exactly its named
//! founders; the application deposit is held only while the application is pending — admitting,
//! rejecting and declining all release it.

use crate::{
	all_distinct, Config, Confirmations, ConfirmationsOf, CoopStatus, Cooperative, Error, Event,
	HoldReason, Members, NameOf, Pallet, Registry,
};
use alloc::vec::Vec;
use confoederatio_primitives::{CoopId, MembershipHooks};
use frame_support::{
	ensure,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use sp_runtime::{traits::Zero, DispatchResult};

impl<T: Config> Pallet<T> {
	/// `applicant` applies to found a cooperative named `name` with `founders` (itself among
	/// them, each named once, `MinFounders..=MaxFounders` of them): holds the application
	/// deposit and creates the cooperative, `Pending`, with the founders as its members and the
	/// applicant's confirmation recorded ([`Pallet::do_create`]). Does not check the origin.
	pub fn do_apply(
		applicant: T::AccountId,
		name: Vec<u8>,
		founders: Vec<T::AccountId>,
	) -> DispatchResult {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		let name: NameOf<T> = name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
		let count = u32::try_from(founders.len()).map_err(|_| Error::<T>::TooManyFounders)?;
		ensure!(count >= T::MinFounders::get(), Error::<T>::TooFewFounders);
		ensure!(count <= T::MaxFounders::get(), Error::<T>::TooManyFounders);
		ensure!(founders.contains(&applicant), Error::<T>::ApplicantNotFounder);
		ensure!(all_distinct(&founders), Error::<T>::DuplicateFounder);

		let deposit = T::ApplicationDeposit::get();
		T::Currency::hold(&HoldReason::ApplicationDeposit.into(), &applicant, deposit)?;
		let coop =
			Self::do_create(name, applicant.clone(), &founders, deposit, CoopStatus::Pending)?;
		Self::deposit_event(Event::Applied { coop, applicant, founders: count });
		Ok(())
	}

	/// `founder`, a named founder of the pending `coop`, confirms that it founds it, once
	/// (`UnknownCooperative`, `NotPending`, `NotFounder`, `AlreadyConfirmed`). Does not check the
	/// origin.
	pub fn do_confirm_founding(coop: CoopId, founder: T::AccountId) -> DispatchResult {
		Self::ensure_founder(coop, &founder)?;
		Confirmations::<T>::try_mutate(coop, |confirmed| -> DispatchResult {
			ensure!(!confirmed.contains(&founder), Error::<T>::AlreadyConfirmed);
			// The founders are distinct members, at most `MaxFounders`: there is room.
			confirmed.try_push(founder.clone()).map_err(|_| Error::<T>::TooManyFounders)?;
			Ok(())
		})?;
		Self::deposit_event(Event::FoundingConfirmed { coop, founder });
		Ok(())
	}

	/// `founder`, a named founder of the pending `coop` (confirmed or not), declines: the
	/// application is withdrawn ([`Pallet::remove_application`]). Does not check the origin.
	pub fn do_decline_founding(coop: CoopId, founder: T::AccountId) -> DispatchResult {
		let cooperative = Self::ensure_founder(coop, &founder)?;
		Self::remove_application(coop, &cooperative)?;
		Self::deposit_event(Event::FoundingDeclined { coop, founder });
		Ok(())
	}

	/// Admits the pending `coop` once every named founder confirmed
	/// ([`Cooperative::admit`]; `UnknownCooperative`, `NotPending`, `FoundersNotConfirmed`):
	/// it becomes active, its confirmations are dropped and its deposit is released. Does not
	/// check the origin.
	pub fn do_admit(coop: CoopId) -> DispatchResult {
		let confirmed = Confirmations::<T>::get(coop);
		let mut deposit = None;
		Self::do_change_status(coop, |cooperative| {
			deposit = Some((cooperative.applicant.clone(), cooperative.admit(&confirmed)?));
			Ok(())
		})?;
		if let Some((applicant, amount)) = deposit {
			Self::release_deposit(&applicant, amount)?;
		}
		Confirmations::<T>::remove(coop);
		Self::deposit_event(Event::Admitted { coop });
		Ok(())
	}

	/// Rejects the pending `coop` ([`Pallet::remove_application`]; `UnknownCooperative`,
	/// `NotPending`). Does not check the origin.
	pub fn do_reject(coop: CoopId) -> DispatchResult {
		let cooperative = Registry::<T>::get(coop).ok_or(Error::<T>::UnknownCooperative)?;
		cooperative.ensure_pending()?;
		Self::remove_application(coop, &cooperative)?;
		Self::deposit_event(Event::Rejected { coop });
		Ok(())
	}

	/// Removes the pending `coop`: releases its deposit, removes its founders' memberships (each
	/// with `MembershipHooks::on_left` and a `MemberRemoved`), its confirmations and its entry.
	/// Does not check that it is pending: the callers did.
	pub(crate) fn remove_application(coop: CoopId, cooperative: &Cooperative<T>) -> DispatchResult {
		Self::release_deposit(&cooperative.applicant, cooperative.deposit)?;
		// A pending cooperative's members are its founders: at most `MaxFounders` entries.
		let founders: Vec<T::AccountId> =
			Members::<T>::iter_key_prefix(coop).take(T::MaxFounders::get() as usize).collect();
		for founder in founders {
			Members::<T>::remove(coop, &founder);
			T::MembershipHooks::on_left(coop, &founder);
			Self::deposit_event(Event::MemberRemoved { coop, who: founder });
		}
		Confirmations::<T>::remove(coop);
		Registry::<T>::remove(coop);
		Ok(())
	}

	/// The pending `coop`, if `founder` is one of its named founders (its members, while it is
	/// pending): `UnknownCooperative`, `NotPending`, `NotFounder`.
	fn ensure_founder(
		coop: CoopId,
		founder: &T::AccountId,
	) -> Result<Cooperative<T>, sp_runtime::DispatchError> {
		let cooperative = Registry::<T>::get(coop).ok_or(Error::<T>::UnknownCooperative)?;
		cooperative.ensure_pending()?;
		ensure!(Members::<T>::contains_key(coop, founder), Error::<T>::NotFounder);
		Ok(cooperative)
	}

	/// Releases `amount` of the application deposit held from `applicant`.
	fn release_deposit(applicant: &T::AccountId, amount: crate::BalanceOf<T>) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::release(
				&HoldReason::ApplicationDeposit.into(),
				applicant,
				amount,
				Precision::BestEffort,
			)?;
		}
		Ok(())
	}

	/// The confirmations a pending cooperative starts with: its applicant's, by applying.
	pub(crate) fn applicant_confirmation(
		applicant: &T::AccountId,
	) -> Result<ConfirmationsOf<T>, Error<T>> {
		ConfirmationsOf::<T>::try_from(alloc::vec![applicant.clone()])
			.map_err(|_| Error::<T>::TooManyFounders)
	}
}
