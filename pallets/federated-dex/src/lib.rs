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
//!   left rests on the book with what it offers held (and a deposit for its place), or is
//!   released if it can no longer buy one unit. An order that would trade with its owner's own
//!   resting order is refused ([`Error::SelfMatch`]).
//! - [`Pallet::cancel_order`]: the owner takes a resting order off the book; everything held is
//!   released.
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
//! What an order offers is held where it is: native units by a `fungible` hold
//! ([`HoldReason::Offer`]), credit by the ledger's offer (a holder offers only out of a positive
//! balance no vote locked), a standing buy order's funds in the reserve. A fee
//! (`TradeFee`) on what the arriving order receives goes to the federation's account
//! (`FeeAccount`).
//!
//! ## Rounding
//!
//! See [`math`]: the quote amount of a fill is rounded in the resting order's favour, the fee
//! down; amounts only move between parties, so no unit is created or lost.
//!
//! ## Invariants ([`Pallet::do_try_state`])
//!
//! - Every book is sorted best first (price, then id), and its entries and the stored orders are
//!   the same set; every resting order can still trade one unit and its price is positive.
//! - What is held equals what rests: native holds and deposits per account, credit on offer per
//!   account, and each reserve's earmark equals its standing buy order.
//! - Each standing order is its cooperative's, at its band's edge.

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

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use confoederatio_primitives::{
	AssetKind, BookEntry, CoopId, Cooperatives, CreditLedger, ExchangeQuote, OrderId, Price,
	ReserveLedger,
};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, InspectHold, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Provenance, Restriction},
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
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

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

		/// The mutual-credit ledgers: offers and their payment.
		type Credit: CreditLedger<Self::AccountId, BlockNumberFor<Self>>;

		/// The cooperatives' reserves: what standing orders buy with and earn.
		type Reserve: ReserveLedger<Self::AccountId, Amount>;

		/// A cooperative acting after its members' vote; succeeds with its id.
		type CooperativeOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = CoopId>;

		/// The federation's account, which receives the fees.
		#[pallet::constant]
		type FeeAccount: Get<Self::AccountId>;

		/// The share of what an arriving order receives that is paid as a fee.
		#[pallet::constant]
		type TradeFee: Get<Permill>;

		/// The native deposit held for each resting order (not for standing orders).
		#[pallet::constant]
		type OrderDeposit: Get<Amount>;

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

	/// Each cooperative's standing orders.
	#[pallet::storage]
	pub type Standing<T> = StorageMap<_, Twox64Concat, CoopId, StandingOrders, ValueQuery>;

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
		/// Two orders traded, at the resting order's price.
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
			/// The fee the taker paid to the federation, in units of what it received.
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
		/// The amount cannot buy one unit at the price.
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
		/// Only the owner may cancel an order (a standing order, only its cooperative).
		NotOwner,
		/// A band's floor must be positive and not above its ceiling.
		InvalidBand,
		/// The cooperative has no price band.
		NoPriceBand,
		/// The origin is another cooperative's.
		WrongCooperative,
		/// An amount would leave its numeric range.
		Overflow,
		/// No order ids are left.
		IdsExhausted,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Offer `amount` of `give` for `get` at `price` (quote per base of the market) or
		/// better: trade with the best resting orders, at most `MaxFills`, and rest the rest with
		/// what it offers held and the order deposit.
		///
		/// Signed. Credit is offered only out of a positive balance; every cooperative named must
		/// be active; in a market of credit against the native token the price must be inside the
		/// cooperative's band.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::place_order(T::MaxFills::get()))]
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
			Ok(Some(T::WeightInfo::place_order(placed.fills)).into())
		}

		/// Take a resting order off the book; what it offers and its deposit are released.
		///
		/// Signed by its owner.
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
			Self::ensure_cooperative(origin, coop)?;
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
			Self::ensure_cooperative(origin, coop)?;
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

/// What placing an order did.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Placed {
	/// The order's id.
	pub id: OrderId,
	/// How many resting orders it traded with or closed.
	pub fills: u32,
	/// Whether it rests on the book.
	pub rests: bool,
}

