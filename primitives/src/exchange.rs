//! The exchange: prices, orders, and what the runtime API reports of the books.

use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A price on the exchange: units of a market's quote asset per unit of its base asset (both
/// in their smallest units), exact to 18 decimal places. A market of credit against the native
/// token quotes the native token per unit of credit; a market of two credits quotes the
/// higher-numbered cooperative's credit per unit of the lower one's.
pub type Price = sp_runtime::FixedU128;

/// An exchange order's id.
pub type OrderId = u64;

/// A resting order on the exchange, as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct BookEntry<AccountId> {
	/// The order's id.
	pub id: OrderId,
	/// Who placed it (a cooperative's account for its standing orders).
	pub owner: AccountId,
	/// Its limit price (quote per base).
	pub price: Price,
	/// What it still offers, in units of the asset it gives.
	pub remaining: u128,
	/// Whether it is a cooperative's standing order at its price band's edge.
	pub standing: bool,
}

/// What an order would trade now, as the runtime API reports it.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct ExchangeQuote {
	/// How much of what it gives would be spent.
	pub spent: u128,
	/// How much of what it gets would be received, after the fee.
	pub received: u128,
	/// The fee, in units of what it gets.
	pub fee: u128,
	/// How many resting orders it would reach: those it trades with and those it closes for
	/// resting outside the price band (at most the exchange's `MaxFills` in all).
	pub fills: u32,
}
