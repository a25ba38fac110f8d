//! The records this pallet keeps.

use codec::{Decode, Encode, MaxEncodedLen};
use confoederatio_primitives::{Credit, ReserveInfo, WorkCategory};
use scale_info::TypeInfo;

/// A queued request's position in its bucket's queue.
pub type QueueIndex = u32;

/// A cooperative's reserve: two buckets of native funds, and the rate credit is redeemed at.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Reserve<Balance> {
	/// What the `Subsistence` bucket holds.
	pub subsistence: Balance,
	/// What the `Commons` bucket holds.
	pub commons: Balance,
	/// Native units paid per unit of credit redeemed, before the exit fee (zero: not set).
	pub rate: Balance,
	/// What the `Commons` bucket set aside for the cooperative's standing buy order on the
	/// exchange: still in the reserve account, no longer in the bucket.
	pub earmarked: Balance,
	/// Everything ever deposited.
	pub funded: Balance,
	/// Everything ever paid out.
	pub paid: Balance,
}

impl<Balance: Copy> Reserve<Balance> {
	/// The bucket of `category`, to be changed.
	pub fn bucket_mut(&mut self, category: WorkCategory) -> &mut Balance {
		match category {
			WorkCategory::Subsistence => &mut self.subsistence,
			WorkCategory::Commons => &mut self.commons,
		}
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

/// A redemption waiting for its bucket to be refilled. Its credit is already burned.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Request<AccountId, Balance> {
	/// Who redeemed, and is paid.
	pub who: AccountId,
	/// The credit burned.
	pub credit: Credit,
	/// What it will be paid (after the exit fee), fixed at the rate of the request.
	pub payout: Balance,
}
