//! Matching: the one walk over a book that both placing an order and quoting one use.
//!
//! [`Pallet::plan`] reads the best resting orders of the other side, changing nothing, and
//! returns a [`Plan`]: which resting orders the arriving order trades with (how much each side
//! gives, the fee), which it closes because their price is outside the band, which book
//! entries it drops because their order is missing, and why it goes no further ([`Stop`]).
//! [`Pallet::do_place`] applies the plan (refusing it if it stops at the owner's own order);
//! [`Pallet::quote`] sums it. So a quote and the trade it describes never disagree.
//!
//! The walk, for an order of `side` with `remaining` left, at each step looks at the best
//! resting order of the other side and stops when
//! 1. it traded with or closed `MaxFills` resting orders ([`Stop::MaxFills`]);
//! 2. the book is empty, or the best order's price is beyond its [`Limit`] (or, for
//!    [`Limit::Any`], beyond the band) ([`Stop::OutOfReach`]);
//! 3. what is left cannot trade one lot at its limit ([`Stop::Exhausted`]);
//! 4. the best order is its owner's own ([`Stop::SelfMatch`]);
//! 5. not one lot would trade at the resting order's price, or the fee would take everything
//!    the arriving order receives from it ([`Stop::TooSmall`]). The walk never passes over a
//!    better-priced order to trade with a worse one.
//!
//! Otherwise it drops the entry of a missing order (no fill), closes an order outside the band
//! (one fill), or trades the most whole lots it can at the resting order's price, exactly
//! ([`math::fill`]; one fill). A sale to a cooperative's standing buy order (either way round)
//! is a redemption paid from its reserve: it sells no more than the seller's `Commons`
//! entitlement (credit it earned by its own work and still holds,
//! [`RedeemableCredit::entitlement`]), which the sale uses up; a seller with none left is
//! passed over ([`Step::PassOver`], one fill), and the walk goes on to the next order. Because a trade is exact at the resting order's price, how far
//! the arriving order's limit lies beyond that price never changes the fill it makes with a
//! resting order it reaches: the limit decides only which resting orders it reaches (and, for a
//! bid, when what is left is too little to go on). A resting order that can still trade one lot
//! afterwards stays first: the walk looks at it again (and stops there).

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use confoederatio_primitives::ExchangeQuote;
use frame_support::traits::tokens::{DepositConsequence, Provenance};

/// How far an arriving order reaches into the other side's book.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Limit {
	/// A placed order's limit price.
	At(Price),
	/// Any price the band allows: a quote's. It reaches each resting order at the least
	/// aggressive price that still crosses it, inside the band.
	Any,
}

impl Limit {
	/// The limit at which an order of `side` reaches a resting order at `resting`: its own price
	/// if that crosses it; for [`Limit::Any`], the resting price moved into `band`. `None`: out
	/// of reach.
	pub fn reaching(self, side: Side, resting: Price, band: Option<PriceBand>) -> Option<Price> {
		let limit = match self {
			Limit::At(limit) => limit,
			Limit::Any => band.map_or(resting, |band| band.clamp(resting)),
		};
		side.crosses(limit, resting).then_some(limit)
	}
}

/// What the walk does at one resting order, in book order.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Step<AccountId> {
	/// Trades `fill` with the resting order `id` (as it is before this trade), exactly at its
	/// price; `fee` of what the arriving order receives goes to the federation's account (less
	/// than all of it).
	Trade {
		/// The resting order.
		id: OrderId,
		/// It, before the trade.
		maker: Order<AccountId>,
		/// What the two orders trade.
		fill: math::Fill,
		/// The fee, in units of what the arriving order gets.
		fee: Amount,
	},
	/// Closes the resting order `id`, which can never trade: its price is outside its market's
	/// band (`OutsideBand`), or all it has left is so little that the fee would take everything
	/// a taker receives from it (`Unfillable`: a dust order must not stop every walk that
	/// reaches it).
	Close {
		/// The resting order.
		id: OrderId,
		/// It.
		maker: Order<AccountId>,
		/// Why it closes.
		reason: CloseReason,
	},
	/// Passes over the resting order `id`, which stays on the book for other orders: the two
	/// orders are a sale to a cooperative's standing buy order, and the seller has no earned
	/// credit left to sell it (a sale to the standing buy order is a redemption). Costs one
	/// fill (the walk read the order and the seller's entitlement).
	PassOver {
		/// The resting order.
		id: OrderId,
	},
	/// Drops the book entry of `id`, whose order is missing (`do_try_state` rules this out);
	/// costs no fill.
	DropMissing {
		/// The entry's order id.
		id: OrderId,
	},
}

