//! An account in one cooperative's currency, and its rules: the floor its balance may not go
//! below, a debit, an offer, the votes' locks (one per poll), and what the runtime API reports of it.
//!
//! Every call, [`crate::Pallet::do_try_state`] and the runtime API ask these methods; none of them
//! writes the rules again.

use codec::{Decode, Encode, MaxEncodedLen};
use confoederatio_primitives::{Credit, CreditAccountInfo, CreditBalance, PollId, WorkCategory};
use core::fmt::Debug;
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound,
	PartialEqNoBound,
};
use scale_info::TypeInfo;

/// What one vote locked: the credit it weighed with, in a poll open until a block.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct VoteLock<BlockNumber> {
	/// The poll voted in.
	pub poll: PollId,
	/// The credit that weighed in the vote.
	pub amount: Credit,
	/// The poll's end: the last block in which it is open.
	pub until: BlockNumber,
}

impl<BlockNumber: Ord + Copy> VoteLock<BlockNumber> {
	/// Whether the poll is still open at block `now` (until it is closed, which removes the lock).
	pub fn is_open_at(&self, now: BlockNumber) -> bool {
		now <= self.until
	}
}

/// An account in one cooperative's currency; `MaxVoteLocks` bounds its vote locks.
#[derive(
	CloneNoBound,
	DefaultNoBound,
	PartialEqNoBound,
	EqNoBound,
	Encode,
	Decode,
	MaxEncodedLen,
	TypeInfo,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxVoteLocks))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
pub struct CreditAccount<BlockNumber: Clone + PartialEq + Eq + Debug, MaxVoteLocks: Get<u32>> {
	/// The balance: negative when the holder owes its community.
	pub balance: CreditBalance,
	/// How far below zero the balance may go. For the coop account this is its issuance limit;
	/// for a former member, zero.
	pub credit_limit: Credit,
	/// Credit earned by the holder's own approved `Subsistence` work and still held,
	/// redeemable from that reserve bucket.
	pub subsistence_entitlement: Credit,
	/// Credit earned by the holder's own approved `Commons` work and still held, redeemable from
	/// that reserve bucket (or sold to the cooperative's standing buy order).
	pub commons_entitlement: Credit,
	/// What the votes of this account locked, one per poll it voted in with credit: while a
	/// poll is open, the balance may not go below what its vote locked. A poll's lock goes when
	/// it is closed; an expired one (its poll ended) is pruned whenever the locks are written.
	pub vote_locks: BoundedVec<VoteLock<BlockNumber>, MaxVoteLocks>,
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
	/// An amount and what is on offer together leave `u128`, or a balance leaves `i128`.
	Overflow,
	/// More than the entitlement of that category.
	OverEntitlement,
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

/// Why a vote's lock is refused. Each is the pallet's error of the same name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LockRefused {
	/// The account's credit votes in as many open polls as it keeps locks for.
	TooManyVoteLocks,
	/// More than the account's voting credit (its positive balance less what is on offer).
	InsufficientCredit,
}

