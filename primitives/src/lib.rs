//! # Confoederatio primitives
//!
//! The types and traits through which the Confoederatio pallets talk to each other. Pallets never
//! depend on each other's crates: each one names what it needs from another as a trait here, and
//! the runtime wires the implementation in (`runtime/src/configs/`). Read it as a table of
//! contents, one module per concern:
//!
//! | module | what is in it | implemented by | asked by |
//! |---|---|---|---|
//! | [`ids`] | [`CoopId`], [`PollId`], [`AssetKind`] | | everyone |
//! | [`origins`] | [`CollectiveOrigin`]; [`EnsureCooperative`] ("this cooperative decided"), [`EnsureFederation`], [`EnsureFederationSupermajority`] | Governance creates the origins | every call a collective decides |
//! | [`cooperatives`] | [`Cooperatives`] (with [`Cooperatives::ensure_active`], [`Cooperatives::ensure_admitted`]), [`CoopParams`], [`MembershipHooks`] | Cooperatives; the hooks by MutualCredit, CareReputation and Governance | every pallet |
//! | [`governance`] | [`VoteWeight`], [`OneMemberOneVote`], [`Tally`] | Governance's `HolisticWeight` | Governance |
//! | [`credit`] | [`Credit`], [`CreditBalance`], [`CREDIT_PER_HOUR`], [`ExchangeRate`], [`WorkCategory`]; [`LockableCredit`], [`RedeemableCredit`], [`OfferableCredit`] | MutualCredit | Governance, Redemption, the exchange |
//! | [`care`] | [`CareLedger`] | CareReputation | Governance |
//! | [`deposits`] | [`DepositPayer`] (who holds the storage deposit of a member's act: the member, or its cooperative) | pallet-member-quota; `()`: each pays its own | MutualCredit, CareReputation, Governance, Redemption, the exchange |
//! | [`reserve`] | [`ReserveLedger`], [`ReserveInfo`] | Redemption | the exchange |
//! | [`exchange`] | [`Price`], [`OrderId`], [`BookEntry`], [`ExchangeQuote`] | the exchange | the runtime API |
//! | [`quota`] | [`MemberActs`] (which calls are a member's own acts), [`QuotaInfo`] | the runtime's `MemberActs`; pallet-member-quota | pallet-member-quota, the runtime API |
//! | [`validators`] | [`ValidatorInfo`] (a validator, the cooperative that runs it, its keys and whether it validates) | pallet-validator-set | the runtime API |
//! | [`runtime_api`] | the runtime APIs wallets, the app and the node call | the runtime | clients |
//!
//! Everything is also re-exported at the crate's root.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
pub mod care;
pub mod cooperatives;
pub mod credit;
pub mod deposits;
pub mod exchange;
pub mod governance;
pub mod ids;
pub mod origins;
pub mod quota;
pub mod reserve;
pub mod runtime_api;
pub mod validators;

#[cfg(feature = "runtime-benchmarks")]
pub use benchmarking::BenchmarkHelper;
pub use care::CareLedger;
pub use cooperatives::{CoopParams, CoopUnavailable, Cooperatives, MembershipHooks};
pub use credit::{
	earned_within, Credit, CreditAccountInfo, CreditBalance, CurrencyInfo, ExchangeRate,
	LockableCredit, OfferableCredit, RedeemableCredit, WorkCategory, CREDIT_PER_HOUR,
};
pub use deposits::DepositPayer;
pub use exchange::{BookEntry, ExchangeQuote, OrderId, Price};
pub use quota::{MemberActs, QuotaInfo};
pub use governance::{OneMemberOneVote, Tally, VoteWeight, VotingWeight};
pub use ids::{AssetKind, CoopId, PollId};
pub use origins::{
	CollectiveOrigin, EnsureCooperative, EnsureFederation, EnsureFederationSupermajority,
};
pub use reserve::{ReserveInfo, ReserveLedger};
pub use validators::ValidatorInfo;
