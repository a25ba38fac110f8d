//! # Governance (holistic voting)
//!
//! Polls inside a cooperative and across the federation. Nothing on a federation chain is
//! decided by a key: a cooperative acts after its members vote, and the federation acts after
//! its cooperatives vote, each cooperative's vote being itself the outcome of its own poll.
//! Governance never dispatches as Root.
//!
//! ## Polls
//!
//! - [`Pallet::propose`] with [`ProposalScope::Cooperative`]: a member of an active cooperative
//!   proposes a call; the members vote ([`Pallet::vote`], signed) with the weights of
//!   [`Config::VoteWeight`] for the cooperative's voting period. Passed, the call runs with
//!   origin `Cooperative(coop)`.
//! - [`Pallet::propose`] with [`ProposalScope::Federation`]: a cooperative (its own origin, so
//!   after its own poll) proposes a call to the federation; each active cooperative votes once
//!   ([`Pallet::vote`] with its own origin) for [`Config::FederationVotingPeriod`]. On the
//!   [`Track::Federation`] track more than half of the active cooperatives must vote aye, and
//!   the call runs as `Federation`; on [`Track::Upgrade`] at least two thirds, and it runs as
//!   `FederationSupermajority`.
//! - [`Pallet::close`]: anyone, once the voting period is over, or earlier once the outcome can no
//!   longer change. The deposit ([`Config::PollDeposit`], held from the proposer while the poll
//!   is open) is released, the poll and its votes are removed, and a passed call is dispatched;
//!   its result is in [`Event::Executed`].
//!
//! A cooperative poll passes when the share of members who voted reaches the cooperative's
//! quorum and the aye weight is strictly more than its approval share of the weight cast
//! (unanimity when the approval is 100%). A suspended cooperative's polls do not pass.
//!
//! ## Holistic weights
//!
//! A vote weighs what [`Config::VoteWeight`] says when it is cast (the runtime uses
//! `1 + a·sqrt(work) + b·sqrt(care)`), and voting locks what gave it that weight until the poll
//! ends, so that credit that voted cannot vote again after a transfer. In a cooperative of at
//! least [`CAP_MIN_MEMBERS`] members no vote counts for more than the cooperative's
//! `weight_cap` of the poll's total: the decisive tally ([`Pallet::decisive_tally`]) caps the
//! largest votes at one level ([`math::cap_level`]).
//!
//! ## Runtime upgrades
//!
//! [`Pallet::authorize_upgrade`] needs [`Config::UpgradeOrigin`] (the `Upgrade` track) and
//! authorizes a code hash in `frame_system`; then anyone submits
//! `System.apply_authorized_upgrade(code)`.
//!
//! ## Invariants (checked by `try_state`)
//!
//! - Each open poll's tally equals the sum of its recorded votes, and it has at most
//!   [`Config::MaxVoters`] voters.
//! - No vote is recorded for a poll that is not open; poll ids are below `NextPollId`.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod math;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::boxed::Box;
use codec::DecodeLimit;
use confoederatio_primitives::{
	CollectiveOrigin, CoopId, Cooperatives, PollId, Tally, VoteWeight, VotingWeight,
};

/// The weight cap applies in cooperatives with at least this many members.
pub const CAP_MIN_MEMBERS: u32 = 10;
use frame_support::{
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::Precision,
	},
};
use frame_system::pallet_prelude::*;
use sp_runtime::{
	traits::{Dispatchable, Saturating, Zero},
	Perbill,
};

