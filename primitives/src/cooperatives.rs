//! Cooperatives: what any pallet may ask about them and their members, what a cooperative
//! decides about itself, and the news of members joining and leaving.

use crate::CoopId;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// What a cooperative decides about itself (`Cooperatives.set_parameters`).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct CoopParams<BlockNumber> {
	/// How long a poll of the cooperative is open, in blocks.
	pub voting_period: BlockNumber,
	/// The share of members who must vote for a poll to count.
	pub quorum: Perbill,
	/// The share of the weight cast that must be aye for a poll to pass (strictly more than
	/// this share when it is 50%, so that a tie fails).
	pub approval: Perbill,
	/// `a` in the vote weight `1 + a·sqrt(work) + b·sqrt(care)`; 0 with `b` 0: one member one vote.
	pub work_weight: u32,
	/// `b` in the vote weight `1 + a·sqrt(work) + b·sqrt(care)`.
	pub care_weight: u32,
	/// No member holds more than this share of a poll's total weight.
	pub weight_cap: Perbill,
	/// The half-life of care reputation, in blocks.
	pub care_half_life: BlockNumber,
	/// How many distinct members must attest a care record to confirm it.
	pub attestations_needed: u32,
	/// The share of each deposit into the reserve that goes to the `Subsistence` bucket (the
	/// rest goes to `Commons`).
	pub reserve_split: Perbill,
}

impl<BlockNumber: From<u32>> Default for CoopParams<BlockNumber> {
	fn default() -> Self {
		Self {
			// One day of six-second blocks.
			voting_period: BlockNumber::from(14_400),
			quorum: Perbill::from_percent(50),
			approval: Perbill::from_percent(50),
			work_weight: 1,
			care_weight: 1,
			weight_cap: Perbill::from_percent(10),
			// 180 days of six-second blocks.
			care_half_life: BlockNumber::from(180 * 14_400),
			attestations_needed: 2,
			reserve_split: Perbill::from_percent(75),
		}
	}
}

/// Why a cooperative cannot act now: what [`Cooperatives::ensure_active`] and
/// [`Cooperatives::ensure_admitted`] answer. Each pallet turns it into its own
/// `UnknownCooperative` or `CooperativeNotActive` error.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CoopUnavailable {
	/// There is no such cooperative.
	Unknown,
	/// The cooperative exists but is not active (pending or suspended), or, where admission is
	/// what counts, not yet admitted (pending).
	NotActive,
}

/// What any pallet may ask about cooperatives and their members.
pub trait Cooperatives<AccountId, BlockNumber> {
	/// Whether the cooperative exists and is active (admitted and not suspended).
	fn is_active(coop: CoopId) -> bool;
	/// Whether the cooperative exists and was admitted: active or suspended, not pending (an
	/// application) nor gone (rejected, withdrawn, or never there).
	fn is_admitted(coop: CoopId) -> bool;
	/// Whether `who` is a member of the cooperative (whatever the cooperative's status).
	fn is_member(coop: CoopId, who: &AccountId) -> bool;
	/// The number of members of the cooperative; 0 if there is no such cooperative.
	fn member_count(coop: CoopId) -> u32;
	/// The number of active cooperatives: the federation's electorate.
	fn active_count() -> u32;
	/// The cooperative's keyless sovereign account.
	fn account(coop: CoopId) -> AccountId;
	/// The cooperative's parameters; `None` if there is no such cooperative.
	fn params(coop: CoopId) -> Option<CoopParams<BlockNumber>>;

	/// Ensures the cooperative exists (whatever its status).
	fn ensure_exists(coop: CoopId) -> Result<(), CoopUnavailable> {
		Self::params(coop).map(|_| ()).ok_or(CoopUnavailable::Unknown)
	}

	/// Ensures the cooperative is active, saying whether it is unknown or only not active.
	fn ensure_active(coop: CoopId) -> Result<(), CoopUnavailable> {
		if Self::is_active(coop) {
			return Ok(());
		}
		Self::ensure_exists(coop)?;
		Err(CoopUnavailable::NotActive)
	}

	/// Ensures the cooperative was admitted (active or suspended), saying whether it is unknown
	/// or only pending (`NotActive`). What outlives an application that may still be rejected or
	/// withdrawn, such as a reserve's funds, waits for this.
	fn ensure_admitted(coop: CoopId) -> Result<(), CoopUnavailable> {
		if Self::is_admitted(coop) {
			return Ok(());
		}
		Self::ensure_exists(coop)?;
		Err(CoopUnavailable::NotActive)
	}
}

/// What other pallets say about a member joining or leaving a cooperative. Implemented for
/// tuples, so that the runtime can hand every interested pallet the same news.
pub trait MembershipHooks<AccountId> {
	/// `who` has joined the cooperative (as a founder or by the cooperative's decision).
	fn on_joined(coop: CoopId, who: &AccountId);
	/// Whether `who` may leave (or be removed from) the cooperative now; an error says why not
	/// (for example, a negative credit balance that is not settled).
	fn can_leave(coop: CoopId, who: &AccountId) -> sp_runtime::DispatchResult;
	/// `who` has left the cooperative: drop what it held there only as a member.
	fn on_left(coop: CoopId, who: &AccountId);
}

#[impl_trait_for_tuples::impl_for_tuples(8)]
impl<AccountId> MembershipHooks<AccountId> for Tuple {
	fn on_joined(coop: CoopId, who: &AccountId) {
		for_tuples!( #( Tuple::on_joined(coop, who); )* );
	}
	fn can_leave(coop: CoopId, who: &AccountId) -> sp_runtime::DispatchResult {
		for_tuples!( #( Tuple::can_leave(coop, who)?; )* );
		Ok(())
	}
	fn on_left(coop: CoopId, who: &AccountId) {
		for_tuples!( #( Tuple::on_left(coop, who); )* );
	}
}
