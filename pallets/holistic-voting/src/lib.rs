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
//!   `FederationSupermajority` ([`Track::passes`], [`PollScope::origin`]).
//! - [`Pallet::close`]: anyone, once the voting period is over, or earlier once the outcome can no
//!   longer change. The deposit ([`Config::PollDeposit`], held while the poll is open: see
//!   *Deposits*) is released to the account it was held from, the poll and its votes are
//!   removed, and a passed call is dispatched; its result is in [`Event::Executed`].
//!
//! A cooperative poll passes when the share of its electorate whose votes count reaches the
//! cooperative's quorum and the aye weight is strictly more than its approval share of the
//! weight cast (unanimity when the approval is 100%). A suspended cooperative's polls do not
//! pass. Proposing and voting need an active cooperative ([`Cooperatives::ensure_active`]); an
//! unknown cooperative is [`Error::CooperativeNotActive`] too.
//!
//! ## Deposits
//!
//! An open poll is storage its proposer created, so proposing holds [`Config::PollDeposit`] of
//! the native token. A member of a timebank may hold none: a cooperative poll's deposit is held
//! from the account [`Config::DepositPayer`] names
//! ([`DepositPayer::payer`](confoederatio_primitives::DepositPayer::payer)): the proposing
//! member itself when it can pay, else its cooperative's account, within the budget the
//! cooperative set. A federation poll's deposit is held from the proposing cooperative's
//! account. The poll records that account ([`Poll::depositor`], which [`Event::Proposed`]
//! reports), and closing the poll releases the deposit to it, never to the member. If the
//! account named cannot hold the deposit, the proposal fails and changes nothing.
//!
//! ## The electorate
//!
//! A cooperative poll's electorate is fixed when it opens: the cooperative's members then. The
//! poll records its size ([`Poll::electorate`]); when each member joined is recorded as the
//! first poll it may vote in ([`FirstEligiblePoll`], kept by Governance's
//! [`MembershipHooks`](confoederatio_primitives::MembershipHooks), which the runtime hands the
//! cooperatives' membership news):
//! - a member who joins after a poll opened does not vote in it
//!   ([`Error::JoinedAfterOpening`]);
//! - a member who leaves no longer counts: its vote is left out of the decisive tally (checked
//!   for each vote when the poll is counted, [`Pallet::ensure_in_electorate`]), but the
//!   electorate's size stays, so the quorum is a share of the members the poll opened with, and
//!   a poll closes early only once all of them voted and still count: a poll someone left
//!   waits for its end. Rejoining is a new membership: the old vote stays out.
//!
//! A federation poll records the active cooperatives when it opens, but its tracks count the
//! cooperatives active when it is decided.
//!
//! ## Holistic weights
//!
//! A vote weighs what [`Config::VoteWeight`] says when it is cast ([`Event::Voted`] reports
//! that weight, before any cap), and voting locks what gave it that weight for that poll
//! ([`VoteWeight::lock_for_poll`], which may refuse the vote) until the poll closes or ends, so
//! that credit that voted cannot vote again in the same poll after a transfer; closing a poll
//! releases its own locks and nobody else's ([`VoteWeight::release_poll`]). The runtime uses
//! [`HolisticWeight`], defined here: `1 + a·sqrt(work hours) + b·sqrt(care points)`
//! ([`holistic_weight`]) with the cooperative's `work_weight` and `care_weight`, the hours
//! being the member's voting credit
//! ([`confoederatio_primitives::LockableCredit::voting_credit`]: its positive balance less
//! what it has on offer), which voting locks for the poll (a vote without credit locks
//! nothing).
//!
//! ### The weight cap
//!
//! In every cooperative poll, whatever the cooperative's size, no vote counts for more than the
//! cooperative's `weight_cap` (default 10%) of the poll's total: the decisive tally
//! ([`Pallet::decisive_tally`]) caps the largest votes at one level ([`math::cap_level`]);
//! `Approved`, `Rejected` and the `poll_tally` runtime API report it. With fewer votes than
//! `1 / weight_cap` no level can keep every vote within the cap, and the votes count equally
//! (each holds `1 / n`, the least the largest vote can): under the default cap a cooperative
//! of fewer than ten members votes one member, one vote. A cooperative that wants work and
//! care to weigh among few members raises its cap by poll (`Cooperatives.set_parameters`): at
//! 50% no vote outweighs all the others together, and the weights count as far as the cap
//! allows.
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
//!   [`Config::MaxVoters`] voters; a cooperative poll has no more votes than its electorate.
//! - No vote is recorded for a poll that is not open; poll ids are below `NextPollId`.
//! - Every depositor of open polls (a member, or a cooperative's account) holds exactly their
//!   deposits under `PollDeposit`.
//!
//! ## Storage versions
//!
//! 2: a poll records its electorate ([`migrations::v2::MigrateV1ToV2`]).
//! 3: a poll records its proposer, so that a deposit a cooperative held for its member is
//! counted back ([`migrations::v3::MigrateV2ToV3`]).
//!
//! ## Modules
//!
//! - this file: the pallet's config, storage, events, errors and calls (thin: they check the
//!   origin and the arguments, then call the `do_*` functions);
//! - `polls`: a poll's life, [`Pallet::do_propose`], [`Pallet::do_vote`], [`Pallet::do_close`];
//! - `electorate`: who votes in a cooperative poll, [`Pallet::ensure_in_electorate`], and the
//!   [`MembershipHooks`](confoederatio_primitives::MembershipHooks) that record when members
//!   join;
//! - `tally`: counting votes and deciding polls, [`Pallet::decisive_tally`],
//!   [`Pallet::poll_tally`];
//! - `try_state`: the invariants, [`Pallet::do_try_state`];
//! - [`vote_weight`]: the holistic vote weight, [`HolisticWeight`] and [`holistic_weight`];
//! - [`math`]: the weight cap, pure integer arithmetic;
//! - [`types`]: what is stored, and the rules of its types ([`Track::passes`]);
//! - [`migrations`]: the storage migrations;
//! - [`weights`]: the generated weights of the calls.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod electorate;
pub mod math;
pub mod migrations;
#[cfg(test)]
mod mock;
mod polls;
mod tally;
#[cfg(test)]
mod tests;
mod try_state;
pub mod types;
pub mod vote_weight;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use vote_weight::{holistic_weight, HolisticWeight};
pub use weights::WeightInfo;

