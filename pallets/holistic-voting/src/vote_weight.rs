//! The holistic vote weight: `1 + a·sqrt(work hours) + b·sqrt(care points)`.
//!
//! [`HolisticWeight`] is the [`VoteWeight`] the runtime gives [`Config::VoteWeight`]: it asks
//! the cooperative's factors of [`Cooperatives`], the credit that votes of [`LockableCredit`]
//! (mutual credit: a positive balance less what is on offer) and care reputation of
//! [`CareLedger`]. [`holistic_weight`] is the formula alone.
//!
//! [`Config::VoteWeight`]: crate::Config::VoteWeight

use confoederatio_primitives::{
	CareLedger, CoopId, Cooperatives, LockableCredit, PollId, VoteWeight, VotingWeight,
	CREDIT_PER_HOUR,
};
use core::marker::PhantomData;
use sp_runtime::{traits::IntegerSquareRoot, DispatchResult};

/// The holistic vote weight `1 + a·sqrt(work) + b·sqrt(care)`: `work` is the member's voting
/// credit in the cooperative's currency ([`LockableCredit::voting_credit`]: its positive
/// balance less what it has on offer), in whole hours; `care` its care reputation now; `a` and
/// `b` the cooperative's `work_weight` and `care_weight`. A non-member, or a member of no known
/// cooperative, weighs 0. Voting locks the voting credit that gave the weight for that poll,
/// until it closes or ends.
pub struct HolisticWeight<C, L, R, BlockNumber>(PhantomData<(C, L, R, BlockNumber)>);

impl<AccountId, BlockNumber, C, L, R> VoteWeight<AccountId, BlockNumber>
	for HolisticWeight<C, L, R, BlockNumber>
where
	C: Cooperatives<AccountId, BlockNumber>,
	L: LockableCredit<AccountId, BlockNumber>,
	R: CareLedger<AccountId>,
{
	fn vote_weight(coop: CoopId, who: &AccountId) -> VotingWeight {
		if !C::is_member(coop, who) {
			return 0;
		}
		let Some(params) = C::params(coop) else { return 0 };
		let work_hours = L::voting_credit(coop, who) / CREDIT_PER_HOUR;
		let care_points = R::reputation(coop, who);
		holistic_weight(params.work_weight, work_hours, params.care_weight, care_points)
	}

	/// Locks `who`'s voting credit, if it has any, for `poll` until `until` (the ledger may
	/// refuse, and then the vote is refused). A vote without credit locks nothing.
	fn lock_for_poll(
		coop: CoopId,
		who: &AccountId,
		poll: PollId,
		until: BlockNumber,
	) -> DispatchResult {
		let credit = L::voting_credit(coop, who);
		if credit > 0 {
			L::lock(coop, who, poll, credit, until)?;
		}
		Ok(())
	}

	/// Unlocks what `who`'s vote in `poll` locked (the other polls' locks stay).
	fn release_poll(coop: CoopId, who: &AccountId, poll: PollId) {
		L::unlock(coop, who, poll);
	}

	/// Voting credit to lock, and the ledger's costliest lock.
	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_costliest_vote(coop: CoopId, who: &AccountId, until: BlockNumber) {
		L::prepare_costliest_lock(coop, who, until);
	}
}

/// `1 + work_weight·sqrt(work_hours) + care_weight·sqrt(care_points)`: integer square roots
/// rounded down, saturating at [`VotingWeight::MAX`].
pub fn holistic_weight(
	work_weight: u32,
	work_hours: u128,
	care_weight: u32,
	care_points: u128,
) -> VotingWeight {
	let term = |factor: u32, amount: u128| {
		let root = VotingWeight::try_from(amount.integer_sqrt()).unwrap_or(VotingWeight::MAX);
		VotingWeight::from(factor).saturating_mul(root)
	};
	1u64.saturating_add(term(work_weight, work_hours))
		.saturating_add(term(care_weight, care_points))
}
