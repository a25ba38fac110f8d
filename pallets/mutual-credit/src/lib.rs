//! # Mutual credit
//!
//! One zero-sum ledger per cooperative, credit issued for work, and clearing between
//! cooperatives through the federation.
//!
//! ## Overview
//!
//! Each cooperative has exactly one currency, named by its [`CoopId`]; its unit is a hundredth
//! of an hour of work. Nobody mints it: when a member pays another, the payer's balance goes
//! down (below zero, within its credit limit) and the payee's goes up by the same amount, so the
//! balances of each currency always sum to zero. Credit comes into circulation when the
//! cooperative approves a member's work: the cooperative's own account goes down (within its
//! issuance limit) and the member's goes up.
//!
//! Members of different cooperatives trade through the federation: each cooperative's credit has
//! an exchange rate against the federation unit (a hundredth of an hour), and each cooperative a
//! net position with the federation, bounded by a limit the federation sets. The positions sum to
//! zero too.
//!
//! ## Terminology
//!
//! - *Credit limit*: how far below zero an account may go. A member gets the cooperative's
//!   default limit when it joins; the cooperative may change it ([`Pallet::set_credit_limit`]),
//!   up to `MaxCreditLimit`. The cooperative's own account's limit is its *issuance limit*
//!   (`DefaultIssuanceLimit` until set, at most `MaxIssuanceLimit`).
//! - *Entitlement*: the credit a member received for approved work of a category (`Subsistence`
//!   or `Commons`): what it may later redeem from that bucket of the cooperative's reserve.
//! - *Federation position*: what a cooperative is owed by (positive) or owes to (negative) the
//!   other cooperatives, in federation units.
//!
//! ## Interface
//!
//! Signed:
//! - [`Pallet::transfer`]: pay a member of the same cooperative (or the cooperative itself).
//! - [`Pallet::transfer_across`]: pay a member of another cooperative.
//! - [`Pallet::submit_contribution`]: submit hours of work for approval; holds a deposit.
//!
//! The cooperative's decision (origin `Cooperative(coop)`, after its members' poll):
//! - [`Pallet::set_credit_limit`], [`Pallet::set_default_credit_limit`].
//! - [`Pallet::approve_contribution`], [`Pallet::reject_contribution`].
//! - [`Pallet::write_off`]: take over a member's debt, so that it can leave.
//!
//! The federation's decision (origin `Federation`):
//! - [`Pallet::set_federation_limit`], [`Pallet::set_exchange_rate`].
//!
//! Membership: the runtime hands this pallet the cooperatives' news through
//! [`MembershipHooks`]: a joining member gets an account with the default limit; a member with a
//! negative balance cannot leave; a member who leaves with a positive balance keeps it (with no
//! credit limit) and may still pay it out, so nothing is lost.
//!
//! ## Invariants ([`Pallet::do_try_state`])
//!
//! - The balances of each currency sum to zero.
//! - No account is below minus its credit limit.
//! - The federation positions sum to zero and each is within its limit.
//! - Each contribution's deposit is held, and nothing else under this pallet's hold reason.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod math;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use confoederatio_primitives::{
	CoopId, Cooperatives, Credit, CreditAccountInfo, CreditBalance, CreditLedger, CurrencyInfo,
	ExchangeRate, MembershipHooks, WorkCategory,
};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::Precision,
	},
};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::{Saturating, Zero};

/// A balance of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A contribution as stored.
pub type ContributionOf<T> = Contribution<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	<T as frame_system::Config>::Hash,
	BlockNumberFor<T>,
>;