impl<T: Config> Pallet<T> {
	/// Ensures `origin` is `coop`'s own decision.
	fn ensure_cooperative(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
		let acting = T::CooperativeOrigin::ensure_origin(origin)?;
		ensure!(acting == coop, Error::<T>::WrongCooperative);
		Ok(())
	}

	/// Ensures every cooperative whose credit `market` trades is active.
	fn ensure_active(market: &Market) -> DispatchResult {
		for asset in [market.base, market.quote] {
			if let AssetKind::Credit(coop) = asset {
				if !T::Cooperatives::is_active(coop) {
					ensure!(
						T::Cooperatives::params(coop).is_some(),
						Error::<T>::UnknownCooperative
					);
					return Err(Error::<T>::CooperativeNotActive.into());
				}
			}
		}
		Ok(())
	}

	/// The cooperative of a standing order's market.
	fn standing_coop(market: &Market) -> Result<CoopId, DispatchError> {
		market.banded().ok_or(Error::<T>::SameAsset.into())
	}

	/// Holds `amount` of what `order` gives.
	fn take(order: &OrderOf<T>, amount: Amount) -> DispatchResult {
		match order.market.gives(order.side) {
			AssetKind::Credit(coop) => T::Credit::offer(coop, &order.owner, amount),
			AssetKind::Native if order.standing => {
				T::Reserve::earmark(Self::standing_coop(&order.market)?, amount)
			},
			AssetKind::Native => T::Currency::hold(&HoldReason::Offer.into(), &order.owner, amount),
		}
	}

