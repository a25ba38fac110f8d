//! # Federated exchange (`Dex`)
//!
//! A limit order book between the cooperatives' credits and the native token (CONF).
//!
//! ## Overview
//!
//! Every pair of assets is one [`Market`]: a credit trades against the native token, which is
//! its quote; two credits trade with the lower-numbered cooperative's as the base. A price is
//! always quote per base, in smallest units ([`Price`], fixed point, 18 decimals), whichever side
//! an order is on, so that both sides of a book compare directly.
//!
//! - [`Pallet::place_order`]`(give, get, amount, price)`: offers `amount` of `give` for `get`
//!   at `price` or better. It trades with the best resting orders of the other side first
//!   (price, then time), at most `MaxFills` of them, each at the resting order's price; what is
//!   left rests on the book with what it offers held (and a deposit for its place: see
//!   *Deposits* below), or is released if it can no longer trade one lot at its price. An order
//!   that would trade with its owner's own resting order is refused ([`Error::SelfMatch`]).
//! - [`Pallet::cancel_order`]: the owner takes a resting order off the book; everything held is
//!   released (its deposit to its depositor).
//! - [`Pallet::set_price_band`]`(coop, floor, ceiling)`: the cooperative's decision; from then
//!   on no trade of its credit against the native token happens outside the band. New orders
//!   outside it are refused ([`Error::OutsideBand`]); resting orders it leaves outside are closed
//!   when a trade reaches them (each costs one of the `MaxFills`).
//! - [`Pallet::set_standing_orders`]`(coop, sell, buy)`: the cooperative rests orders at the
//!   edges of its band: selling up to `sell` newly issued credit at the ceiling (within its
//!   issuance limit) and buying credit back at the floor for up to `buy` native units, set
//!   aside from its reserve's `Commons` bucket. What the sell order earns goes into the reserve
//!   (split like a deposit); credit bought back returns to the cooperative's account, out of
//!   circulation.
//!
//! ## One matching plan
//!
//! Placing and quoting run the same computation, [`Pallet::plan`]: a walk over the other
//! side's book that changes nothing and returns a [`Plan`] (the trades with their fees, the
//! resting orders it closes because they are outside the band, the book entries it drops
//! because their order is missing, and why it stops: see [`matching`]). [`Pallet::do_place`]
//! applies it; [`Pallet::quote`] (runtime API `DexApi::quote`) sums it. A quote is what placing
//! the same order now does, where "the same order" is:
//! - at the limit price that trades the most ([`Limit::Any`]): each resting order is reached
//!   at the least aggressive price inside the band that crosses it. An ask at the band's floor
//!   (with no band: at or below the lowest bid the quote reaches) trades the same. A bid at the
//!   price of the dearest ask the quote reaches (the floor, if that ask is below it) trades the
//!   same; a higher limit may trade less, as a bid stops once what is left cannot buy one lot
//!   at its own limit;
//! - by an account with the funds and no resting order in its way (an order reaching its
//!   owner's own is refused, so it would trade nothing);
//! - and an order that would be refused quotes nothing (an unknown or inactive cooperative, an
//!   amount that cannot trade one lot).
//!
//! ## Where funds are
//!
//! See [`custody`]: what an order offers is held where it is: native units by a `fungible` hold
//! ([`HoldReason::Offer`]), credit by the ledger's offer (a holder offers only out of a positive
//! balance no vote locked), a standing buy order's funds in the reserve. The order deposit is a
//! hold too ([`HoldReason::OrderDeposit`]), on its depositor's account (see *Deposits*). A fee
//! (`TradeFee`) on what the arriving order receives goes, in native units, to the federation's
//! account (`FeeAccount`; a fee that account could not receive, staying below the existential
//! deposit, is not charged), and in a cooperative's credit back to that cooperative's account
//! (`custody::pay_fee`).
//!
//! A sale to a cooperative's standing buy order is a redemption paid by its reserve: it buys only
//! the seller's `Commons` entitlement, credit earned by its own work and still held, and uses it
//! up (see [`matching`]).
//!
//! ## Deposits
//!
//! A resting order takes a place on its book, so resting it holds `OrderDeposit` of the native
//! token (a standing order holds none). A member of a timebank may hold no native token: the
//! deposit is held from the account [`Config::DepositPayer`] names ([`DepositPayer::payer`]),
//! asked for the cooperative whose credit the order gives, else the one whose credit it gets
//! ([`Order::deposit_coop`]): the owner itself when it can pay, else (for a member of that
//! cooperative) the cooperative's account, within the budget the cooperative set. The order
//! records that account ([`Order::depositor`]), and every way it leaves the book (cancelled,
//! filled, closed as unfillable, outside the band or replaced, evicted) releases the deposit to
//! that account, never to the owner. If the account named cannot hold the deposit, the order is
//! refused and nothing changes.
//!
//! ## Limits and fees: the rules of a trade
//!
//! See [`math`]:
//! - **A trade is exact, at the resting order's price.** Its quote amount is exactly
//!   `base · price`, never rounded in anyone's favour. So no order ever trades beyond its own
//!   limit: the resting order trades at its price, and the arriving order, whose limit crosses
//!   that price, never pays more (a bid) or receives less (an ask) per unit than its limit, on
//!   any fill and over the whole order. Base units trade in whole *lots* of the price
//!   ([`math::lot`]): the fewest base units whose price is a whole number of quote units (one
//!   unit at a whole price, such as any price of credit in native units a person would set;
//!   2 units at 1.5). A fill trades the most whole lots both orders allow; an order that cannot
//!   trade one lot at its own price is refused ([`Error::AmountTooSmall`]) or, once what is left
//!   cannot, closed (`Unfillable`).
//! - **Every trade pays its fee.** The fee rounds up ([`math::fee_on`]): at least one smallest
//!   unit of what the arriving order receives, never less than `TradeFee` of it, so splitting an
//!   order into parts never pays less fee than the whole would. A fill whose fee would take all
//!   the arriving order receives is too small: it is not made, and the walk stops there
//!   ([`Stop::TooSmall`]).
//!
//! Amounts only move between parties: no unit is created or lost.
//!
//! ## Invariants ([`Pallet::do_try_state`])
//!
//! - Every book is sorted best first (price, then id), and its entries and the stored orders are
//!   the same set; every order's id is below `NextOrderId`; every resting order has a positive
//!   price and can still trade one lot ([`Order::can_trade`]).
//! - What is held equals what rests ([`Order::custody`]): for each owner of resting orders,
//!   its native units on hold and its credit on offer in each currency; for each depositor (an
//!   owner, or a cooperative's account paying for its members), its deposits on hold; for each
//!   cooperative that set standing orders, its reserve's earmark equals its standing buy order.
//! - Each standing order is its cooperative's, without a deposit, listed in
//!   [`StandingOrdersOf`], at its band's edge; each listed standing order rests.
//!
//! ## Modules
//!
//! | module | what is in it |
//! |---|---|
//! | `lib.rs` | the `Config`, storage, events, errors and the calls (thin: origin, then `do_*`) |
//! | [`types`] | markets, sides, orders, bands, standing orders, and their rules as methods |
//! | [`math`] | the money math of one fill and the fee: pure, exact, no storage |
//! | [`matching`] | the plan ([`Pallet::plan`]), placing ([`Pallet::do_place`]), quoting ([`Pallet::quote`]) |
//! | [`book`] | resting, leaving, cancelling ([`Pallet::do_cancel`]), the book's view ([`Pallet::order_book`]) |
//! | [`custody`] | where an order's funds are held, and how they are paid and released |
//! | [`standing`] | price bands and standing orders ([`Pallet::do_set_price_band`], [`Pallet::do_set_standing_orders`]) |
//! | [`try_state`] | the invariants ([`Pallet::do_try_state`]) |
//! | [`migrations`] | [`migrations::v2::MigrateV1ToV2`]: closes resting orders that cannot trade one lot; [`migrations::v3::MigrateV2ToV3`]: an order records its depositor |

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod book;
pub mod custody;
pub mod matching;
pub mod math;
pub mod migrations;
pub mod standing;
pub mod try_state;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use matching::{Limit, Plan, Step, Stop};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use confoederatio_primitives::{
	AssetKind, BookEntry, CoopId, CoopUnavailable, Cooperatives, DepositPayer, OfferableCredit,
	OrderId, Price, RedeemableCredit, ReserveLedger, WorkCategory,
};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, InspectHold, Mutate, MutateHold},
		EnsureOriginWithArg,
	},
};
use frame_system::pallet_prelude::*;
use sp_runtime::{traits::Zero, Permill};