/// Why the walk went no further.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Stop {
	/// It traded with or closed `MaxFills` resting orders.
	MaxFills,
	/// No resting order is left within its limit (or the band).
	OutOfReach,
	/// What is left of the arriving order cannot trade one lot at its limit.
	Exhausted,
	/// The best resting order is the arriving order's owner's: the order is refused.
	SelfMatch,
	/// Not one lot would trade with the best resting order at its price, or the fee would take
	/// everything the arriving order receives from it.
	TooSmall,
}

/// An arriving order's walk over the other side's book ([`Pallet::plan`]).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Plan<AccountId> {
	/// The arriving order's side.
	pub side: Side,
	/// What it does to the best resting orders, in book order.
	pub steps: Vec<Step<AccountId>>,
	/// Why it goes no further.
	pub stop: Stop,
}

impl<AccountId> Plan<AccountId> {
	/// How many resting orders it trades with or closes (what `MaxFills` bounds).
	pub fn fills(&self) -> u32 {
		self.steps.iter().fold(0u32, |fills, step| match step {
			Step::DropMissing { .. } => fills,
			_ => fills.saturating_add(1),
		})
	}

	/// What it trades, as a quote reports it; nothing if the order is refused.
	pub fn quote(&self) -> ExchangeQuote {
		let mut quote = ExchangeQuote::default();
		if self.stop == Stop::SelfMatch {
			return quote;
		}
		for step in &self.steps {
			if let Step::Trade { fill, fee, .. } = step {
				let received = fill.given_by(self.side.opposite()).saturating_sub(*fee);
				quote.spent = quote.spent.saturating_add(fill.given_by(self.side));
				quote.received = quote.received.saturating_add(received);
				quote.fee = quote.fee.saturating_add(*fee);
			}
		}
		quote.fills = self.fills();
		quote
	}
}

impl<T: Config> Pallet<T> {
	/// Ensures every cooperative whose credit `market` trades is active.
	pub(crate) fn ensure_active(market: &Market) -> DispatchResult {
		for coop in market.coops() {
			T::Cooperatives::ensure_active(coop).map_err(Error::<T>::from)?;
		}
		Ok(())
	}

