//! # Redemption
//!
//! A cooperative's common fund that redeems members' work credit for cash (the native token).
//!
//! ## Overview
//!
//! Anyone funds an admitted cooperative's reserve ([`Pallet::fund`]); each deposit is split
//! between two buckets by the cooperative's `reserve_split` (default 75% `Subsistence`, 25%
//! `Commons`; [`Reserve::split`]). A cooperative still pending (applied, not admitted) has no
//! reserve to fund yet ([`Error::CooperativeNotActive`]): its application may still be rejected
//! or withdrawn, and its reserve's funds would be stranded; a suspended cooperative's reserve
//! may be funded.
//!
//! The cooperative sets the rate ([`Pallet::set_rate`]): a [`Price`], native units per unit of
//! credit (both in their smallest units), encoded exactly as the exchange quotes that credit
//! against the native token; zero means not set. A member redeems credit up to its entitlement
//! in a category ([`Pallet::redeem`]): the credit leaves circulation
//! ([`RedeemableCredit::burn`]: its balance goes down, the cooperative's account up, so every
//! currency still sums to zero), and it is paid `⌊rate · amount⌋` minus the exit fee (rounded
//! up), which stays in the bucket ([`Pallet::payout_of`], [`payout_at`]): every rounding goes
//! the reserve's way, never the member's. Redeemed credit no longer weighs in votes.
//!
//! When the bucket cannot pay ([`Pallet::can_pay`]) or others already wait, the request waits
//! in that bucket's FIFO queue; deposits serve the queue as they arrive, at most
//! `MaxServedPerFund` requests per deposit (no unbounded loop). A waiting request can be
//! cancelled by its owner ([`Pallet::cancel`]): its credit comes back. Nothing is lost.
//!
//! ## A member's share of a queue
//!
//! A waiting request is storage a member creates, so it is bounded and paid for: a member has
//! at most `MaxRequestsPerMember` requests waiting in one bucket ([`WaitingRequests`];
//! [`Error::TooManyRequests`] beyond), and `RequestDeposit` of the native token is held for each
//! ([`HoldReason::RequestDeposit`], recorded in the [`Request`]) until it is paid or cancelled
//! (see *Deposits*).
//! A member who wants more waits until one is paid, or cancels and asks for more at the back of
//! the queue (a waiting request never grows: it would jump those who queued after it). So one
//! member cannot fill a queue and shut the others out (issue 12): a full queue holds the
//! requests of at least `MaxQueueLength / MaxRequestsPerMember` members. A redemption paid at
//! once stores nothing and holds no deposit.
//!
//! The reserve's funds sit in a keyless account per cooperative, derived from `PalletId`
//! ([`Pallet::reserve_account`]).
//!
//! ## Deposits
//!
//! A member of a timebank may hold no native token. A waiting request's deposit is held from
//! the account [`Config::DepositPayer`] names for the request's cooperative
//! ([`DepositPayer::payer`]): the member itself when it can pay, else the cooperative's account,
//! within the budget the cooperative set. The request records that account
//! ([`Request::depositor`]), and paying or cancelling it releases the deposit to that account,
//! never to the member (even if the member could pay by then). If the account named cannot hold
//! the deposit, the redemption is refused and nothing changes.
//!
//! ## The exchange
//!
//! Through [`ReserveLedger`](confoederatio_primitives::ReserveLedger) the exchange
//! (`pallet-federated-dex`) sets part of the `Commons` bucket aside for the cooperative's
//! standing buy order at the floor of its price band (`earmark`), pays sellers from it
//! (`pay_earmarked`) and puts back what the order did not spend (`unearmark`); what the
//! cooperative's standing sell order earns is paid into the reserve account and split like a
//! deposit (`deposited`), without serving the queues (the next deposit does).
//!
//! What is earmarked is always payable in full, its last unit too: the reserve account pays
//! keeping its existential deposit, which the buckets may count, so an earmark is accepted only
//! if the account can then pay everything earmarked and stay alive, and a bucket pays a
//! redemption only if the account can still pay everything earmarked after it
//! ([`Reserve::keeps_earmark_payable`], in `earmark` and [`Pallet::can_pay`]). So no sale to the
//! standing buy order fails for the existential deposit.
//!
//! ## Invariants ([`Pallet::do_try_state`])
//!
//! - Each reserve's buckets and earmark sum to everything funded minus everything paid, and the
//!   reserve account holds at least that; it can pay everything earmarked and stay alive.
//! - Each queue's head is not past its tail; its waiting count is the number of its requests,
//!   all between its head and tail; every request belongs to a queue.
//! - Each member's count of waiting requests in a bucket is the number of its requests there,
//!   at most `MaxRequestsPerMember`; each depositor of waiting requests (a member, or a
//!   cooperative's account paying for its members) has exactly their deposits on hold.
//!
//! ## Storage versions
//!
//! - 2: a [`Request`] records its deposit and [`WaitingRequests`] counts each member's; the
//!   runtime runs [`migrations::v2::MigrateV1ToV2`] from version 1.
//! - 3: a [`Reserve`]'s rate is a [`Price`] (it was a whole number of native units per unit of
//!   credit); the runtime runs [`migrations::v3::MigrateV2ToV3`] from version 2, which keeps
//!   every rate's value.
//! - 4: a [`Request`] records the account its deposit is held from ([`Request::depositor`]);
//!   the runtime runs [`migrations::v4::MigrateV3ToV4`] from version 3, which names each
//!   waiting request's member (the account its deposit was held from).
//!
//! ## Where things are
//!
//! | module | what |
//! |---|---|
//! | [`types`] | the stored records and their rules: [`Reserve`] (split, buckets, earmark and what keeps it payable), [`QueueBounds`], [`Request`], [`payout_at`] |
//! | `reserve` | funding ([`Pallet::do_fund`]), the rate ([`Pallet::do_set_rate`]), [`Pallet::can_pay`], [`Pallet::reducible`], [`Pallet::reserve_info`], the `ReserveLedger` impl |
//! | `redeem` | [`Pallet::do_redeem`] (paid at once, or queued), [`Pallet::payout_of`] |
//! | `queue` | the FIFO queues: a request waits at the back (within its member's bound, its deposit held), deposits serve the front, [`Pallet::do_cancel`] |
//! | [`migrations`] | [`migrations::v2::MigrateV1ToV2`], [`migrations::v3::MigrateV2ToV3`], [`migrations::v4::MigrateV3ToV4`] |
//! | `try_state` | [`Pallet::do_try_state`] |
//! | [`weights`] | generated weights |

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod migrations;
mod queue;
mod redeem;
mod reserve;
mod try_state;
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
	CoopId, CoopUnavailable, Cooperatives, Credit, DepositPayer, Price, RedeemableCredit,
	WorkCategory,
};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, MutateHold},
		EnsureOriginWithArg,
	},
};
use frame_system::pallet_prelude::*;

