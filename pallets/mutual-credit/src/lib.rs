//! # Mutual credit
//!
//! One zero-sum ledger per cooperative, credit issued for work, and clearing between
//! cooperatives through the federation.
//!
//! ## Overview
//!
//! Each cooperative has exactly one currency, named by its [`CoopId`]; its unit is a hundredth
//! of an hour of work ([`CREDIT_PER_HOUR`](confoederatio_primitives::CREDIT_PER_HOUR) = 100).
//! Nobody mints it: when a member pays another, the payer's balance goes down (below zero, within
//! its credit limit) and the payee's goes up by the same amount, so the balances of each currency
//! always sum to zero. Credit comes into circulation when the cooperative approves a member's
//! work: the coop account goes down (within its issuance limit) and the member's goes up.
//!
//! Members of different cooperatives trade through the federation: each cooperative's credit has
//! an exchange rate against the federation unit (a hundredth of an hour), and each cooperative a
//! net position with the federation, bounded by a limit the federation sets. The positions sum to
//! zero too.
//!
//! ## Terminology
//!
//! - *Coop account*: the cooperative's own keyless account
//!   ([`Cooperatives::account`](confoederatio_primitives::Cooperatives::account)). Its balance
//!   goes down when credit is issued and up when credit is paid back to the cooperative.
//! - *Credit limit*: how far below zero an account may go. A member gets the cooperative's
//!   default limit when it joins; the cooperative may change it ([`Pallet::set_credit_limit`]),
//!   up to `MaxCreditLimit`. The coop account's limit is its *issuance limit*
//!   (`DefaultIssuanceLimit` until set, at most `MaxIssuanceLimit`).
//! - *Floor*: the lowest balance an account may reach now ([`CreditAccount::floor`]): minus its
//!   credit limit; for a holder with credit locked by a vote or on offer on the exchange, that
//!   credit (no debt while credit is held); for the coop account, minus its issuance limit plus
//!   what it offers (its offers count as issued). Every debit is checked against it
//!   ([`CreditAccount::debit`]).
//! - *Entitlement*: credit a member earned by its own approved work of a category
//!   (`Subsistence` or `Commons`) and still holds: what it may redeem from that bucket of the
//!   cooperative's reserve (a `Commons` entitlement also sells to the cooperative's standing buy
//!   order on the exchange). It is kept within the positive balance
//!   ([`earned_within`](confoederatio_primitives::earned_within)): credit paid away, sold or
//!   spent on a debt is no longer earned (`Commons` goes first), and credit bought or received
//!   adds none. So the reserve pays only for work, and
//! - *Voting credit*: the credit that weighs in a vote is the same earned credit still held,
//!   less what is on offer ([`CreditAccount::voting_credit`]): vote weight cannot be bought or
//!   pooled from friends, and selling earned credit costs its weight.
//! - *Federation position*: what a cooperative is owed by (positive) or owes to (negative) the
//!   other cooperatives, in federation units.
//!
//! ## Interface
//!
//! Signed:
//! - [`Pallet::transfer`]: pay a member of the same cooperative (or the cooperative itself).
//! - [`Pallet::transfer_across`]: pay a member of another cooperative.
//! - [`Pallet::submit_contribution`]: submit work for approval; holds a deposit (see
//!   *Deposits* below).
//!
//! The cooperative's decision (origin `Cooperative(coop)`, after its members' poll):
//! - [`Pallet::set_credit_limit`], [`Pallet::set_default_credit_limit`].
//! - [`Pallet::approve_contribution`], [`Pallet::reject_contribution`].
//! - [`Pallet::write_off`]: take over a member's debt, so that it can leave.
//!
//! The federation's decision (origin `Federation`):
//! - [`Pallet::set_federation_limit`], [`Pallet::set_exchange_rate`].
//!
//! Other pallets, through the traits of `confoederatio_primitives` the runtime wires:
//! - [`LockableCredit`] (Governance's vote weight): the credit that votes, locked for each poll
//!   it voted in until that poll closes or ends: the lock now is the largest amount locked for a
//!   poll still open ([`CreditAccount::locked_at`]); closing a poll releases its lock only; an
//!   account keeps at most `MaxVoteLocks` (expired ones pruned first, `TooManyVoteLocks`
//!   beyond);
//! - [`RedeemableCredit`] (Redemption, and the exchange's standing buy orders): what may be
//!   redeemed ([`CreditAccount::redeemable`]: the entitlement, above what a vote in an open poll
//!   locked); credit burnt for a redemption, and unburnt; an entitlement used by a sale to the
//!   standing buy order;
//! - [`OfferableCredit`] (the exchange): credit held for resting orders, and paid from them;
//! - [`MembershipHooks`] (Cooperatives): a joining member gets an account with the default
//!   limit; a member with a negative balance cannot leave; a member who leaves with a positive
//!   balance keeps it (with no credit limit) and may still pay it out, so nothing is lost.
//!
//! ## Deposits
//!
//! A contribution waits in storage until its cooperative decides, so its submission holds
//! `ContributionDeposit` of the native token. A member of a timebank may hold none: the
//! deposit is held from the account [`Config::DepositPayer`] names
//! ([`DepositPayer::payer`](confoederatio_primitives::DepositPayer::payer)): the member itself
//! when it can pay, else its cooperative's account, within the budget the cooperative set. The
//! contribution records that account ([`Contribution::depositor`]), and approving or rejecting
//! it releases the deposit to that account, never to the member. If the account named cannot
//! hold the deposit, the submission fails and changes nothing.
//!
//! ## Where things are
//!
//! | module | what |
//! |---|---|
//! | [`account`] | [`CreditAccount`] and its rules: floor, payments and what they do to the entitlements, offer, vote locks ([`VoteLock`]), API view |
//! | [`types`] | [`Currency`] (with its federation rule) and [`Contribution`] |
//! | [`math`] | pure balance and exchange-rate arithmetic |
//! | `ledger` | accounts, [`Pallet::do_transfer`], credit limits, [`Pallet::do_issue`], the runtime API views |
//! | `contributions` | submitting, approving and rejecting work |
//! | `clearing` | [`Pallet::do_transfer_across`], federation limits and exchange rates |
//! | `locks`, `redemption`, `offers` | the [`LockableCredit`], [`RedeemableCredit`] and [`OfferableCredit`] impls |
//! | `membership` | the [`MembershipHooks`] impl and [`Pallet::do_write_off`] |
//! | `try_state` | [`Pallet::do_try_state`] |
//! | [`migrations`] | the storage migrations ([`migrations::v2::MigrateV1ToV2`]: one vote lock per poll; [`migrations::v3::MigrateV2ToV3`]: entitlements within the balance; [`migrations::v4::MigrateV3ToV4`]: a contribution records its depositor) |
//! | `events`, `errors` | the [`Event`]s and [`Error`]s, sections of the pallet module below |
//!
//! ## Invariants ([`Pallet::do_try_state`])
//!
//! - Every account is at or above its floor ([`CreditAccount::is_above_floor`]), and holds at
//!   most one vote lock per poll ([`CreditAccount::has_one_lock_per_poll`]).
//! - The balances of each currency sum to zero.
//! - Every federation position is within its limit, no exchange rate is zero, and the positions
//!   sum to zero.
//! - Every pending contribution's id is below `NextContributionId`, and every depositor of
//!   pending contributions (a member, or a cooperative's account) holds exactly their deposits
//!   under `ContributionDeposit`.
//!
//! [`LockableCredit`]: confoederatio_primitives::LockableCredit
//! [`RedeemableCredit`]: confoederatio_primitives::RedeemableCredit
//! [`OfferableCredit`]: confoederatio_primitives::OfferableCredit
//! [`MembershipHooks`]: confoederatio_primitives::MembershipHooks

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod account;
pub mod math;
pub mod types;
pub mod weights;

