//! # Confoederatio primitives
//!
//! The types and traits through which the Confoederatio pallets talk to each other. Pallets never
//! depend on each other's crates: each one names what it needs from another as a trait here, and
//! the runtime wires the implementation in.
//!
//! - [`CoopId`], [`PollId`], [`AssetKind`]: identifiers.
//! - [`CollectiveOrigin`]: the origins of collective decisions, and [`EnsureCooperative`],
//!   [`EnsureFederation`], [`EnsureFederationSupermajority`] to require them.
//! - [`CoopParams`]: what a cooperative decides about itself.
//! - [`Cooperatives`]: what any pallet may ask about cooperatives and their members.
//! - [`VoteWeight`]: how much a member's vote weighs in its cooperative; [`OneMemberOneVote`]
//!   and [`HolisticWeight`] (over [`CreditLedger`] and [`CareLedger`]).
//! - [`Tally`]: the state of a poll.
//! - [`MembershipHooks`]: what other pallets say when a member joins or leaves.
//! - [`Credit`], [`CreditBalance`], [`ExchangeRate`], [`WorkCategory`]: mutual credit.
//! - [`CreditLedger`], [`ReserveLedger`]: what the exchange and redemption ask of the ledgers
//!   and reserves; [`Price`], [`OrderId`], [`BookEntry`], [`ExchangeQuote`]: the exchange.
//! - [`runtime_api`]: the runtime APIs wallets and the node call.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "std")]
pub mod testing;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::traits::{EnsureOrigin, OriginTrait};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// The identifier of a cooperative, and of its one mutual-credit currency.
pub type CoopId = u32;

/// The identifier of a poll.
pub type PollId = u32;

/// A vote's weight.
pub type VotingWeight = u64;

/// An asset, wherever one is named (exchange, reserves).
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
pub enum AssetKind {
	/// The native token, CONF.
	Native,
	/// A cooperative's mutual-credit currency.
	Credit(CoopId),
}

/// The origins of collective decisions. Only the governance pallet creates them, after a poll.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum CollectiveOrigin {
	/// A cooperative acting after its own members' vote.
	Cooperative(CoopId),
	/// The federation, after a simple majority of its active cooperatives.
	Federation,
	/// The federation, after two thirds of its active cooperatives (runtime upgrades).
	FederationSupermajority,
}

/// Ensures the origin is [`CollectiveOrigin::Cooperative`]; succeeds with its [`CoopId`].
pub struct EnsureCooperative<O>(PhantomData<O>);
/// Ensures the origin is [`CollectiveOrigin::Federation`] (or the supermajority, which is more).
pub struct EnsureFederation<O>(PhantomData<O>);
/// Ensures the origin is [`CollectiveOrigin::FederationSupermajority`].
pub struct EnsureFederationSupermajority<O>(PhantomData<O>);

impl<O> EnsureOrigin<O> for EnsureCooperative<O>
where
	O: OriginTrait + From<CollectiveOrigin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a CollectiveOrigin>,
{
	type Success = CoopId;

	fn try_origin(origin: O) -> Result<CoopId, O> {
		let coop = match origin.caller().try_into() {
			Ok(CollectiveOrigin::Cooperative(coop)) => Some(*coop),
			_ => None,
		};
		coop.ok_or(origin)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(CollectiveOrigin::Cooperative(0)))
	}
}

impl<O> EnsureOrigin<O> for EnsureFederation<O>
where
	O: OriginTrait + From<CollectiveOrigin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a CollectiveOrigin>,
{
	type Success = ();

	fn try_origin(origin: O) -> Result<(), O> {
		let federation = matches!(
			origin.caller().try_into(),
			Ok(CollectiveOrigin::Federation | CollectiveOrigin::FederationSupermajority)
		);
		if federation {
			Ok(())
		} else {
			Err(origin)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(CollectiveOrigin::Federation))
	}
}

impl<O> EnsureOrigin<O> for EnsureFederationSupermajority<O>
where
	O: OriginTrait + From<CollectiveOrigin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a CollectiveOrigin>,
{
	type Success = ();

	fn try_origin(origin: O) -> Result<(), O> {
		let supermajority =
			matches!(origin.caller().try_into(), Ok(CollectiveOrigin::FederationSupermajority));
		if supermajority {
			Ok(())
		} else {
			Err(origin)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(CollectiveOrigin::FederationSupermajority))
	}
}

