//! The records this pallet keeps, and the rules that belong to them: how a deposit is split,
//! what a bucket pays, how a payout is computed, how a queue moves. The pallet's calls,
//! `do_try_state` and the runtime API all use these methods, so that each rule is written once.

use codec::{Decode, Encode, MaxEncodedLen};
use confoederatio_primitives::{Credit, Price, ReserveInfo, WorkCategory};
use scale_info::TypeInfo;
use sp_runtime::{traits::AtLeast32BitUnsigned, FixedPointNumber, Perbill};

/// A queued request's position in its bucket's queue.
pub type QueueIndex = u32;

/// Why a change to a [`Reserve`] was refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ReserveError {
	/// The bucket or the earmark holds less than asked (the pallet's `InsufficientReserve`).
	Insufficient,
	/// An amount would leave its numeric range (the pallet's `Overflow`).
	Overflow,
}

/// What redeeming `credit` at `rate` pays, less the exit fee on it: `(payout, fee)`. The gross
/// amount `rate · credit` rounds down to a whole native unit and the fee on it rounds up, so
/// that every rounding goes the reserve's way, never the member's: a member is never paid more
/// than the rate. `None` if `rate · credit` does not fit a balance.
pub fn payout_at<Balance: AtLeast32BitUnsigned + Copy>(
	credit: Credit,
	rate: Price,
	exit_fee: Perbill,
) -> Option<(Balance, Balance)> {
	let gross: Balance = rate.checked_mul_int(credit)?.try_into().ok()?;
	let fee = exit_fee.mul_ceil(gross);
	Some((gross.saturating_sub(fee), fee))
}

/// A cooperative's reserve: two buckets of native funds, and the rate credit is redeemed at.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Reserve<Balance> {
	/// What the `Subsistence` bucket holds.
	pub subsistence: Balance,
	/// What the `Commons` bucket holds.
	pub commons: Balance,
	/// The redemption rate: native units paid per unit of credit redeemed, both in their
	/// smallest units, before the exit fee; a [`Price`], exactly as the exchange quotes this
	/// cooperative's credit against the native token (zero: not set).
	pub rate: Price,
	/// What the `Commons` bucket set aside for the cooperative's standing buy order on the
	/// exchange: still in the reserve account, no longer in the bucket.
	pub earmarked: Balance,
	/// Everything ever deposited.
	pub funded: Balance,
	/// Everything ever paid out.
	pub paid: Balance,
}

impl<Balance: AtLeast32BitUnsigned + Copy> Reserve<Balance> {
	/// What the bucket of `category` holds.
	pub fn bucket(&self, category: WorkCategory) -> Balance {
		match category {
			WorkCategory::Subsistence => self.subsistence,
			WorkCategory::Commons => self.commons,
		}
	}

	/// The bucket of `category`, to be changed.
	pub fn bucket_mut(&mut self, category: WorkCategory) -> &mut Balance {
		match category {
			WorkCategory::Subsistence => &mut self.subsistence,
			WorkCategory::Commons => &mut self.commons,
		}
	}

	/// Whether the bucket of `category` holds `payout` (the reserve account must also be able
	/// to pay it: `Pallet::can_pay`).
	pub fn covers(&self, category: WorkCategory, payout: Balance) -> bool {
		self.bucket(category) >= payout
	}

	/// Whether the reserve account, able to pay `reducible` while it stays alive (its reducible
	/// balance, keeping its existential deposit), can pay `payout` and then still everything
	/// earmarked. What the exchange set aside is always payable in full: an earmark is accepted,
	/// and a bucket pays, only while this holds (with a zero `payout`: the earmark alone).
	pub fn keeps_earmark_payable(&self, reducible: Balance, payout: Balance) -> bool {
		self.earmarked.checked_add(&payout).is_some_and(|needed| reducible >= needed)
	}

	/// How a deposit of `amount` is split by a cooperative's `reserve_split`:
	/// `(subsistence, commons)`, `Subsistence`'s part rounded down.
	pub fn split(reserve_split: Perbill, amount: Balance) -> (Balance, Balance) {
		let subsistence = reserve_split.mul_floor(amount);
		(subsistence, amount.saturating_sub(subsistence))
	}

	/// Adds a deposit of `amount` to the buckets, split by `reserve_split`, and counts it as
	/// funded; returns the two parts. On an overflow nothing changes.
	pub fn add_deposit(
		&mut self,
		reserve_split: Perbill,
		amount: Balance,
	) -> Result<(Balance, Balance), ReserveError> {
		let (subsistence, commons) = Self::split(reserve_split, amount);
		let overflow = ReserveError::Overflow;
		let subsistence_after = self.subsistence.checked_add(&subsistence).ok_or(overflow)?;
		let commons_after = self.commons.checked_add(&commons).ok_or(overflow)?;
		self.funded = self.funded.checked_add(&amount).ok_or(overflow)?;
		self.subsistence = subsistence_after;
		self.commons = commons_after;
		Ok((subsistence, commons))
	}