mod clearing;
mod contributions;
mod errors;
mod events;
mod ledger;
mod locks;
mod membership;
pub mod migrations;
mod offers;
mod redemption;
mod try_state;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;

pub use account::{AccountKind, CreditAccount, DebitRefused, LockRefused, VoteLock};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use confoederatio_primitives::{
	CoopId, CoopUnavailable, Cooperatives, Credit, DepositPayer, ExchangeRate, WorkCategory,
};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::Inspect, EnsureOriginWithArg},
};
use frame_system::pallet_prelude::*;

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
pub type CreditAccountOf<T> = CreditAccount<BlockNumberFor<T>, <T as pallet::Config>::MaxVoteLocks>;

#[frame_support::pallet_macros::import_section(events::events)]
#[frame_support::pallet_macros::import_section(errors::errors)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::traits::fungible::MutateHold;

	/// The in-code storage version.
	///
	/// 2: an account keeps one vote lock per poll (`vote_locks`) in place of one lock counted
	/// over polls ([`migrations::v2`]).
	/// 3: an entitlement is credit earned and still held ([`migrations::v3`]).
	/// 4: a contribution records the account its deposit is held from
	/// ([`Contribution::depositor`], [`migrations::v4`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(4);

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

		/// "This cooperative decided": the origin of a cooperative acting after its members'
		/// vote, for the cooperative a call names (any other origin is `BadOrigin`).
		type CooperativeOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CoopId>;

		/// The federation acting after its cooperatives' vote.
		type FederationOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The highest credit limit a member may have.
		#[pallet::constant]
		type MaxCreditLimit: Get<Credit>;

		/// The credit limit of a new member until its cooperative sets another default.
		#[pallet::constant]
		type DefaultCreditLimit: Get<Credit>;

		/// The highest issuance limit a cooperative may set for its coop account.
		#[pallet::constant]
		type MaxIssuanceLimit: Get<Credit>;

		/// A cooperative's issuance limit until it sets one.
		#[pallet::constant]
		type DefaultIssuanceLimit: Get<Credit>;

		/// The highest federation limit the federation may give a cooperative.
		#[pallet::constant]
		type MaxFederationLimit: Get<Credit>;

		/// The most credit one contribution may claim, in hundredths of an hour (100 = one
		/// hour of work).
		#[pallet::constant]
		type MaxContribution: Get<Credit>;

		/// Held for each contribution until the cooperative decides.
		#[pallet::constant]
		type ContributionDeposit: Get<BalanceOf<Self>>;

		/// Who holds a contribution's deposit: the member, or its cooperative's account for a
		/// member who cannot pay it (`()`: every member pays its own).
		type DepositPayer: DepositPayer<Self::AccountId, BalanceOf<Self>>;

		/// The most open polls an account's credit may vote in at once, in one currency: each
		/// such vote keeps a lock in the account record. A vote with credit beyond it is refused
		/// (`TooManyVoteLocks`) until one of those polls closes or ends.
		#[pallet::constant]
		type MaxVoteLocks: Get<u32>;

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
	/// the coop account when it first issues or receives credit.
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

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pay `amount` of `coop`'s credit to `to`, a member of `coop` or the cooperative itself.
		///
		/// Signed by an account holder of the currency (a member, or a former member paying out
		/// what it kept); the payer may not go below its floor. The cooperative must be active.
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

		/// Set `who`'s credit limit in `coop`'s currency; for the coop account, its issuance
		/// limit.
		///
		/// Origin `Cooperative(coop)`. At most `MaxCreditLimit` (`MaxIssuanceLimit` for the
		/// coop account), and not so low that the account would be below its floor.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_credit_limit())]
		pub fn set_credit_limit(
			origin: OriginFor<T>,
			coop: CoopId,
			who: T::AccountId,
			#[pallet::compact] limit: Credit,
		) -> DispatchResult {
			T::CooperativeOrigin::ensure_origin(origin, &coop)?;
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
			T::CooperativeOrigin::ensure_origin(origin, &coop)?;
			Self::do_set_default_credit_limit(coop, limit)
		}

		/// Submit `amount` of `category` work done for `coop` (the time worked, in hundredths of
		/// an hour: 150 is an hour and a half), with the hash of its evidence, for the
		/// cooperative to approve.
		///
		/// Signed by a member of the active cooperative; at most `MaxContribution`; holds
		/// `ContributionDeposit` until the cooperative decides, from the member or, for a member
		/// who cannot pay it, from its cooperative's account (`Config::DepositPayer`). Care work
		/// is not submitted here (see CareReputation).
		#[pallet::call_index(3)]
		#[pallet::weight(
			T::WeightInfo::submit_contribution().saturating_add(T::DepositPayer::weight())
		)]
		pub fn submit_contribution(
			origin: OriginFor<T>,
			coop: CoopId,
			#[pallet::compact] amount: Credit,
			category: WorkCategory,
			evidence: T::Hash,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_contribution(coop, who, amount, category, evidence)
		}

		/// Approve contribution `id`: issue its credit from the coop account to the member, grow
		/// the member's entitlement in its category, release the deposit to its depositor.
		///
		/// Origin `Cooperative(coop)` of the contribution's cooperative, which must be active and
		/// stay within its issuance limit; the worker must still be a member.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::approve_contribution())]
		pub fn approve_contribution(origin: OriginFor<T>, id: ContributionId) -> DispatchResult {
			let contribution = Self::pending_contribution(id)?;
			T::CooperativeOrigin::ensure_origin(origin, &contribution.coop)?;
			Self::do_approve_contribution(id)
		}

		/// Reject contribution `id`: no credit is issued; the deposit is released to its
		/// depositor.
		///
		/// Origin `Cooperative(coop)` of the contribution's cooperative.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reject_contribution())]
		pub fn reject_contribution(origin: OriginFor<T>, id: ContributionId) -> DispatchResult {
			let contribution = Self::pending_contribution(id)?;
			T::CooperativeOrigin::ensure_origin(origin, &contribution.coop)?;
			Self::do_reject_contribution(id)
		}

		/// Pay `amount` of the payer's `from_coop` credit to `to`, a member of `to_coop`, who
		/// receives `to_coop` credit of the same value at the two exchange rates (rounded down).
		///
		/// Signed by an account holder of `from_coop`'s currency. The payer's credit goes to its
		/// coop account and that cooperative's federation position goes down; the payee's coop
		/// account pays out and its position goes up. Both cooperatives must be active; if any
		/// limit (the payer's floor, either position's federation limit, the payee cooperative's
		/// issuance limit) would break, nothing happens.
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
			Self::do_set_federation_limit(coop, limit)
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
			Self::do_set_exchange_rate(coop, rate)
		}

		/// Write off what `who` owes in `coop`'s currency: the coop account takes the debt over
		/// (within its issuance limit) and `who`'s balance becomes zero, so that it can leave.
		/// The sum written off is recorded in the currency.
		///
		/// Origin `Cooperative(coop)`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::write_off())]
		pub fn write_off(origin: OriginFor<T>, coop: CoopId, who: T::AccountId) -> DispatchResult {
			T::CooperativeOrigin::ensure_origin(origin, &coop)?;
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
			assert!(T::MaxVoteLocks::get() >= 1, "an account must keep at least one vote lock");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

/// The pallet's error for a cooperative that cannot act now.
impl<T> From<CoopUnavailable> for Error<T> {
	fn from(unavailable: CoopUnavailable) -> Self {
		match unavailable {
			CoopUnavailable::Unknown => Error::UnknownCooperative,
			CoopUnavailable::NotActive => Error::CooperativeNotActive,
		}
	}
}

/// The pallet's error for a refused debit or offer: the one of the same name.
impl<T> From<DebitRefused> for Error<T> {
	fn from(refused: DebitRefused) -> Self {
		match refused {
			DebitRefused::OverCreditLimit => Error::OverCreditLimit,
			DebitRefused::OverIssuanceLimit => Error::OverIssuanceLimit,
			DebitRefused::InsufficientCredit => Error::InsufficientCredit,
			DebitRefused::CreditLocked => Error::CreditLocked,
			DebitRefused::CreditOnOffer => Error::CreditOnOffer,
			DebitRefused::Overflow => Error::Overflow,
			DebitRefused::OverEntitlement => Error::OverEntitlement,
		}
	}
}

/// The pallet's error for a refused vote lock: the one of the same name.
impl<T> From<LockRefused> for Error<T> {
	fn from(refused: LockRefused) -> Self {
		match refused {
			LockRefused::TooManyVoteLocks => Error::TooManyVoteLocks,
			LockRefused::InsufficientCredit => Error::InsufficientCredit,
		}
	}
}
