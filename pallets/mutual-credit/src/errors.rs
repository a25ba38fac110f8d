//! Why a call fails: the pallet's errors (a section of the `#[frame_support::pallet]` module in
//! `lib.rs`, kept here to keep that file short).

use frame_support::pallet_macros::pallet_section;

/// The errors, imported into the pallet module by `#[import_section]`.
#[pallet_section]
mod errors {
	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// No cooperative has this id.
		UnknownCooperative,
		/// The cooperative is not active (pending or suspended).
		CooperativeNotActive,
		/// The payee (or the account named) is not a member of the cooperative.
		NotMember,
		/// The payer holds no account in this currency.
		NoCreditAccount,
		/// Payer and payee are the same account.
		SelfTransfer,
		/// The coop account pays only by the cooperative's decisions.
		PayerIsCooperative,
		/// The payer would go below minus its credit limit.
		OverCreditLimit,
		/// The coop account would go below minus its issuance limit (its offers counted as issued).
		OverIssuanceLimit,
		/// A balance or sum would leave its numeric range.
		Overflow,
		/// The limit is above the runtime's maximum.
		LimitTooHigh,
		/// The account owes more than the new limit would allow (the coop account's offers
		/// counted as issued).
		BelowCurrentDebt,
		/// The position is already further from zero than the new limit would allow.
		BelowCurrentPosition,
		/// The contribution claims more than `MaxContribution`.
		TooManyHours,
		/// No pending contribution has this id (never submitted, or already decided).
		UnknownContribution,
		/// A payment across must go to another cooperative.
		SameCooperative,
		/// The payment would take a cooperative's federation position beyond its limit.
		OverFederationLimit,
		/// At these exchange rates the payee would receive nothing.
		AmountTooSmall,
		/// An exchange rate must be above zero.
		ZeroRate,
		/// The account owes nothing.
		NoDebt,
		/// The member owes credit: it must settle (or the cooperative write the debt off) first.
		UnsettledDebt,
		/// Credit that gave weight to a vote in an open poll cannot move until the poll ends.
		CreditLocked,
		/// More than the entitlement of that category.
		OverEntitlement,
		/// More than the positive balance (above what is locked or on offer): only credit held
		/// can be redeemed or offered.
		InsufficientCredit,
		/// Credit on offer on the exchange cannot move until its order is filled or cancelled.
		CreditOnOffer,
		/// Less is on offer than the exchange asked to release or pay.
		NotOnOffer,
		/// No more contribution ids.
		IdsExhausted,
		/// The account's credit votes in `MaxVoteLocks` open polls already: it may vote with
		/// credit again once one of them closes or ends.
		TooManyVoteLocks,
	}
}