	/// The walk of an order of `side` in `market` offering `amount`, up to `limit`, over the
	/// other side's book, changing nothing. `taker`: the order's owner, whose own resting
	/// orders stop it and whose entitlement a sale to a standing buy order uses;
	/// `buys_back`: the cooperative whose standing buy order the arriving order is, if it is.
	pub fn plan(
		taker: &T::AccountId,
		buys_back: Option<CoopId>,
		market: Market,
		side: Side,
		limit: Limit,
		amount: Amount,
	) -> Plan<T::AccountId> {
		let band = market.banded_by().and_then(PriceBands::<T>::get);
		let gets = market.gets(side);
		let mut entries = Books::<T>::get((market, side.opposite())).into_iter().peekable();
		let (mut remaining, mut fills, mut native_fees) = (amount, 0u32, 0);
		// What each seller to a standing buy order may still sell it in this walk.
		let mut entitled = BTreeMap::<T::AccountId, Amount>::new();
		// The first resting order as a trade left it, while it can still trade.
		let mut traded: Option<OrderOf<T>> = None;
		let mut steps = Vec::new();
		let stop = loop {
			if fills >= T::MaxFills::get() {
				break Stop::MaxFills;
			}
			let Some(&(price, id)) = entries.peek() else { break Stop::OutOfReach };
			let Some(reach) = limit.reaching(side, price, band) else { break Stop::OutOfReach };
			if !math::fillable(side, remaining, reach) {
				break Stop::Exhausted;
			}
			let Some(maker) = traded.take().or_else(|| Orders::<T>::get(id)) else {
				steps.push(Step::DropMissing { id });
				entries.next();
				continue;
			};
			if band.is_some_and(|band| !band.contains(price)) {
				fills = fills.saturating_add(1);
				steps.push(Step::Close { id, maker, reason: CloseReason::OutsideBand });
				entries.next();
				continue;
			}
			if *taker == maker.owner {
				break Stop::SelfMatch;
			}
			let (mut ask, bid) = match side {
				Side::Bid => (maker.remaining, remaining),
				Side::Ask => (remaining, maker.remaining),
			};
			// A sale to a standing buy order: the seller sells only what it earned.
			let (seller, buyer_buys_back) = match side {
				Side::Bid => (&maker.owner, buys_back),
				Side::Ask => (taker, maker.buys_back()),
			};
			let sale = buyer_buys_back.map(|coop| {
				entitled.entry(seller.clone()).or_insert_with(|| {
					T::Ledger::entitlement(coop, seller, WorkCategory::Commons)
				})
			});
			let capped = match &sale {
				Some(entitlement) if **entitlement < ask => {
					ask = **entitlement;
					true
				},
				_ => false,
			};
			let fill = math::fill(ask, bid, price);
			let fee = fill.map(|fill| Self::fee(gets, fill.given_by(maker.side), native_fees));
			let (Some(fill), Some(fee)) = (fill, fee) else {
				if capped {
					fills = fills.saturating_add(1);
					steps.push(Step::PassOver { id });
					entries.next();
					continue;
				}
				break Stop::TooSmall;
			};
			let maker_gives = fill.given_by(maker.side);
			if math::after_fee(maker_gives, fee).is_none() {
				if capped {
					fills = fills.saturating_add(1);
					steps.push(Step::PassOver { id });
					entries.next();
					continue;
				}
				if maker_gives < maker.remaining {
					// The arriving order's own remainder is what is too small.
					break Stop::TooSmall;
				}
				// All the resting order has left would go to the fee: it can never trade.
				fills = fills.saturating_add(1);
				steps.push(Step::Close { id, maker, reason: CloseReason::Unfillable });
				entries.next();
				continue;
			}
			fills = fills.saturating_add(1);
			if gets == AssetKind::Native {
				native_fees = native_fees.saturating_add(fee);
			}
			if let Some(entitlement) = sale {
				*entitlement = entitlement.saturating_sub(fill.base);
			}
			remaining = remaining.saturating_sub(fill.given_by(side));
			let mut after = maker.clone();
			after.remaining = after.remaining.saturating_sub(maker_gives);
			steps.push(Step::Trade { id, maker, fill, fee });
			if after.can_trade() && !capped {
				traded = Some(after);
			} else {
				// Done with it: it is filled, or the seller sold it all the earned credit it had
				// (it stays on the book for others).
				entries.next();
			}
		};
		Plan { side, steps, stop }
	}

	/// The fee on `received` of `asset` ([`math::fee_on`], rounded up), when this order already
	/// paid `native_fees_before` to the federation's account: zero in native units that account
	/// could not receive (it would stay below the existential deposit).
	fn fee(asset: AssetKind, received: Amount, native_fees_before: Amount) -> Amount {
		let fee = math::fee_on(received, T::TradeFee::get());
		if asset == AssetKind::Native && !fee.is_zero() {
			// The fees this order paid before are on the account by the time it pays this one.
			let total = native_fees_before.saturating_add(fee);
			let deposit =
				T::Currency::can_deposit(&T::FeeAccount::get(), total, Provenance::Extant);
			if deposit != DepositConsequence::Success {
				return 0;
			}
		}
		fee
	}

	/// Places an order of `owner` (a standing order of its cooperative if `standing`): holds
	/// what it offers, applies its [`Plan`], then rests what is left or closes it. Checks
	/// everything but the origin; an error leaves changes for the caller's storage layer to undo
	/// (every call has one).
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
		if let Some(band) = market.banded_by().and_then(PriceBands::<T>::get) {
			ensure!(band.contains(price), Error::<T>::OutsideBand);
		}
		let id = NextOrderId::<T>::get();
		NextOrderId::<T>::put(id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?);

		let mut taker = Order {
			owner: owner.clone(),
			market,
			side,
			price,
			remaining: amount,
			deposit: 0,
			depositor: owner,
			standing,
		};
		Self::choose_depositor(&mut taker);
		Self::hold_offer(&taker, amount)?;
		Self::deposit_event(Event::OrderPlaced {
			id,
			owner: taker.owner.clone(),
			give: taker.gives(),
			get: taker.gets(),
			amount,
			price,
		});

		let plan = Self::plan(
			&taker.owner,
			taker.buys_back(),
			market,
			side,
			Limit::At(price),
			amount,
		);
		ensure!(plan.stop != Stop::SelfMatch, Error::<T>::SelfMatch);
		let fills = plan.fills();
		Self::apply(id, &mut taker, plan.steps)?;