impl<BlockNumber, MaxVoteLocks> CreditAccount<BlockNumber, MaxVoteLocks>
where
	BlockNumber: Ord + Copy + Default + Debug,
	MaxVoteLocks: Get<u32>,
{
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

	/// What the votes locked at block `now`: the most credit the account voted with in a poll
	/// still open (zero when none is). Each poll's lock holds on its own, so the largest holds
	/// them all.
	pub fn locked_at(&self, now: BlockNumber) -> Credit {
		self.vote_locks
			.iter()
			.filter(|lock| lock.is_open_at(now))
			.map(|lock| lock.amount)
			.max()
			.unwrap_or(0)
	}

	/// What a holder keeps from moving at block `now`: what a vote locked and what is on offer
	/// (`None` beyond `u128`).
	fn held_at(&self, now: BlockNumber) -> Option<Credit> {
		self.locked_at(now).checked_add(self.offered)
	}

	/// The credit the holder earned by its own approved work and still holds: its two
	/// entitlements together (never more than its positive balance, see [`Self::keep_earned`]).
	pub fn earned(&self) -> Credit {
		self.subsistence_entitlement.saturating_add(self.commons_entitlement)
	}

	/// The credit that weighs in a vote: what the holder [earned](Self::earned) and still holds,
	/// less what is on offer. Credit bought on the exchange or received from another member adds
	/// none; paying earned credit away (or offering it) takes its weight with it.
	pub fn voting_credit(&self) -> Credit {
		let held = Credit::try_from(self.balance).unwrap_or(0).saturating_sub(self.offered);
		self.earned().min(held)
	}

	/// What the holder may redeem in `category` at block `now`: its entitlement there, within
	/// what it earned above what a vote locked (the earned credit that voted in an open poll
	/// stays until the poll closes).
	pub fn redeemable(&self, category: WorkCategory, now: BlockNumber) -> Credit {
		let unlocked = self.earned().saturating_sub(self.locked_at(now));
		self.entitlement(category).min(unlocked)
	}

	/// Keeps the entitlements within the positive balance
	/// ([`earned_within`](confoederatio_primitives::earned_within)): what was earned and then
	/// paid away is no longer earned, `Commons` going first.
	///
	/// Every change of the balance ends here ([`Self::pay`], [`Self::receive`], [`Self::earn`],
	/// [`Self::redeem`], [`Self::write_off`]), so the rule holds everywhere.
	pub fn keep_earned(&mut self) {
		(self.subsistence_entitlement, self.commons_entitlement) = confoederatio_primitives::earned_within(
			self.balance,
			self.subsistence_entitlement,
			self.commons_entitlement,
		);
	}

	/// Whether the entitlements fit within the positive balance (what [`Self::keep_earned`]
	/// keeps).
	pub fn earned_is_held(&self) -> bool {
		self.earned() <= Credit::try_from(self.balance).unwrap_or(0)
	}

	/// Pays `amount` at block `now` ([`Self::debit`]): the balance goes down, and the
	/// entitlements with it where the balance goes below them.
	pub fn pay(
		&mut self,
		amount: Credit,
		now: BlockNumber,
		kind: AccountKind,
	) -> Result<(), DebitRefused> {
		self.balance = self.debit(amount, now, kind)?;
		self.keep_earned();
		Ok(())
	}

	/// Receives `amount` (a payment, a purchase): the balance goes up, the entitlements stay.
	/// `Overflow` if the balance would leave `i128`.
	pub fn receive(&mut self, amount: Credit) -> Result<(), DebitRefused> {
		let amount = CreditBalance::try_from(amount).map_err(|_| DebitRefused::Overflow)?;
		self.balance = self.balance.checked_add(amount).ok_or(DebitRefused::Overflow)?;
		Ok(())
	}

	/// Receives `amount` issued for the holder's own approved work in `category`: the balance
	/// and the entitlement go up together (the part that pays back a debt is not held, so not
	/// earned). `Overflow` if a sum leaves its range; then nothing changes.
	pub fn earn(&mut self, category: WorkCategory, amount: Credit) -> Result<(), DebitRefused> {
		let mut earning = self.clone();
		earning.receive(amount)?;
		let entitlement = earning.entitlement_mut(category);
		*entitlement = entitlement.checked_add(amount).ok_or(DebitRefused::Overflow)?;
		earning.keep_earned();
		*self = earning;
		Ok(())
	}

	/// Gives up `amount` of the entitlement in `category` at block `now`, for a redemption or a
	/// sale to the cooperative's standing buy order: `OverEntitlement` beyond the entitlement,
	/// `CreditLocked` beyond what it earned above what a vote locked ([`Self::redeemable`]).
	/// The credit itself moves separately.
	pub fn use_entitlement(
		&mut self,
		category: WorkCategory,
		amount: Credit,
		now: BlockNumber,
	) -> Result<(), DebitRefused> {
		if amount > self.entitlement(category) {
			return Err(DebitRefused::OverEntitlement);
		}
		if amount > self.redeemable(category, now) {
			return Err(DebitRefused::CreditLocked);
		}
		let entitlement = self.entitlement_mut(category);
		*entitlement = entitlement.saturating_sub(amount);
		Ok(())
	}

	/// Redeems `amount` of the entitlement in `category` at block `now`: the entitlement goes
	/// ([`Self::use_entitlement`]), and the balance down by as much, out of credit held
	/// ([`Self::debit_held`]). Changes nothing when refused.
	pub fn redeem(
		&mut self,
		category: WorkCategory,
		amount: Credit,
		now: BlockNumber,
	) -> Result<(), DebitRefused> {
		let mut redeeming = self.clone();
		redeeming.use_entitlement(category, amount, now)?;
		redeeming.balance = redeeming.debit_held(amount, now)?;
		redeeming.keep_earned();
		*self = redeeming;
		Ok(())
	}

	/// Writes the debt off: the balance goes to zero; returns the debt (`None`, and nothing
	/// changes, if there is none).
	pub fn write_off(&mut self) -> Option<Credit> {
		if self.balance >= 0 {
			return None;
		}
		let debt = self.balance.unsigned_abs();
		self.balance = 0;
		self.keep_earned();
		Some(debt)
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
		let offering = Self { offered, ..self.clone() };
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

	/// Locks `amount` for `poll`, open until `until`, at block `now`: the balance then stays at
	/// or above it while the poll is open. Expired locks are pruned first; then a poll locked
	/// already keeps one lock (the larger amount, the later end), and a new poll needs room
	/// (`TooManyVoteLocks` when `MaxVoteLocks` polls still open hold locks). Only voting credit
	/// can be locked (`InsufficientCredit`): then every lock fits in the balance above what is on
	/// offer. Changes nothing when refused.
	pub fn lock(
		&mut self,
		poll: PollId,
		amount: Credit,
		until: BlockNumber,
		now: BlockNumber,
	) -> Result<(), LockRefused> {
		if amount > self.voting_credit() {
			return Err(LockRefused::InsufficientCredit);
		}
		let mut locks = self.vote_locks.clone();
		locks.retain(|lock| lock.is_open_at(now));
		match locks.iter_mut().find(|lock| lock.poll == poll) {
			Some(lock) => {
				lock.amount = lock.amount.max(amount);
				lock.until = lock.until.max(until);
			},
			None => locks
				.try_push(VoteLock { poll, amount, until })
				.map_err(|_| LockRefused::TooManyVoteLocks)?,
		}
		self.vote_locks = locks;
		Ok(())
	}

	/// `poll` was closed at block `now`: its lock goes (if its vote locked anything), and so do
	/// the expired ones. The other open polls' locks stay. Returns whether any lock went.
	pub fn release_poll(&mut self, poll: PollId, now: BlockNumber) -> bool {
		let before = self.vote_locks.len();
		self.vote_locks.retain(|lock| lock.poll != poll && lock.is_open_at(now));
		self.vote_locks.len() != before
	}

	/// Whether each poll holds at most one lock (as [`Self::lock`] keeps them).
	pub fn has_one_lock_per_poll(&self) -> bool {
		self.vote_locks.iter().enumerate().all(|(index, lock)| {
			self.vote_locks
				.iter()
				.skip(index.saturating_add(1))
				.all(|other| other.poll != lock.poll)
		})
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
