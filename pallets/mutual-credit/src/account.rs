//! An account in one cooperative's currency, and its rules: the floor its balance may not go
//! below, a debit, an offer, a vote's lock, and what the runtime API reports of it.
//!
//! Every call, [`crate::Pallet::do_try_state`] and the runtime API ask these methods; none of them
//! writes the rules again.

use codec::{Decode, Encode, MaxEncodedLen};
use confoederatio_primitives::{Credit, CreditAccountInfo, CreditBalance, WorkCategory};
use scale_info::TypeInfo;

/// An account in one cooperative's currency.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct CreditAccount<BlockNumber> {
	/// The balance: negative when the holder owes its community.
	pub balance: CreditBalance,
	/// How far below zero the balance may go. For the coop account this is its issuance limit;
	/// for a former member, zero.
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
	/// vote locked); the coop account offers new credit, counted as issued.
	pub offered: Credit,
}

/// Whose account it is: the floor differs for the coop account.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AccountKind {
	/// The cooperative's own keyless account, "the coop account": it issues credit, within its
	/// issuance limit (its `credit_limit`), and what it offers on the exchange counts as issued.
	CoopAccount,
	/// Anyone else's: a member's, a former member's, a buyer's on the exchange.
	Holder,
}

/// Why a debit or an offer is refused: the rule the balance would break. Each is the pallet's
/// error of the same name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DebitRefused {
	/// A holder would go below minus its credit limit.
	OverCreditLimit,
	/// The coop account would go below minus its issuance limit, its offers counted as issued.
	OverIssuanceLimit,
	/// Only credit held (above zero) may be redeemed or offered.
	InsufficientCredit,
	/// A holder would go below what a vote locked.
	CreditLocked,
	/// A holder would go below what a vote locked and what it has on offer.
	CreditOnOffer,
	/// An amount and what is on offer together leave `u128`.
	Overflow,
}

/// One rule that holds a balance up: the balance may not go below `at` (`None`: below a value
/// out of `i128`'s range, so no balance meets it), else a debit is refused as `refused`.
#[derive(Clone, Copy)]
struct Bound {
	at: Option<CreditBalance>,
	refused: DebitRefused,
}

impl Bound {
	/// Whether `balance` (`None`: out of range) meets the bound.
	fn admits(&self, balance: Option<CreditBalance>) -> bool {
		matches!((balance, self.at), (Some(balance), Some(at)) if balance >= at)
	}
}

impl<BlockNumber: Ord + Copy + Default> CreditAccount<BlockNumber> {
	/// An empty account with the given limit.
	pub fn with_limit(credit_limit: Credit) -> Self {
		Self { credit_limit, ..Default::default() }
	}

	/// The entitlement in `category`.
	pub fn entitlement(&self, category: WorkCategory) -> Credit {
		match category {
			WorkCategory::Subsistence => self.subsistence_entitlement,
			WorkCategory::Commons => self.commons_entitlement,
		}
	}

	/// The entitlement in `category`, to be changed.
	pub fn entitlement_mut(&mut self, category: WorkCategory) -> &mut Credit {
		match category {
			WorkCategory::Subsistence => &mut self.subsistence_entitlement,
			WorkCategory::Commons => &mut self.commons_entitlement,
		}
	}

	/// Whether a vote's lock is in force at block `now`: until `locked_until`, while a poll
	/// holds it.
	pub fn is_locked_at(&self, now: BlockNumber) -> bool {
		now <= self.locked_until && self.locking_polls > 0
	}

	/// What a vote locked at block `now` (zero when no lock is in force).
	pub fn locked_at(&self, now: BlockNumber) -> Credit {
		if self.is_locked_at(now) {
			self.locked
		} else {
			0
		}
	}

	/// What a holder keeps from moving at block `now`: what a vote locked and what is on offer
	/// (`None` beyond `u128`).
	fn held_at(&self, now: BlockNumber) -> Option<Credit> {
		self.locked_at(now).checked_add(self.offered)
	}