		if !taker.can_trade() {
			let reason = taker.closing_reason();
			Self::forget_depositor(&taker);
			Self::close(id, taker, Some(reason))?;
			return Ok(Placed { id, fills, rests: false });
		}
		Self::rest(id, taker)?;
		Ok(Placed { id, fills, rests: true })
	}

	/// Applies a plan's steps for the arriving order `taker_id`: trades, closes the resting
	/// orders that leave, and takes them off the front of their book.
	fn apply(
		taker_id: OrderId,
		taker: &mut OrderOf<T>,
		steps: Vec<Step<T::AccountId>>,
	) -> DispatchResult {
		let key = (taker.market, taker.side.opposite());
		// The resting orders that leave the book: all of the front of it, but those passed over.
		let mut left = Vec::new();
		for step in steps {
			match step {
				Step::PassOver { .. } => {},
				Step::DropMissing { id } => left.push(id),
				Step::Close { id, maker, reason } => {
					left.push(id);
					Self::close(id, maker, Some(reason))?;
				},
				Step::Trade { id, mut maker, fill, fee } => {
					Self::settle(taker_id, taker, id, &mut maker, fill, fee)?;
					if maker.can_trade() {
						Orders::<T>::insert(id, maker);
					} else {
						left.push(id);
						let reason = maker.closing_reason();
						Self::close(id, maker, Some(reason))?;
					}
				},
			}
		}
		if !left.is_empty() {
			let book = Books::<T>::get(key)
				.into_iter()
				.filter(|(_, id)| !left.contains(id))
				.collect::<Vec<_>>();
			Books::<T>::insert(key, BookOf::<T>::truncate_from(book));
		}
		Ok(())
	}

	/// One trade between the arriving `taker` and the resting `maker` (ids for the event), at
	/// the maker's price: the maker pays the taker (less `fee`, to the federation's account),
	/// the taker pays the maker.
	fn settle(
		taker_id: OrderId,
		taker: &mut OrderOf<T>,
		maker_id: OrderId,
		maker: &mut OrderOf<T>,
		fill: math::Fill,
		fee: Amount,
	) -> DispatchResult {
		let (taker_gives, maker_gives) = (fill.given_by(taker.side), fill.given_by(maker.side));
		// A sale to a standing buy order uses the seller's entitlement first.
		if let Some(coop) = maker.buys_back().or(taker.buys_back()) {
			let seller = if maker.side == Side::Ask { &maker.owner } else { &taker.owner };
			T::Ledger::use_entitlement(coop, seller, WorkCategory::Commons, fill.base)?;
		}
		let net = maker_gives.saturating_sub(fee);
		Self::pay_from_offer(maker, &Self::proceeds_account(taker), net)?;
		Self::proceeds_arrived(taker, net)?;
		Self::pay_fee(maker, fee)?;
		Self::pay_from_offer(taker, &Self::proceeds_account(maker), taker_gives)?;
		Self::proceeds_arrived(maker, taker_gives)?;
		maker.remaining = maker.remaining.checked_sub(maker_gives).ok_or(Error::<T>::Overflow)?;
		taker.remaining = taker.remaining.checked_sub(taker_gives).ok_or(Error::<T>::Overflow)?;
		Self::deposit_event(Event::Trade {
			maker_order: maker_id,
			taker_order: taker_id,
			maker: maker.owner.clone(),
			taker: taker.owner.clone(),
			base: taker.market.base,
			quote: taker.market.quote,
			base_amount: fill.base,
			quote_amount: fill.quote,
			price: maker.price,
			fee,
		});
		Ok(())
	}

	/// What an order of `who` giving `amount` of `give` for `get` would trade now (runtime
	/// API): the [`Plan`] of [`Limit::Any`], summed (nothing if `who`'s own order is in the
	/// way). See [`confoederatio_primitives::ExchangeQuote`] and
	/// the crate doc for what "the same order" is.
	pub fn quote(
		who: &T::AccountId,
		give: AssetKind,
		get: AssetKind,
		amount: Amount,
	) -> ExchangeQuote {
		let Some((market, side)) = Market::of(give, get) else { return ExchangeQuote::default() };
		if Self::ensure_active(&market).is_err() {
			return ExchangeQuote::default();
		}
		Self::plan(who, None, market, side, Limit::Any, amount).quote()
	}
}