/// What a cooperative decides about itself (`Cooperatives.set_parameters`).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct CoopParams<BlockNumber> {
	/// How long a poll of the cooperative is open, in blocks.
	pub voting_period: BlockNumber,
	/// The share of members who must vote for a poll to count.
	pub quorum: Perbill,
	/// The share of the weight cast that must be aye for a poll to pass (strictly more than
	/// this share when it is 50%, so that a tie fails).
	pub approval: Perbill,
	/// `a` in the vote weight `1 + a·sqrt(work) + b·sqrt(care)`; 0 with `b` 0: one member one vote.
	pub work_weight: u32,
	/// `b` in the vote weight `1 + a·sqrt(work) + b·sqrt(care)`.
	pub care_weight: u32,
	/// No member holds more than this share of a poll's total weight (with 10 members or more).
	pub weight_cap: Perbill,
	/// The half-life of care reputation, in blocks.
	pub care_half_life: BlockNumber,
	/// How many distinct members must attest a care record to confirm it.
	pub attestations_needed: u32,
	/// The share of each deposit into the reserve that goes to the `Subsistence` bucket (the
	/// rest goes to `Commons`).
	pub reserve_split: Perbill,
}

impl<BlockNumber: From<u32>> Default for CoopParams<BlockNumber> {
	fn default() -> Self {
		Self {
			// One day of six-second blocks.
			voting_period: BlockNumber::from(14_400),
			quorum: Perbill::from_percent(50),
			approval: Perbill::from_percent(50),
			work_weight: 1,
			care_weight: 1,
			weight_cap: Perbill::from_percent(10),
			// 180 days of six-second blocks.
			care_half_life: BlockNumber::from(180 * 14_400),
			attestations_needed: 2,
			reserve_split: Perbill::from_percent(75),
		}
	}
}

/// What any pallet may ask about cooperatives and their members.
pub trait Cooperatives<AccountId, BlockNumber> {
	/// Whether the cooperative exists and is active (admitted and not suspended).
	fn is_active(coop: CoopId) -> bool;
	/// Whether `who` is a member of the cooperative (whatever the cooperative's status).
	fn is_member(coop: CoopId, who: &AccountId) -> bool;
	/// The number of members of the cooperative; 0 if there is no such cooperative.
	fn member_count(coop: CoopId) -> u32;
	/// The number of active cooperatives: the federation's electorate.
	fn active_count() -> u32;
	/// The cooperative's keyless sovereign account.
	fn account(coop: CoopId) -> AccountId;
	/// The cooperative's parameters; `None` if there is no such cooperative.
	fn params(coop: CoopId) -> Option<CoopParams<BlockNumber>>;
}

/// How much a member's vote weighs in its cooperative.
pub trait VoteWeight<AccountId, BlockNumber> {
	/// The weight of `who` in a poll of `coop`; 0 for a non-member.
	fn vote_weight(coop: CoopId, who: &AccountId) -> VotingWeight;
	/// `who` voted in a poll of `coop` that is open until `until`: keep what gave the vote its
	/// weight from voting again in that poll (for example, credit moving to another member).
	fn lock_for_poll(coop: CoopId, who: &AccountId, until: BlockNumber);
	/// The poll of `coop` open until `until` that `who` voted in was closed: what it locked may
	/// be freed, unless another open poll still holds it.
	fn release_poll(coop: CoopId, who: &AccountId, until: BlockNumber);
}

/// One member, one vote: every member weighs 1.
pub struct OneMemberOneVote<C, BlockNumber>(PhantomData<(C, BlockNumber)>);

impl<AccountId, BlockNumber, C: Cooperatives<AccountId, BlockNumber>>
	VoteWeight<AccountId, BlockNumber> for OneMemberOneVote<C, BlockNumber>
{
	fn vote_weight(coop: CoopId, who: &AccountId) -> VotingWeight {
		if C::is_member(coop, who) {
			1
		} else {
			0
		}
	}
	fn lock_for_poll(_: CoopId, _: &AccountId, _: BlockNumber) {}
	fn release_poll(_: CoopId, _: &AccountId, _: BlockNumber) {}
}

/// Credit units per hour of work: a currency's unit is a hundredth of an hour.
pub const CREDIT_PER_HOUR: Credit = 100;

