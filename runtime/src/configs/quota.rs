//! Free transactions for members: which calls are a member's own acts in its cooperative, and
//! the quota of them a cooperative's members have by default.

use confoederatio_primitives::{AssetKind, CoopId, EnsureCooperative, MemberActs};
use frame_support::{parameter_types, traits::ConstU32};
use pallet_holistic_voting::{PollScope, ProposalScope};

use crate::{
	AccountId, Balance, Balances, BlockNumber, Cooperatives, Runtime, RuntimeCall, RuntimeOrigin,
	DAYS, HOURS, UNIT,
};

/// A member's own acts in its cooperative, the calls that are free within its quota: paying
/// (in its cooperative or across from it), submitting work, attesting care (and withdrawing its
/// attestation), proposing, voting in and closing its cooperative's
/// polls, redeeming and cancelling a redemption, placing an order of (or for) its
/// cooperative's credit and cancelling one, and leaving. Nothing else is: not a federation
/// poll, not funding a reserve, not a collective's decision (those are dispatched by polls).
pub struct RuntimeMemberActs;

impl MemberActs<AccountId, RuntimeCall> for RuntimeMemberActs {
	fn cooperative_of(_who: &AccountId, call: &RuntimeCall) -> Option<CoopId> {
		use RuntimeCall::*;
		match call {
			MutualCredit(call) => match call {
				pallet_mutual_credit::Call::transfer { coop, .. } |
				pallet_mutual_credit::Call::submit_contribution { coop, .. } => Some(*coop),
				pallet_mutual_credit::Call::transfer_across { from_coop, .. } => Some(*from_coop),
				_ => None,
			},
			// `confirm` and `revoke` are the cooperative's own decisions, never a member's.
			CareReputation(call) => match call {
				pallet_care_reputation::Call::attest { coop, .. } => Some(*coop),
				pallet_care_reputation::Call::withdraw { record } => {
					pallet_care_reputation::Records::<Runtime>::get(record).map(|r| r.coop)
				},
				_ => None,
			},
			Governance(call) => match call {
				pallet_holistic_voting::Call::propose {
					scope: ProposalScope::Cooperative(coop), ..
				} => Some(*coop),
				pallet_holistic_voting::Call::vote { poll, .. } |
				pallet_holistic_voting::Call::close { poll } => {
					match pallet_holistic_voting::Polls::<Runtime>::get(poll)?.scope {
						PollScope::Cooperative(coop) => Some(coop),
						_ => None,
					}
				},
				_ => None,
			},
			Redemption(call) => match call {
				pallet_redemption::Call::redeem { coop, .. } |
				pallet_redemption::Call::cancel { coop, .. } => Some(*coop),
				_ => None,
			},
			Dex(call) => match call {
				pallet_federated_dex::Call::place_order { give, get, .. } => {
					credit_of(*give).or(credit_of(*get))
				},
				pallet_federated_dex::Call::cancel_order { id } => {
					let order = pallet_federated_dex::Orders::<Runtime>::get(id)?;
					credit_of(order.gives()).or(credit_of(order.gets()))
				},
				_ => None,
			},
			Cooperatives(pallet_cooperatives::Call::leave { coop }) => Some(*coop),
			_ => None,
		}
	}

	/// The kinds of call `cooperative_of` may name a cooperative for (a federation poll's vote
	/// is among them: which scope a poll has is in storage), and the reads it makes to tell the
	/// cooperative: one for a call that names a record (a care record, a poll, an order), none
	/// for one that names its cooperative. Any other call is never free and is not charged the
	/// check.
	fn reads_to_tell(call: &RuntimeCall) -> Option<u64> {
		use RuntimeCall::*;
		match call {
			MutualCredit(
				pallet_mutual_credit::Call::transfer { .. } |
				pallet_mutual_credit::Call::submit_contribution { .. } |
				pallet_mutual_credit::Call::transfer_across { .. },
			) |
			CareReputation(pallet_care_reputation::Call::attest { .. }) |
			Governance(pallet_holistic_voting::Call::propose {
				scope: ProposalScope::Cooperative(_),
				..
			}) |
			Redemption(
				pallet_redemption::Call::redeem { .. } | pallet_redemption::Call::cancel { .. },
			) |
			Dex(pallet_federated_dex::Call::place_order { .. }) |
			Cooperatives(pallet_cooperatives::Call::leave { .. }) => Some(0),
			CareReputation(pallet_care_reputation::Call::withdraw { .. }) |
			Governance(
				pallet_holistic_voting::Call::vote { .. } | pallet_holistic_voting::Call::close { .. },
			) |
			Dex(pallet_federated_dex::Call::cancel_order { .. }) => Some(1),
			_ => None,
		}
	}
}

/// Whether `uxt` is a member's free transaction now, as the fee extension would find it: signed
/// by an account, with no tip, its call that account's own act in a cooperative it belongs to,
/// with free transactions left there. The runtime API that wallets ask for a fee
/// (`TransactionPaymentApi`) reports no fee for it.
pub fn is_free(uxt: &crate::UncheckedExtrinsic) -> bool {
	let sp_runtime::generic::Preamble::Signed(address, _, extension) = &uxt.preamble else {
		return false;
	};
	let sp_runtime::MultiAddress::Id(who) = address else { return false };
	// The fee extension is the eighth of the runtime's `TxExtension`.
	let charge: &pallet_member_quota::ChargeUnlessFree<Runtime> = &extension.7;
	charge.free_for(who, &uxt.function).is_some()
}

/// The cooperative whose credit `asset` is.
fn credit_of(asset: AssetKind) -> Option<CoopId> {
	match asset {
		AssetKind::Credit(coop) => Some(coop),
		AssetKind::Native => None,
	}
}

parameter_types! {
	/// A month of blocks.
	pub const DefaultPeriod: BlockNumber = 30 * DAYS;
	/// An hour: the shortest period a cooperative may set.
	pub const MinPeriod: BlockNumber = HOURS;
	/// A year: the longest.
	pub const MaxPeriod: BlockNumber = 365 * DAYS;
}

parameter_types! {
	/// What a cooperative's account holds at most for its members' deposits until it decides
	/// otherwise: 100 CONF (a hundred pending contributions or care records of 1 CONF, or ten
	/// open polls of 10 CONF), a tenth of what a cooperative's account is endowed with.
	pub const DefaultDepositBudget: Balance = 100 * UNIT;
	/// What it holds at most for any one member's deposits: 25 CONF (two open polls and a few
	/// records), so that one member cannot use up what is there for all.
	pub const DefaultMemberDepositLimit: Balance = 25 * UNIT;
}

impl pallet_member_quota::Config for Runtime {
	type Currency = Balances;
	type DefaultDepositBudget = DefaultDepositBudget;
	type DefaultMemberDepositLimit = DefaultMemberDepositLimit;
	type Cooperatives = Cooperatives;
	type MemberActs = RuntimeMemberActs;
	type CooperativeOrigin = EnsureCooperative<RuntimeOrigin>;
	/// A hundred free transactions a month per member, until its cooperative decides otherwise.
	type DefaultQuota = ConstU32<100>;
	type DefaultPeriod = DefaultPeriod;
	/// At most a thousand per period.
	type MaxQuota = ConstU32<1_000>;
	type MinPeriod = MinPeriod;
	type MaxPeriod = MaxPeriod;
	type WeightInfo = pallet_member_quota::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::configs::CooperativeBenchmarkHelper;
}