/// A balance of the native token.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A queued request as stored.
pub type RequestOf<T> = Request<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{traits::fungible::Mutate, PalletId};
	use sp_runtime::Perbill;

	/// The in-code storage version.
	/// 2: a waiting [`Request`] records its deposit and [`WaitingRequests`] counts each member's
	/// ([`migrations::v2`]).
	/// 3: a [`Reserve`]'s rate is a [`Price`] ([`migrations::v3`]).
	/// 4: a [`Request`] records the account its deposit is held from ([`Request::depositor`],
	/// [`migrations::v4`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(4);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds native funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a waiting redemption request's place in its queue.
		RequestDeposit,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native token: what reserves hold and pay, and what request deposits are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// The registry of cooperatives, their members and parameters.
		type Cooperatives: Cooperatives<Self::AccountId, BlockNumberFor<Self>>;

		/// The mutual-credit ledgers: entitlements, and burning credit for a redemption.
		type Ledger: RedeemableCredit<Self::AccountId>;

		/// "This cooperative decided" (after its members' vote), for the cooperative a call
		/// names.
		type CooperativeOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CoopId>;

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

		/// The most requests one member may have waiting in one bucket's queue (small: a
		/// member who wants more waits until one is paid, or cancels and asks for more).
		#[pallet::constant]
		type MaxRequestsPerMember: Get<u32>;

		/// The native deposit held for each waiting request, released when the request is paid
		/// or cancelled.
		#[pallet::constant]
		type RequestDeposit: Get<BalanceOf<Self>>;

		/// Who holds a waiting request's deposit: the member, or its cooperative's account for a
		/// member who cannot pay it (`()`: every member pays its own).
		type DepositPayer: DepositPayer<Self::AccountId, BalanceOf<Self>>;

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

	/// How many requests each member has waiting in each bucket's queue (at most
	/// `MaxRequestsPerMember`; absent: none).
	#[pallet::storage]
	pub type WaitingRequests<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		(CoopId, WorkCategory),
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
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
			/// Native units per unit of credit (smallest units, as the exchange prices the
			/// credit), before the exit fee; zero stops redemptions.
			rate: Price,
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
		/// A redemption waits for its bucket to be refilled; its credit left circulation and
		/// its deposit is held (from the member, or from its cooperative's account).
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
			/// The deposit held for it until it is paid or cancelled.
			deposit: BalanceOf<T>,
		},
		/// A waiting redemption was paid (and its deposit released to its depositor).
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
		/// A waiting redemption was cancelled; its credit came back to the member, its deposit
		/// to its depositor.
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
		/// The cooperative is not active (to fund its reserve: not yet admitted).
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
		/// The member already has `MaxRequestsPerMember` requests waiting for this bucket.
		TooManyRequests,
		/// No waiting request is at this position.
		UnknownRequest,
		/// Only the member who made a request may cancel it.
		NotRequester,
		/// The reserve holds less than the exchange asked of it.
		InsufficientReserve,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Deposit `amount` of the native token into `coop`'s reserve, split between its buckets
		/// by its `reserve_split`; then serve waiting requests, at most `MaxServedPerFund`.
		///
		/// Signed, by anyone; `coop` must be admitted (active or suspended), not pending.
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

		/// Set `coop`'s redemption rate: native units per unit of credit, both in their smallest
		/// units, before the exit fee, as a [`Price`] (the exchange's encoding of the price of
		/// `coop`'s credit against the native token).
		///
		/// Origin `Cooperative(coop)`. Zero stops redemptions (waiting requests keep the payout
		/// fixed when they were made).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_rate())]
		pub fn set_rate(origin: OriginFor<T>, coop: CoopId, rate: Price) -> DispatchResult {
			T::CooperativeOrigin::ensure_origin(origin, &coop)?;
			Self::do_set_rate(coop, rate)
		}

		/// Redeem `amount` of `coop`'s credit from the member's entitlement in `category`: the
		/// credit leaves circulation, and the member is paid `⌊amount · rate⌋` minus the exit fee
		/// from that bucket, or waits in its queue if the bucket cannot pay yet (with
		/// `RequestDeposit` held from the member or, for a member who cannot pay it, from its
		/// cooperative's account: `Config::DepositPayer`; and at most `MaxRequestsPerMember` of
		/// its requests waiting there).
		///
		/// Signed by a member of the active cooperative, out of a positive balance that no open
		/// vote locked.
		#[pallet::call_index(2)]
		#[pallet::weight(
			T::WeightInfo::redeem_paid()
				.max(T::WeightInfo::redeem_queued())
				.saturating_add(T::DepositPayer::weight())
		)]
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
		/// back to the member, its deposit to its depositor.
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
			Self::do_cancel(coop, who, category, index)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxQueueLength::get() > 0, "a request must be able to wait");
			assert!(T::MaxRequestsPerMember::get() > 0, "a member must be able to wait");
		}

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

/// A cooperative that cannot act now, as this pallet's errors.
impl<T> From<CoopUnavailable> for Error<T> {
	fn from(unavailable: CoopUnavailable) -> Self {
		match unavailable {
			CoopUnavailable::Unknown => Error::UnknownCooperative,
			CoopUnavailable::NotActive => Error::CooperativeNotActive,
		}
	}
}

/// A refused change to a reserve, as this pallet's errors.
impl<T> From<ReserveError> for Error<T> {
	fn from(error: ReserveError) -> Self {
		match error {
			ReserveError::Insufficient => Error::InsufficientReserve,
			ReserveError::Overflow => Error::Overflow,
		}
	}
}
