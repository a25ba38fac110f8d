//! # Member quota
//!
//! Members act without holding the native token: a member's own acts in its cooperative are
//! free, within a quota of free transactions per period that the cooperative sets.
//!
//! ## Overview
//!
//! A member of a timebank earns hours, not tokens. Its own acts in its cooperative — paying,
//! submitting work, attesting care, proposing and voting in the cooperative's polls, redeeming,
//! trading the cooperative's credit, leaving — cost it no fee while it has free transactions
//! left in the current period. Which calls those are, the runtime says
//! ([`MemberActs`](confoederatio_primitives::MemberActs): it knows every pallet's calls); this
//! pallet checks that the signer is a member there and keeps the count.
//!
//! - **Quota**: `per_period` free transactions per member per `period` blocks
//!   ([`Quota`]); the runtime's defaults until the cooperative sets its own by poll
//!   ([`Pallet::set_quota`]), at most `MaxQuota`, the period between `MinPeriod` and
//!   `MaxPeriod`. Periods are aligned from block zero, the same for everyone.
//! - **The fee extension** ([`ChargeUnlessFree`]): the runtime's `ChargeTransactionPayment`,
//!   wrapped. It keeps that extension's identifier and encoding (a tip), so every wallet signs
//!   it as it knows it. A signed transaction with no tip whose call is the signer's own act in a
//!   cooperative it belongs to, with free transactions left there, is free: the pool accepts it
//!   without a fee, and its block counts it before dispatch, outside the call's storage layer, so
//!   a free transaction that fails still uses one. Anything else pays the usual fee; an account
//!   with no funds past its quota is refused at the pool (`InvalidTransaction::Payment`).
//! - **Existence**: an account that holds no native token must still exist for its nonce. This
//!   pallet provides for every member (a provider reference while it belongs to any
//!   cooperative, [`MembershipHooks`](confoederatio_primitives::MembershipHooks)); when it
//!   leaves its last cooperative the reference goes, unless something else still depends on the
//!   account (then the reference stays, so nothing is lost).
//!
//! ## Rules against abuse
//!
//! - A non-member gets nothing free; one member cannot give its quota to another (the count is
//!   the signer's, per cooperative).
//! - A failing free transaction uses quota, so a burst of failing calls stops at the quota.
//! - A free transaction is weighed like any other and fills blocks like any other; the check
//!   and the count are part of the extension's weight.
//! - A tip means the signer wants to pay: a transaction with a tip is never free.
//!
//! ## Where things are
//!
//! | module | what |
//! |---|---|
//! | [`types`] | [`Quota`] and [`Usage`], and their rules (periods, what is left) |
//! | [`extension`] | [`ChargeUnlessFree`], the fee extension |
//! | `membership` | the provider reference members get |
//! | [`weights`] | weights |

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod extension;
mod membership;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use extension::ChargeUnlessFree;
pub use pallet::*;
pub use types::{Quota, Usage};
pub use weights::WeightInfo;

use confoederatio_primitives::{
	CoopId, CoopUnavailable, Cooperatives, DepositPayer, MemberActs, QuotaInfo,
};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, InspectHold},
		tokens::{Fortitude, Preservation},
		EnsureOriginWithArg,
	},
};
use sp_runtime::Saturating;

