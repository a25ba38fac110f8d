//! A credit ledger for the pallets' mock runtimes: balances, entitlements and offers, kept in
//! the test's storage so that a failed call's changes roll back with everything else's.

use crate::MockCooperatives;
use alloc::collections::btree_map::BTreeMap;
use confoederatio_primitives::{
	earned_within, CoopId, Credit, CreditBalance, LockableCredit, OfferableCredit, PollId, RedeemableCredit,
	WorkCategory,
};
use core::cell::RefCell;
use sp_runtime::{DispatchError, DispatchResult};

/// A holder's account in the [`MockLedger`].
#[derive(Clone, Copy, Default, Debug, PartialEq, codec::Encode, codec::Decode)]
pub struct Holding {
	/// The balance.
	pub balance: CreditBalance,
	/// The `Subsistence` entitlement.
	pub subsistence: Credit,
	/// The `Commons` entitlement.
	pub commons: Credit,
	/// What is on offer on the exchange.
	pub offered: Credit,
}

std::thread_local! {
	static ISSUANCE_LIMIT: RefCell<Credit> = const { RefCell::new(1_000_000) };
}

/// Where the [`MockLedger`] keeps its accounts: in the test's storage, so that a failed call's
/// changes are rolled back with everything else's.
const LEDGER_KEY: &[u8] = b":mock:credit-ledger";

/// A mock credit ledger: balances, entitlements and offers, without credit limits for members
/// (they spend only what they hold); the cooperative's account (`1_000 + coop`) issues within
/// [`MockLedger::set_issuance_limit`] (default 1,000,000). Its accounts live in storage: use it
/// inside test externalities.
pub struct MockLedger;

/// A mock ledger's refusal.
fn refused(reason: &'static str) -> DispatchError {
	DispatchError::Other(reason)
}

impl MockLedger {
	/// Sets the issuance limit back to 1,000,000 (the accounts live in each test's fresh
	/// storage).
	pub fn reset() {
		ISSUANCE_LIMIT.with(|limit| *limit.borrow_mut() = 1_000_000);
	}

	/// Sets every cooperative's issuance limit.
	pub fn set_issuance_limit(limit: Credit) {
		ISSUANCE_LIMIT.with(|cell| *cell.borrow_mut() = limit);
	}

	/// `who`'s balance in `coop`.
	pub fn balance(coop: CoopId, who: u64) -> CreditBalance {
		Self::holding(coop, who).balance
	}

	/// `who`'s account in `coop` (empty if none).
	pub fn holding(coop: CoopId, who: u64) -> Holding {
		Self::all().get(&(coop, who)).copied().unwrap_or_default()
	}

	/// Stores `holding`, its entitlements kept within its balance
	/// ([`earned_within`]: credit paid away is no longer earned), as the real ledger does.
	fn set(coop: CoopId, who: u64, mut holding: Holding) {
		(holding.subsistence, holding.commons) =
			earned_within(holding.balance, holding.subsistence, holding.commons);
		let mut all = Self::all();
		all.insert((coop, who), holding);
		frame_support::storage::unhashed::put(LEDGER_KEY, &all);
	}

	/// Every account of every currency.
	pub fn all() -> BTreeMap<(CoopId, u64), Holding> {
		frame_support::storage::unhashed::get(LEDGER_KEY).unwrap_or_default()
	}

	fn signed(amount: Credit) -> Result<CreditBalance, DispatchError> {
		CreditBalance::try_from(amount).map_err(|_| refused("overflow"))
	}

	/// The lowest balance `who` may reach in `coop` with what it has on offer.
	fn floor(coop: CoopId, who: u64, holding: &Holding) -> Result<CreditBalance, DispatchError> {
		let offered = Self::signed(holding.offered)?;
		if who == MockCooperatives::account_of(coop) {
			let limit = Self::signed(ISSUANCE_LIMIT.with(|cell| *cell.borrow()))?;
			Ok(offered - limit)
		} else {
			Ok(offered)
		}
	}

	/// Issues `amount` to `who` with as much entitlement in `category`, from the cooperative's
	/// account (ignoring its issuance limit: a test's setup).
	pub fn issue(coop: CoopId, who: u64, category: WorkCategory, amount: Credit) {
		let mut holder = Self::holding(coop, who);
		holder.balance += amount as CreditBalance;
		*entitlement(&mut holder, category) += amount;
		Self::set(coop, who, holder);
		let coop_account = MockCooperatives::account_of(coop);
		let mut coop_holding = Self::holding(coop, coop_account);
		coop_holding.balance -= amount as CreditBalance;
		Self::set(coop, coop_account, coop_holding);
	}

	/// `from` pays `to` `amount` (a test's setup: no floor is checked): `to` receives credit it
	/// did not earn, and `from`'s entitlements stay within what it still holds.
	pub fn pay(coop: CoopId, from: u64, to: u64, amount: Credit) {
		let mut payer = Self::holding(coop, from);
		payer.balance -= amount as CreditBalance;
		Self::set(coop, from, payer);
		let mut payee = Self::holding(coop, to);
		payee.balance += amount as CreditBalance;
		Self::set(coop, to, payee);
	}