	/// Pays `payout` out of the bucket of `category` and counts it as paid. The caller checked
	/// [`Self::covers`].
	pub fn pay_from(&mut self, category: WorkCategory, payout: Balance) {
		let bucket = self.bucket_mut(category);
		*bucket = bucket.saturating_sub(payout);
		self.paid = self.paid.saturating_add(payout);
	}

	/// Sets `amount` of the `Commons` bucket aside for the standing buy order.
	pub fn earmark(&mut self, amount: Balance) -> Result<(), ReserveError> {
		let commons = self.commons.checked_sub(&amount).ok_or(ReserveError::Insufficient)?;
		self.earmarked = self.earmarked.checked_add(&amount).ok_or(ReserveError::Overflow)?;
		self.commons = commons;
		Ok(())
	}

	/// Puts `amount` of the earmark back into the `Commons` bucket.
	pub fn unearmark(&mut self, amount: Balance) -> Result<(), ReserveError> {
		let earmarked = self.earmarked.checked_sub(&amount).ok_or(ReserveError::Insufficient)?;
		self.commons = self.commons.checked_add(&amount).ok_or(ReserveError::Overflow)?;
		self.earmarked = earmarked;
		Ok(())
	}

	/// Pays `amount` out of the earmark and counts it as paid.
	pub fn pay_earmarked(&mut self, amount: Balance) -> Result<(), ReserveError> {
		let earmarked = self.earmarked.checked_sub(&amount).ok_or(ReserveError::Insufficient)?;
		self.paid = self.paid.checked_add(&amount).ok_or(ReserveError::Overflow)?;
		self.earmarked = earmarked;
		Ok(())
	}

	/// What the buckets and the earmark hold together (`None`: more than a balance holds).
	pub fn held(&self) -> Option<Balance> {
		self.subsistence.checked_add(&self.commons)?.checked_add(&self.earmarked)
	}

	/// Everything funded less everything paid (`None`: more paid than funded).
	pub fn unspent(&self) -> Option<Balance> {
		self.funded.checked_sub(&self.paid)
	}

	/// What the runtime API reports, with the queues' lengths.
	pub fn info(&self, subsistence_queue: u32, commons_queue: u32) -> ReserveInfo<Balance> {
		ReserveInfo {
			subsistence: self.subsistence,
			commons: self.commons,
			rate: self.rate,
			earmarked: self.earmarked,
			subsistence_queue,
			commons_queue,
		}
	}
}

/// A bucket's FIFO queue: requests `head..tail`, of which `waiting` are still there (cancelled
/// ones leave holes that serving skips).
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct QueueBounds {
	/// The first index that may still hold a request.
	pub head: QueueIndex,
	/// The index the next request gets.
	pub tail: QueueIndex,
	/// How many requests wait.
	pub waiting: u32,
}

impl QueueBounds {
	/// Whether no request waits: only then may a redemption be paid at once (first come, first
	/// served).
	pub fn is_empty(&self) -> bool {
		self.waiting == 0
	}

	/// Whether `max` requests already wait.
	pub fn is_full(&self, max: u32) -> bool {
		self.waiting >= max
	}

	/// Whether `index` is within `head..tail`.
	pub fn spans(&self, index: QueueIndex) -> bool {
		self.head <= index && index < self.tail
	}

	/// The index of the next request to serve (or hole to skip), if any.
	pub fn front(&self) -> Option<QueueIndex> {
		(self.head < self.tail).then_some(self.head)
	}

	/// Appends a request; returns its index (`None`: no more indices, nothing changed).
	pub fn push(&mut self) -> Option<QueueIndex> {
		let index = self.tail;
		self.tail = self.tail.checked_add(1)?;
		self.waiting = self.waiting.saturating_add(1);
		Some(index)
	}

	/// The request at the front was paid: it no longer waits.
	pub fn pop_served(&mut self) {
		self.head = self.head.saturating_add(1);
		self.waiting = self.waiting.saturating_sub(1);
	}

	/// The front is a cancelled request's hole: skip it.
	pub fn skip_hole(&mut self) {
		self.head = self.head.saturating_add(1);
	}

	/// A request inside the queue was cancelled: it leaves a hole and no longer waits.
	pub fn cancelled(&mut self) {
		self.waiting = self.waiting.saturating_sub(1);
	}
}

/// A redemption waiting for its bucket to be refilled. Its credit is already burned; its
/// deposit is held from its depositor until it is paid or cancelled.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Request<AccountId, Balance> {
	/// Who redeemed, and is paid.
	pub who: AccountId,
	/// The credit burned.
	pub credit: Credit,
	/// What it will be paid (after the exit fee), fixed at the rate of the request.
	pub payout: Balance,
	/// The native deposit held from `depositor` for its place in the queue (`RequestDeposit`
	/// when it was made; zero for a request made before deposits, storage version 1).
	pub deposit: Balance,
	/// Who holds the deposit, and gets it back when the request is paid or cancelled: `who`, or
	/// its cooperative's account if `who` could not pay it (`Config::DepositPayer`).
	pub depositor: AccountId,
}
