//! The records this pallet keeps besides the accounts ([`crate::account`]): currencies and
//! contributions.

use codec::{Decode, Encode, MaxEncodedLen};
use confoederatio_primitives::{
	CoopId, Credit, CreditBalance, CurrencyInfo, ExchangeRate, WorkCategory,
};
use scale_info::TypeInfo;

/// What a cooperative and the federation decided about a currency, and its federation position.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Currency {
	/// The credit limit a new member receives (the cooperative decides).
	pub default_credit_limit: Credit,
	/// Federation units per unit of this credit (the federation decides).
	pub exchange_rate: ExchangeRate,
	/// How far the federation position may go from zero, either way (the federation decides).
	pub federation_limit: Credit,
	/// The cooperative's net position with the federation, in federation units. The positions
	/// of all cooperatives sum to zero.
	pub federation_position: CreditBalance,
	/// The sum of every debt the cooperative wrote off.
	pub written_off: Credit,
}

impl Currency {
	/// A new currency: the runtime's default limit, valued at par, no federation limit yet.
	pub fn new(default_credit_limit: Credit) -> Self {
		Self {
			default_credit_limit,
			exchange_rate: ExchangeRate::from_u32(1),
			federation_limit: 0,
			federation_position: 0,
			written_off: 0,
		}
	}

	/// Whether the federation position is within the federation limit, either way.
	pub fn within_federation_limit(&self) -> bool {
		self.federation_position.unsigned_abs() <= self.federation_limit
	}

	/// What the runtime API reports, with the credit in `circulation` (which the currency does
	/// not store: [`crate::Pallet::currency_info`] sums it).
	pub fn info(&self, circulation: Credit) -> CurrencyInfo {
		CurrencyInfo {
			circulation,
			default_credit_limit: self.default_credit_limit,
			exchange_rate: self.exchange_rate,
			federation_limit: self.federation_limit,
			federation_position: self.federation_position,
			written_off: self.written_off,
		}
	}
}

/// Work a member submitted for the cooperative to approve.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Contribution<AccountId, Balance, Hash, BlockNumber> {
	/// The cooperative the work was for.
	pub coop: CoopId,
	/// Who did the work.
	pub who: AccountId,
	/// The time worked, in hundredths of an hour (100 = one hour): the credit the approval
	/// issues.
	pub amount: Credit,
	/// What kind of work it was.
	pub category: WorkCategory,
	/// The hash of the evidence (kept off chain).
	pub evidence: Hash,
	/// The deposit held from `depositor` until the cooperative decides.
	pub deposit: Balance,
	/// Who holds the deposit, and gets it back when the cooperative decides: `who`, or its
	/// cooperative's account if `who` could not pay it ([`crate::Config::DepositPayer`]).
	pub depositor: AccountId,
	/// When it was submitted.
	pub submitted_at: BlockNumber,
}

/// A contribution's id.
pub type ContributionId = u32;