	/// The sum of every holder's entitlement in `category` of `coop`'s currency.
	pub fn entitlements(coop: CoopId, category: WorkCategory) -> Credit {
		Self::all()
			.into_iter()
			.filter(|((currency, _), _)| *currency == coop)
			.map(|(_, mut holding)| *entitlement(&mut holding, category))
			.sum()
	}

	/// Whether every currency sums to zero and every account is above its floor.
	pub fn consistent() -> bool {
		let mut sums: BTreeMap<CoopId, CreditBalance> = BTreeMap::new();
		for ((coop, who), holding) in Self::all() {
			*sums.entry(coop).or_default() += holding.balance;
			if Self::floor(coop, who, &holding).map_or(true, |floor| holding.balance < floor) {
				return false;
			}
		}
		sums.values().all(|sum| *sum == 0)
	}
}

fn entitlement(holder: &mut Holding, category: WorkCategory) -> &mut Credit {
	match category {
		WorkCategory::Subsistence => &mut holder.subsistence,
		WorkCategory::Commons => &mut holder.commons,
	}
}

impl LockableCredit<u64, u64> for MockLedger {
	/// What it earned and holds, less what is on offer.
	fn voting_credit(coop: CoopId, who: &u64) -> Credit {
		let holding = Self::holding(coop, *who);
		let held = Credit::try_from(holding.balance).unwrap_or(0).saturating_sub(holding.offered);
		holding.subsistence.saturating_add(holding.commons).min(held)
	}
	/// Takes any lock and keeps none: the mock's balances are not held by votes.
	fn lock(_: CoopId, _: &u64, _: PollId, _: Credit, _: u64) -> DispatchResult {
		Ok(())
	}
	fn unlock(_: CoopId, _: &u64, _: PollId) {}
}

impl RedeemableCredit<u64> for MockLedger {
	fn entitlement(coop: CoopId, who: &u64, category: WorkCategory) -> Credit {
		*entitlement(&mut Self::holding(coop, *who), category)
	}
	fn burn(coop: CoopId, who: &u64, category: WorkCategory, amount: Credit) -> DispatchResult {
		let mut holder = Self::holding(coop, *who);
		let held = entitlement(&mut holder, category);
		*held = held.checked_sub(amount).ok_or(refused("over entitlement"))?;
		let after = holder.balance - Self::signed(amount)?;
		if after < Self::floor(coop, *who, &holder)?.max(0) {
			return Err(refused("insufficient credit"));
		}
		holder.balance = after;
		Self::set(coop, *who, holder);
		let coop_account = MockCooperatives::account_of(coop);
		let mut coop_holding = Self::holding(coop, coop_account);
		coop_holding.balance += Self::signed(amount)?;
		Self::set(coop, coop_account, coop_holding);
		Ok(())
	}
	fn unburn(coop: CoopId, who: &u64, category: WorkCategory, amount: Credit) -> DispatchResult {
		Self::issue(coop, *who, category, amount);
		Ok(())
	}
	fn use_entitlement(
		coop: CoopId,
		who: &u64,
		category: WorkCategory,
		amount: Credit,
	) -> DispatchResult {
		let mut holder = Self::holding(coop, *who);
		let held = entitlement(&mut holder, category);
		*held = held.checked_sub(amount).ok_or(refused("over entitlement"))?;
		Self::set(coop, *who, holder);
		Ok(())
	}
}

impl OfferableCredit<u64> for MockLedger {
	fn offered(coop: CoopId, who: &u64) -> Credit {
		Self::holding(coop, *who).offered
	}
	fn offer(coop: CoopId, who: &u64, amount: Credit) -> DispatchResult {
		let mut holder = Self::holding(coop, *who);
		holder.offered = holder.offered.checked_add(amount).ok_or(refused("overflow"))?;
		if holder.balance < Self::floor(coop, *who, &holder)? {
			return Err(refused("insufficient credit"));
		}
		Self::set(coop, *who, holder);
		Ok(())
	}
	fn withdraw_offer(coop: CoopId, who: &u64, amount: Credit) -> DispatchResult {
		let mut holder = Self::holding(coop, *who);
		holder.offered = holder.offered.checked_sub(amount).ok_or(refused("not on offer"))?;
		Self::set(coop, *who, holder);
		Ok(())
	}
	fn pay_offered(coop: CoopId, from: &u64, to: &u64, amount: Credit) -> DispatchResult {
		if from == to {
			return Err(refused("self payment"));
		}
		let mut payer = Self::holding(coop, *from);
		payer.offered = payer.offered.checked_sub(amount).ok_or(refused("not on offer"))?;
		payer.balance -= Self::signed(amount)?;
		let mut payee = Self::holding(coop, *to);
		payee.balance += Self::signed(amount)?;
		Self::set(coop, *from, payer);
		Self::set(coop, *to, payee);
		Ok(())
	}
}
