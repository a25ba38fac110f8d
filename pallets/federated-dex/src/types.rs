//! The records this pallet keeps, and the rules that belong to them: one definition each, used
//! by the calls, the matching plan, `do_try_state` and the runtime API alike.

use crate::math;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use confoederatio_primitives::{AssetKind, CoopId, OrderId, Price};
use scale_info::TypeInfo;
use sp_runtime::traits::Zero;

/// An amount of any asset, in its smallest unit.
pub type Amount = u128;

/// Which way an order trades in its market.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Side {
	/// Buys the base asset, offering the quote asset.
	Bid,
	/// Sells the base asset for the quote asset.
	Ask,
}

impl Side {
	/// The side an order of this side trades against.
	pub fn opposite(self) -> Self {
		match self {
			Side::Bid => Side::Ask,
			Side::Ask => Side::Bid,
		}
	}

	/// Whether a book entry at `price` stands before one at `other` on this side: lower asks and
	/// higher bids come first.
	pub fn better(self, price: Price, other: Price) -> bool {
		match self {
			Side::Ask => price < other,
			Side::Bid => price > other,
		}
	}

	/// Whether an order of this side at `limit` trades with a resting order at `resting`.
	pub fn crosses(self, limit: Price, resting: Price) -> bool {
		match self {
			Side::Bid => resting <= limit,
			Side::Ask => resting >= limit,
		}
	}
}

/// A market: two assets, one of them quoted in the other. A credit trades against the native
/// token (the quote); two credits trade with the lower-numbered cooperative's as the base.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Market {
	/// What is bought and sold.
	pub base: AssetKind,
	/// What it is priced in.
	pub quote: AssetKind,
}

impl Market {
	/// The market an order giving `give` for `get` trades in, and its side there; `None` if the
	/// two assets are the same (or both native).
	pub fn of(give: AssetKind, get: AssetKind) -> Option<(Market, Side)> {
		use AssetKind::*;
		match (give, get) {
			(Credit(coop), Native) => Some((Market::against_native(coop), Side::Ask)),
			(Native, Credit(coop)) => Some((Market::against_native(coop), Side::Bid)),
			(Credit(a), Credit(b)) if a < b => {
				Some((Market { base: Credit(a), quote: Credit(b) }, Side::Ask))
			},
			(Credit(a), Credit(b)) if a > b => {
				Some((Market { base: Credit(b), quote: Credit(a) }, Side::Bid))
			},
			_ => None,
		}
	}

	/// `coop`'s credit against the native token: the market its band governs.
	pub fn against_native(coop: CoopId) -> Market {
		Market { base: AssetKind::Credit(coop), quote: AssetKind::Native }
	}

	/// What an order of `side` gives.
	pub fn gives(&self, side: Side) -> AssetKind {
		match side {
			Side::Ask => self.base,
			Side::Bid => self.quote,
		}
	}

	/// What an order of `side` gets.
	pub fn gets(&self, side: Side) -> AssetKind {
		self.gives(side.opposite())
	}

	/// The cooperative whose price band governs this market: the base's, when the quote is the
	/// native token.
	pub fn banded_by(&self) -> Option<CoopId> {
		match (self.base, self.quote) {
			(AssetKind::Credit(coop), AssetKind::Native) => Some(coop),
			_ => None,
		}
	}

	/// The cooperatives whose credit this market trades, base first.
	pub fn coops(&self) -> impl Iterator<Item = CoopId> {
		[self.base, self.quote].into_iter().filter_map(|asset| match asset {
			AssetKind::Credit(coop) => Some(coop),
			AssetKind::Native => None,
		})
	}
}

/// A resting order.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Order<AccountId> {
	/// Who placed it: a signer, or a cooperative's account for its standing orders.
	pub owner: AccountId,
	/// Its market.
	pub market: Market,
	/// Its side there.
	pub side: Side,
	/// Its limit price: quote per base.
	pub price: Price,
	/// What it still offers (base for an ask, quote for a bid), held while it rests.
	pub remaining: Amount,
	/// The native deposit held from `depositor` for its place on the book (none for standing
	/// orders, nor for an order that has not rested yet).
	pub deposit: Amount,
	/// Who holds the deposit, and gets it back when the order leaves the book: `owner`, or the
	/// account of the cooperative [`Order::deposit_coop`] names if `owner` could not pay it
	/// (`Config::DepositPayer`); `owner` while no deposit is held.
	pub depositor: AccountId,
	/// Whether it is its cooperative's standing order: credit it sells is newly issued, native
	/// it pays is set aside in the cooperative's reserve.
	pub standing: bool,
}

/// Where what an order offers is held while it rests ([`Order::custody`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Custody {
	/// The owner's credit of this cooperative, on offer in the ledger.
	Credit(CoopId),
	/// Native units this cooperative's reserve set aside (earmarked) for its standing buy order.
	Reserve(CoopId),
	/// The owner's native units, on hold (`HoldReason::Offer`).
	Hold,
}

