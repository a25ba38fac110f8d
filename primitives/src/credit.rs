//! Mutual credit: amounts, rates and kinds of work, the account and currency views the runtime
//! API reports, and what the other pallets may ask of the ledgers, one trait per client:
//! - [`LockableCredit`]: Governance (through its vote weight) — the credit that votes, locked
//!   until the polls it voted in close;
//! - [`RedeemableCredit`]: Redemption — entitlements, and credit burnt for cash;
//! - [`OfferableCredit`]: the exchange — credit held for resting orders and paid from them.

use crate::{CoopId, PollId};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::DispatchResult;

/// An amount of mutual credit, in the currency's smallest unit: 100 = one hour of work.
pub type Credit = u128;

/// A mutual-credit balance: negative when the holder owes its community.
pub type CreditBalance = i128;

/// Credit units per hour of work: a currency's unit is a hundredth of an hour.
pub const CREDIT_PER_HOUR: Credit = 100;

/// The value of one unit of a cooperative's credit in federation units (one federation unit is
/// a hundredth of an hour, like one unit of credit): exact fixed-point, never a float.
pub type ExchangeRate = sp_runtime::FixedU128;

/// What kind of work a contribution was, and so which reserve bucket may redeem it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum WorkCategory {
	/// Work that keeps members alive (food, housing, care of the work itself); redeemed from
	/// the `Subsistence` bucket.
	Subsistence,
	/// Work for the commons (shared infrastructure, knowledge, the cooperative itself);
	/// redeemed from the `Commons` bucket.
	Commons,
}

/// The entitlements `(subsistence, commons)` kept within a `balance`: what was earned and then
/// paid away (or never held, because the balance was in debt) is no longer earned. The excess
/// over the positive balance goes from the `Commons` entitlement first, then from
/// `Subsistence`, so that a member who spends keeps its claim on the reserve's subsistence
/// bucket longest. The one statement of the rule; the ledgers apply it at every change of a
/// balance.
pub fn earned_within(
	balance: CreditBalance,
	subsistence: Credit,
	commons: Credit,
) -> (Credit, Credit) {
	let held = Credit::try_from(balance).unwrap_or(0);
	let excess = subsistence.saturating_add(commons).saturating_sub(held);
	let from_commons = excess.min(commons);
	let from_subsistence = excess.saturating_sub(from_commons).min(subsistence);
	(subsistence.saturating_sub(from_subsistence), commons.saturating_sub(from_commons))
}

/// A member's account in one cooperative's currency, as the runtime API reports it.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct CreditAccountInfo {
	/// The balance: negative when the holder owes its community.
	pub balance: CreditBalance,
	/// How far below zero the balance may go.
	pub credit_limit: Credit,
	/// How much the holder may pay now: `balance + credit_limit`, less what a vote locked and
	/// what is on offer, never below zero.
	pub available: Credit,
	/// How much of the balance a vote in an open poll keeps from moving now.
	pub locked: Credit,
	/// How much of the balance is on offer on the exchange (held for resting orders).
	pub offered: Credit,
	/// Credit earned by the holder's approved `Subsistence` work and still held: what it may
	/// redeem from that bucket (less what a vote in an open poll locked).
	pub subsistence_entitlement: Credit,
	/// Credit earned by the holder's approved `Commons` work and still held: what it may redeem
	/// from that bucket or sell to the cooperative's standing buy order.
	pub commons_entitlement: Credit,
}

/// A cooperative's currency as seen from the federation, as the runtime API reports it.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct CurrencyInfo {
	/// The credit limit a new member receives.
	pub default_credit_limit: Credit,
	/// Federation units per unit of this credit.
	pub exchange_rate: ExchangeRate,
	/// How far the cooperative's federation position may go from zero, either way.
	pub federation_limit: Credit,
	/// The cooperative's net position with the federation, in federation units: negative when
	/// its members bought more from other cooperatives than they sold to them.
	pub federation_position: CreditBalance,
	/// The sum of every debt the cooperative has written off.
	pub written_off: Credit,
	/// The credit in circulation: what its holders (every account but the cooperative's own)
	/// hold above zero. It equals what is owed: the holders' debts plus what the cooperative's
	/// account issued net.
	pub circulation: Credit,
}

