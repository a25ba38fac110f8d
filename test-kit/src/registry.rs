//! A registry of cooperatives for the pallets' mock runtimes, so that a pallet's tests need no
//! other pallet. Its state is per thread, as each test runs in a thread of its own.

use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use confoederatio_primitives::{CoopId, CoopParams, Cooperatives};
use core::cell::RefCell;

/// A mock cooperative.
#[derive(Clone, Debug)]
pub struct MockCoop {
	/// Whether it is active.
	pub active: bool,
	/// Whether it is still pending: applied, not yet admitted (then it is not active either).
	pub pending: bool,
	/// Its members, in joining order.
	pub members: Vec<u64>,
	/// Its parameters.
	pub params: CoopParams<u64>,
	/// The most its account may hold for its members' storage deposits
	/// ([`CoopPaysDeposits`](crate::CoopPaysDeposits)); 0, the default, pays none.
	pub deposit_budget: u128,
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

	/// Creates `coop`, admitted (active or suspended), with these members and parameters,
	/// replacing any before.
	pub fn create(coop: CoopId, active: bool, members: &[u64], params: CoopParams<u64>) {
		let entry = MockCoop {
			active,
			pending: false,
			members: members.to_vec(),
			params,
			deposit_budget: 0,
		};
		COOPS.with(|coops| coops.borrow_mut().insert(coop, entry));
	}

	/// Creates `coop` pending (applied, not admitted, so not active), with these founders and
	/// parameters, replacing any before.
	pub fn create_pending(coop: CoopId, founders: &[u64], params: CoopParams<u64>) {
		let entry = MockCoop {
			active: false,
			pending: true,
			members: founders.to_vec(),
			params,
			deposit_budget: 0,
		};
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

	/// Makes `coop` active or not.
	pub fn set_active(coop: CoopId, active: bool) {
		Self::change(coop, |c| c.active = active);
	}

	/// Lets `coop`'s account hold up to `budget` for its members' storage deposits
	/// ([`CoopPaysDeposits`](crate::CoopPaysDeposits)).
	pub fn set_deposit_budget(coop: CoopId, budget: u128) {
		Self::change(coop, |c| c.deposit_budget = budget);
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
	fn is_admitted(coop: CoopId) -> bool {
		Self::get(coop).is_some_and(|c| !c.pending)
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
impl<O: From<crate::CollectiveOrigin>> confoederatio_primitives::BenchmarkHelper<u64, O>
	for MockCooperatives
{
	fn create_active_cooperative(members: &[u64]) -> CoopId {
		let coop = Self::next_id();
		Self::create(coop, true, members, CoopParams::default());
		coop
	}
	fn cooperative_origin(coop: CoopId) -> O {
		crate::CollectiveOrigin::Cooperative(coop).into()
	}
}