/// A native amount: a deposit, a budget.
pub type DepositOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
use frame_system::pallet_prelude::*;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version: 1 since the pallet provides for the members it found when it
	/// came ([`Pallet::provide_for_members`], run by the runtime's upgrade that adds it).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_transaction_payment::Config {
		/// The registry of cooperatives: who is a member.
		type Cooperatives: Cooperatives<Self::AccountId, BlockNumberFor<Self>>;

		/// Which calls are a member's own acts in a cooperative.
		type MemberActs: MemberActs<Self::AccountId, <Self as frame_system::Config>::RuntimeCall>;

		/// A cooperative's own decision, after its members' vote ("this cooperative decided").
		type CooperativeOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CoopId>;

		/// Free transactions per member per period, until a cooperative sets its own.
		#[pallet::constant]
		type DefaultQuota: Get<u32>;

		/// The period, in blocks, until a cooperative sets its own.
		#[pallet::constant]
		type DefaultPeriod: Get<BlockNumberFor<Self>>;

		/// The most free transactions per member per period a cooperative may give.
		#[pallet::constant]
		type MaxQuota: Get<u32>;

		/// The shortest period a cooperative may set.
		#[pallet::constant]
		type MinPeriod: Get<BlockNumberFor<Self>>;

		/// The longest period a cooperative may set.
		#[pallet::constant]
		type MaxPeriod: Get<BlockNumberFor<Self>>;

		/// The native token: what a cooperative's account holds for its members' deposits.
		type Currency: InspectHold<Self::AccountId>;

		/// What a cooperative's account may hold for its members' deposits, until it sets its
		/// own budget.
		#[pallet::constant]
		type DefaultDepositBudget: Get<DepositOf<Self>>;

		/// What a cooperative's account may hold for any one member's deposits, until the
		/// cooperative sets its own limit: one member cannot use up the budget of all.
		#[pallet::constant]
		type DefaultMemberDepositLimit: Get<DepositOf<Self>>;

		/// Weights of this pallet's call and of the free-transaction check.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need from the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: confoederatio_primitives::BenchmarkHelper<
			Self::AccountId,
			Self::RuntimeOrigin,
		>;
	}

	/// Each cooperative's quota (absent: the runtime's defaults).
	#[pallet::storage]
	pub type Quotas<T: Config> = StorageMap<_, Twox64Concat, CoopId, Quota<BlockNumberFor<T>>>;

	/// Each cooperative's budget for its members' deposits (absent: the runtime's default).
	#[pallet::storage]
	pub type DepositBudgets<T: Config> = StorageMap<_, Twox64Concat, CoopId, DepositOf<T>>;

	/// What each cooperative may hold for any one member's deposits (absent: the runtime's
	/// default). Set with the budget.
	#[pallet::storage]
	pub type MemberDepositLimits<T: Config> = StorageMap<_, Twox64Concat, CoopId, DepositOf<T>>;

	/// What each cooperative's account holds now for each member's deposits (absent: nothing).
	/// Kept by [`DepositPayer::payer`] and [`DepositPayer::released`].
	#[pallet::storage]
	pub type PaidFor<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		DepositOf<T>,
		ValueQuery,
	>;

	/// Each member's free transactions used, per cooperative.
	#[pallet::storage]
	pub type Used<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		Usage<BlockNumberFor<T>>,
		ValueQuery,
	>;

	/// The accounts this pallet provides for (one provider reference each), with the number of
	/// cooperatives they belong to. An entry at zero: the account left every cooperative, but
	/// something else still depended on it, so its reference stays.
	#[pallet::storage]
	pub type Provided<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A cooperative set its quota.
		QuotaSet {
			/// The cooperative.
			coop: CoopId,
			/// Free transactions per member per period.
			per_period: u32,
			/// The period, in blocks.
			period: BlockNumberFor<T>,
		},
		/// A cooperative set the budget of its members' deposits.
		DepositBudgetSet {
			/// The cooperative.
			coop: CoopId,
			/// What its account may hold for its members' deposits, all together.
			budget: DepositOf<T>,
			/// What its account may hold for any one member's deposits.
			per_member: DepositOf<T>,
		},
		/// A member's transaction was free: no fee was charged.
		FreeTransaction {
			/// The cooperative whose quota it used.
			coop: CoopId,
			/// The member.
			who: T::AccountId,
			/// Free transactions it has left in this period.
			left: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No cooperative has this id.
		UnknownCooperative,
		/// More free transactions per period than `MaxQuota`.
		QuotaTooHigh,
		/// The period is shorter than `MinPeriod` or longer than `MaxPeriod`.
		PeriodOutOfRange,
		/// The limit for one member's deposits is above the budget for all of them.
		MemberLimitAboveBudget,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::MinPeriod::get().is_zero(), "a period is at least one block");
			assert!(T::MinPeriod::get() <= T::MaxPeriod::get(), "MinPeriod above MaxPeriod");
			assert!(T::DefaultQuota::get() <= T::MaxQuota::get(), "DefaultQuota above MaxQuota");
			let period = T::DefaultPeriod::get();
			assert!(
				T::MinPeriod::get() <= period && period <= T::MaxPeriod::get(),
				"DefaultPeriod outside MinPeriod..=MaxPeriod"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Set `coop`'s quota: `per_period` free transactions per member every `period` blocks
		/// (at most `MaxQuota`; the period within `MinPeriod..=MaxPeriod`). The cooperative's
		/// decision. Zero free transactions: its members pay every fee.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::set_quota())]
		pub fn set_quota(
			origin: OriginFor<T>,
			coop: CoopId,
			per_period: u32,
			period: BlockNumberFor<T>,
		) -> DispatchResult {
			T::CooperativeOrigin::ensure_origin(origin, &coop)?;
			Self::do_set_quota(coop, per_period, period)
		}

		/// Set what `coop`'s account may hold for the storage deposits of its members who
		/// cannot pay their own: `budget` for all of them together, `per_member` (at most
		/// `budget`) for any one of them. The cooperative's decision. Zero: its members pay
		/// their own deposits. Deposits it already holds stay held until released.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::set_deposit_budget())]
		pub fn set_deposit_budget(
			origin: OriginFor<T>,
			coop: CoopId,
			budget: DepositOf<T>,
			per_member: DepositOf<T>,
		) -> DispatchResult {
			T::CooperativeOrigin::ensure_origin(origin, &coop)?;
			T::Cooperatives::ensure_exists(coop).map_err(Error::<T>::from)?;
			ensure!(per_member <= budget, Error::<T>::MemberLimitAboveBudget);
			DepositBudgets::<T>::insert(coop, budget);
			MemberDepositLimits::<T>::insert(coop, per_member);
			Self::deposit_event(Event::DepositBudgetSet { coop, budget, per_member });
			Ok(())
		}
	}
}

