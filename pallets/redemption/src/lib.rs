//! # Redemption
//!
//! A cooperative's common fund that redeems members' work credit for cash (the native token).
//!
//! ## Overview
//!
//! Anyone funds a cooperative's reserve ([`Pallet::fund`]); each deposit is split between two
//! buckets by the cooperative's `reserve_split` (default 75% `Subsistence`, 25% `Commons`). The
//! cooperative sets the rate, native units per unit of credit ([`Pallet::set_rate`]). A member
//! redeems credit up to its entitlement in a category ([`Pallet::redeem`]): the credit leaves
//! circulation (its balance goes down, the cooperative's account up, so every currency still
//! sums to zero), and it is paid `amount · rate` minus the exit fee, which stays in the bucket.
//! Redeemed credit no longer weighs in votes.
//!
//! When the bucket cannot pay (or others already wait), the request waits in that bucket's FIFO
//! queue; deposits serve the queue as they arrive, at most `MaxServedPerFund` requests per
//! deposit (no unbounded loop). A waiting request can be cancelled by its owner
//! ([`Pallet::cancel`]): its credit comes back. Nothing is lost.
//!
//! The reserve's funds sit in a keyless account per cooperative, derived from `PalletId`.
//!
//! ## Invariants ([`Pallet::do_try_state`])
//!
//! - Each reserve's buckets and earmark sum to everything funded minus everything paid, and the
//!   reserve account holds at least that.
//!
//! ## The exchange
//!
//! Through [`ReserveLedger`] the exchange (`pallet-federated-dex`) sets part of the `Commons`
//! bucket aside for the cooperative's standing buy order at the floor of its price band
//! (`earmark`), pays sellers from it (`pay_earmarked`) and puts back what the order did not spend
//! (`unearmark`); what the cooperative's standing sell order earns is paid into the reserve
//! account and split like a deposit (`deposited`).
//! - Each queue's waiting count is the number of its requests, all between its head and tail.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use confoederatio_primitives::{
	CoopId, Cooperatives, Credit, CreditLedger, ReserveInfo, ReserveLedger, WorkCategory,
};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use sp_runtime::{
	traits::{AccountIdConversion, CheckedAdd, CheckedSub, Zero},
	Perbill, Saturating,
};