/// A balance of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// How deep a proposal's call may nest calls when it is decoded.
const MAX_CALL_DEPTH: u32 = 32;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an open poll.
		PollDeposit,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The origin a passed poll dispatches with, built from a [`CollectiveOrigin`].
		type RuntimeOrigin: From<CollectiveOrigin>;

		/// The calls polls decide on.
		type RuntimeCall: Parameter
			+ Dispatchable<
				RuntimeOrigin = <Self as Config>::RuntimeOrigin,
				PostInfo = PostDispatchInfo,
			> + GetDispatchInfo
			+ From<Call<Self>>;

		/// The currency deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// The cooperatives and their members.
		type Cooperatives: Cooperatives<Self::AccountId, BlockNumberFor<Self>>;

		/// How much a member's vote weighs, and how what gave it weight is kept from voting
		/// twice.
		type VoteWeight: VoteWeight<Self::AccountId, BlockNumberFor<Self>>;

		/// A cooperative acting after its members' vote; succeeds with its id.
		type CooperativeOrigin: EnsureOrigin<
			<Self as frame_system::Config>::RuntimeOrigin,
			Success = CoopId,
		>;

		/// Who may authorize a runtime upgrade: the federation's `Upgrade` track.
		type UpgradeOrigin: EnsureOrigin<<Self as frame_system::Config>::RuntimeOrigin>;

		/// Held from the proposer while a poll is open.
		#[pallet::constant]
		type PollDeposit: Get<BalanceOf<Self>>;

		/// How long a federation poll is open, in blocks.
		#[pallet::constant]
		type FederationVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest encoded call a poll may carry, in bytes.
		#[pallet::constant]
		type MaxProposalLength: Get<u32>;

		/// The heaviest call a poll may carry.
		#[pallet::constant]
		type MaxProposalWeight: Get<Weight>;

		/// The most votes one poll takes (at least the most members of a cooperative, and the
		/// most cooperatives expected in the federation).
		#[pallet::constant]
		type MaxVoters: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates the cooperatives benchmarks need.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: confoederatio_primitives::BenchmarkHelper<
			Self::AccountId,
			<Self as frame_system::Config>::RuntimeOrigin,
		>;
	}

	/// The id the next poll gets.
	#[pallet::storage]
	pub type NextPollId<T> = StorageValue<_, PollId, ValueQuery>;

	/// The open polls.
	#[pallet::storage]
	pub type Polls<T: Config> = StorageMap<_, Twox64Concat, PollId, Poll<T>>;

	/// Members' votes in open cooperative polls.
	#[pallet::storage]
	pub type MemberVotes<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Blake2_128Concat, T::AccountId, MemberVote>;

	/// Cooperatives' votes in open federation polls: aye or nay.
	#[pallet::storage]
	pub type CoopVotes<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Twox64Concat, CoopId, bool>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A poll opened.
		Proposed {
			/// The poll.
			poll: PollId,
			/// Where it is decided.
			scope: PollScope,
			/// Who holds its deposit.
			depositor: T::AccountId,
			/// The last block in which votes count.
			end: BlockNumberFor<T>,
		},
		/// A vote was cast.
		Voted {
			/// The poll.
			poll: PollId,
			/// Who voted.
			voter: Voter<T::AccountId>,
			/// For or against.
			aye: bool,
			/// The vote's weight.
			weight: confoederatio_primitives::VotingWeight,
		},
		/// A poll passed.
		Approved {
			/// The poll.
			poll: PollId,
			/// Its final tally.
			tally: Tally,
		},
		/// A poll failed.
		Rejected {
			/// The poll.
			poll: PollId,
			/// Its final tally.
			tally: Tally,
		},
		/// A passed poll's call was dispatched.
		Executed {
			/// The poll.
			poll: PollId,
			/// What the call returned.
			result: DispatchResult,
		},
		/// The federation authorized a runtime upgrade to code with this hash.
		UpgradeAuthorized {
			/// The hash of the authorized code.
			code_hash: T::Hash,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No open poll has this id.
		UnknownPoll,
		/// The cooperative does not exist or is not active.
		CooperativeNotActive,
		/// The account is not a member of the poll's cooperative.
		NotMember,
		/// This voter has voted in this poll already.
		AlreadyVoted,
		/// The voting period is over.
		VotingClosed,
		/// The voting period is not over and the outcome can still change.
		TooEarly,
		/// A member's vote was cast in a federation poll, or a cooperative's in a cooperative poll.
		WrongScope,
		/// The encoded call is longer than `MaxProposalLength`.
		ProposalTooLarge,
		/// The call is heavier than `MaxProposalWeight`.
		ProposalTooHeavy,
		/// The poll has `MaxVoters` votes.
		TooManyVoters,
		/// The stored call no longer decodes (the runtime changed under it).
		UndecodableProposal,
		/// No more poll ids.
		IdsExhausted,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Open a poll on `call`.
		///
		/// `Cooperative(coop)`: signed by a member of the active cooperative. `Federation(track)`:
		/// the origin of an active cooperative, whose account holds the deposit.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose(T::MaxProposalLength::get()))]
		pub fn propose(
			origin: OriginFor<T>,
			scope: ProposalScope,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResult {
			let (scope, depositor, period) = match scope {
				ProposalScope::Cooperative(coop) => {
					let who = ensure_signed(origin)?;
					ensure!(T::Cooperatives::is_active(coop), Error::<T>::CooperativeNotActive);
					ensure!(T::Cooperatives::is_member(coop, &who), Error::<T>::NotMember);
					let params =
						T::Cooperatives::params(coop).ok_or(Error::<T>::CooperativeNotActive)?;
					(PollScope::Cooperative(coop), who, params.voting_period)
				},
				ProposalScope::Federation(track) => {
					let coop = T::CooperativeOrigin::ensure_origin(origin)?;
					ensure!(T::Cooperatives::is_active(coop), Error::<T>::CooperativeNotActive);
					(
						PollScope::Federation { track, proposer: coop },
						T::Cooperatives::account(coop),
						T::FederationVotingPeriod::get(),
					)
				},
			};
			ensure!(
				call.get_dispatch_info().total_weight().all_lte(T::MaxProposalWeight::get()),
				Error::<T>::ProposalTooHeavy
			);
			let proposal: ProposalOf<T> =
				call.encode().try_into().map_err(|_| Error::<T>::ProposalTooLarge)?;
			Self::do_propose(scope, depositor, proposal, period).map(|_| ())
		}

		/// Vote in an open poll: signed by a member in a cooperative poll; with a cooperative's
		/// own origin in a federation poll. One vote per voter; votes are final.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::vote())]
		pub fn vote(origin: OriginFor<T>, poll: PollId, aye: bool) -> DispatchResult {
			let voter = match T::CooperativeOrigin::try_origin(origin) {
				Ok(coop) => Voter::Cooperative(coop),
				Err(origin) => Voter::Member(ensure_signed(origin)?),
			};
			Self::do_vote(poll, voter, aye)
		}

		/// Close a poll: after its voting period, or once its outcome cannot change. Signed by
		/// anyone. A passed poll's call is dispatched.
		#[pallet::call_index(2)]
		#[pallet::weight(
			T::WeightInfo::close_approved(T::MaxVoters::get())
				.max(T::WeightInfo::close_rejected(T::MaxVoters::get()))
				.saturating_add(T::MaxProposalWeight::get())
		)]
		pub fn close(origin: OriginFor<T>, poll: PollId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let actual = Self::do_close(poll)?;
			Ok(Some(actual).into())
		}

		/// Authorize a runtime upgrade to code with `code_hash` (checking its spec name and
		/// version when it is applied). The federation's `Upgrade` track.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::authorize_upgrade())]
		pub fn authorize_upgrade(origin: OriginFor<T>, code_hash: T::Hash) -> DispatchResult {
			T::UpgradeOrigin::ensure_origin(origin)?;
			frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
			Self::deposit_event(Event::UpgradeAuthorized { code_hash });
			Ok(())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxVoters::get() >= 1);
			assert!(T::MaxProposalLength::get() >= 16);
			assert!(!T::FederationVotingPeriod::get().is_zero());
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