/// Who holds a member's storage deposit: the member, if it can; else its cooperative's account,
/// while everything that account holds on hold stays within the cooperative's budget
/// ([`Pallet::deposit_budget`]; the account's other holds count too, so the budget is never
/// overrun) and what it holds for this member stays within the limit for one member
/// ([`Pallet::member_deposit_limit`], kept in [`PaidFor`]). A non-member always pays its own.
impl<T: Config> DepositPayer<T::AccountId, DepositOf<T>> for Pallet<T> {
	fn payer(coop: CoopId, who: &T::AccountId, amount: DepositOf<T>) -> T::AccountId {
		let can_pay =
			T::Currency::reducible_balance(who, Preservation::Protect, Fortitude::Force) >= amount;
		if can_pay || !T::Cooperatives::is_member(coop, who) {
			return who.clone();
		}
		let account = T::Cooperatives::account(coop);
		let held = T::Currency::total_balance_on_hold(&account);
		let paid_for = PaidFor::<T>::get(coop, who).saturating_add(amount);
		if held.saturating_add(amount) <= Self::deposit_budget(coop) &&
			paid_for <= Self::member_deposit_limit(coop)
		{
			PaidFor::<T>::insert(coop, who, paid_for);
			account
		} else {
			who.clone()
		}
	}

	fn released(coop: CoopId, who: &T::AccountId, depositor: &T::AccountId, amount: DepositOf<T>) {
		if *depositor != T::Cooperatives::account(coop) {
			return;
		}
		// Saturating: deposits the cooperative held before this pallet kept count (none on a
		// chain that had it from the start) were never counted.
		let left = PaidFor::<T>::get(coop, who).saturating_sub(amount);
		if left.is_zero() {
			PaidFor::<T>::remove(coop, who);
		} else {
			PaidFor::<T>::insert(coop, who, left);
		}
	}

	fn weight() -> Weight {
		<T as Config>::WeightInfo::pay_deposit()
	}
}

impl<T: Config> From<CoopUnavailable> for Error<T> {
	fn from(_: CoopUnavailable) -> Self {
		Error::<T>::UnknownCooperative
	}
}

impl<T: Config> Pallet<T> {
	/// Sets `coop`'s quota. Checks everything but the origin.
	pub fn do_set_quota(
		coop: CoopId,
		per_period: u32,
		period: BlockNumberFor<T>,
	) -> DispatchResult {
		T::Cooperatives::ensure_exists(coop).map_err(Error::<T>::from)?;
		ensure!(per_period <= T::MaxQuota::get(), Error::<T>::QuotaTooHigh);
		ensure!(
			T::MinPeriod::get() <= period && period <= T::MaxPeriod::get(),
			Error::<T>::PeriodOutOfRange
		);
		Quotas::<T>::insert(coop, Quota { per_period, period });
		Self::deposit_event(Event::QuotaSet { coop, per_period, period });
		Ok(())
	}

	/// `coop`'s quota: its own, or the runtime's defaults.
	pub fn quota_of(coop: CoopId) -> Quota<BlockNumberFor<T>> {
		Quotas::<T>::get(coop).unwrap_or_else(|| Quota {
			per_period: T::DefaultQuota::get(),
			period: T::DefaultPeriod::get(),
		})
	}

	/// What `coop`'s account may hold for its members' deposits.
	pub fn deposit_budget(coop: CoopId) -> DepositOf<T> {
		DepositBudgets::<T>::get(coop).unwrap_or_else(T::DefaultDepositBudget::get)
	}