/// A balance of the native token.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A queued request as stored.
pub type RequestOf<T> = Request<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native token: what reserves hold and pay.
		type Currency: Mutate<Self::AccountId>;

		/// The registry of cooperatives, their members and parameters.
		type Cooperatives: Cooperatives<Self::AccountId, BlockNumberFor<Self>>;

		/// The mutual-credit ledgers: entitlements, and burning credit.
		type Credit: CreditLedger<Self::AccountId, BlockNumberFor<Self>>;

		/// A cooperative acting after its members' vote; succeeds with its id.
		type CooperativeOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = CoopId>;

		/// Derives the reserves' accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The share of each payout that stays in the bucket.
		#[pallet::constant]
		type ExitFee: Get<Perbill>;

		/// The most queued requests one deposit serves (or skips, if cancelled).
		#[pallet::constant]
		type MaxServedPerFund: Get<u32>;

		/// The most requests that may wait in one bucket's queue.
		#[pallet::constant]
		type MaxQueueLength: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need from the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: confoederatio_primitives::BenchmarkHelper<
			Self::AccountId,
			Self::RuntimeOrigin,
		>;

		/// Issues credit for the benchmarks (a contribution approved).
		#[cfg(feature = "runtime-benchmarks")]
		type CreditHelper: CreditHelper<Self::AccountId>;
	}

	/// The reserves, by cooperative (absent: empty, no rate).
	#[pallet::storage]
	pub type Reserves<T: Config> = StorageMap<_, Twox64Concat, CoopId, Reserve<BalanceOf<T>>>;

	/// Each bucket's queue bounds.
	#[pallet::storage]
	pub type Queues<T: Config> =
		StorageMap<_, Twox64Concat, (CoopId, WorkCategory), QueueBounds, ValueQuery>;

	/// The waiting requests, by bucket and position.
	#[pallet::storage]
	pub type Requests<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		(CoopId, WorkCategory),
		Twox64Concat,
		QueueIndex,
		RequestOf<T>,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Someone deposited into a cooperative's reserve.
		Funded {
			/// The cooperative.
			coop: CoopId,
			/// Who deposited.
			from: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
			/// The part that went to the `Subsistence` bucket.
			subsistence: BalanceOf<T>,
			/// The part that went to the `Commons` bucket.
			commons: BalanceOf<T>,
		},
		/// A cooperative set its redemption rate.
		RateSet {
			/// The cooperative.
			coop: CoopId,
			/// Native units per unit of credit, before the exit fee.
			rate: BalanceOf<T>,
		},
		/// A member redeemed credit and was paid.
		Redeemed {
			/// The cooperative.
			coop: CoopId,
			/// The member.
			who: T::AccountId,
			/// The bucket it was paid from.
			category: WorkCategory,
			/// The credit that left circulation.
			credit: Credit,
			/// What the member received.
			payout: BalanceOf<T>,
			/// What stayed in the bucket.
			fee: BalanceOf<T>,
		},
		/// A redemption waits for its bucket to be refilled; its credit left circulation.
		Queued {
			/// The cooperative.
			coop: CoopId,
			/// The member.
			who: T::AccountId,
			/// The bucket.
			category: WorkCategory,
			/// Its position in the queue.
			index: QueueIndex,
			/// The credit that left circulation.
			credit: Credit,
			/// What it will be paid.
			payout: BalanceOf<T>,
		},
		/// A waiting redemption was paid.
		QueueServed {
			/// The cooperative.
			coop: CoopId,
			/// The bucket.
			category: WorkCategory,
			/// Its position in the queue.
			index: QueueIndex,
			/// The member.
			who: T::AccountId,
			/// What it received.
			payout: BalanceOf<T>,
		},
		/// A waiting redemption was cancelled; its credit came back.
		Cancelled {
			/// The cooperative.
			coop: CoopId,
			/// The bucket.
			category: WorkCategory,
			/// Its position in the queue.
			index: QueueIndex,
			/// The member.
			who: T::AccountId,
			/// The credit that came back.
			credit: Credit,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No cooperative has this id.
		UnknownCooperative,
		/// The cooperative is not active.
		CooperativeNotActive,
		/// The caller is not a member of the cooperative.
		NotMember,
		/// The amount is zero.
		ZeroAmount,
		/// The cooperative has not set a redemption rate.
		RateNotSet,
		/// The payout after the fee would be below the native token's existential deposit.
		PayoutTooSmall,
		/// An amount would leave its numeric range.
		Overflow,
		/// `MaxQueueLength` requests already wait for this bucket.
		QueueFull,
		/// No waiting request is at this position.
		UnknownRequest,
		/// Only the member who made a request may cancel it.
		NotRequester,
		/// The origin is another cooperative's.
		WrongCooperative,
		/// The reserve holds less than the exchange asked of it.
		InsufficientReserve,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Deposit `amount` of the native token into `coop`'s reserve, split between its buckets
		/// by its `reserve_split`; then serve waiting requests, at most `MaxServedPerFund`.
		///
		/// Signed, by anyone; `coop` must exist.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::fund(T::MaxServedPerFund::get()))]
		pub fn fund(
			origin: OriginFor<T>,
			coop: CoopId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let from = ensure_signed(origin)?;
			let served = Self::do_fund(coop, from, amount)?;
			Ok(Some(T::WeightInfo::fund(served)).into())
		}

		/// Set `coop`'s redemption rate: native units per unit of credit, before the exit fee.
		///
		/// Origin `Cooperative(coop)`. Zero stops redemptions (waiting requests keep the payout
		/// fixed when they were made).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_rate())]
		pub fn set_rate(
			origin: OriginFor<T>,
			coop: CoopId,
			#[pallet::compact] rate: BalanceOf<T>,
		) -> DispatchResult {
			let acting = T::CooperativeOrigin::ensure_origin(origin)?;
			ensure!(acting == coop, Error::<T>::WrongCooperative);
			ensure!(T::Cooperatives::params(coop).is_some(), Error::<T>::UnknownCooperative);
			Reserves::<T>::mutate(coop, |reserve| {
				reserve.get_or_insert_with(Default::default).rate = rate;
			});
			Self::deposit_event(Event::RateSet { coop, rate });
			Ok(())
		}

		/// Redeem `amount` of `coop`'s credit from the member's entitlement in `category`: the
		/// credit leaves circulation, and the member is paid `amount · rate` minus the exit fee
		/// from that bucket, or waits in its queue if the bucket cannot pay yet.
		///
		/// Signed by a member of the active cooperative, out of a positive balance that no open
		/// vote locked.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::redeem_paid().max(T::WeightInfo::redeem_queued()))]
		pub fn redeem(
			origin: OriginFor<T>,
			coop: CoopId,
			category: WorkCategory,
			#[pallet::compact] amount: Credit,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_redeem(coop, who, category, amount)
		}

		/// Cancel the waiting request at `index` of `coop`'s `category` queue: its credit comes
		/// back to the member.
		///
		/// Signed by the member who made it.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(
			origin: OriginFor<T>,
			coop: CoopId,
			category: WorkCategory,
			index: QueueIndex,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let request =
				Requests::<T>::get((coop, category), index).ok_or(Error::<T>::UnknownRequest)?;
			ensure!(request.who == who, Error::<T>::NotRequester);
			T::Credit::unburn(coop, &who, category, request.credit)?;
			Requests::<T>::remove((coop, category), index);
			Queues::<T>::mutate((coop, category), |queue| {
				queue.waiting = queue.waiting.saturating_sub(1)
			});
			Self::deposit_event(Event::Cancelled {
				coop,
				category,
				index,
				who,
				credit: request.credit,
			});
			Ok(())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

/// Issues credit for the benchmarks (a contribution approved): the runtime wires mutual credit.
#[cfg(feature = "runtime-benchmarks")]
pub trait CreditHelper<AccountId> {
	/// Gives `who` `amount` of `coop`'s credit and as much entitlement in `category`.
	fn issue(coop: CoopId, who: &AccountId, category: WorkCategory, amount: Credit);
}

impl<T: Config> Pallet<T> {
	/// The keyless account that holds `coop`'s reserve.
	pub fn reserve_account(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(coop)
	}

	/// What the runtime API reports of `coop`'s reserve.
	pub fn reserve_info(coop: CoopId) -> ReserveInfo<BalanceOf<T>> {
		let waiting = |category| Queues::<T>::get((coop, category)).waiting;
		Reserves::<T>::get(coop)
			.unwrap_or_default()
			.info(waiting(WorkCategory::Subsistence), waiting(WorkCategory::Commons))
	}

	/// `credit · rate` and the fee on it (rounded up, so that the payout rounds down).
	pub fn payout_of(
		credit: Credit,
		rate: BalanceOf<T>,
	) -> Result<(BalanceOf<T>, BalanceOf<T>), DispatchError> {
		let credit: BalanceOf<T> = credit.try_into().map_err(|_| Error::<T>::Overflow)?;
		let gross = rate.checked_mul(&credit).ok_or(Error::<T>::Overflow)?;
		let fee = T::ExitFee::get().mul_ceil(gross);
		Ok((gross.saturating_sub(fee), fee))
	}

	/// Deposits into a reserve and serves its queues. Returns how many requests it served or
	/// skipped. Does not check the origin.
	pub fn do_fund(
		coop: CoopId,
		from: T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<u32, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut reserve = Reserves::<T>::get(coop).unwrap_or_default();
		let (subsistence, commons) = Self::add_deposit(coop, &mut reserve, amount)?;
		T::Currency::transfer(&from, &Self::reserve_account(coop), amount, Preservation::Preserve)?;
		Self::deposit_event(Event::Funded { coop, from, amount, subsistence, commons });
		let mut budget = T::MaxServedPerFund::get();
		for category in [WorkCategory::Subsistence, WorkCategory::Commons] {
			Self::serve(coop, category, &mut reserve, &mut budget);
		}
		Reserves::<T>::insert(coop, reserve);
		Ok(T::MaxServedPerFund::get().saturating_sub(budget))
	}

	/// Whether `coop`'s reserve account can pay `amount` and stay alive: its last existential
	/// deposit is never paid out, so that no dust is reaped from a reserve (a payout that would
	/// take it waits for the next deposit).
	fn can_pay(coop: CoopId, amount: BalanceOf<T>) -> bool {
		T::Currency::reducible_balance(
			&Self::reserve_account(coop),
			Preservation::Preserve,
			Fortitude::Polite,
		) >= amount
	}

	/// Splits a deposit of `amount` into `reserve`'s buckets by `coop`'s `reserve_split` and
	/// counts it as funded; returns the two parts (`Subsistence`, `Commons`).
	fn add_deposit(
		coop: CoopId,
		reserve: &mut Reserve<BalanceOf<T>>,
		amount: BalanceOf<T>,
	) -> Result<(BalanceOf<T>, BalanceOf<T>), DispatchError> {
		let params = T::Cooperatives::params(coop).ok_or(Error::<T>::UnknownCooperative)?;
		let subsistence = params.reserve_split.mul_floor(amount);
		let commons = amount.saturating_sub(subsistence);
		reserve.subsistence =
			reserve.subsistence.checked_add(&subsistence).ok_or(Error::<T>::Overflow)?;
		reserve.commons = reserve.commons.checked_add(&commons).ok_or(Error::<T>::Overflow)?;
		reserve.funded = reserve.funded.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Ok((subsistence, commons))
	}

	/// Pays the requests at the head of a bucket's queue while the bucket can, spending one unit
	/// of `budget` on each request paid or cancelled hole skipped.
	fn serve(
		coop: CoopId,
		category: WorkCategory,
		reserve: &mut Reserve<BalanceOf<T>>,
		budget: &mut u32,
	) {
		let key = (coop, category);
		let mut queue = Queues::<T>::get(key);
		while *budget > 0 && queue.head < queue.tail {
			let Some(request) = Requests::<T>::get(key, queue.head) else {
				// Cancelled: skip the hole.
				queue.head = queue.head.saturating_add(1);
				*budget = budget.saturating_sub(1);
				continue;
			};
			let bucket = reserve.bucket_mut(category);
			if *bucket < request.payout || !Self::can_pay(coop, request.payout) {
				break;
			}
			let paid = T::Currency::transfer(
				&Self::reserve_account(coop),
				&request.who,
				request.payout,
				Preservation::Preserve,
			);
			if paid.is_err() {
				// Cannot happen while the buckets are covered (an invariant); never lose the
				// request: it stays first in line.
				break;
			}
			*bucket = bucket.saturating_sub(request.payout);
			reserve.paid = reserve.paid.saturating_add(request.payout);
			Requests::<T>::remove(key, queue.head);
			Self::deposit_event(Event::QueueServed {
				coop,
				category,
				index: queue.head,
				who: request.who,
				payout: request.payout,
			});
			queue.head = queue.head.saturating_add(1);
			queue.waiting = queue.waiting.saturating_sub(1);
			*budget = budget.saturating_sub(1);
		}
		Queues::<T>::insert(key, queue);
	}

	/// Burns credit and pays or queues it. Checks everything but the origin.
	pub fn do_redeem(
		coop: CoopId,
		who: T::AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		if !T::Cooperatives::is_active(coop) {
			ensure!(T::Cooperatives::params(coop).is_some(), Error::<T>::UnknownCooperative);
			return Err(Error::<T>::CooperativeNotActive.into());
		}
		ensure!(T::Cooperatives::is_member(coop, &who), Error::<T>::NotMember);
		let mut reserve = Reserves::<T>::get(coop).unwrap_or_default();
		ensure!(!reserve.rate.is_zero(), Error::<T>::RateNotSet);
		let (payout, fee) = Self::payout_of(amount, reserve.rate)?;
		ensure!(payout >= T::Currency::minimum_balance(), Error::<T>::PayoutTooSmall);

		let key = (coop, category);
		let mut queue = Queues::<T>::get(key);
		let bucket = reserve.bucket_mut(category);
		if queue.waiting == 0 && *bucket >= payout && Self::can_pay(coop, payout) {
			T::Credit::burn(coop, &who, category, amount)?;
			T::Currency::transfer(
				&Self::reserve_account(coop),
				&who,
				payout,
				Preservation::Preserve,
			)?;
			*bucket = bucket.saturating_sub(payout);
			reserve.paid = reserve.paid.saturating_add(payout);
			Reserves::<T>::insert(coop, reserve);
			Self::deposit_event(Event::Redeemed {
				coop,
				who,
				category,
				credit: amount,
				payout,
				fee,
			});
			return Ok(());
		}
		ensure!(queue.waiting < T::MaxQueueLength::get(), Error::<T>::QueueFull);
		let index = queue.tail;
		queue.tail = queue.tail.checked_add(1).ok_or(Error::<T>::Overflow)?;
		queue.waiting = queue.waiting.saturating_add(1);
		T::Credit::burn(coop, &who, category, amount)?;
		Requests::<T>::insert(key, index, Request { who: who.clone(), credit: amount, payout });
		Queues::<T>::insert(key, queue);
		Self::deposit_event(Event::Queued { coop, who, category, index, credit: amount, payout });
		Ok(())
	}

	/// The invariants of this pallet's storage (iterates over all of it: for tests and
	/// try-runtime, never for a call).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (coop, reserve) in Reserves::<T>::iter() {
			let held = reserve
				.subsistence
				.checked_add(&reserve.commons)
				.and_then(|buckets| buckets.checked_add(&reserve.earmarked))
				.ok_or("buckets overflow")?;
			let net = reserve.funded.checked_sub(&reserve.paid).ok_or("paid more than funded")?;
			ensure!(
				held == net,
				"the buckets and the earmark are not what was funded minus what was paid"
			);
			ensure!(
				T::Currency::balance(&Self::reserve_account(coop)) >= held,
				"the reserve account holds less than its buckets"
			);
		}
		for (key, queue) in Queues::<T>::iter() {
			ensure!(queue.head <= queue.tail, "a queue's head is past its tail");
			let mut waiting = 0u32;
			for (index, _) in Requests::<T>::iter_prefix(key) {
				ensure!(
					queue.head <= index && index < queue.tail,
					"a request outside its queue's bounds"
				);
				waiting = waiting.saturating_add(1);
			}
			ensure!(waiting == queue.waiting, "a queue's waiting count is wrong");
		}
		for (key, _, _) in Requests::<T>::iter() {
			ensure!(Queues::<T>::contains_key(key), "a request without a queue");
		}
		Ok(())
	}
}