/// What any pallet may ask of the mutual-credit ledgers.
pub trait CreditLedger<AccountId, BlockNumber> {
	/// `who`'s balance in `coop`'s currency (0 without an account).
	fn balance(coop: CoopId, who: &AccountId) -> CreditBalance;
	/// Keeps `who`'s balance in `coop`'s currency from going below `amount` until block
	/// `until` (a vote's weight came from it, in a poll open until then).
	fn lock(coop: CoopId, who: &AccountId, amount: Credit, until: BlockNumber);
	/// The poll open until `until` that locked `who`'s balance was closed early: once no other
	/// open poll holds the lock, it is released.
	fn unlock(coop: CoopId, who: &AccountId, until: BlockNumber);
	/// `who`'s redeemable entitlement in `category` of `coop`'s currency.
	fn entitlement(coop: CoopId, who: &AccountId, category: WorkCategory) -> Credit;
	/// Takes `amount` out of circulation for a redemption: `who`'s balance goes down (never
	/// below zero nor below what a vote locked), the cooperative's account comes back up by the
	/// same amount, and the entitlement in `category` shrinks by it (never below zero).
	fn burn(
		coop: CoopId,
		who: &AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> sp_runtime::DispatchResult;
	/// Undoes a [`Self::burn`] whose redemption was cancelled: the cooperative's account pays
	/// `amount` back (within its issuance limit) and the entitlement grows back.
	fn unburn(
		coop: CoopId,
		who: &AccountId,
		category: WorkCategory,
		amount: Credit,
	) -> sp_runtime::DispatchResult;
	/// How much of `who`'s credit in `coop` is on offer (held for resting exchange orders).
	fn offered(coop: CoopId, who: &AccountId) -> Credit;
	/// Holds `amount` more of `who`'s credit in `coop` for an exchange order. A holder offers
	/// only out of a positive balance that no vote locked (what is on offer and what is locked
	/// together never exceed the balance); the cooperative's own account offers newly issued
	/// credit, within its issuance limit.
	fn offer(coop: CoopId, who: &AccountId, amount: Credit) -> sp_runtime::DispatchResult;
	/// Releases `amount` of what `who` has on offer in `coop`.
	fn withdraw_offer(coop: CoopId, who: &AccountId, amount: Credit) -> sp_runtime::DispatchResult;
	/// Pays `amount` of what `from` has on offer in `coop` to `to`, who needs not be a member
	/// (a holder from outside keeps the credit with no credit limit and may spend it).
	fn pay_offered(
		coop: CoopId,
		from: &AccountId,
		to: &AccountId,
		amount: Credit,
	) -> sp_runtime::DispatchResult;
}

/// What the exchange may ask of a cooperative's redemption reserve: its standing buy order is
/// paid from the reserve's `Commons` bucket, and what its standing sell order earns goes into the
/// reserve.
pub trait ReserveLedger<AccountId, Balance> {
	/// The account that holds `coop`'s reserve.
	fn reserve_account(coop: CoopId) -> AccountId;
	/// Sets `amount` of the `Commons` bucket aside for the cooperative's standing buy order
	/// (`InsufficientReserve` if the bucket holds less).
	fn earmark(coop: CoopId, amount: Balance) -> sp_runtime::DispatchResult;
	/// Puts `amount` of what was set aside back into the `Commons` bucket.
	fn unearmark(coop: CoopId, amount: Balance) -> sp_runtime::DispatchResult;
	/// Pays `amount` of what was set aside to `to`.
	fn pay_earmarked(coop: CoopId, to: &AccountId, amount: Balance) -> sp_runtime::DispatchResult;
	/// `amount` was just paid into [`Self::reserve_account`]: it is split into the buckets like
	/// a deposit (the queues are served at the next deposit).
	fn deposited(coop: CoopId, amount: Balance) -> sp_runtime::DispatchResult;
	/// What is set aside for the cooperative's standing buy order.
	fn earmarked(coop: CoopId) -> Balance;
}

/// What any pallet may ask of care reputation.
pub trait CareLedger<AccountId> {
	/// `who`'s care reputation in `coop` now, in whole points.
	fn reputation(coop: CoopId, who: &AccountId) -> u128;
}

/// The holistic vote weight `1 + a·sqrt(work) + b·sqrt(care)`: `work` is the member's positive
/// credit balance in the cooperative's currency, in whole hours; `care` its care reputation now;
/// `a` and `b` the cooperative's `work_weight` and `care_weight`. Integer square roots, rounded
/// down; saturating. Voting locks the balance that gave the weight until the poll ends.
pub struct HolisticWeight<C, L, R, BlockNumber>(PhantomData<(C, L, R, BlockNumber)>);

impl<C, L, R, BlockNumber> HolisticWeight<C, L, R, BlockNumber> {
	/// The credit that weighs in `who`'s vote: its positive balance, less what it has on offer on
	/// the exchange (credit for sale does not vote).
	pub fn voting_credit<AccountId>(coop: CoopId, who: &AccountId) -> Credit
	where
		L: CreditLedger<AccountId, BlockNumber>,
	{
		Credit::try_from(L::balance(coop, who)).unwrap_or(0).saturating_sub(L::offered(coop, who))
	}
}

impl<AccountId, BlockNumber, C, L, R> VoteWeight<AccountId, BlockNumber>
	for HolisticWeight<C, L, R, BlockNumber>
where
	C: Cooperatives<AccountId, BlockNumber>,
	L: CreditLedger<AccountId, BlockNumber>,
	R: CareLedger<AccountId>,
{
	fn vote_weight(coop: CoopId, who: &AccountId) -> VotingWeight {
		if !C::is_member(coop, who) {
			return 0;
		}
		let Some(params) = C::params(coop) else { return 0 };
		let work = Self::voting_credit(coop, who) / CREDIT_PER_HOUR;
		let care = R::reputation(coop, who);
		holistic_weight(params.work_weight, work, params.care_weight, care)
	}

	fn lock_for_poll(coop: CoopId, who: &AccountId, until: BlockNumber) {
		let credit = Self::voting_credit(coop, who);
		if credit > 0 {
			L::lock(coop, who, credit, until);
		}
	}

	fn release_poll(coop: CoopId, who: &AccountId, until: BlockNumber) {
		L::unlock(coop, who, until);
	}
}

/// `1 + a·sqrt(work) + b·sqrt(care)`, integer square roots rounded down, saturating.
pub fn holistic_weight(a: u32, work: u128, b: u32, care: u128) -> VotingWeight {
	use sp_runtime::traits::IntegerSquareRoot;
	let term = |factor: u32, amount: u128| {
		let root = VotingWeight::try_from(amount.integer_sqrt()).unwrap_or(VotingWeight::MAX);
		VotingWeight::from(factor).saturating_mul(root)
	};
	1u64.saturating_add(term(a, work)).saturating_add(term(b, care))
}

/// What other pallets say about a member joining or leaving a cooperative. Implemented for
/// tuples, so that the runtime can hand every interested pallet the same news.
pub trait MembershipHooks<AccountId> {
	/// `who` has joined the cooperative (as a founder or by the cooperative's decision).
	fn on_joined(coop: CoopId, who: &AccountId);
	/// Whether `who` may leave (or be removed from) the cooperative now; an error says why not
	/// (for example, a negative credit balance that is not settled).
	fn can_leave(coop: CoopId, who: &AccountId) -> sp_runtime::DispatchResult;
	/// `who` has left the cooperative: drop what it held there only as a member.
	fn on_left(coop: CoopId, who: &AccountId);
}

#[impl_trait_for_tuples::impl_for_tuples(8)]
impl<AccountId> MembershipHooks<AccountId> for Tuple {
	fn on_joined(coop: CoopId, who: &AccountId) {
		for_tuples!( #( Tuple::on_joined(coop, who); )* );
	}
	fn can_leave(coop: CoopId, who: &AccountId) -> sp_runtime::DispatchResult {
		for_tuples!( #( Tuple::can_leave(coop, who)?; )* );
		Ok(())
	}
	fn on_left(coop: CoopId, who: &AccountId) {
		for_tuples!( #( Tuple::on_left(coop, who); )* );
	}
}

/// An amount of mutual credit, in the currency's smallest unit: 100 = one hour of work.
pub type Credit = u128;

/// A mutual-credit balance: negative when the holder owes its community.
pub type CreditBalance = i128;

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
	/// Credit issued for approved `Subsistence` work: what the holder may redeem from that
	/// bucket.
	pub subsistence_entitlement: Credit,
	/// Credit issued for approved `Commons` work: what the holder may redeem from that bucket.
	pub commons_entitlement: Credit,
}

/// A cooperative's reserve, as the runtime API reports it.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct ReserveInfo<Balance> {
	/// What the `Subsistence` bucket holds.
	pub subsistence: Balance,
	/// What the `Commons` bucket holds.
	pub commons: Balance,
	/// Native units paid per unit of credit redeemed (before the exit fee); zero until set.
	pub rate: Balance,
	/// What the `Commons` bucket set aside for the cooperative's standing buy order on the
	/// exchange.
	pub earmarked: Balance,
	/// Requests waiting for the `Subsistence` bucket.
	pub subsistence_queue: u32,
	/// Requests waiting for the `Commons` bucket.
	pub commons_queue: u32,
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
}

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
	/// How many resting orders it would trade with (at most the exchange's `MaxFills`).
	pub fills: u32,
}

/// What the pallets' benchmarks need from the runtime: cooperatives to work in, and their
/// origin.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, RuntimeOrigin> {
	/// Creates an active cooperative with these members (who join it, as by `add_member`) and
	/// returns its id.
	fn create_active_cooperative(members: &[AccountId]) -> CoopId;
	/// The origin of `coop`'s own decisions.
	fn cooperative_origin(coop: CoopId) -> RuntimeOrigin;
}