	/// The credit that weighs in a vote: the positive balance, less what is on offer.
	pub fn voting_credit(&self) -> Credit {
		Credit::try_from(self.balance).unwrap_or(0).saturating_sub(self.offered)
	}

	/// The bound the limit sets: minus the credit limit for a holder; for the coop account, minus
	/// its issuance limit plus what it offers (its offers count as issued).
	fn limit_bound(&self, kind: AccountKind) -> Bound {
		let minus_limit =
			CreditBalance::try_from(self.credit_limit).ok().and_then(CreditBalance::checked_neg);
		match kind {
			AccountKind::Holder => {
				Bound { at: minus_limit, refused: DebitRefused::OverCreditLimit }
			},
			AccountKind::CoopAccount => Bound {
				at: CreditBalance::try_from(self.offered)
					.ok()
					.zip(minus_limit)
					.and_then(|(offered, minus_limit)| offered.checked_add(minus_limit)),
				refused: DebitRefused::OverIssuanceLimit,
			},
		}
	}

	/// The bounds credit held sets a holder at block `now` (none for the coop account): what a
	/// vote locked, then that and what is on offer; each only when it is above zero, so that
	/// while credit is held the balance may not go into debt.
	fn held_bounds(&self, now: BlockNumber, kind: AccountKind) -> [Option<Bound>; 2] {
		if kind == AccountKind::CoopAccount {
			return [None, None];
		}
		let locked = self.locked_at(now);
		let held = self.held_at(now);
		[
			(locked > 0).then(|| Bound {
				at: CreditBalance::try_from(locked).ok(),
				refused: DebitRefused::CreditLocked,
			}),
			(held != Some(0)).then(|| Bound {
				at: held.and_then(|held| CreditBalance::try_from(held).ok()),
				refused: DebitRefused::CreditOnOffer,
			}),
		]
	}

	/// The lowest balance the account may reach at block `now` (`None`: no balance in `i128`
	/// meets it):
	/// - a holder: what a vote locked plus what it has on offer, when that is above zero (no
	///   debt while credit is held); otherwise minus its credit limit;
	/// - the coop account: minus its issuance limit plus what it offers (its offers count as
	///   issued).
	pub fn floor(&self, now: BlockNumber, kind: AccountKind) -> Option<CreditBalance> {
		self.bounds(self.limit_bound(kind), now, kind)
			.try_fold(CreditBalance::MIN, |floor, bound| Some(floor.max(bound.at?)))
	}

	/// Whether the balance is at or above its [floor](Self::floor) at block `now`.
	pub fn is_above_floor(&self, now: BlockNumber, kind: AccountKind) -> bool {
		self.floor(now, kind).is_some_and(|floor| self.balance >= floor)
	}

	/// How much the account may pay at block `now`: its balance above its
	/// [floor](Self::floor), never below zero.
	pub fn available(&self, now: BlockNumber, kind: AccountKind) -> Credit {
		match self.floor(now, kind) {
			Some(floor) if self.balance > floor => self.balance.abs_diff(floor),
			_ => 0,
		}
	}

	/// The balance after paying `amount` at block `now`, or the first rule it would break, in
	/// this order: the limit (`OverCreditLimit` for a holder; `Overflow`, then
	/// `OverIssuanceLimit` for the coop account), then what a vote locked (`CreditLocked`), then
	/// that and what is on offer (`CreditOnOffer`). Changes nothing.
	pub fn debit(
		&self,
		amount: Credit,
		now: BlockNumber,
		kind: AccountKind,
	) -> Result<CreditBalance, DebitRefused> {
		if kind == AccountKind::CoopAccount {
			// Its offers count as issued: the amount and the offers must fit together.
			let with_offers = amount.checked_add(self.offered).ok_or(DebitRefused::Overflow)?;
			CreditBalance::try_from(with_offers).map_err(|_| DebitRefused::OverIssuanceLimit)?;
		}
		self.debit_above(amount, self.limit_bound(kind), now, kind)
	}

