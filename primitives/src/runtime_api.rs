//! The runtime APIs of the Confoederatio pallets: what wallets, the app and the node ask.

use crate::{
	AssetKind, BookEntry, CoopId, CreditAccountInfo, CurrencyInfo, ExchangeQuote, PollId,
	QuotaInfo, ReserveInfo, Tally, ValidatorInfo, VotingWeight,
};
use alloc::vec::Vec;

sp_api::decl_runtime_apis! {
	/// Cooperatives and their members.
	pub trait CooperativesApi<AccountId: codec::Codec> {
		/// The members of a cooperative (empty if there is no such cooperative).
		fn members(coop: CoopId) -> Vec<AccountId>;
		/// The keyless sovereign account of a cooperative.
		fn cooperative_account(coop: CoopId) -> AccountId;
		/// The keyless account that holds a cooperative's redemption reserve.
		fn reserve_account(coop: CoopId) -> AccountId;
		/// The federation's keyless account, which receives the exchange's fees.
		fn federation_account() -> AccountId;
	}

	/// Polls and vote weights.
	pub trait GovernanceApi<AccountId: codec::Codec> {
		/// The weight of `who`'s vote in a poll of `coop` now; 0 for a non-member.
		fn vote_weight(coop: CoopId, who: AccountId) -> VotingWeight;
		/// The tally of an open poll; `None` if there is no such open poll.
		fn poll_tally(poll: PollId) -> Option<Tally>;
	}

	/// Care reputation.
	pub trait CareReputationApi<AccountId: codec::Codec> {
		/// `who`'s care reputation in `coop` now (decayed), in whole points.
		fn reputation(coop: CoopId, who: AccountId) -> u128;
	}

	/// Redemption reserves.
	pub trait RedemptionApi<Balance: codec::Codec> {
		/// `coop`'s reserve: its buckets, its rate and its queues.
		fn reserve(coop: CoopId) -> ReserveInfo<Balance>;
	}

	/// The exchange's order books.
	pub trait DexApi<AccountId: codec::Codec> {
		/// The resting orders that give `give` for `get`, best price first, at most `depth`
		/// of them (and never more than a book holds).
		fn order_book(give: AssetKind, get: AssetKind, depth: u32) -> Vec<BookEntry<AccountId>>;
		/// What `who` placing an order giving `amount` of `give` for `get` now would trade: at
		/// the limit price that trades the most inside the price band, assuming `who` has the
		/// funds, within one call's `MaxFills`; nothing for an order that would be refused
		/// (unknown or inactive cooperative, `who`'s own resting order in the way). A sale to a
		/// cooperative's standing buy order counts only `who`'s earned credit. Placing and
		/// quoting run the same matching plan, so the quote is what the trade does.
		fn quote(who: AccountId, give: AssetKind, get: AssetKind, amount: u128) -> ExchangeQuote;
	}

	/// Mutual-credit accounts and currencies.
	pub trait MutualCreditApi<AccountId: codec::Codec> {
		/// `who`'s account in `coop`'s currency: balance, credit limit, what it may spend,
		/// entitlements. A holder without an account there reads all zero; the cooperative's own
		/// account reads its issuance limit as its credit limit.
		fn account(coop: CoopId, who: AccountId) -> CreditAccountInfo;
		/// `coop`'s currency: default limit, exchange rate, federation limit and position,
		/// debts written off, and the credit in circulation (summed over the currency's
		/// accounts).
		fn currency(coop: CoopId) -> CurrencyInfo;
	}

	/// Free transactions: what is left of a member's quota.
	pub trait MemberQuotaApi<AccountId: codec::Codec, BlockNumber: codec::Codec> {
		/// `who`'s free transactions in `coop`: the cooperative's quota and period, how many
		/// `who` used in this period and has left (none for a non-member), and when the count
		/// starts again.
		fn quota(coop: CoopId, who: AccountId) -> QuotaInfo<BlockNumber>;
	}

	/// The validators: which cooperative runs which node, so that the federation sees whose node
	/// it is voting on.
	pub trait ValidatorSetApi<AccountId: codec::Codec, BlockNumber: codec::Codec> {
		/// Every validator the federation admitted, then those it removed that still validate in
		/// the current or the next session (`leaving`), each with its operator, whether it has
		/// session keys, and whether it validates now and in the next session.
		fn validators() -> Vec<ValidatorInfo<AccountId>>;
		/// The length of a session, in blocks.
		fn session_length() -> BlockNumber;
	}
}