/// A resting order as stored.
pub type OrderOf<T> = Order<<T as frame_system::Config>::AccountId>;

/// A book: the ids of one side's resting orders with their prices, best first.
pub type BookOf<T> = BoundedVec<(Price, OrderId), <T as Config>::MaxOrdersPerSide>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	/// 2: the standing orders are `StandingOrdersOf` and trades are exact in whole lots, no
	/// order resting that cannot trade one ([`migrations::v2`]).
	/// 3: an order records the account its deposit is held from ([`Order::depositor`],
	/// [`migrations::v3`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds native funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// What a resting order offers.
		Offer,
		/// The deposit for a resting order's place on the book.
		OrderDeposit,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native token.
		type Currency: Mutate<Self::AccountId, Balance = Amount>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// The registry of cooperatives.
		type Cooperatives: Cooperatives<Self::AccountId, BlockNumberFor<Self>>;

		/// The mutual-credit ledgers: offers and their payment, and the entitlements a sale to a
		/// standing buy order uses.
		type Ledger: OfferableCredit<Self::AccountId> + RedeemableCredit<Self::AccountId>;

		/// The cooperatives' reserves: what standing orders buy with and earn.
		type Reserve: ReserveLedger<Self::AccountId, Amount>;

		/// A cooperative's own decision, after its members' vote ("this cooperative decided").
		type CooperativeOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CoopId>;

		/// The federation's account, which receives the fees paid in native units (a fee paid in
		/// a cooperative's credit goes back to that cooperative's account).
		#[pallet::constant]
		type FeeAccount: Get<Self::AccountId>;

		/// The share of what an arriving order receives that is paid as a fee.
		#[pallet::constant]
		type TradeFee: Get<Permill>;

		/// The native deposit held for each resting order (not for standing orders).
		#[pallet::constant]
		type OrderDeposit: Get<Amount>;

		/// Who holds a resting order's deposit: its owner, or the cooperative's account for a
		/// member who cannot pay it, asked for the cooperative [`Order::deposit_coop`] names
		/// (`()`: every owner pays its own).
		type DepositPayer: DepositPayer<Self::AccountId, Amount>;

		/// The most resting orders one call trades with (or closes, outside the band).
		#[pallet::constant]
		type MaxFills: Get<u32>;

		/// The most orders one side of one market holds.
		#[pallet::constant]
		type MaxOrdersPerSide: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need from the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: confoederatio_primitives::BenchmarkHelper<
			Self::AccountId,
			Self::RuntimeOrigin,
		>;

		/// Credit and reserves for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type ExchangeHelper: ExchangeHelper<Self::AccountId>;
	}

	/// The resting orders.
	#[pallet::storage]
	pub type Orders<T: Config> = StorageMap<_, Twox64Concat, OrderId, OrderOf<T>>;

	/// Each side of each market: its orders' prices and ids, best first (price, then time).
	#[pallet::storage]
	pub type Books<T: Config> =
		StorageMap<_, Blake2_128Concat, (Market, Side), BookOf<T>, ValueQuery>;

	/// The id the next order gets.
	#[pallet::storage]
	pub type NextOrderId<T> = StorageValue<_, OrderId, ValueQuery>;

	/// Each cooperative's price band against the native token.
	#[pallet::storage]
	pub type PriceBands<T> = StorageMap<_, Twox64Concat, CoopId, PriceBand>;

	/// Each cooperative's standing orders at its band's edges.
	#[pallet::storage]
	pub type StandingOrdersOf<T> = StorageMap<_, Twox64Concat, CoopId, StandingOrders, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An order was placed; trades and its resting or closing follow.
		OrderPlaced {
			/// The order.
			id: OrderId,
			/// Who placed it.
			owner: T::AccountId,
			/// What it gives.
			give: AssetKind,
			/// What it gets.
			get: AssetKind,
			/// How much of `give` it offers.
			amount: Amount,
			/// Its limit price: quote per base of its market.
			price: Price,
		},
		/// Two orders traded, exactly at the resting order's price (`quote_amount = base_amount ·
		/// price`).
		Trade {
			/// The resting order.
			maker_order: OrderId,
			/// The arriving order.
			taker_order: OrderId,
			/// The resting order's owner.
			maker: T::AccountId,
			/// The arriving order's owner.
			taker: T::AccountId,
			/// The market's base asset.
			base: AssetKind,
			/// The market's quote asset.
			quote: AssetKind,
			/// Base units from the seller to the buyer.
			base_amount: Amount,
			/// Quote units from the buyer to the seller.
			quote_amount: Amount,
			/// The price.
			price: Price,
			/// The fee the taker paid to the federation, in units of what it received: rounded
			/// up (never zero, unless the federation's account could not receive native units),
			/// less than all it received.
			fee: Amount,
		},
		/// The owner cancelled a resting order.
		OrderCancelled {
			/// The order.
			id: OrderId,
			/// Its owner.
			owner: T::AccountId,
			/// What it still offered, released.
			released: Amount,
		},
		/// An order left the book (or never rested) other than by a cancel.
		OrderClosed {
			/// The order.
			id: OrderId,
			/// Its owner.
			owner: T::AccountId,
			/// What it still offered, released.
			released: Amount,
			/// Why.
			reason: CloseReason,
		},
		/// A cooperative set its price band.
		PriceBandSet {
			/// The cooperative.
			coop: CoopId,
			/// The lowest price of its credit in native units.
			floor: Price,
			/// The highest.
			ceiling: Price,
		},
		/// A cooperative set its standing orders (replacing any before).
		StandingOrdersSet {
			/// The cooperative.
			coop: CoopId,
			/// Its resting sell order at the ceiling, if one rests.
			sell: Option<OrderId>,
			/// Its resting buy order at the floor, if one rests.
			buy: Option<OrderId>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// An order must give one asset for another (never native for native).
		SameAsset,
		/// The amount is zero.
		ZeroAmount,
		/// The price is zero.
		ZeroPrice,
		/// The amount cannot trade one whole lot at the price (a trade is exact: its base units
		/// times the price are whole quote units).
		AmountTooSmall,
		/// No cooperative has this id.
		UnknownCooperative,
		/// The cooperative is not active.
		CooperativeNotActive,
		/// The price is outside the cooperative's price band.
		OutsideBand,
		/// The order would trade with its owner's own resting order.
		SelfMatch,
		/// The book is full and the order is not better priced than its worst order.
		BookFull,
		/// No resting order has this id.
		UnknownOrder,
		/// Only the owner may cancel an order (a standing order, only its cooperative; anyone,
		/// an order whose deposit its cooperative holds for an owner who left it).
		NotOwner,
		/// A band's floor must be positive and not above its ceiling.
		InvalidBand,
		/// The cooperative has no price band.
		NoPriceBand,
		/// An amount would leave its numeric range.
		Overflow,
		/// No order ids are left.
		IdsExhausted,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Offer `amount` of `give` for `get` at `price` (quote per base of the market) or
		/// better: trade with the best resting orders, at most `MaxFills`, and rest the rest with
		/// what it offers held and the order deposit (from the owner or, for a member who cannot
		/// pay it, from its cooperative's account: `Config::DepositPayer`).
		///
		/// Signed. Credit is offered only out of a positive balance; every cooperative named must
		/// be active; in a market of credit against the native token the price must be inside the
		/// cooperative's band.
		#[pallet::call_index(0)]
		#[pallet::weight(
			T::WeightInfo::place_order(T::MaxFills::get()).saturating_add(T::DepositPayer::weight())
		)]
		pub fn place_order(
			origin: OriginFor<T>,
			give: AssetKind,
			get: AssetKind,
			#[pallet::compact] amount: Amount,
			price: Price,
		) -> DispatchResultWithPostInfo {
			let owner = ensure_signed(origin)?;
			let (market, side) = Market::of(give, get).ok_or(Error::<T>::SameAsset)?;
			let placed = Self::do_place(owner, market, side, price, amount, false)?;
			// Charged for the fills it made, and for resting only if it rests. The deposit
			// payer's part stays: it was asked before the order could rest.
			let used = if placed.rests {
				T::WeightInfo::place_order(placed.fills)
			} else {
				T::WeightInfo::place_order_filled(placed.fills)
			};
			Ok(Some(used.saturating_add(T::DepositPayer::weight())).into())
		}

		/// Take a resting order off the book; what it offers is released to its owner, its
		/// deposit to its depositor.
		///
		/// Signed by its owner; or by anyone when a cooperative's account holds its deposit
		/// and its owner is no longer a member there (so that the deposit comes back to the
		/// cooperative).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel_order())]
		pub fn cancel_order(origin: OriginFor<T>, id: OrderId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel(who, id)
		}

		/// Set `coop`'s price band: its credit trades against the native token only at prices
		/// from `floor` to `ceiling`. Its standing orders, at the old edges, are closed.
		///
		/// Origin: the cooperative's own decision.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_price_band())]
		pub fn set_price_band(
			origin: OriginFor<T>,
			coop: CoopId,
			floor: Price,
			ceiling: Price,
		) -> DispatchResult {
			T::CooperativeOrigin::ensure_origin(origin, &coop)?;
			Self::do_set_price_band(coop, floor, ceiling)
		}

		/// Replace `coop`'s standing orders: sell up to `sell` newly issued credit at the band's
		/// ceiling, and buy credit back at its floor for up to `buy` native units from the
		/// reserve's `Commons` bucket (zero: no such order). Each trades first like any order.
		///
		/// Origin: the cooperative's own decision; the cooperative must be active and have a band.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_standing_orders(T::MaxFills::get()))]
		pub fn set_standing_orders(
			origin: OriginFor<T>,
			coop: CoopId,
			#[pallet::compact] sell: Amount,
			#[pallet::compact] buy: Amount,
		) -> DispatchResultWithPostInfo {
			T::CooperativeOrigin::ensure_origin(origin, &coop)?;
			let fills = Self::do_set_standing_orders(coop, sell, buy)?;
			Ok(Some(T::WeightInfo::set_standing_orders(fills)).into())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxFills::get() > 0, "an order must be able to trade");
			assert!(T::MaxOrdersPerSide::get() > 0, "a book must hold an order");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

/// Credit and reserves for the benchmarks: the runtime wires mutual credit and redemption.
#[cfg(feature = "runtime-benchmarks")]
pub trait ExchangeHelper<AccountId> {
	/// Gives `who` `amount` of `coop`'s credit (as an approved contribution would).
	fn issue(coop: CoopId, who: &AccountId, amount: Amount);
	/// Funds `coop`'s reserve with `amount` native units from `from`.
	fn fund(coop: CoopId, from: &AccountId, amount: Amount);
}

impl<T> From<CoopUnavailable> for Error<T> {
	fn from(unavailable: CoopUnavailable) -> Self {
		match unavailable {
			CoopUnavailable::Unknown => Error::UnknownCooperative,
			CoopUnavailable::NotActive => Error::CooperativeNotActive,
		}
	}
}