	/// The balance after a holder pays `amount` of the credit it holds (a redemption): like
	/// [`Self::debit`], but with zero in place of its credit limit (`InsufficientCredit`).
	pub fn debit_held(
		&self,
		amount: Credit,
		now: BlockNumber,
	) -> Result<CreditBalance, DebitRefused> {
		let zero = Bound { at: Some(0), refused: DebitRefused::InsufficientCredit };
		self.debit_above(amount, zero, now, AccountKind::Holder)
	}

	/// `limit`, then the bounds credit held sets at block `now`: every rule holding the balance
	/// up, in the order a debit checks them.
	fn bounds(
		&self,
		limit: Bound,
		now: BlockNumber,
		kind: AccountKind,
	) -> impl Iterator<Item = Bound> {
		core::iter::once(Some(limit)).chain(self.held_bounds(now, kind)).flatten()
	}

	/// The balance after paying `amount`, if it meets `limit` and then the bounds credit held
	/// sets at `now`; else the first refusal.
	fn debit_above(
		&self,
		amount: Credit,
		limit: Bound,
		now: BlockNumber,
		kind: AccountKind,
	) -> Result<CreditBalance, DebitRefused> {
		let after = CreditBalance::try_from(amount)
			.ok()
			.and_then(|amount| self.balance.checked_sub(amount));
		for bound in self.bounds(limit, now, kind) {
			if !bound.admits(after) {
				return Err(bound.refused);
			}
		}
		after.ok_or(limit.refused)
	}

	/// Puts `amount` more on offer at block `now`, if the balance stays at or above the
	/// [floor](Self::floor) that raises: a holder offers only credit it holds above what a vote
	/// locked (`InsufficientCredit`); the coop account offers new credit within its issuance
	/// limit (`OverIssuanceLimit`). `Overflow` if the sums leave `u128`.
	pub fn offer(
		&mut self,
		amount: Credit,
		now: BlockNumber,
		kind: AccountKind,
	) -> Result<(), DebitRefused> {
		let offered = self.offered.checked_add(amount).ok_or(DebitRefused::Overflow)?;
		let offering = Self { offered, ..*self };
		let refused = match kind {
			AccountKind::Holder => {
				offering.held_at(now).ok_or(DebitRefused::Overflow)?;
				DebitRefused::InsufficientCredit
			},
			AccountKind::CoopAccount => DebitRefused::OverIssuanceLimit,
		};
		if !offering.is_above_floor(now, kind) {
			return Err(refused);
		}
		*self = offering;
		Ok(())
	}

	/// Locks `amount` until `until` at block `now`; a lock still in force is only ever extended
	/// (the larger amount, the later end, one more poll holding it), so that every open poll's
	/// lock holds.
	pub fn lock(&mut self, amount: Credit, until: BlockNumber, now: BlockNumber) {
		if self.is_locked_at(now) {
			self.locked = self.locked.max(amount);
			self.locked_until = self.locked_until.max(until);
			self.locking_polls = self.locking_polls.saturating_add(1);
		} else {
			self.locked = amount;
			self.locked_until = until;
			self.locking_polls = 1;
		}
	}

	/// A poll that locked the balance closed at block `now`, before its end. It was counted in
	/// the lock in force (a lock is only renewed after the previous one ended), so one poll
	/// fewer holds it; the last one releases it. Nothing changes if no lock is in force.
	pub fn release_poll(&mut self, now: BlockNumber) {
		if !self.is_locked_at(now) {
			return;
		}
		self.locking_polls = self.locking_polls.saturating_sub(1);
		if self.locking_polls == 0 {
			self.locked = 0;
			self.locked_until = Default::default();
		}
	}

	/// What the runtime API reports at block `now`.
	pub fn info(&self, now: BlockNumber, kind: AccountKind) -> CreditAccountInfo {
		CreditAccountInfo {
			balance: self.balance,
			credit_limit: self.credit_limit,
			available: self.available(now, kind),
			locked: self.locked_at(now),
			offered: self.offered,
			subsistence_entitlement: self.subsistence_entitlement,
			commons_entitlement: self.commons_entitlement,
		}
	}
}
