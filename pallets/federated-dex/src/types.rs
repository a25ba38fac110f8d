//! The records this pallet keeps.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use confoederatio_primitives::{AssetKind, CoopId, OrderId, Price};
use scale_info::TypeInfo;

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
			(Credit(coop), Native) => {
				Some((Market { base: Credit(coop), quote: Native }, Side::Ask))
			},
			(Native, Credit(coop)) => {
				Some((Market { base: Credit(coop), quote: Native }, Side::Bid))
			},
			(Credit(a), Credit(b)) if a < b => {
				Some((Market { base: Credit(a), quote: Credit(b) }, Side::Ask))
			},
			(Credit(a), Credit(b)) if a > b => {
				Some((Market { base: Credit(b), quote: Credit(a) }, Side::Bid))
			},
			_ => None,
		}
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
	pub fn banded(&self) -> Option<CoopId> {
		match (self.base, self.quote) {
			(AssetKind::Credit(coop), AssetKind::Native) => Some(coop),
			_ => None,
		}
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
	/// The native deposit held for its place on the book (none for standing orders).
	pub deposit: Amount,
	/// Whether it is its cooperative's standing order: credit it sells is newly issued, native
	/// it pays is set aside in the cooperative's reserve.
	pub standing: bool,
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
	/// Whether `price` is inside the band (edges included).
	pub fn contains(&self, price: Price) -> bool {
		self.floor <= price && price <= self.ceiling
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
	/// What it has left cannot buy one unit at its price: released.
	Unfillable,
	/// Its price is outside its market's current price band.
	OutsideBand,
	/// The book was full and a better-priced order took its place.
	Evicted,
	/// Its cooperative replaced its standing orders or moved its band.
	Replaced,
}