/// What Governance's vote weight asks of the ledgers: the credit that weighs in a vote, and a
/// lock per poll that keeps it from voting twice in that poll.
///
/// Each vote with credit locks it for its own poll; the balance stays at or above the largest
/// amount locked for a poll still open (not closed, its end not passed), so credit is free
/// again once every poll it voted in has closed or ended.
pub trait LockableCredit<AccountId, BlockNumber> {
	/// The credit that weighs in `who`'s vote in `coop`: what it earned by its own approved
	/// work and still holds, less what it has on offer on the exchange (credit for sale does
	/// not vote). Credit bought or received from another member adds no weight.
	fn voting_credit(coop: CoopId, who: &AccountId) -> Credit;
	/// `who` voted with `amount` of its voting credit in `coop`'s `poll`, open until block
	/// `until`: its balance may not go below `amount` (nor offer it) while that poll is open.
	/// Refused when `amount` is more than its voting credit, or when its credit votes in as
	/// many open polls as the ledger keeps locks for; then nothing changes.
	fn lock(
		coop: CoopId,
		who: &AccountId,
		poll: PollId,
		amount: Credit,
		until: BlockNumber,
	) -> DispatchResult;
	/// `coop`'s `poll` was closed: the lock `who`'s vote in it took is released (the other
	/// polls' locks stay). Nothing happens if that vote locked nothing.
	fn unlock(coop: CoopId, who: &AccountId, poll: PollId);

	/// Benchmarks only: makes `who`'s next [`Self::lock`] in `coop` (for a poll open until
	/// `until`) as costly as it can be: voting credit to lock, and as many locks of other open
	/// polls as room is left for one more. Nothing by default.
	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_costliest_lock(_coop: CoopId, _who: &AccountId, _until: BlockNumber) {}
}

/// What Redemption and the exchange's standing buy orders ask of the ledgers: what a member
/// may redeem, and credit taken out of circulation for it.
///
/// An entitlement is credit its holder earned by its own approved work and still holds: it
/// shrinks when the balance goes below it (credit paid away is no longer earned), and credit
/// bought or received adds none. So a cooperative's reserve pays only for work.
pub trait RedeemableCredit<AccountId> {
	/// What `who` may redeem now in `category` of `coop`'s currency: its entitlement there,
	/// within what it earned above what a vote in an open poll locked.
	fn entitlement(coop: CoopId, who: &AccountId, category: WorkCategory) -> Credit;
	/// `who` sold `amount` of its earned credit in `category` to its cooperative's standing
	/// buy order: the entitlement shrinks by it (refused beyond [`Self::entitlement`]; then
	/// nothing changes). The sale moves the credit itself.
	fn use_entitlement(
		coop: CoopId,
		who: &AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult;
	/// Takes `amount` out of circulation for a redemption: `who`'s balance goes down (never
	/// below zero nor below what a vote locked), the cooperative's account comes back up by the
	/// same amount, and the entitlement in `category` shrinks by it (never below zero).
	fn burn(
		coop: CoopId,
		who: &AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult;
	/// Undoes a [`Self::burn`] whose redemption was cancelled: the cooperative's account pays
	/// `amount` back (within its issuance limit) and the entitlement grows back.
	fn unburn(
		coop: CoopId,
		who: &AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult;
}

/// What the exchange asks of the ledgers: credit held for resting orders, and paid from them.
pub trait OfferableCredit<AccountId> {
	/// How much of `who`'s credit in `coop` is on offer (held for resting exchange orders).
	fn offered(coop: CoopId, who: &AccountId) -> Credit;
	/// Holds `amount` more of `who`'s credit in `coop` for an exchange order. A holder offers
	/// only out of a positive balance that no vote locked (what is on offer and what is locked
	/// together never exceed the balance); the cooperative's own account offers newly issued
	/// credit, within its issuance limit.
	fn offer(coop: CoopId, who: &AccountId, amount: Credit) -> DispatchResult;
	/// Releases `amount` of what `who` has on offer in `coop`.
	fn withdraw_offer(coop: CoopId, who: &AccountId, amount: Credit) -> DispatchResult;
	/// Pays `amount` of what `from` has on offer in `coop` to `to`, who needs not be a member
	/// (a holder from outside keeps the credit with no credit limit and may spend it).
	fn pay_offered(
		coop: CoopId,
		from: &AccountId,
		to: &AccountId,
		amount: Credit,
	) -> DispatchResult;
}
