//! Free transactions: a member's own acts in its cooperative cost it no fee, within the quota of
//! free transactions per period the cooperative sets (pallet-member-quota keeps the count).

use crate::CoopId;
use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Which calls are members' own acts in a cooperative. The runtime answers, since it knows
/// every pallet's calls; the quota pallet checks the membership and keeps the count.
pub trait MemberActs<AccountId, Call> {
	/// The cooperative in which `call`, signed by `who`, is an act of `who`'s own there: paying,
	/// submitting work, attesting care, proposing and voting in its polls, redeeming, trading
	/// its credit, leaving. `None` for any other call. Whether `who` is a member is not checked
	/// here.
	fn cooperative_of(who: &AccountId, call: &Call) -> Option<CoopId>;

	/// Whether `call` is of a kind that may be a member's act, decided from the call alone (no
	/// storage), and what telling its cooperative costs: `Some(reads)` if it may be, where
	/// `reads` is how many storage items [`MemberActs::cooperative_of`] reads for it (the poll
	/// voted in, the order cancelled; none when the call names its cooperative); `None` if it
	/// never is, for any signer: the fee extension then charges no check of a free transaction,
	/// and the call is never free. `Some(1)` unless told otherwise.
	fn reads_to_tell(_call: &Call) -> Option<u64> {
		Some(1)
	}
}

/// No call is a member's act: nothing is free.
impl<AccountId, Call> MemberActs<AccountId, Call> for () {
	fn cooperative_of(_: &AccountId, _: &Call) -> Option<CoopId> {
		None
	}

	fn reads_to_tell(_: &Call) -> Option<u64> {
		None
	}
}

/// A member's free transactions in one cooperative, as the runtime API reports them.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct QuotaInfo<BlockNumber> {
	/// Free transactions per period in this cooperative.
	pub per_period: u32,
	/// The period, in blocks.
	pub period: BlockNumber,
	/// Free transactions used in the current period.
	pub used: u32,
	/// Free transactions left in the current period (zero for a non-member).
	pub left: u32,
	/// The first block of the next period, when the count starts again.
	pub renews_at: BlockNumber,
}
