//! Work contributions: a member submits work (a deposit held from the member, or from its
//! cooperative's account for a member who cannot pay it: [`Config::DepositPayer`]), its
//! cooperative approves it (issuing the credit and the entitlement) or rejects it; either way
//! the deposit is released to the account it was held from.

use crate::{
	Config, Contribution, ContributionId, ContributionOf, Contributions, Error, Event, HoldReason,
	NextContributionId, Pallet,
};
use confoederatio_primitives::{CoopId, Cooperatives, Credit, DepositPayer, WorkCategory};
use frame_support::{
	ensure,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use sp_runtime::{traits::Zero, DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
	/// The pending contribution `id`, or `UnknownContribution` (never submitted, or decided).
	pub fn pending_contribution(id: ContributionId) -> Result<ContributionOf<T>, DispatchError> {
		Contributions::<T>::get(id).ok_or(Error::<T>::UnknownContribution.into())
	}

	/// Records `amount` (hundredths of an hour) of `category` work by `who` for `coop` and holds
	/// its deposit from the account [`Config::DepositPayer`] names (`who`, or its cooperative's
	/// account), which the contribution records as its depositor: not zero, at most
	/// `MaxContribution`, by a member of the active cooperative. Does not check the origin.
	pub fn do_submit_contribution(
		coop: CoopId,
		who: T::AccountId,
		amount: Credit,
		category: WorkCategory,
		evidence: T::Hash,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(amount <= T::MaxContribution::get(), Error::<T>::TooManyHours);
		T::Cooperatives::ensure_active(coop).map_err(Error::<T>::from)?;
		Self::ensure_member(coop, &who)?;
		let id = NextContributionId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let deposit = T::ContributionDeposit::get();
		let depositor = T::DepositPayer::payer(coop, &who, deposit);
		T::Currency::hold(&HoldReason::ContributionDeposit.into(), &depositor, deposit)?;
		let submitted_at = Self::now();
		let contribution = Contribution {
			coop,
			who: who.clone(),
			amount,
			category,
			evidence,
			deposit,
			depositor,
			submitted_at,
		};
		Contributions::<T>::insert(id, contribution);
		NextContributionId::<T>::put(next);
		Self::deposit_event(Event::ContributionSubmitted {
			id,
			coop,
			who,
			hours: amount,
			category,
			evidence,
		});
		Ok(())
	}

	/// Issues contribution `id`'s credit and entitlement ([`Self::do_issue`]) and releases its
	/// deposit to its depositor: the cooperative must be active and the worker still a member.
	/// Does not check the origin.
	pub fn do_approve_contribution(id: ContributionId) -> DispatchResult {
		let Contribution { coop, who, amount, category, deposit, depositor, .. } =
			Self::pending_contribution(id)?;
		T::Cooperatives::ensure_active(coop).map_err(Error::<T>::from)?;
		Self::ensure_member(coop, &who)?;
		Self::do_issue(coop, &who, category, amount)?;
		Self::release_deposit(coop, &who, &depositor, deposit)?;
		Contributions::<T>::remove(id);
		Self::deposit_event(Event::ContributionApproved { id, coop, who, amount, category });
		Ok(())
	}

	/// Drops contribution `id` and releases its deposit to its depositor. Does not check the
	/// origin.
	pub fn do_reject_contribution(id: ContributionId) -> DispatchResult {
		let Contribution { coop, who, deposit, depositor, .. } = Self::pending_contribution(id)?;
		Self::release_deposit(coop, &who, &depositor, deposit)?;
		Contributions::<T>::remove(id);
		Self::deposit_event(Event::ContributionRejected { id, coop, who });
		Ok(())
	}

	/// Releases the deposit of `who`'s contribution in `coop`, held from `depositor`, and tells
	/// the payer.
	fn release_deposit(
		coop: CoopId,
		who: &T::AccountId,
		depositor: &T::AccountId,
		deposit: crate::BalanceOf<T>,
	) -> DispatchResult {
		let reason = HoldReason::ContributionDeposit.into();
		T::Currency::release(&reason, depositor, deposit, Precision::BestEffort)?;
		T::DepositPayer::released(coop, who, depositor, deposit);
		Ok(())
	}
}