	/// What `coop`'s account may hold for any one member's deposits.
	pub fn member_deposit_limit(coop: CoopId) -> DepositOf<T> {
		MemberDepositLimits::<T>::get(coop).unwrap_or_else(T::DefaultMemberDepositLimit::get)
	}

	/// How many free transactions `who` has left in `coop` now: none for a non-member.
	pub fn left(coop: CoopId, who: &T::AccountId) -> u32 {
		if !T::Cooperatives::is_member(coop, who) {
			return 0;
		}
		Used::<T>::get(coop, who).left_at(&Self::quota_of(coop), Self::now())
	}

	/// The cooperative whose quota makes `call`, signed by `who`, free now: `call` is `who`'s
	/// own act there, `who` is a member, and it has free transactions left. `None`: it pays.
	///
	/// A call that [`MemberActs::reads_to_tell`] rules out is never free, whatever
	/// `cooperative_of` says: the fee extension does not charge its check for such a call, so
	/// it must never make it.
	pub fn free_in(who: &T::AccountId, call: &<T as frame_system::Config>::RuntimeCall) -> Option<CoopId> {
		T::MemberActs::reads_to_tell(call)?;
		T::MemberActs::cooperative_of(who, call).filter(|coop| Self::left(*coop, who) > 0)
	}

	/// Counts one free transaction of `who` in `coop` now.
	pub fn use_free(coop: CoopId, who: &T::AccountId) -> u32 {
		let quota = Self::quota_of(coop);
		let now = Self::now();
		let usage = Used::<T>::get(coop, who).after_one(&quota, now);
		Used::<T>::insert(coop, who, usage);
		usage.left_at(&quota, now)
	}

	/// What the runtime API reports of `who`'s free transactions in `coop`.
	pub fn quota_info(coop: CoopId, who: &T::AccountId) -> QuotaInfo<BlockNumberFor<T>> {
		let quota = Self::quota_of(coop);
		let now = Self::now();
		QuotaInfo {
			per_period: quota.per_period,
			period: quota.period,
			used: Used::<T>::get(coop, who).used_at(&quota, now),
			left: Self::left(coop, who),
			renews_at: quota.renews_at(now),
		}
	}

	/// Provides for the members of `memberships` (each `(cooperative, account)`), as if each had
	/// just joined: for the members a chain had before this pallet came. Returns how many
	/// memberships it counted.
	pub fn provide_for_members(
		memberships: impl Iterator<Item = (CoopId, T::AccountId)>,
	) -> u64 {
		let mut counted = 0u64;
		for (coop, who) in memberships {
			<Self as confoederatio_primitives::MembershipHooks<T::AccountId>>::on_joined(coop, &who);
			counted = counted.saturating_add(1);
		}
		counted
	}

	/// The current block.
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// The invariants (iterates over all of the pallet's storage: for tests and try-runtime):
	/// every quota is within the runtime's bounds; no count is above `MaxQuota`; every account
	/// this pallet provides for has a provider reference; what a cooperative's account holds
	/// for its members' deposits is on hold there.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (_, quota) in Quotas::<T>::iter() {
			ensure!(quota.per_period <= T::MaxQuota::get(), "a quota above MaxQuota");
			ensure!(
				T::MinPeriod::get() <= quota.period && quota.period <= T::MaxPeriod::get(),
				"a period out of bounds"
			);
		}
		for (_, _, usage) in Used::<T>::iter() {
			// A cooperative may lower its quota during a period: the counts stay under the most
			// any quota allows.
			ensure!(
				usage.count <= T::MaxQuota::get(),
				"a member used more free transactions than any quota gives"
			);
		}
		let mut paid_for = alloc::collections::BTreeMap::<CoopId, DepositOf<T>>::new();
		for (coop, _, amount) in PaidFor::<T>::iter() {
			ensure!(!amount.is_zero(), "an empty entry of what a cooperative holds for a member");
			let total = paid_for.entry(coop).or_default();
			*total = total.saturating_add(amount);
		}
		for (coop, total) in paid_for {
			ensure!(
				total <= T::Currency::total_balance_on_hold(&T::Cooperatives::account(coop)),
				"a cooperative holds less than it holds for its members' deposits"
			);
		}
		for (who, _) in Provided::<T>::iter() {
			ensure!(
				frame_system::Pallet::<T>::providers(&who) > 0,
				"an account provided for has no provider"
			);
		}
		Ok(())
	}
}