/// What a poll's votes say now.
#[derive(PartialEq, Eq, Debug)]
enum Outcome {
	Approved,
	Rejected,
	Undecided,
}

impl<T: Config> Pallet<T> {
	/// Opens a poll. Does not check the proposer's right to propose nor the call.
	pub fn do_propose(
		scope: PollScope,
		depositor: T::AccountId,
		proposal: ProposalOf<T>,
		period: BlockNumberFor<T>,
	) -> Result<PollId, DispatchError> {
		let poll = NextPollId::<T>::get();
		let next = poll.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let deposit = T::PollDeposit::get();
		T::Currency::hold(&HoldReason::PollDeposit.into(), &depositor, deposit)?;
		let end = frame_system::Pallet::<T>::block_number().saturating_add(period);
		Polls::<T>::insert(
			poll,
			Poll {
				scope,
				depositor: depositor.clone(),
				deposit,
				proposal,
				end,
				tally: Tally::default(),
			},
		);
		NextPollId::<T>::put(next);
		Self::deposit_event(Event::Proposed { poll, scope, depositor, end });
		Ok(poll)
	}

	/// Records a vote. Checks everything but the origin, which the caller turned into `voter`.
	pub fn do_vote(poll: PollId, voter: Voter<T::AccountId>, aye: bool) -> DispatchResult {
		Polls::<T>::try_mutate(poll, |entry| -> DispatchResult {
			let open = entry.as_mut().ok_or(Error::<T>::UnknownPoll)?;
			ensure!(
				frame_system::Pallet::<T>::block_number() <= open.end,
				Error::<T>::VotingClosed
			);
			ensure!(open.tally.voters < T::MaxVoters::get(), Error::<T>::TooManyVoters);
			let weight = match (&open.scope, &voter) {
				(PollScope::Cooperative(coop), Voter::Member(who)) => {
					ensure!(T::Cooperatives::is_active(*coop), Error::<T>::CooperativeNotActive);
					ensure!(T::Cooperatives::is_member(*coop, who), Error::<T>::NotMember);
					ensure!(!MemberVotes::<T>::contains_key(poll, who), Error::<T>::AlreadyVoted);
					let weight = T::VoteWeight::vote_weight(*coop, who);
					T::VoteWeight::lock_for_poll(*coop, who, open.end);
					MemberVotes::<T>::insert(poll, who, MemberVote { aye, weight });
					weight
				},
				(PollScope::Federation { .. }, Voter::Cooperative(coop)) => {
					ensure!(T::Cooperatives::is_active(*coop), Error::<T>::CooperativeNotActive);
					ensure!(!CoopVotes::<T>::contains_key(poll, coop), Error::<T>::AlreadyVoted);
					CoopVotes::<T>::insert(poll, coop, aye);
					1
				},
				_ => return Err(Error::<T>::WrongScope.into()),
			};
			let tally = &mut open.tally;
			if aye {
				tally.ayes = tally.ayes.saturating_add(weight);
			} else {
				tally.nays = tally.nays.saturating_add(weight);
			}
			tally.voters = tally.voters.saturating_add(1);
			Self::deposit_event(Event::Voted { poll, voter, aye, weight });
			Ok(())
		})
	}

