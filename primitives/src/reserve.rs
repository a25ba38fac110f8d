//! A cooperative's redemption reserve: what the exchange may ask of it, and what the runtime
//! API reports.

use crate::{CoopId, Price};
use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::DispatchResult;

/// What the exchange may ask of a cooperative's redemption reserve: its standing buy order is
/// paid from the reserve's `Commons` bucket, and what its standing sell order earns goes into the
/// reserve.
pub trait ReserveLedger<AccountId, Balance> {
	/// The account that holds `coop`'s reserve.
	fn reserve_account(coop: CoopId) -> AccountId;
	/// Sets `amount` of the `Commons` bucket aside for the cooperative's standing buy order
	/// (`InsufficientReserve` if the bucket holds less, or if the reserve account could not then
	/// pay everything set aside and stay alive: what is set aside is always payable in full).
	fn earmark(coop: CoopId, amount: Balance) -> DispatchResult;
	/// Puts `amount` of what was set aside back into the `Commons` bucket.
	fn unearmark(coop: CoopId, amount: Balance) -> DispatchResult;
	/// Pays `amount` of what was set aside to `to`.
	fn pay_earmarked(coop: CoopId, to: &AccountId, amount: Balance) -> DispatchResult;
	/// `amount` was just paid into [`Self::reserve_account`]: it is split into the buckets like
	/// a deposit (the queues are served at the next deposit).
	fn deposited(coop: CoopId, amount: Balance) -> DispatchResult;
	/// What is set aside for the cooperative's standing buy order.
	fn earmarked(coop: CoopId) -> Balance;
}

/// A cooperative's reserve, as the runtime API reports it.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct ReserveInfo<Balance> {
	/// What the `Subsistence` bucket holds.
	pub subsistence: Balance,
	/// What the `Commons` bucket holds.
	pub commons: Balance,
	/// The redemption rate: native units paid per unit of credit redeemed (both in their
	/// smallest units, before the exit fee), encoded as the exchange encodes the price of that
	/// credit against the native token; zero until set.
	pub rate: Price,
	/// What the `Commons` bucket set aside for the cooperative's standing buy order on the
	/// exchange.
	pub earmarked: Balance,
	/// Requests waiting for the `Subsistence` bucket.
	pub subsistence_queue: u32,
	/// Requests waiting for the `Commons` bucket.
	pub commons_queue: u32,
}