/// The votes cast in a poll so far.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Tally {
	/// The weight of the aye votes (a cooperative's vote weighs 1 in a federation poll).
	pub ayes: VotingWeight,
	/// The weight of the nay votes.
	pub nays: VotingWeight,
	/// How many voted.
	pub voters: u32,
}

/// The runtime APIs of the Confoederatio pallets.
pub mod runtime_api {
	use super::*;
	use alloc::vec::Vec;

	sp_api::decl_runtime_apis! {
		/// Cooperatives and their members.
		pub trait CooperativesApi<AccountId: codec::Codec> {
			/// The members of a cooperative (empty if there is no such cooperative).
			fn members(coop: CoopId) -> Vec<AccountId>;
			/// The keyless sovereign account of a cooperative.
			fn cooperative_account(coop: CoopId) -> AccountId;
		}

		/// Polls and vote weights.
		pub trait GovernanceApi<AccountId: codec::Codec> {
			/// The weight of `who`'s vote in a poll of `coop` now; 0 for a non-member.
			fn vote_weight(coop: CoopId, who: AccountId) -> VotingWeight;
			/// The tally of an open poll; `None` if there is no such open poll.
			fn poll_tally(poll: PollId) -> Option<Tally>;
		}

		/// Care reputation.
		pub trait CareReputationApi<AccountId: codec::Codec> {
			/// `who`'s care reputation in `coop` now (decayed), in whole points.
			fn reputation(coop: CoopId, who: AccountId) -> u128;
		}

		/// Redemption reserves.
		pub trait RedemptionApi<Balance: codec::Codec> {
			/// `coop`'s reserve: its buckets, its rate and its queues.
			fn reserve(coop: CoopId) -> ReserveInfo<Balance>;
		}

		/// The exchange's order books.
		pub trait DexApi<AccountId: codec::Codec> {
			/// The resting orders that give `give` for `get`, best price first, at most `depth`
			/// of them (and never more than a book holds).
			fn order_book(give: AssetKind, get: AssetKind, depth: u32) -> Vec<BookEntry<AccountId>>;
			/// What an order giving `amount` of `give` for `get` at any price would trade now,
			/// within one call's `MaxFills` and the price band.
			fn quote(give: AssetKind, get: AssetKind, amount: u128) -> ExchangeQuote;
		}

		/// Mutual-credit accounts and currencies.
		pub trait MutualCreditApi<AccountId: codec::Codec> {
			/// `who`'s account in `coop`'s currency: balance, credit limit, what it may spend,
			/// entitlements (all zero when it holds no account there).
			fn account(coop: CoopId, who: AccountId) -> CreditAccountInfo;
			/// `coop`'s currency: default limit, exchange rate, federation limit and position,
			/// debts written off, credit in circulation.
			fn currency(coop: CoopId) -> CurrencyInfo;
		}
	}
}