	/// The tally that decides a poll: in a cooperative of at least [`CAP_MIN_MEMBERS`] members,
	/// each vote capped so that none holds more than the cooperative's `weight_cap` of the total
	/// ([`math::cap_level`]); otherwise the votes as cast. Reads every vote of a capped poll.
	pub fn decisive_tally(poll_id: PollId, poll: &Poll<T>) -> Tally {
		let PollScope::Cooperative(coop) = poll.scope else { return poll.tally };
		if T::Cooperatives::member_count(coop) < CAP_MIN_MEMBERS {
			return poll.tally;
		}
		let Some(params) = T::Cooperatives::params(coop) else { return poll.tally };
		let votes: alloc::vec::Vec<MemberVote> = MemberVotes::<T>::iter_prefix_values(poll_id)
			.take(T::MaxVoters::get() as usize)
			.collect();
		let weights: alloc::vec::Vec<VotingWeight> = votes.iter().map(|vote| vote.weight).collect();
		let level = math::cap_level(&weights, params.weight_cap);
		let mut tally = Tally { voters: poll.tally.voters, ..Default::default() };
		for vote in votes {
			let side = if vote.aye { &mut tally.ayes } else { &mut tally.nays };
			*side = side.saturating_add(math::capped(vote.weight, level));
		}
		tally
	}

	/// Whether a poll passed, failed, or can still go either way, now.
	fn outcome(poll_id: PollId, poll: &Poll<T>) -> Outcome {
		let ended = frame_system::Pallet::<T>::block_number() > poll.end;
		let Tally { ayes, nays, voters } = Self::decisive_tally(poll_id, poll);
		match poll.scope {
			PollScope::Cooperative(coop) => {
				let members = T::Cooperatives::member_count(coop);
				if !ended && voters < members {
					return Outcome::Undecided;
				}
				let Some(params) = T::Cooperatives::params(coop) else { return Outcome::Rejected };
				let quorate =
					members > 0 && Perbill::from_rational(voters, members) >= params.quorum;
				let cast = ayes.saturating_add(nays);
				let approved = if params.approval.is_one() {
					cast > 0 && ayes == cast
				} else {
					ayes > params.approval.mul_floor(cast)
				};
				if quorate && approved && T::Cooperatives::is_active(coop) {
					Outcome::Approved
				} else {
					Outcome::Rejected
				}
			},
			PollScope::Federation { track, .. } => {
				let active = u64::from(T::Cooperatives::active_count());
				let passes = |ayes: u64| {
					ayes > 0
						&& match track {
							Track::Federation => ayes.saturating_mul(2) > active,
							Track::Upgrade => ayes.saturating_mul(3) >= active.saturating_mul(2),
						}
				};
				if passes(ayes) {
					Outcome::Approved
				} else if ended || !passes(active.saturating_sub(nays)) {
					Outcome::Rejected
				} else {
					Outcome::Undecided
				}
			},
		}
	}