impl<AccountId> Order<AccountId> {
	/// What it gives.
	pub fn gives(&self) -> AssetKind {
		self.market.gives(self.side)
	}

	/// What it gets.
	pub fn gets(&self) -> AssetKind {
		self.market.gets(self.side)
	}

	/// Whether what is left can still trade one whole lot at its price
	/// ([`math::fillable`]): an order rests only while it can.
	pub fn can_trade(&self) -> bool {
		math::fillable(self.side, self.remaining, self.price)
	}

	/// Why it leaves the book once it cannot trade: everything traded, or too little left.
	pub fn closing_reason(&self) -> CloseReason {
		if self.remaining.is_zero() {
			CloseReason::Filled
		} else {
			CloseReason::Unfillable
		}
	}

	/// The cooperative asked who holds its deposit (`Config::DepositPayer`): the one whose
	/// credit it gives, else the one whose credit it gets (a member buying its cooperative's
	/// credit with native units). `None` only for a market without credit, which
	/// [`Market::of`] never makes.
	pub fn deposit_coop(&self) -> Option<CoopId> {
		match (self.gives(), self.gets()) {
			(AssetKind::Credit(coop), _) | (AssetKind::Native, AssetKind::Credit(coop)) => {
				Some(coop)
			},
			(AssetKind::Native, AssetKind::Native) => None,
		}
	}

	/// The cooperative whose standing order it is; `None` for any other order.
	pub fn standing_coop(&self) -> Option<CoopId> {
		self.standing.then(|| self.market.banded_by()).flatten()
	}

	/// Where what it offers is held: credit in the ledger, a standing buy order's native units
	/// in its cooperative's reserve, anyone else's native units on hold.
	pub fn custody(&self) -> Custody {
		match (self.gives(), self.standing_coop()) {
			(AssetKind::Credit(coop), _) => Custody::Credit(coop),
			(AssetKind::Native, Some(coop)) => Custody::Reserve(coop),
			(AssetKind::Native, None) => Custody::Hold,
		}
	}

	/// The cooperative whose credit it buys back with its reserve, if it is that cooperative's
	/// standing buy order: a sale to it is a redemption, of earned credit only.
	pub fn buys_back(&self) -> Option<CoopId> {
		match self.custody() {
			Custody::Reserve(coop) => Some(coop),
			_ => None,
		}
	}

	/// The cooperative whose reserve receives what it gets (a standing sell order's native
	/// units); `None`: its owner does.
	pub fn proceeds_reserve(&self) -> Option<CoopId> {
		(self.gets() == AssetKind::Native).then(|| self.standing_coop()).flatten()
	}
}

/// The prices a cooperative's credit may trade at against the native token.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct PriceBand {
	/// The lowest price (native per unit of credit).
	pub floor: Price,
	/// The highest price.
	pub ceiling: Price,
}

impl PriceBand {
	/// The band from `floor` to `ceiling`, if it is one: `0 < floor ≤ ceiling`.
	pub fn new(floor: Price, ceiling: Price) -> Option<Self> {
		(!floor.is_zero() && floor <= ceiling).then_some(PriceBand { floor, ceiling })
	}

	/// Whether `price` is inside the band (edges included).
	pub fn contains(&self, price: Price) -> bool {
		self.floor <= price && price <= self.ceiling
	}

	/// The price inside the band nearest to `price`.
	pub fn clamp(&self, price: Price) -> Price {
		price.max(self.floor).min(self.ceiling)
	}

	/// Where the cooperative's standing order of `side` rests: it sells at the ceiling and buys
	/// at the floor.
	pub fn edge(&self, side: Side) -> Price {
		match side {
			Side::Ask => self.ceiling,
			Side::Bid => self.floor,
		}
	}
}

/// A cooperative's standing orders at the edges of its band.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct StandingOrders {
	/// Selling newly issued credit at the ceiling.
	pub sell: Option<OrderId>,
	/// Buying credit back at the floor, paid from the reserve.
	pub buy: Option<OrderId>,
}

impl StandingOrders {
	/// The standing order of `side`: the sell order asks, the buy order bids.
	pub fn of(&self, side: Side) -> Option<OrderId> {
		match side {
			Side::Ask => self.sell,
			Side::Bid => self.buy,
		}
	}

	/// Both orders' ids, sell first.
	pub fn ids(&self) -> impl Iterator<Item = OrderId> {
		[self.sell, self.buy].into_iter().flatten()
	}

	/// Forgets `id`, which left the book.
	pub fn forget(&mut self, id: OrderId) {
		for listed in [&mut self.sell, &mut self.buy] {
			if *listed == Some(id) {
				*listed = None;
			}
		}
	}
}

/// Why an order left the book other than by its owner's cancel.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum CloseReason {
	/// Everything it offered was traded.
	Filled,
	/// What it has left cannot trade one lot at its price: released.
	Unfillable,
	/// Its price is outside its market's current price band.
	OutsideBand,
	/// The book was full and a better-priced order took its place.
	Evicted,
	/// Its cooperative replaced its standing orders or moved its band.
	Replaced,
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