	/// Releases `amount` of what `order` holds.
	fn release(order: &OrderOf<T>, amount: Amount) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		match order.market.gives(order.side) {
			AssetKind::Credit(coop) => T::Credit::withdraw_offer(coop, &order.owner, amount),
			AssetKind::Native if order.standing => {
				T::Reserve::unearmark(Self::standing_coop(&order.market)?, amount)
			},
			AssetKind::Native => T::Currency::release(
				&HoldReason::Offer.into(),
				&order.owner,
				amount,
				Precision::Exact,
			)
			.map(|_| ()),
		}
	}

	/// Where `order` receives `asset`: its owner, or for a standing order's native proceeds,
	/// its cooperative's reserve.
	fn receiver(order: &OrderOf<T>, asset: AssetKind) -> Result<T::AccountId, DispatchError> {
		if order.standing && asset == AssetKind::Native {
			return Ok(T::Reserve::reserve_account(Self::standing_coop(&order.market)?));
		}
		Ok(order.owner.clone())
	}

	/// Pays `amount` of what `order` holds to `to`.
	fn pay(order: &OrderOf<T>, to: &T::AccountId, amount: Amount) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		match order.market.gives(order.side) {
			AssetKind::Credit(coop) => T::Credit::pay_offered(coop, &order.owner, to, amount),
			AssetKind::Native if order.standing => {
				T::Reserve::pay_earmarked(Self::standing_coop(&order.market)?, to, amount)
			},
			AssetKind::Native => T::Currency::transfer_on_hold(
				&HoldReason::Offer.into(),
				&order.owner,
				to,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)
			.map(|_| ()),
		}
	}

	/// `order` received `amount` of `asset` at its receiver: a standing order's native proceeds
	/// are split into its reserve's buckets.
	fn received(order: &OrderOf<T>, asset: AssetKind, amount: Amount) -> DispatchResult {
		if order.standing && asset == AssetKind::Native && !amount.is_zero() {
			T::Reserve::deposited(Self::standing_coop(&order.market)?, amount)?;
		}
		Ok(())
	}

	/// The fee on `received` of `asset`: zero for native units the federation's account cannot
	/// receive (it would fall below the existential deposit).
	fn fee(asset: AssetKind, received: Amount) -> Amount {
		let fee = math::fee_on(received, T::TradeFee::get());
		if asset == AssetKind::Native && !fee.is_zero() {
			let deposit = T::Currency::can_deposit(&T::FeeAccount::get(), fee, Provenance::Extant);
			if deposit != frame_support::traits::tokens::DepositConsequence::Success {
				return 0;
			}
		}
		fee
	}

	/// One trade between the arriving `taker` and the resting `maker` (ids for the event).
	fn settle(
		taker_id: OrderId,
		taker: &mut OrderOf<T>,
		maker_id: OrderId,
		maker: &mut OrderOf<T>,
		fill: math::Fill,
	) -> DispatchResult {
		let market = taker.market;
		// What each side gives, in its own asset.
		let (taker_gives, maker_gives) = match taker.side {
			Side::Bid => (fill.quote, fill.base),
			Side::Ask => (fill.base, fill.quote),
		};
		let taker_gets = market.gets(taker.side);
		let maker_gets = market.gets(maker.side);
		let fee = Self::fee(taker_gets, maker_gives);
		// The maker pays the taker (less the fee, to the federation)...
		let to_taker = Self::receiver(taker, taker_gets)?;
		let net = maker_gives.saturating_sub(fee);
		Self::pay(maker, &to_taker, net)?;
		Self::received(taker, taker_gets, net)?;
		Self::pay(maker, &T::FeeAccount::get(), fee)?;
		// ... and the taker pays the maker.
		let to_maker = Self::receiver(maker, maker_gets)?;
		Self::pay(taker, &to_maker, taker_gives)?;
		Self::received(maker, maker_gets, taker_gives)?;
		maker.remaining = maker.remaining.checked_sub(maker_gives).ok_or(Error::<T>::Overflow)?;
		taker.remaining = taker.remaining.checked_sub(taker_gives).ok_or(Error::<T>::Overflow)?;
		Self::deposit_event(Event::Trade {
			maker_order: maker_id,
			taker_order: taker_id,
			maker: maker.owner.clone(),
			taker: taker.owner.clone(),
			base: market.base,
			quote: market.quote,
			base_amount: fill.base,
			quote_amount: fill.quote,
			price: maker.price,
			fee,
		});
		Ok(())
	}

	/// Removes an order that is off its book already: releases what it holds and its deposit,
	/// forgets it (and its place among its cooperative's standing orders).
	fn close(id: OrderId, order: OrderOf<T>, reason: Option<CloseReason>) -> DispatchResult {
		Self::release(&order, order.remaining)?;
		if !order.deposit.is_zero() {
			T::Currency::release(
				&HoldReason::OrderDeposit.into(),
				&order.owner,
				order.deposit,
				Precision::Exact,
			)?;
		}
		Orders::<T>::remove(id);
		if order.standing {
			if let Some(coop) = order.market.banded() {
				Standing::<T>::mutate(coop, |standing| {
					if standing.sell == Some(id) {
						standing.sell = None;
					}
					if standing.buy == Some(id) {
						standing.buy = None;
					}
				});
			}
		}
		let (owner, released) = (order.owner, order.remaining);
		Self::deposit_event(match reason {
			Some(reason) => Event::OrderClosed { id, owner, released, reason },
			None => Event::OrderCancelled { id, owner, released },
		});
		Ok(())
	}

	/// Places an order of `owner` (a standing order of its cooperative if `standing`): trades,
	/// then rests or closes it. Checks everything but the origin; changes nothing on an error.
	pub fn do_place(
		owner: T::AccountId,
		market: Market,
		side: Side,
		price: Price,
		amount: Amount,
		standing: bool,
	) -> Result<Placed, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(!price.is_zero(), Error::<T>::ZeroPrice);
		ensure!(math::fillable(side, amount, price), Error::<T>::AmountTooSmall);
		Self::ensure_active(&market)?;
		let band = market.banded().and_then(PriceBands::<T>::get);
		if let Some(band) = band {
			ensure!(band.contains(price), Error::<T>::OutsideBand);
		}
		let id = NextOrderId::<T>::get();
		NextOrderId::<T>::put(id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?);

		let mut taker =
			Order { owner, market, side, price, remaining: amount, deposit: 0, standing };
		Self::take(&taker, amount)?;
		Self::deposit_event(Event::OrderPlaced {
			id,
			owner: taker.owner.clone(),
			give: market.gives(side),
			get: market.gets(side),
			amount,
			price,
		});

		// Trade with the best resting orders of the other side.
		let book_key = (market, side.opposite());
		let mut book = Books::<T>::get(book_key);
		let mut fills = 0u32;
		while fills < T::MaxFills::get() && math::fillable(side, taker.remaining, price) {
			let Some(&(maker_price, maker_id)) = book.first() else { break };
			if !side.crosses(price, maker_price) {
				break;
			}
			let Some(mut maker) = Orders::<T>::get(maker_id) else {
				// A book entry without its order cannot be (an invariant); drop it.
				book.remove(0);
				continue;
			};
			if band.is_some_and(|band| !band.contains(maker_price)) {
				fills = fills.saturating_add(1);
				book.remove(0);
				Self::close(maker_id, maker, Some(CloseReason::OutsideBand))?;
				continue;
			}
			ensure!(maker.owner != taker.owner, Error::<T>::SelfMatch);
			let (ask, bid) = match side {
				Side::Bid => (maker.remaining, taker.remaining),
				Side::Ask => (taker.remaining, maker.remaining),
			};
			let Some(fill) = math::fill(ask, bid, maker_price, maker.side) else { break };
			fills = fills.saturating_add(1);
			Self::settle(id, &mut taker, maker_id, &mut maker, fill)?;
			if math::fillable(maker.side, maker.remaining, maker.price) {
				Orders::<T>::insert(maker_id, maker);
			} else {
				book.remove(0);
				let reason = if maker.remaining.is_zero() {
					CloseReason::Filled
				} else {
					CloseReason::Unfillable
				};
				Self::close(maker_id, maker, Some(reason))?;
			}
		}
		Books::<T>::insert(book_key, book);

		// Rest what is left, or close it.
		if !math::fillable(side, taker.remaining, price) {
			let reason = if taker.remaining.is_zero() {
				CloseReason::Filled
			} else {
				CloseReason::Unfillable
			};
			Self::close(id, taker, Some(reason))?;
			return Ok(Placed { id, fills, rests: false });
		}
		Self::rest(id, taker)?;
		Ok(Placed { id, fills, rests: true })
	}

	/// Puts an order on its book, behind the orders at its price; when the book is full, the
	/// worst order makes way for a better-priced one (or for a standing order).
	fn rest(id: OrderId, mut order: OrderOf<T>) -> DispatchResult {
		let key = (order.market, order.side);
		let mut book = Books::<T>::get(key);
		if book.is_full() {
			// The worst order that is not a standing one (a side holds at most one).
			let mut victim = None;
			for (at, &(worst_price, worst_id)) in book.iter().enumerate().rev().take(2) {
				match Orders::<T>::get(worst_id) {
					Some(worst) if worst.standing => continue,
					worst => {
						victim = Some((at, worst_price, worst_id, worst));
						break;
					},
				}
			}
			let Some((at, worst_price, worst_id, worst)) = victim else {
				return Err(Error::<T>::BookFull.into());
			};
			ensure!(
				order.standing || order.side.better(order.price, worst_price),
				Error::<T>::BookFull
			);
			book.remove(at);
			if let Some(worst) = worst {
				Self::close(worst_id, worst, Some(CloseReason::Evicted))?;
			}
		}
		let side = order.side;
		let at = book.partition_point(|(price, _)| !side.better(order.price, *price));
		book.try_insert(at, (order.price, id)).map_err(|_| Error::<T>::BookFull)?;
		if !order.standing {
			let deposit = T::OrderDeposit::get();
			if !deposit.is_zero() {
				T::Currency::hold(&HoldReason::OrderDeposit.into(), &order.owner, deposit)?;
			}
			order.deposit = deposit;
		}
		Books::<T>::insert(key, book);
		Orders::<T>::insert(id, order);
		Ok(())
	}

	/// Takes `id` off its book and closes it (`reason` `None`: cancelled by its owner).
	fn unbook(id: OrderId, order: OrderOf<T>, reason: Option<CloseReason>) -> DispatchResult {
		Books::<T>::mutate((order.market, order.side), |book| {
			book.retain(|(_, entry)| *entry != id);
		});
		Self::close(id, order, reason)
	}

	/// Cancels `who`'s resting order `id`. Does not check the origin.
	pub fn do_cancel(who: T::AccountId, id: OrderId) -> DispatchResult {
		let order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		ensure!(order.owner == who && !order.standing, Error::<T>::NotOwner);
		Self::unbook(id, order, None)
	}

	/// Closes `coop`'s standing orders (their funds go back where they came from).
	fn close_standing(coop: CoopId) -> DispatchResult {
		let standing = Standing::<T>::take(coop);
		for id in [standing.sell, standing.buy].into_iter().flatten() {
			if let Some(order) = Orders::<T>::get(id) {
				Self::unbook(id, order, Some(CloseReason::Replaced))?;
			}
		}
		Ok(())
	}

	/// Sets `coop`'s band and closes its standing orders. Does not check the origin.
	pub fn do_set_price_band(coop: CoopId, floor: Price, ceiling: Price) -> DispatchResult {
		ensure!(T::Cooperatives::params(coop).is_some(), Error::<T>::UnknownCooperative);
		ensure!(!floor.is_zero() && floor <= ceiling, Error::<T>::InvalidBand);
		Self::close_standing(coop)?;
		PriceBands::<T>::insert(coop, PriceBand { floor, ceiling });
		Self::deposit_event(Event::PriceBandSet { coop, floor, ceiling });
		Ok(())
	}

	/// Replaces `coop`'s standing orders; returns how many resting orders they traded with.
	/// Does not check the origin.
	pub fn do_set_standing_orders(
		coop: CoopId,
		sell: Amount,
		buy: Amount,
	) -> Result<u32, DispatchError> {
		let band = PriceBands::<T>::get(coop).ok_or(Error::<T>::NoPriceBand)?;
		let market = Market { base: AssetKind::Credit(coop), quote: AssetKind::Native };
		Self::ensure_active(&market)?;
		Self::close_standing(coop)?;
		let account = T::Cooperatives::account(coop);
		let mut standing = StandingOrders::default();
		let mut fills = 0u32;
		if !sell.is_zero() {
			let placed =
				Self::do_place(account.clone(), market, Side::Ask, band.ceiling, sell, true)?;
			fills = fills.saturating_add(placed.fills);
			standing.sell = placed.rests.then_some(placed.id);
		}
		if !buy.is_zero() {
			let placed = Self::do_place(account, market, Side::Bid, band.floor, buy, true)?;
			fills = fills.saturating_add(placed.fills);
			standing.buy = placed.rests.then_some(placed.id);
		}
		Standing::<T>::insert(coop, standing);
		Self::deposit_event(Event::StandingOrdersSet {
			coop,
			sell: standing.sell,
			buy: standing.buy,
		});
		Ok(fills)
	}

	/// The resting orders giving `give` for `get`, best first, at most `depth` (runtime API).
	pub fn order_book(give: AssetKind, get: AssetKind, depth: u32) -> Vec<BookEntry<T::AccountId>> {
		let Some((market, side)) = Market::of(give, get) else { return Vec::new() };
		let depth = usize::try_from(depth).unwrap_or(usize::MAX);
		Books::<T>::get((market, side))
			.into_iter()
			.take(depth)
			.filter_map(|(price, id)| {
				Orders::<T>::get(id).map(|order| BookEntry {
					id,
					owner: order.owner,
					price,
					remaining: order.remaining,
					standing: order.standing,
				})
			})
			.collect()
	}

	/// What an order giving `amount` of `give` for `get` at any price would trade now, within
	/// `MaxFills` and the band (runtime API). Resting orders outside the band count as fills, as
	/// placing the order would close them.
	pub fn quote(give: AssetKind, get: AssetKind, amount: Amount) -> ExchangeQuote {
		let mut quote = ExchangeQuote::default();
		let Some((market, side)) = Market::of(give, get) else { return quote };
		let band = market.banded().and_then(PriceBands::<T>::get);
		let mut remaining = amount;
		for (price, id) in Books::<T>::get((market, side.opposite())) {
			if quote.fills >= T::MaxFills::get() || remaining.is_zero() {
				break;
			}
			quote.fills = quote.fills.saturating_add(1);
			if band.is_some_and(|band| !band.contains(price)) {
				continue;
			}
			let Some(maker) = Orders::<T>::get(id) else { continue };
			let (ask, bid) = match side {
				Side::Bid => (maker.remaining, remaining),
				Side::Ask => (remaining, maker.remaining),
			};
			let Some(fill) = math::fill(ask, bid, price, maker.side) else {
				quote.fills = quote.fills.saturating_sub(1);
				break;
			};
			let (gives, gets) = match side {
				Side::Bid => (fill.quote, fill.base),
				Side::Ask => (fill.base, fill.quote),
			};
			let fee = Self::fee(market.gets(side), gets);
			remaining = remaining.saturating_sub(gives);
			quote.spent = quote.spent.saturating_add(gives);
			quote.received = quote.received.saturating_add(gets.saturating_sub(fee));
			quote.fee = quote.fee.saturating_add(fee);
		}
		quote
	}

	/// The invariants of this pallet's storage (iterates over all of it: for tests and
	/// try-runtime, never for a call).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;

		let mut booked = 0usize;
		for ((market, side), book) in Books::<T>::iter() {
			for pair in book.windows(2) {
				let [first, second] = pair else { continue };
				ensure!(
					side.better(first.0, second.0) || (first.0 == second.0 && first.1 < second.1),
					"a book is not sorted best first"
				);
			}
			for (price, id) in book.iter() {
				let order = Orders::<T>::get(id).ok_or("a book entry without its order")?;
				ensure!(
					order.market == market && order.side == side && order.price == *price,
					"a book entry differs from its order"
				);
			}
			booked = booked.saturating_add(book.len());
		}
		let next = NextOrderId::<T>::get();
		let mut native: BTreeMap<T::AccountId, Amount> = BTreeMap::new();
		let mut deposits: BTreeMap<T::AccountId, Amount> = BTreeMap::new();
		let mut credit: BTreeMap<(CoopId, T::AccountId), Amount> = BTreeMap::new();
		let mut earmarks: BTreeMap<CoopId, Amount> = BTreeMap::new();
		let mut orders = 0usize;
		for (id, order) in Orders::<T>::iter() {
			orders = orders.saturating_add(1);
			ensure!(id < next, "an order's id is not below NextOrderId");
			ensure!(!order.price.is_zero(), "a resting order has a zero price");
			ensure!(
				math::fillable(order.side, order.remaining, order.price),
				"a resting order cannot trade"
			);
			let add = |sum: &mut Amount, amount| *sum = sum.saturating_add(amount);
			match order.market.gives(order.side) {
				AssetKind::Credit(coop) => {
					add(credit.entry((coop, order.owner.clone())).or_default(), order.remaining)
				},
				AssetKind::Native if order.standing => add(
					earmarks
						.entry(order.market.banded().ok_or("a standing order off its market")?)
						.or_default(),
					order.remaining,
				),
				AssetKind::Native => {
					add(native.entry(order.owner.clone()).or_default(), order.remaining)
				},
			}
			if order.standing {
				let coop = order.market.banded().ok_or("a standing order off its market")?;
				ensure!(order.deposit.is_zero(), "a standing order holds a deposit");
				ensure!(
					order.owner == T::Cooperatives::account(coop),
					"a standing order is not its cooperative's"
				);
				let band = PriceBands::<T>::get(coop).ok_or("a standing order without a band")?;
				let standing = Standing::<T>::get(coop);
				let (listed, edge) = match order.side {
					Side::Ask => (standing.sell, band.ceiling),
					Side::Bid => (standing.buy, band.floor),
				};
				ensure!(listed == Some(id), "a standing order is not listed");
				ensure!(order.price == edge, "a standing order is off its band's edge");
			} else {
				add(deposits.entry(order.owner.clone()).or_default(), order.deposit);
			}
		}
		ensure!(orders == booked, "the books and the orders differ");
		for (who, amount) in native {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Offer.into(), &who) == amount,
				"native held differs from the resting orders'"
			);
		}
		for (who, amount) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::OrderDeposit.into(), &who) == amount,
				"deposits held differ from the resting orders'"
			);
		}
		for ((coop, who), amount) in credit {
			ensure!(
				T::Credit::offered(coop, &who) == amount,
				"credit on offer differs from the resting orders'"
			);
		}
		for (coop, standing) in Standing::<T>::iter() {
			let buying = earmarks.get(&coop).copied().unwrap_or_default();
			ensure!(
				T::Reserve::earmarked(coop) == buying,
				"a reserve's earmark differs from its standing buy order"
			);
			for id in [standing.sell, standing.buy].into_iter().flatten() {
				ensure!(
					Orders::<T>::get(id).is_some_and(|order| order.standing),
					"a listed standing order does not rest"
				);
			}
		}
		Ok(())
	}
}