/// An account as stored.
pub type CreditAccountOf<T> = CreditAccount<BlockNumberFor<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a contribution, held until the cooperative decides on it.
		ContributionDeposit,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency deposits are held in (the native token).
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// The registry of cooperatives and their members.
		type Cooperatives: Cooperatives<Self::AccountId, BlockNumberFor<Self>>;

		/// A cooperative acting after its members' vote; succeeds with its id.
		type CooperativeOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = CoopId>;

		/// The federation acting after its cooperatives' vote.
		type FederationOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The highest credit limit a member may have.
		#[pallet::constant]
		type MaxCreditLimit: Get<Credit>;

		/// The credit limit of a new member until its cooperative sets another default.
		#[pallet::constant]
		type DefaultCreditLimit: Get<Credit>;

		/// The highest issuance limit a cooperative may set for its own account.
		#[pallet::constant]
		type MaxIssuanceLimit: Get<Credit>;

		/// A cooperative's issuance limit until it sets one.
		#[pallet::constant]
		type DefaultIssuanceLimit: Get<Credit>;

		/// The highest federation limit the federation may give a cooperative.
		#[pallet::constant]
		type MaxFederationLimit: Get<Credit>;

		/// The most hours (in hundredths) one contribution may claim.
		#[pallet::constant]
		type MaxContributionHours: Get<Credit>;

		/// Held from a member for each contribution until the cooperative decides.
		#[pallet::constant]
		type ContributionDeposit: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need from the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: confoederatio_primitives::BenchmarkHelper<
			Self::AccountId,
			Self::RuntimeOrigin,
		>;
	}

	/// The accounts of each currency: `(coop, holder) → account`. Members get one when they join;
	/// the cooperative's own account when it first issues or receives credit.
	#[pallet::storage]
	pub type Accounts<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		CreditAccountOf<T>,
	>;

	/// The currencies' settings and federation positions (absent: the defaults, position zero).
	#[pallet::storage]
	pub type Currencies<T: Config> = StorageMap<_, Twox64Concat, CoopId, Currency>;

	/// Contributions waiting for their cooperative's decision.
	#[pallet::storage]
	pub type Contributions<T: Config> =
		StorageMap<_, Twox64Concat, ContributionId, ContributionOf<T>>;

	/// The id the next contribution gets.
	#[pallet::storage]
	pub type NextContributionId<T> = StorageValue<_, ContributionId, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Federation limits at genesis, so that cooperatives can trade across from the start.
		pub federation_limits: Vec<(CoopId, Credit)>,
		#[serde(skip)]
		#[allow(missing_docs)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		/// Genesis is the operator's configuration, not user input: a limit above
		/// `MaxFederationLimit` stops the chain spec from building.
		fn build(&self) {
			for (coop, limit) in &self.federation_limits {
				assert!(*limit <= T::MaxFederationLimit::get(), "federation limit too high");
				Currencies::<T>::insert(
					coop,
					Currency { federation_limit: *limit, ..Pallet::<T>::currency_of(*coop) },
				);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Credit moved within a cooperative's currency.
		Transferred {
			/// The currency.
			coop: CoopId,
			/// The payer.
			from: T::AccountId,
			/// The payee.
			to: T::AccountId,
			/// The amount.
			amount: Credit,
		},
		/// A member paid a member of another cooperative, through the federation.
		TransferredAcross {
			/// The payer's cooperative and currency.
			from_coop: CoopId,
			/// The payee's cooperative and currency.
			to_coop: CoopId,
			/// The payer.
			from: T::AccountId,
			/// The payee.
			to: T::AccountId,
			/// What the payer paid, in its currency.
			paid: Credit,
			/// What that was worth, in federation units.
			federation_units: Credit,
			/// What the payee received, in its currency.
			received: Credit,
		},
		/// A cooperative set an account's credit limit (its own: its issuance limit).
		CreditLimitSet {
			/// The cooperative.
			coop: CoopId,
			/// The account.
			who: T::AccountId,
			/// The new limit.
			limit: Credit,
		},
		/// A cooperative set the credit limit its new members get.
		DefaultCreditLimitSet {
			/// The cooperative.
			coop: CoopId,
			/// The new default.
			limit: Credit,
		},
		/// A member submitted work for approval.
		ContributionSubmitted {
			/// The contribution.
			id: ContributionId,
			/// The cooperative.
			coop: CoopId,
			/// The member.
			who: T::AccountId,
			/// The time worked, in hundredths of an hour.
			hours: Credit,
			/// What kind of work.
			category: WorkCategory,
			/// The hash of the evidence.
			evidence: T::Hash,
		},
		/// A cooperative approved a contribution and issued its credit.
		ContributionApproved {
			/// The contribution.
			id: ContributionId,
			/// The cooperative.
			coop: CoopId,
			/// The member.
			who: T::AccountId,
			/// The credit issued.
			amount: Credit,
			/// The entitlement that grew by `amount`.
			category: WorkCategory,
		},
		/// A cooperative rejected a contribution; its deposit was released.
		ContributionRejected {
			/// The contribution.
			id: ContributionId,
			/// The cooperative.
			coop: CoopId,
			/// The member.
			who: T::AccountId,
		},
		/// A cooperative took over a member's debt.
		WrittenOff {
			/// The cooperative.
			coop: CoopId,
			/// The member, whose balance is now zero.
			who: T::AccountId,
			/// The debt.
			amount: Credit,
		},
		/// The federation set how far a cooperative's position may go from zero.
		FederationLimitSet {
			/// The cooperative.
			coop: CoopId,
			/// The new limit, in federation units.
			limit: Credit,
		},
		/// Credit left circulation for a redemption: the holder's balance and entitlement went
		/// down, the cooperative's account up.
		Burned {
			/// The currency.
			coop: CoopId,
			/// The holder.
			who: T::AccountId,
			/// The entitlement it was redeemed from.
			category: WorkCategory,
			/// The amount.
			amount: Credit,
		},
		/// A cancelled redemption's credit came back into circulation.
		Unburned {
			/// The currency.
			coop: CoopId,
			/// The holder.
			who: T::AccountId,
			/// The entitlement it went back to.
			category: WorkCategory,
			/// The amount.
			amount: Credit,
		},
		/// The federation set a currency's value in federation units.
		ExchangeRateSet {
			/// The cooperative.
			coop: CoopId,
			/// Federation units per unit of its credit.
			rate: ExchangeRate,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// No cooperative has this id.
		UnknownCooperative,
		/// The cooperative is not active (pending or suspended).
		CooperativeNotActive,
		/// The payee (or the account named) is not a member of the cooperative.
		NotMember,
		/// The payer holds no account in this currency.
		NoCreditAccount,
		/// Payer and payee are the same account.
		SelfTransfer,
		/// The cooperative's own account pays only by the cooperative's decisions.
		PayerIsCooperative,
		/// The payer would go below minus its credit limit.
		OverCreditLimit,
		/// The cooperative's account would go below minus its issuance limit.
		OverIssuanceLimit,
		/// A balance or sum would leave its numeric range.
		Overflow,
		/// The limit is above the runtime's maximum.
		LimitTooHigh,
		/// The account already owes more than the new limit would allow.
		BelowCurrentDebt,
		/// The position is already further from zero than the new limit would allow.
		BelowCurrentPosition,
		/// The contribution claims more hours than `MaxContributionHours`.
		TooManyHours,
		/// No pending contribution has this id (never submitted, or already decided).
		UnknownContribution,
		/// The origin is another cooperative's.
		WrongCooperative,
		/// A payment across must go to another cooperative.
		SameCooperative,
		/// The payment would take a cooperative's federation position beyond its limit.
		OverFederationLimit,
		/// At these exchange rates the payee would receive nothing.
		AmountTooSmall,
		/// An exchange rate must be above zero.
		ZeroRate,
		/// The account owes nothing.
		NoDebt,
		/// The member owes credit: it must settle (or the cooperative write the debt off) first.
		UnsettledDebt,
		/// Credit that gave weight to a vote in an open poll cannot move until the poll ends.
		CreditLocked,
		/// More than the entitlement of that category.
		OverEntitlement,
		/// More than the positive balance (above what is locked or on offer): only credit held
		/// can be redeemed or offered.
		InsufficientCredit,
		/// Credit on offer on the exchange cannot move until its order is filled or cancelled.
		CreditOnOffer,
		/// Less is on offer than the exchange asked to release or pay.
		NotOnOffer,
		/// No more contribution ids.
		IdsExhausted,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pay `amount` of `coop`'s credit to `to`, a member of `coop` or the cooperative itself.
		///
		/// Signed by an account holder of the currency (a member, or a former member paying out
		/// what it kept); the payer may not go below minus its credit limit. The cooperative
		/// must be active.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::transfer())]
		pub fn transfer(
			origin: OriginFor<T>,
			coop: CoopId,
			to: T::AccountId,
			#[pallet::compact] amount: Credit,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			Self::do_transfer(coop, from, to, amount)
		}

		/// Set `who`'s credit limit in `coop`'s currency; for the cooperative's own account, its
		/// issuance limit.
		///
		/// Origin `Cooperative(coop)`. At most `MaxCreditLimit` (`MaxIssuanceLimit` for the
		/// cooperative's account), and not below what the account owes now.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_credit_limit())]
		pub fn set_credit_limit(
			origin: OriginFor<T>,
			coop: CoopId,
			who: T::AccountId,
			#[pallet::compact] limit: Credit,
		) -> DispatchResult {
			Self::ensure_cooperative(origin, coop)?;
			Self::do_set_credit_limit(coop, who, limit)
		}

		/// Set the credit limit `coop`'s new members get (members who joined keep theirs).
		///
		/// Origin `Cooperative(coop)`; at most `MaxCreditLimit`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_default_credit_limit())]
		pub fn set_default_credit_limit(
			origin: OriginFor<T>,
			coop: CoopId,
			#[pallet::compact] limit: Credit,
		) -> DispatchResult {
			Self::ensure_cooperative(origin, coop)?;
			ensure!(limit <= T::MaxCreditLimit::get(), Error::<T>::LimitTooHigh);
			Currencies::<T>::insert(
				coop,
				Currency { default_credit_limit: limit, ..Self::currency_of(coop) },
			);
			Self::deposit_event(Event::DefaultCreditLimitSet { coop, limit });
			Ok(())
		}

		/// Submit `hours` (in hundredths: 150 is an hour and a half) of `category` work done for
		/// `coop`, with the hash of its evidence, for the cooperative to approve.
		///
		/// Signed by a member of the active cooperative; holds `ContributionDeposit` until the
		/// cooperative decides. Care work is not submitted here (see CareReputation).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::submit_contribution())]
		pub fn submit_contribution(
			origin: OriginFor<T>,
			coop: CoopId,
			#[pallet::compact] hours: Credit,
			category: WorkCategory,
			evidence: T::Hash,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_contribution(coop, who, hours, category, evidence)
		}

		/// Approve contribution `id`: issue its credit from the cooperative's account to the
		/// member, grow the member's entitlement in its category, release the deposit.
		///
		/// Origin `Cooperative(coop)` of the contribution's cooperative, which must be active and
		/// stay within its issuance limit; the worker must still be a member.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::approve_contribution())]
		pub fn approve_contribution(origin: OriginFor<T>, id: ContributionId) -> DispatchResult {
			let acting = T::CooperativeOrigin::ensure_origin(origin)?;
			Self::do_approve_contribution(acting, id)
		}

		/// Reject contribution `id`: no credit is issued; the deposit is released.
		///
		/// Origin `Cooperative(coop)` of the contribution's cooperative.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reject_contribution())]
		pub fn reject_contribution(origin: OriginFor<T>, id: ContributionId) -> DispatchResult {
			let acting = T::CooperativeOrigin::ensure_origin(origin)?;
			Self::do_reject_contribution(acting, id)
		}

		/// Pay `amount` of the payer's `from_coop` credit to `to`, a member of `to_coop`, who
		/// receives `to_coop` credit of the same value at the two exchange rates (rounded down).
		///
		/// Signed by an account holder of `from_coop`'s currency. The payer's credit goes to its
		/// cooperative's account and that cooperative's federation position goes down; the
		/// payee's cooperative pays out of its own account and its position goes up. Both
		/// cooperatives must be active; if any limit (the payer's credit limit, either
		/// position's federation limit, the payee cooperative's issuance limit) would break,
		/// nothing happens.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::transfer_across())]
		pub fn transfer_across(
			origin: OriginFor<T>,
			from_coop: CoopId,
			to_coop: CoopId,
			to: T::AccountId,
			#[pallet::compact] amount: Credit,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			Self::do_transfer_across(from_coop, to_coop, from, to, amount)
		}

		/// Set how far `coop`'s federation position may go from zero, either way, in federation
		/// units.
		///
		/// Origin `Federation`; at most `MaxFederationLimit`, and not below the current position.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_federation_limit())]
		pub fn set_federation_limit(
			origin: OriginFor<T>,
			coop: CoopId,
			#[pallet::compact] limit: Credit,
		) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::ensure_exists(coop)?;
			ensure!(limit <= T::MaxFederationLimit::get(), Error::<T>::LimitTooHigh);
			let currency = Self::currency_of(coop);
			ensure!(
				currency.federation_position.unsigned_abs() <= limit,
				Error::<T>::BelowCurrentPosition
			);
			Currencies::<T>::insert(coop, Currency { federation_limit: limit, ..currency });
			Self::deposit_event(Event::FederationLimitSet { coop, limit });
			Ok(())
		}

		/// Set the value of one unit of `coop`'s credit in federation units.
		///
		/// Origin `Federation`; the rate must be above zero. Positions already taken keep their
		/// value in federation units.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_exchange_rate())]
		pub fn set_exchange_rate(
			origin: OriginFor<T>,
			coop: CoopId,
			rate: ExchangeRate,
		) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::ensure_exists(coop)?;
			ensure!(!rate.is_zero(), Error::<T>::ZeroRate);
			Currencies::<T>::insert(
				coop,
				Currency { exchange_rate: rate, ..Self::currency_of(coop) },
			);
			Self::deposit_event(Event::ExchangeRateSet { coop, rate });
			Ok(())
		}

		/// Write off what `who` owes in `coop`'s currency: the cooperative's account takes the
		/// debt over (within its issuance limit) and `who`'s balance becomes zero, so that it can
		/// leave. The sum written off is recorded in the currency.
		///
		/// Origin `Cooperative(coop)`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::write_off())]
		pub fn write_off(origin: OriginFor<T>, coop: CoopId, who: T::AccountId) -> DispatchResult {
			Self::ensure_cooperative(origin, coop)?;
			Self::do_write_off(coop, who)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				T::DefaultCreditLimit::get() <= T::MaxCreditLimit::get(),
				"DefaultCreditLimit is above MaxCreditLimit"
			);
			assert!(
				T::DefaultIssuanceLimit::get() <= T::MaxIssuanceLimit::get(),
				"DefaultIssuanceLimit is above MaxIssuanceLimit"
			);
			for limit in
				[T::MaxCreditLimit::get(), T::MaxIssuanceLimit::get(), T::MaxFederationLimit::get()]
			{
				assert!(i128::try_from(limit).is_ok(), "a maximum limit must fit in i128");
			}
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The settings and federation position of `coop`'s currency (the defaults if never set).
	pub fn currency_of(coop: CoopId) -> Currency {
		Currencies::<T>::get(coop).unwrap_or_else(|| Currency::new(T::DefaultCreditLimit::get()))
	}

	/// `who`'s account in `coop`'s currency, or a new empty one: with the cooperative's issuance
	/// limit for its own account, with no credit limit for anyone else (members get theirs when
	/// they join).
	pub fn account_of(coop: CoopId, who: &T::AccountId) -> CreditAccountOf<T> {
		Accounts::<T>::get(coop, who).unwrap_or_else(|| {
			if *who == T::Cooperatives::account(coop) {
				CreditAccount::with_limit(T::DefaultIssuanceLimit::get())
			} else {
				CreditAccount::default()
			}
		})
	}

	/// What the runtime API reports of `who`'s account in `coop`'s currency.
	pub fn account_info(coop: CoopId, who: &T::AccountId) -> CreditAccountInfo {
		let issuer = *who == T::Cooperatives::account(coop);
		Self::account_of(coop, who).info(frame_system::Pallet::<T>::block_number(), issuer)
	}

	/// What the runtime API reports of `coop`'s currency.
	pub fn currency_info(coop: CoopId) -> CurrencyInfo {
		Self::currency_of(coop).info()
	}

	/// Ensures `origin` is `coop`'s own.
	fn ensure_cooperative(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
		let acting = T::CooperativeOrigin::ensure_origin(origin)?;
		ensure!(acting == coop, Error::<T>::WrongCooperative);
		Ok(())
	}

	/// Ensures `coop` exists (whatever its status).
	fn ensure_exists(coop: CoopId) -> DispatchResult {
		ensure!(T::Cooperatives::params(coop).is_some(), Error::<T>::UnknownCooperative);
		Ok(())
	}

	/// Ensures `coop` is active, saying whether it is unknown or only not active.
	fn ensure_active(coop: CoopId) -> DispatchResult {
		if T::Cooperatives::is_active(coop) {
			return Ok(());
		}
		Self::ensure_exists(coop)?;
		Err(Error::<T>::CooperativeNotActive.into())
	}

	/// Ensures `who` may receive `coop`'s credit: a member, or the cooperative itself.
	fn ensure_payee(coop: CoopId, who: &T::AccountId) -> DispatchResult {
		ensure!(
			*who == T::Cooperatives::account(coop) || T::Cooperatives::is_member(coop, who),
			Error::<T>::NotMember
		);
		Ok(())
	}

	/// The payer's balance after paying `amount`: within its credit limit, not below what a
	/// vote locked, and not below that and what it has on offer.
	fn debit_payer(payer: &CreditAccountOf<T>, amount: Credit) -> Result<i128, DispatchError> {
		let after = math::debit(payer.balance, amount, payer.credit_limit)
			.ok_or(Error::<T>::OverCreditLimit)?;
		let now = frame_system::Pallet::<T>::block_number();
		let locked = payer.locked_at(now);
		if locked > 0 {
			ensure!(
				math::credit(0, locked).is_some_and(|floor| after >= floor),
				Error::<T>::CreditLocked
			);
		}
		let held = payer.held_at(now);
		if held > 0 {
			ensure!(
				math::credit(0, held).is_some_and(|floor| after >= floor),
				Error::<T>::CreditOnOffer
			);
		}
		Ok(after)
	}

	/// The cooperative's own account's balance after issuing `amount`: within its issuance limit
	/// once what it offers on the exchange is counted as issued.
	fn debit_issuer(issuing: &CreditAccountOf<T>, amount: Credit) -> Result<i128, DispatchError> {
		let with_offers = amount.checked_add(issuing.offered).ok_or(Error::<T>::Overflow)?;
		ensure!(
			math::debit(issuing.balance, with_offers, issuing.credit_limit).is_some(),
			Error::<T>::OverIssuanceLimit
		);
		math::debit(issuing.balance, amount, issuing.credit_limit)
			.ok_or(Error::<T>::OverIssuanceLimit.into())
	}

	/// Moves `amount` of `coop`'s credit from `from` to `to`. Checks everything but the origin.
	///
	/// Storage: the cooperative's status, the payee's membership, and the two accounts (read
	/// and written once each).
	pub fn do_transfer(
		coop: CoopId,
		from: T::AccountId,
		to: T::AccountId,
		amount: Credit,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfTransfer);
		ensure!(from != T::Cooperatives::account(coop), Error::<T>::PayerIsCooperative);
		Self::ensure_active(coop)?;
		Self::ensure_payee(coop, &to)?;
		let mut payer = Accounts::<T>::get(coop, &from).ok_or(Error::<T>::NoCreditAccount)?;
		let mut payee = Self::account_of(coop, &to);
		payer.balance = Self::debit_payer(&payer, amount)?;
		payee.balance = math::credit(payee.balance, amount).ok_or(Error::<T>::Overflow)?;
		Accounts::<T>::insert(coop, &from, payer);
		Accounts::<T>::insert(coop, &to, payee);
		Self::deposit_event(Event::Transferred { coop, from, to, amount });
		Ok(())
	}

	/// Sets `who`'s credit limit in `coop`. Does not check the origin.
	pub fn do_set_credit_limit(coop: CoopId, who: T::AccountId, limit: Credit) -> DispatchResult {
		Self::ensure_exists(coop)?;
		let max = if who == T::Cooperatives::account(coop) {
			T::MaxIssuanceLimit::get()
		} else {
			ensure!(T::Cooperatives::is_member(coop, &who), Error::<T>::NotMember);
			T::MaxCreditLimit::get()
		};
		ensure!(limit <= max, Error::<T>::LimitTooHigh);
		let mut account = Self::account_of(coop, &who);
		// The cooperative's offers count as issued.
		let offered = CreditBalance::try_from(account.offered).map_err(|_| Error::<T>::Overflow)?;
		let counted = account.balance.checked_sub(offered).ok_or(Error::<T>::Overflow)?;
		ensure!(math::within_limit(counted, limit), Error::<T>::BelowCurrentDebt);
		account.credit_limit = limit;
		Accounts::<T>::insert(coop, &who, account);
		Self::deposit_event(Event::CreditLimitSet { coop, who, limit });
		Ok(())
	}

	/// Records a contribution and holds its deposit. Does not check the origin.
	pub fn do_submit_contribution(
		coop: CoopId,
		who: T::AccountId,
		hours: Credit,
		category: WorkCategory,
		evidence: T::Hash,
	) -> DispatchResult {
		ensure!(!hours.is_zero(), Error::<T>::ZeroAmount);
		ensure!(hours <= T::MaxContributionHours::get(), Error::<T>::TooManyHours);
		Self::ensure_active(coop)?;
		ensure!(T::Cooperatives::is_member(coop, &who), Error::<T>::NotMember);
		let id = NextContributionId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let deposit = T::ContributionDeposit::get();
		T::Currency::hold(&HoldReason::ContributionDeposit.into(), &who, deposit)?;
		Contributions::<T>::insert(
			id,
			Contribution {
				coop,
				who: who.clone(),
				hours,
				category,
				evidence,
				deposit,
				submitted_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		NextContributionId::<T>::put(next);
		Self::deposit_event(Event::ContributionSubmitted {
			id,
			coop,
			who,
			hours,
			category,
			evidence,
		});
		Ok(())
	}

	/// Issues a contribution's credit, `acting` being the cooperative that decided.
	pub fn do_approve_contribution(acting: CoopId, id: ContributionId) -> DispatchResult {
		let contribution = Contributions::<T>::get(id).ok_or(Error::<T>::UnknownContribution)?;
		let Contribution { coop, who, hours: amount, category, deposit, .. } = contribution;
		ensure!(acting == coop, Error::<T>::WrongCooperative);
		Self::ensure_active(coop)?;
		ensure!(T::Cooperatives::is_member(coop, &who), Error::<T>::NotMember);
		Self::do_issue(coop, &who, category, amount)?;
		T::Currency::release(
			&HoldReason::ContributionDeposit.into(),
			&who,
			deposit,
			Precision::BestEffort,
		)?;
		Contributions::<T>::remove(id);
		Self::deposit_event(Event::ContributionApproved { id, coop, who, amount, category });
		Ok(())
	}

	/// Drops a contribution and releases its deposit, `acting` being the cooperative that
	/// decided.
	pub fn do_reject_contribution(acting: CoopId, id: ContributionId) -> DispatchResult {
		let contribution = Contributions::<T>::get(id).ok_or(Error::<T>::UnknownContribution)?;
		ensure!(acting == contribution.coop, Error::<T>::WrongCooperative);
		T::Currency::release(
			&HoldReason::ContributionDeposit.into(),
			&contribution.who,
			contribution.deposit,
			Precision::BestEffort,
		)?;
		Contributions::<T>::remove(id);
		Self::deposit_event(Event::ContributionRejected {
			id,
			coop: contribution.coop,
			who: contribution.who,
		});
		Ok(())
	}

	/// Pays across currencies through the federation. Checks everything but the origin, and
	/// changes nothing unless every limit holds.
	pub fn do_transfer_across(
		from_coop: CoopId,
		to_coop: CoopId,
		from: T::AccountId,
		to: T::AccountId,
		amount: Credit,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(from_coop != to_coop, Error::<T>::SameCooperative);
		Self::ensure_active(from_coop)?;
		Self::ensure_active(to_coop)?;
		Self::ensure_payee(to_coop, &to)?;
		let mut from_currency = Self::currency_of(from_coop);
		let mut to_currency = Self::currency_of(to_coop);
		let (units, received) =
			math::convert(amount, from_currency.exchange_rate, to_currency.exchange_rate)
				.ok_or(Error::<T>::Overflow)?;
		ensure!(!received.is_zero(), Error::<T>::AmountTooSmall);

		// The payer's ledger: the payer pays its cooperative's clearing account.
		let from_clearing = T::Cooperatives::account(from_coop);
		ensure!(from != from_clearing, Error::<T>::PayerIsCooperative);
		let mut payer = Accounts::<T>::get(from_coop, &from).ok_or(Error::<T>::NoCreditAccount)?;
		let mut from_clearing_account = Self::account_of(from_coop, &from_clearing);
		payer.balance = Self::debit_payer(&payer, amount)?;
		from_clearing_account.balance =
			math::credit(from_clearing_account.balance, amount).ok_or(Error::<T>::Overflow)?;

		// The federation ledger: the payer's cooperative now owes what the payee's is owed.
		from_currency.federation_position =
			math::debit(from_currency.federation_position, units, from_currency.federation_limit)
				.ok_or(Error::<T>::OverFederationLimit)?;
		to_currency.federation_position =
			math::credit(to_currency.federation_position, units).ok_or(Error::<T>::Overflow)?;
		ensure!(
			to_currency.federation_position.unsigned_abs() <= to_currency.federation_limit,
			Error::<T>::OverFederationLimit
		);

		// The payee's ledger: its cooperative pays out of its own account (unless the payee is
		// the cooperative itself, which then only gains the federation's debt).
		let to_clearing = T::Cooperatives::account(to_coop);
		let payout = if to == to_clearing {
			None
		} else {
			let mut to_clearing_account = Self::account_of(to_coop, &to_clearing);
			to_clearing_account.balance = Self::debit_issuer(&to_clearing_account, received)?;
			let mut payee = Self::account_of(to_coop, &to);
			payee.balance = math::credit(payee.balance, received).ok_or(Error::<T>::Overflow)?;
			Some((to_clearing_account, payee))
		};

		Accounts::<T>::insert(from_coop, &from, payer);
		Accounts::<T>::insert(from_coop, &from_clearing, from_clearing_account);
		Currencies::<T>::insert(from_coop, from_currency);
		Currencies::<T>::insert(to_coop, to_currency);
		if let Some((to_clearing_account, payee)) = payout {
			Accounts::<T>::insert(to_coop, &to_clearing, to_clearing_account);
			Accounts::<T>::insert(to_coop, &to, payee);
		}
		Self::deposit_event(Event::TransferredAcross {
			from_coop,
			to_coop,
			from,
			to,
			paid: amount,
			federation_units: units,
			received,
		});
		Ok(())
	}

	/// Takes `amount` of `who`'s credit out of circulation for a redemption in `category`: its
	/// balance goes down (never below zero, nor below what a vote locked), the cooperative's
	/// account up, the entitlement down. Changes nothing unless all of it holds.
	pub fn do_burn(
		coop: CoopId,
		who: &T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let issuer = T::Cooperatives::account(coop);
		ensure!(*who != issuer, Error::<T>::PayerIsCooperative);
		let mut holder = Accounts::<T>::get(coop, who).ok_or(Error::<T>::NoCreditAccount)?;
		let entitlement = holder.entitlement_mut(category);
		*entitlement = entitlement.checked_sub(amount).ok_or(Error::<T>::OverEntitlement)?;
		// Only credit held can be redeemed: no credit limit here.
		ensure!(math::debit(holder.balance, amount, 0).is_some(), Error::<T>::InsufficientCredit);
		let without_limit = CreditAccount { credit_limit: 0, ..holder };
		holder.balance = Self::debit_payer(&without_limit, amount)?;
		let mut issuing = Self::account_of(coop, &issuer);
		issuing.balance = math::credit(issuing.balance, amount).ok_or(Error::<T>::Overflow)?;
		Accounts::<T>::insert(coop, who, holder);
		Accounts::<T>::insert(coop, &issuer, issuing);
		Self::deposit_event(Event::Burned { coop, who: who.clone(), category, amount });
		Ok(())
	}

	/// Issues `amount` of `coop`'s credit to `who` with as much entitlement in `category`: the
	/// cooperative's account goes down (within its issuance limit), `who`'s up. Checks neither
	/// origin nor membership; changes nothing unless all of it holds.
	pub fn do_issue(
		coop: CoopId,
		who: &T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		let issuer = T::Cooperatives::account(coop);
		ensure!(*who != issuer, Error::<T>::PayerIsCooperative);
		let mut holder = Self::account_of(coop, who);
		let mut issuing = Self::account_of(coop, &issuer);
		issuing.balance = Self::debit_issuer(&issuing, amount)?;
		holder.balance = math::credit(holder.balance, amount).ok_or(Error::<T>::Overflow)?;
		let entitlement = holder.entitlement_mut(category);
		*entitlement = entitlement.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		Accounts::<T>::insert(coop, &issuer, issuing);
		Accounts::<T>::insert(coop, who, holder);
		Ok(())
	}

	/// Undoes a [`Self::do_burn`]: the cooperative's account pays `amount` back (within its
	/// issuance limit) and the entitlement grows back.
	pub fn do_unburn(
		coop: CoopId,
		who: &T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		Self::do_issue(coop, who, category, amount)?;
		Self::deposit_event(Event::Unburned { coop, who: who.clone(), category, amount });
		Ok(())
	}

	/// Holds `amount` more of `who`'s credit for exchange orders: out of a positive balance
	/// above what a vote locked for a holder, within the issuance limit for the cooperative's own
	/// account. Checks neither the cooperative's status nor membership.
	pub fn do_offer(coop: CoopId, who: &T::AccountId, amount: Credit) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut account = if *who == T::Cooperatives::account(coop) {
			let account = Self::account_of(coop, who);
			Self::debit_issuer(&account, amount)?;
			account
		} else {
			let account = Accounts::<T>::get(coop, who).ok_or(Error::<T>::NoCreditAccount)?;
			let now = frame_system::Pallet::<T>::block_number();
			let held = account.held_at(now).checked_add(amount).ok_or(Error::<T>::Overflow)?;
			ensure!(
				math::credit(0, held).is_some_and(|floor| account.balance >= floor),
				Error::<T>::InsufficientCredit
			);
			account
		};
		account.offered = account.offered.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		Accounts::<T>::insert(coop, who, account);
		Ok(())
	}

	/// Pays `amount` of what `from` offers to `to` (an exchange trade): `from`'s offer and
	/// balance go down, `to`'s balance up (`to` gets an account without a credit limit if it had
	/// none). Checks neither the cooperative's status nor membership.
	pub fn do_pay_offered(
		coop: CoopId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Credit,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfTransfer);
		let mut payer = Self::account_of(coop, from);
		payer.offered = payer.offered.checked_sub(amount).ok_or(Error::<T>::NotOnOffer)?;
		// What was on offer was within the payer's limits: this cannot fail.
		payer.balance = math::debit(payer.balance, amount, payer.credit_limit)
			.ok_or(Error::<T>::OverCreditLimit)?;
		let mut payee = Self::account_of(coop, to);
		payee.balance = math::credit(payee.balance, amount).ok_or(Error::<T>::Overflow)?;
		Accounts::<T>::insert(coop, from, payer);
		Accounts::<T>::insert(coop, to, payee);
		Ok(())
	}

	/// Moves `who`'s debt in `coop` to the cooperative's account. Does not check the origin.
	pub fn do_write_off(coop: CoopId, who: T::AccountId) -> DispatchResult {
		Self::ensure_exists(coop)?;
		let issuer = T::Cooperatives::account(coop);
		ensure!(who != issuer, Error::<T>::NotMember);
		let mut member = Accounts::<T>::get(coop, &who).ok_or(Error::<T>::NoCreditAccount)?;
		ensure!(member.balance < 0, Error::<T>::NoDebt);
		let debt = member.balance.unsigned_abs();
		let mut issuing = Self::account_of(coop, &issuer);
		issuing.balance = Self::debit_issuer(&issuing, debt)?;
		member.balance = 0;
		let mut currency = Self::currency_of(coop);
		currency.written_off =
			currency.written_off.checked_add(debt).ok_or(Error::<T>::Overflow)?;
		Accounts::<T>::insert(coop, &issuer, issuing);
		Accounts::<T>::insert(coop, &who, member);
		Currencies::<T>::insert(coop, currency);
		Self::deposit_event(Event::WrittenOff { coop, who, amount: debt });
		Ok(())
	}

	/// The invariants of this pallet's storage (iterates over all of it: for tests and
	/// try-runtime, never for a call).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;

		let mut sums: BTreeMap<CoopId, i128> = BTreeMap::new();
		for (coop, who, account) in Accounts::<T>::iter() {
			ensure!(
				math::within_limit(account.balance, account.credit_limit),
				"an account is below minus its credit limit"
			);
			let offered = CreditBalance::try_from(account.offered).map_err(|_| "offer overflow")?;
			if who == T::Cooperatives::account(coop) {
				ensure!(
					math::within_limit(
						account.balance.saturating_sub(offered),
						account.credit_limit
					),
					"a cooperative offers more than its issuance limit allows"
				);
			} else if offered > 0 {
				ensure!(account.balance >= offered, "a holder offers more than its balance");
			}
			let sum = sums.entry(coop).or_default();
			*sum = sum.checked_add(account.balance).ok_or("a currency's sum overflows")?;
		}
		ensure!(sums.values().all(|sum| *sum == 0), "a currency's balances do not sum to zero");

		let mut positions: i128 = 0;
		for (_, currency) in Currencies::<T>::iter() {
			ensure!(
				currency.federation_position.unsigned_abs() <= currency.federation_limit,
				"a federation position is beyond its limit"
			);
			ensure!(!currency.exchange_rate.is_zero(), "an exchange rate is zero");
			positions = positions
				.checked_add(currency.federation_position)
				.ok_or("the federation positions overflow")?;
		}
		ensure!(positions == 0, "the federation positions do not sum to zero");

		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let next = NextContributionId::<T>::get();
		for (id, contribution) in Contributions::<T>::iter() {
			ensure!(id < next, "a contribution's id is not below NextContributionId");
			let held = deposits.entry(contribution.who).or_default();
			*held = held.saturating_add(contribution.deposit);
		}
		for (who, deposit) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::ContributionDeposit.into(), &who);
			ensure!(held == deposit, "held deposits differ from the pending contributions'");
		}
		Ok(())
	}
}