use alloc::boxed::Box;
use confoederatio_primitives::{
	CollectiveOrigin, CoopId, CoopUnavailable, Cooperatives, DepositPayer, PollId, Tally,
	VoteWeight,
};
use frame_support::{
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	pallet_prelude::*,
	traits::fungible::{Inspect, MutateHold},
};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::{Dispatchable, Zero};

/// A balance of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// How deep a proposal's call may nest calls when it is decoded.
const MAX_CALL_DEPTH: u32 = 32;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	///
	/// 2: a poll records its electorate's size ([`Poll::electorate`], [`migrations::v2`]).
	/// 3: and its proposer ([`Poll::proposer`], [`migrations::v3`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

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

		/// Held for each poll while it is open.
		#[pallet::constant]
		type PollDeposit: Get<BalanceOf<Self>>;

		/// Who holds a cooperative poll's deposit: the proposing member, or its cooperative's
		/// account for a member who cannot pay it (`()`: every member pays its own). A
		/// federation poll's deposit is always the proposing cooperative's own.
		type DepositPayer: DepositPayer<Self::AccountId, BalanceOf<Self>>;

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

	/// When each member joined its cooperative, as the first poll it may vote in (the id the
	/// next poll had then): the polls opened before it joined are not its to decide. Written by
	/// the cooperatives' membership hooks, removed when the member leaves; a member without a
	/// record (one from before the record existed) votes in every poll.
	#[pallet::storage]
	pub type FirstEligiblePoll<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CoopId, Blake2_128Concat, T::AccountId, PollId>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A poll opened.
		Proposed {
			/// The poll.
			poll: PollId,
			/// Where it is decided.
			scope: PollScope,
			/// Who proposed it: a member, or the proposing cooperative's account.
			proposer: T::AccountId,
			/// Who holds its deposit: the proposing member, or the cooperative's account (for
			/// a member who cannot pay it, or for a federation poll).
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
			/// The weight the vote was cast with (1 for a cooperative's vote in a federation
			/// poll), before any cap: the cap depends on every vote, so it is applied when the
			/// poll is counted, and the capped tally is what `Approved`, `Rejected` and the
			/// `poll_tally` runtime API report.
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
		/// The member joined after the poll opened: a poll's electorate is fixed when it opens.
		JoinedAfterOpening,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Open a poll on `call`.
		///
		/// `Cooperative(coop)`: signed by a member of the active cooperative, from whom the
		/// deposit is held or, for a member who cannot pay it, from the cooperative's account
		/// (`Config::DepositPayer`). `Federation(track)`: the origin of an active cooperative,
		/// whose account holds the deposit.
		#[pallet::call_index(0)]
		#[pallet::weight(
			T::WeightInfo::propose(T::MaxProposalLength::get())
				.saturating_add(T::DepositPayer::weight())
		)]
		pub fn propose(
			origin: OriginFor<T>,
			scope: ProposalScope,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResult {
			let (scope, proposer, period) = match scope {
				ProposalScope::Cooperative(coop) => {
					let who = ensure_signed(origin)?;
					T::Cooperatives::ensure_active(coop).map_err(Error::<T>::from)?;
					ensure!(T::Cooperatives::is_member(coop, &who), Error::<T>::NotMember);
					let params =
						T::Cooperatives::params(coop).ok_or(Error::<T>::CooperativeNotActive)?;
					(PollScope::Cooperative(coop), who, params.voting_period)
				},
				ProposalScope::Federation(track) => {
					let coop = T::CooperativeOrigin::ensure_origin(origin)?;
					T::Cooperatives::ensure_active(coop).map_err(Error::<T>::from)?;
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
			Self::do_propose(scope, proposer, proposal, period).map(|_| ())
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
		/// anyone. The deposit is released to its depositor; a passed poll's call is dispatched.
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

/// Governance does not tell an unknown cooperative from one that is not active: both are
/// [`Error::CooperativeNotActive`].
impl<T> From<CoopUnavailable> for Error<T> {
	fn from(unavailable: CoopUnavailable) -> Self {
		match unavailable {
			CoopUnavailable::Unknown | CoopUnavailable::NotActive => Error::CooperativeNotActive,
		}
	}
}