/// What the exchange asks of the reserves (see the crate docs).
impl<T: Config> ReserveLedger<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn reserve_account(coop: CoopId) -> T::AccountId {
		Self::reserve_account(coop)
	}

	fn earmark(coop: CoopId, amount: BalanceOf<T>) -> DispatchResult {
		let mut reserve = Reserves::<T>::get(coop).ok_or(Error::<T>::InsufficientReserve)?;
		reserve.commons =
			reserve.commons.checked_sub(&amount).ok_or(Error::<T>::InsufficientReserve)?;
		reserve.earmarked = reserve.earmarked.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Reserves::<T>::insert(coop, reserve);
		Ok(())
	}

	fn unearmark(coop: CoopId, amount: BalanceOf<T>) -> DispatchResult {
		let mut reserve = Reserves::<T>::get(coop).ok_or(Error::<T>::InsufficientReserve)?;
		reserve.earmarked =
			reserve.earmarked.checked_sub(&amount).ok_or(Error::<T>::InsufficientReserve)?;
		reserve.commons = reserve.commons.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Reserves::<T>::insert(coop, reserve);
		Ok(())
	}

	fn pay_earmarked(coop: CoopId, to: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		let mut reserve = Reserves::<T>::get(coop).ok_or(Error::<T>::InsufficientReserve)?;
		reserve.earmarked =
			reserve.earmarked.checked_sub(&amount).ok_or(Error::<T>::InsufficientReserve)?;
		reserve.paid = reserve.paid.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		T::Currency::transfer(&Self::reserve_account(coop), to, amount, Preservation::Preserve)?;
		Reserves::<T>::insert(coop, reserve);
		Ok(())
	}

	fn deposited(coop: CoopId, amount: BalanceOf<T>) -> DispatchResult {
		let mut reserve = Reserves::<T>::get(coop).unwrap_or_default();
		Self::add_deposit(coop, &mut reserve, amount)?;
		Reserves::<T>::insert(coop, reserve);
		Ok(())
	}

	fn earmarked(coop: CoopId) -> BalanceOf<T> {
		Reserves::<T>::get(coop).map_or_else(Zero::zero, |reserve| reserve.earmarked)
	}
}