	/// Closes a poll if it is decided: releases the deposit, removes the poll and its votes,
	/// and dispatches a passed call. Returns the weight used.
	pub fn do_close(poll_id: PollId) -> Result<Weight, DispatchError> {
		let poll = Polls::<T>::get(poll_id).ok_or(Error::<T>::UnknownPoll)?;
		let outcome = Self::outcome(poll_id, &poll);
		let tally = Self::decisive_tally(poll_id, &poll);
		ensure!(outcome != Outcome::Undecided, Error::<T>::TooEarly);

		T::Currency::release(
			&HoldReason::PollDeposit.into(),
			&poll.depositor,
			poll.deposit,
			Precision::BestEffort,
		)?;
		Polls::<T>::remove(poll_id);
		let voters = poll.tally.voters;
		match poll.scope {
			PollScope::Cooperative(coop) => {
				// What the votes locked is free once no other open poll holds it.
				for voter in
					MemberVotes::<T>::iter_key_prefix(poll_id).take(T::MaxVoters::get() as usize)
				{
					T::VoteWeight::release_poll(coop, &voter, poll.end);
				}
				let _ = MemberVotes::<T>::clear_prefix(poll_id, T::MaxVoters::get(), None);
			},
			PollScope::Federation { .. } => {
				let _ = CoopVotes::<T>::clear_prefix(poll_id, T::MaxVoters::get(), None);
			},
		}

		if outcome == Outcome::Rejected {
			Self::deposit_event(Event::Rejected { poll: poll_id, tally });
			return Ok(T::WeightInfo::close_rejected(voters));
		}
		Self::deposit_event(Event::Approved { poll: poll_id, tally });
		let mut weight = T::WeightInfo::close_approved(voters);
		let origin = match poll.scope {
			PollScope::Cooperative(coop) => CollectiveOrigin::Cooperative(coop),
			PollScope::Federation { track: Track::Federation, .. } => CollectiveOrigin::Federation,
			PollScope::Federation { track: Track::Upgrade, .. } => {
				CollectiveOrigin::FederationSupermajority
			},
		};
		let result = match <T as Config>::RuntimeCall::decode_all_with_depth_limit(
			MAX_CALL_DEPTH,
			&mut &poll.proposal[..],
		) {
			Ok(call) => {
				let info = call.get_dispatch_info();
				let result = call.dispatch(origin.into());
				let post_info = match result {
					Ok(post_info) => post_info,
					Err(error) => error.post_info,
				};
				weight = weight.saturating_add(post_info.calc_actual_weight(&info));
				result.map(|_| ()).map_err(|error| error.error)
			},
			Err(_) => Err(Error::<T>::UndecodableProposal.into()),
		};
		Self::deposit_event(Event::Executed { poll: poll_id, result });
		Ok(weight)
	}

	/// The tally of an open poll.
	pub fn poll_tally(poll: PollId) -> Option<Tally> {
		Polls::<T>::get(poll).map(|open| Self::decisive_tally(poll, &open))
	}

	/// The invariants of this pallet's storage (iterates over all of it: for tests and
	/// try-runtime, never for a call).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextPollId::<T>::get();
		for (id, poll) in Polls::<T>::iter() {
			ensure!(id < next, "a poll's id is not below NextPollId");
			let mut tally = Tally::default();
			match poll.scope {
				PollScope::Cooperative(_) => {
					ensure!(
						CoopVotes::<T>::iter_prefix(id).next().is_none(),
						"coop vote in coop poll"
					);
					for (_, vote) in MemberVotes::<T>::iter_prefix(id) {
						let side = if vote.aye { &mut tally.ayes } else { &mut tally.nays };
						*side = side.saturating_add(vote.weight);
						tally.voters = tally.voters.saturating_add(1);
					}
				},
				PollScope::Federation { .. } => {
					ensure!(
						MemberVotes::<T>::iter_prefix(id).next().is_none(),
						"member vote in federation poll"
					);
					for (_, aye) in CoopVotes::<T>::iter_prefix(id) {
						let side = if aye { &mut tally.ayes } else { &mut tally.nays };
						*side = side.saturating_add(1);
						tally.voters = tally.voters.saturating_add(1);
					}
				},
			}
			ensure!(tally == poll.tally, "a poll's tally disagrees with its votes");
			ensure!(tally.voters <= T::MaxVoters::get(), "a poll has too many voters");
		}
		for (id, _, _) in MemberVotes::<T>::iter() {
			ensure!(Polls::<T>::contains_key(id), "a vote in a poll that is not open");
		}
		for (id, _, _) in CoopVotes::<T>::iter() {
			ensure!(Polls::<T>::contains_key(id), "a vote in a poll that is not open");
		}
		Ok(())
	}
}
