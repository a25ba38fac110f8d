//! The records this pallet keeps.

use codec::{Decode, Encode, MaxEncodedLen};
use confoederatio_primitives::{
	CoopId, Credit, CreditAccountInfo, CreditBalance, CurrencyInfo, ExchangeRate, WorkCategory,
};
use scale_info::TypeInfo;

/// An account in one cooperative's currency.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct CreditAccount<BlockNumber> {
	/// The balance: negative when the holder owes its community.
	pub balance: CreditBalance,
	/// How far below zero the balance may go. For the cooperative's own account this is its
	/// issuance limit; for a former member, zero.
	pub credit_limit: Credit,
	/// Credit issued for approved `Subsistence` work, redeemable from that reserve bucket.
	pub subsistence_entitlement: Credit,
	/// Credit issued for approved `Commons` work, redeemable from that reserve bucket.
	pub commons_entitlement: Credit,
	/// The balance may not go below this while a poll it voted in is open...
	pub locked: Credit,
	/// ... that is, up to and including this block, ...
	pub locked_until: BlockNumber,
	/// ... or until the open polls that locked it, this many, are all closed.
	pub locking_polls: u32,
	/// Held for resting exchange orders: a holder's balance stays at or above it (plus what a
	/// vote locked); the cooperative's own account offers new credit within its issuance limit.
	pub offered: Credit,
}

impl<BlockNumber: Default + PartialOrd + Copy> CreditAccount<BlockNumber> {
	/// An empty account with the given limit.
	pub fn with_limit(credit_limit: Credit) -> Self {
		Self { credit_limit, ..Default::default() }
	}

	/// The least the balance may be at block `now`: zero-credit floor aside, what a vote locked.
	pub fn locked_at(&self, now: BlockNumber) -> Credit {
		if now <= self.locked_until && self.locking_polls > 0 {
			self.locked
		} else {
			0
		}
	}

	/// The entitlement in `category`, to be changed.
	pub fn entitlement_mut(&mut self, category: WorkCategory) -> &mut Credit {
		match category {
			WorkCategory::Subsistence => &mut self.subsistence_entitlement,
			WorkCategory::Commons => &mut self.commons_entitlement,
		}
	}

	/// What a holder (not the cooperative's own account) keeps from moving at block `now`: what
	/// a vote locked and what is on offer. When it is not zero, the balance may not go below it
	/// (no debt while credit is held); otherwise down to `-credit_limit`.
	pub fn held_at(&self, now: BlockNumber) -> Credit {
		self.locked_at(now).saturating_add(self.offered)
	}

	/// What the runtime API reports at block `now`, for a holder (`issuer` false) or for the
	/// cooperative's own account.
	pub fn info(&self, now: BlockNumber, issuer: bool) -> CreditAccountInfo {
		let locked = self.locked_at(now);
		let held = if issuer { 0 } else { self.held_at(now) };
		let mut available = crate::math::available(self.balance, self.credit_limit);
		if issuer {
			available = available.saturating_sub(self.offered);
		} else if held > 0 {
			// What lies above the held amount.
			available = available.min(crate::math::available(self.balance, 0).saturating_sub(held));
		}
		CreditAccountInfo {
			balance: self.balance,
			credit_limit: self.credit_limit,
			available,
			locked,
			offered: self.offered,
			subsistence_entitlement: self.subsistence_entitlement,
			commons_entitlement: self.commons_entitlement,
		}
	}
}

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

	/// What the runtime API reports.
	pub fn info(&self) -> CurrencyInfo {
		CurrencyInfo {
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
	/// Who did the work, and holds the deposit.
	pub who: AccountId,
	/// The time worked, in hundredths of an hour: the credit the approval issues.
	pub hours: Credit,
	/// What kind of work it was.
	pub category: WorkCategory,
	/// The hash of the evidence (kept off chain).
	pub evidence: Hash,
	/// The deposit held from `who` until the cooperative decides.
	pub deposit: Balance,
	/// When it was submitted.
	pub submitted_at: BlockNumber,
}

/// A contribution's id.
pub type ContributionId = u32;
