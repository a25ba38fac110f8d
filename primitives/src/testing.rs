//! A registry of cooperatives and a credit ledger for the pallets' mock runtimes (accounts and
//! block numbers are `u64`), so that a pallet's tests need no other pallet. Its state is per thread, as each test
//! runs in a thread of its own.

use crate::{CoopId, CoopParams, Cooperatives, Credit, CreditBalance, CreditLedger, WorkCategory};
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use core::cell::RefCell;
use sp_runtime::{DispatchError, DispatchResult};

/// A mock cooperative.
#[derive(Clone, Debug)]
pub struct MockCoop {
	/// Whether it is active.
	pub active: bool,
	/// Its members, in joining order.
	pub members: Vec<u64>,
	/// Its parameters.
	pub params: CoopParams<u64>,
}

std::thread_local! {
	static COOPS: RefCell<BTreeMap<CoopId, MockCoop>> = const { RefCell::new(BTreeMap::new()) };
}

/// The mock registry: implements [`Cooperatives`] over the cooperatives set here.
pub struct MockCooperatives;

impl MockCooperatives {
	/// Forgets every cooperative.
	pub fn reset() {
		COOPS.with(|coops| coops.borrow_mut().clear());
	}

	/// Creates `coop` with these members and parameters, replacing any before.
	pub fn create(coop: CoopId, active: bool, members: &[u64], params: CoopParams<u64>) {
		let entry = MockCoop { active, members: members.to_vec(), params };
		COOPS.with(|coops| coops.borrow_mut().insert(coop, entry));
	}

	/// Changes `coop`; panics if there is no such mock cooperative (a test's mistake).
	pub fn change(coop: CoopId, change: impl FnOnce(&mut MockCoop)) {
		COOPS.with(|coops| {
			change(coops.borrow_mut().get_mut(&coop).expect("no such mock cooperative"))
		});
	}

	/// A copy of `coop`, if it exists.
	pub fn get(coop: CoopId) -> Option<MockCoop> {
		COOPS.with(|coops| coops.borrow().get(&coop).cloned())
	}

	/// The id after the highest one in use.
	pub fn next_id() -> CoopId {
		COOPS.with(|coops| coops.borrow().keys().max().map_or(0, |max| max.saturating_add(1)))
	}

	/// A cooperative's sovereign account in the mocks: `1_000 + coop`.
	pub fn account_of(coop: CoopId) -> u64 {
		1_000 + u64::from(coop)
	}
}

impl Cooperatives<u64, u64> for MockCooperatives {
	fn is_active(coop: CoopId) -> bool {
		Self::get(coop).is_some_and(|c| c.active)
	}
	fn is_member(coop: CoopId, who: &u64) -> bool {
		Self::get(coop).is_some_and(|c| c.members.contains(who))
	}
	fn member_count(coop: CoopId) -> u32 {
		Self::get(coop).map_or(0, |c| u32::try_from(c.members.len()).unwrap_or(u32::MAX))
	}
	fn active_count() -> u32 {
		COOPS.with(|coops| {
			let active = coops.borrow().values().filter(|c| c.active).count();
			u32::try_from(active).unwrap_or(u32::MAX)
		})
	}
	fn account(coop: CoopId) -> u64 {
		Self::account_of(coop)
	}
	fn params(coop: CoopId) -> Option<CoopParams<u64>> {
		Self::get(coop).map(|c| c.params)
	}
}

/// The benchmarks' cooperatives in a mock runtime: active, with the given members (no
/// membership hooks run), and their origin.
#[cfg(feature = "runtime-benchmarks")]
impl<O: From<crate::CollectiveOrigin>> crate::BenchmarkHelper<u64, O> for MockCooperatives {
	fn create_active_cooperative(members: &[u64]) -> CoopId {
		let coop = Self::next_id();
		Self::create(coop, true, members, CoopParams::default());
		coop
	}
	fn cooperative_origin(coop: CoopId) -> O {
		crate::CollectiveOrigin::Cooperative(coop).into()
	}
}

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

	/// `who`'s account in `coop` (empty if none).
	pub fn holding(coop: CoopId, who: u64) -> Holding {
		Self::all().get(&(coop, who)).copied().unwrap_or_default()
	}

	fn set(coop: CoopId, who: u64, holding: Holding) {
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
		let issuer = MockCooperatives::account_of(coop);
		let mut issuing = Self::holding(coop, issuer);
		issuing.balance -= amount as CreditBalance;
		Self::set(coop, issuer, issuing);
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

impl CreditLedger<u64, u64> for MockLedger {
	fn balance(coop: CoopId, who: &u64) -> CreditBalance {
		Self::holding(coop, *who).balance
	}
	fn lock(_: CoopId, _: &u64, _: Credit, _: u64) {}
	fn unlock(_: CoopId, _: &u64, _: u64) {}
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
		let issuer = MockCooperatives::account_of(coop);
		let mut issuing = Self::holding(coop, issuer);
		issuing.balance += Self::signed(amount)?;
		Self::set(coop, issuer, issuing);
		Ok(())
	}
	fn unburn(coop: CoopId, who: &u64, category: WorkCategory, amount: Credit) -> DispatchResult {
		Self::issue(coop, *who, category, amount);
		Ok(())
	}
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
