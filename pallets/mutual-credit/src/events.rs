//! What the pallet reports: its events (a section of the `#[frame_support::pallet]` module in
//! `lib.rs`, kept here to keep that file short).

use frame_support::pallet_macros::pallet_section;

/// The events, imported into the pallet module by `#[import_section]`.
#[pallet_section]
mod events {
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Credit moved within a cooperative's currency.
		Transferred {
			/// The currency.
			coop: CoopId,
			/// The payer.
			from: T::AccountId,
			/// The payee.
			to: T::AccountId,
			/// The amount.
			amount: Credit,
		},
		/// A member paid a member of another cooperative, through the federation.
		TransferredAcross {
			/// The payer's cooperative and currency.
			from_coop: CoopId,
			/// The payee's cooperative and currency.
			to_coop: CoopId,
			/// The payer.
			from: T::AccountId,
			/// The payee.
			to: T::AccountId,
			/// What the payer paid, in its currency.
			paid: Credit,
			/// What that was worth, in federation units.
			federation_units: Credit,
			/// What the payee received, in its currency.
			received: Credit,
		},
		/// A cooperative set an account's credit limit (the coop account's: its issuance limit).
		CreditLimitSet {
			/// The cooperative.
			coop: CoopId,
			/// The account.
			who: T::AccountId,
			/// The new limit.
			limit: Credit,
		},
		/// A cooperative set the credit limit its new members get.
		DefaultCreditLimitSet {
			/// The cooperative.
			coop: CoopId,
			/// The new default.
			limit: Credit,
		},
		/// A member submitted work for approval.
		ContributionSubmitted {
			/// The contribution.
			id: ContributionId,
			/// The cooperative.
			coop: CoopId,
			/// The member.
			who: T::AccountId,
			/// The time worked, in hundredths of an hour (100 = one hour): the credit an
			/// approval issues. (Named `hours` for the clients that read it.)
			hours: Credit,
			/// What kind of work.
			category: WorkCategory,
			/// The hash of the evidence.
			evidence: T::Hash,
		},
		/// A cooperative approved a contribution and issued its credit.
		ContributionApproved {
			/// The contribution.
			id: ContributionId,
			/// The cooperative.
			coop: CoopId,
			/// The member.
			who: T::AccountId,
			/// The credit issued.
			amount: Credit,
			/// The entitlement that grew by `amount`.
			category: WorkCategory,
		},
		/// A cooperative rejected a contribution; its deposit was released.
		ContributionRejected {
			/// The contribution.
			id: ContributionId,
			/// The cooperative.
			coop: CoopId,
			/// The member.
			who: T::AccountId,
		},
		/// A cooperative took over a member's debt.
		WrittenOff {
			/// The cooperative.
			coop: CoopId,
			/// The member, whose balance is now zero.
			who: T::AccountId,
			/// The debt.
			amount: Credit,
		},
		/// The federation set how far a cooperative's position may go from zero.
		FederationLimitSet {
			/// The cooperative.
			coop: CoopId,
			/// The new limit, in federation units.
			limit: Credit,
		},
		/// Credit left circulation for a redemption: the holder's balance and entitlement went
		/// down, the coop account up.
		Burned {
			/// The currency.
			coop: CoopId,
			/// The holder.
			who: T::AccountId,
			/// The entitlement it was redeemed from.
			category: WorkCategory,
			/// The amount.
			amount: Credit,
		},
		/// A cancelled redemption's credit came back into circulation.
		Unburned {
			/// The currency.
			coop: CoopId,
			/// The holder.
			who: T::AccountId,
			/// The entitlement it went back to.
			category: WorkCategory,
			/// The amount.
			amount: Credit,
		},
		/// The federation set a currency's value in federation units.
		ExchangeRateSet {
			/// The cooperative.
			coop: CoopId,
			/// Federation units per unit of its credit.
			rate: ExchangeRate,
		},
	}
}
