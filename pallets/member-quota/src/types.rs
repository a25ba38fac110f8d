//! A cooperative's quota of free transactions and a member's count of them, with their rules:
//! which period a block falls in, and how many free transactions are used in it.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::traits::AtLeast32BitUnsigned;

/// How many free transactions each member of a cooperative has per period.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Quota<BlockNumber> {
	/// Free transactions per member per period.
	pub per_period: u32,
	/// The period, in blocks (never zero).
	pub period: BlockNumber,
}

impl<BlockNumber: AtLeast32BitUnsigned + Copy> Quota<BlockNumber> {
	/// The first block of the period block `now` falls in. Periods are aligned on multiples of
	/// the period from block zero, the same for every member: nobody restarts its own.
	pub fn period_start(&self, now: BlockNumber) -> BlockNumber {
		if self.period.is_zero() {
			return now;
		}
		now.saturating_sub(now % self.period)
	}

	/// The first block of the next period after block `now`.
	pub fn renews_at(&self, now: BlockNumber) -> BlockNumber {
		self.period_start(now).saturating_add(self.period)
	}
}

/// A member's free transactions in one cooperative: how many it used in the period that started
/// at `since`.
#[derive(
	Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Usage<BlockNumber> {
	/// The first block of the period counted.
	pub since: BlockNumber,
	/// Free transactions used in it.
	pub count: u32,
}

impl<BlockNumber: AtLeast32BitUnsigned + Copy> Usage<BlockNumber> {
	/// How many free transactions are used in the period of block `now` under `quota`: none once
	/// a new period has started.
	pub fn used_at(&self, quota: &Quota<BlockNumber>, now: BlockNumber) -> u32 {
		if self.since == quota.period_start(now) {
			self.count
		} else {
			0
		}
	}

	/// How many are left in the period of block `now` under `quota`.
	pub fn left_at(&self, quota: &Quota<BlockNumber>, now: BlockNumber) -> u32 {
		quota.per_period.saturating_sub(self.used_at(quota, now))
	}

	/// The usage after one more free transaction at block `now` under `quota` (the count starts
	/// again in a new period).
	pub fn after_one(&self, quota: &Quota<BlockNumber>, now: BlockNumber) -> Self {
		Usage {
			since: quota.period_start(now),
			count: self.used_at(quota, now).saturating_add(1),
		}
	}
}