/// What other pallets (governance) ask of the ledgers.
impl<T: Config> CreditLedger<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn balance(coop: CoopId, who: &T::AccountId) -> CreditBalance {
		Accounts::<T>::get(coop, who).map_or(0, |account| account.balance)
	}

	fn entitlement(coop: CoopId, who: &T::AccountId, category: WorkCategory) -> Credit {
		let mut account = Self::account_of(coop, who);
		*account.entitlement_mut(category)
	}

	fn burn(
		coop: CoopId,
		who: &T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		Self::do_burn(coop, who, category, amount)
	}

	fn unburn(
		coop: CoopId,
		who: &T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		Self::do_unburn(coop, who, category, amount)
	}

	fn offered(coop: CoopId, who: &T::AccountId) -> Credit {
		Accounts::<T>::get(coop, who).map_or(0, |account| account.offered)
	}

	fn offer(coop: CoopId, who: &T::AccountId, amount: Credit) -> DispatchResult {
		Self::do_offer(coop, who, amount)
	}

	fn withdraw_offer(coop: CoopId, who: &T::AccountId, amount: Credit) -> DispatchResult {
		let mut account = Accounts::<T>::get(coop, who).ok_or(Error::<T>::NoCreditAccount)?;
		account.offered = account.offered.checked_sub(amount).ok_or(Error::<T>::NotOnOffer)?;
		Accounts::<T>::insert(coop, who, account);
		Ok(())
	}

	fn pay_offered(
		coop: CoopId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Credit,
	) -> DispatchResult {
		Self::do_pay_offered(coop, from, to, amount)
	}

	/// Locks `amount` until `until`; a lock still in force is only ever extended (the larger
	/// amount, the later end, one more poll holding it), so that every open poll's lock holds.
	fn lock(coop: CoopId, who: &T::AccountId, amount: Credit, until: BlockNumberFor<T>) {
		let now = frame_system::Pallet::<T>::block_number();
		Accounts::<T>::mutate_exists(coop, who, |entry| {
			let Some(account) = entry else { return };
			if now <= account.locked_until && account.locking_polls > 0 {
				account.locked = account.locked.max(amount);
				account.locked_until = account.locked_until.max(until);
				account.locking_polls = account.locking_polls.saturating_add(1);
			} else {
				account.locked = amount;
				account.locked_until = until;
				account.locking_polls = 1;
			}
		});
	}

	/// A poll open until `until` closed. If it closed before its end, it was counted in the lock
	/// in force (a lock is only renewed after the previous one ended), so one poll fewer holds
	/// it; the last one releases it. A poll closed after its end had nothing left to hold.
	fn unlock(coop: CoopId, who: &T::AccountId, until: BlockNumberFor<T>) {
		let now = frame_system::Pallet::<T>::block_number();
		if now > until {
			return;
		}
		Accounts::<T>::mutate_exists(coop, who, |entry| {
			let Some(account) = entry else { return };
			if now > account.locked_until || account.locking_polls == 0 {
				return;
			}
			account.locking_polls = account.locking_polls.saturating_sub(1);
			if account.locking_polls == 0 {
				account.locked = 0;
				account.locked_until = Default::default();
			}
		});
	}
}

/// The cooperatives' membership news: accounts for joining members, no leaving with a debt.
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

	/// A member who owes credit cannot leave.
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
