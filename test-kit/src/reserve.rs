//! A reserve for the pallets' mock runtimes: native units of account `2_000 + coop`, split into
//! buckets 75% / 25% and earmarked for standing orders, kept in the test's storage.

use alloc::collections::btree_map::BTreeMap;
use confoederatio_primitives::{CoopId, ReserveLedger};
use core::marker::PhantomData;
use frame_support::traits::{fungible::Mutate, tokens::Preservation};
use sp_runtime::{DispatchError, DispatchResult};

/// What a mock reserve holds.
#[derive(Clone, Copy, Default, Debug, PartialEq, codec::Encode, codec::Decode)]
pub struct MockBuckets {
	/// The `Subsistence` bucket.
	pub subsistence: u128,
	/// The `Commons` bucket.
	pub commons: u128,
	/// What the `Commons` bucket set aside for a standing buy order.
	pub earmarked: u128,
}

const RESERVES_KEY: &[u8] = b":mock:reserves";

fn reserves() -> BTreeMap<CoopId, MockBuckets> {
	frame_support::storage::unhashed::get(RESERVES_KEY).unwrap_or_default()
}

fn refused(reason: &'static str) -> DispatchError {
	DispatchError::Other(reason)
}

/// A mock reserve paying in `Currency` (the mock's `Balances`).
pub struct MockReserve<Currency>(PhantomData<Currency>);

impl<Currency: Mutate<u64, Balance = u128>> MockReserve<Currency> {
	/// What `coop`'s reserve holds.
	pub fn buckets(coop: CoopId) -> MockBuckets {
		reserves().get(&coop).copied().unwrap_or_default()
	}

	fn set(coop: CoopId, buckets: MockBuckets) {
		let mut all = reserves();
		all.insert(coop, buckets);
		frame_support::storage::unhashed::put(RESERVES_KEY, &all);
	}

	/// `from` pays `amount` into `coop`'s reserve; panics if it cannot (a test's mistake).
	pub fn fund(coop: CoopId, from: u64, amount: u128) {
		Currency::transfer(&from, &Self::account(coop), amount, Preservation::Preserve)
			.expect("the funder can pay");
		Self::deposited(coop, amount).expect("a deposit");
	}

	/// The account of `coop`'s reserve: `2_000 + coop`.
	pub fn account(coop: CoopId) -> u64 {
		2_000 + u64::from(coop)
	}

	/// Whether every reserve's account holds exactly its buckets.
	pub fn consistent() -> bool {
		reserves().iter().all(|(coop, b)| {
			Currency::balance(&Self::account(*coop)) == b.subsistence + b.commons + b.earmarked
		})
	}
}

impl<Currency: Mutate<u64, Balance = u128>> ReserveLedger<u64, u128> for MockReserve<Currency> {
	fn reserve_account(coop: CoopId) -> u64 {
		Self::account(coop)
	}
	fn earmark(coop: CoopId, amount: u128) -> DispatchResult {
		let mut b = Self::buckets(coop);
		b.commons = b.commons.checked_sub(amount).ok_or(refused("insufficient reserve"))?;
		b.earmarked += amount;
		Self::set(coop, b);
		Ok(())
	}
	fn unearmark(coop: CoopId, amount: u128) -> DispatchResult {
		let mut b = Self::buckets(coop);
		b.earmarked = b.earmarked.checked_sub(amount).ok_or(refused("insufficient reserve"))?;
		b.commons += amount;
		Self::set(coop, b);
		Ok(())
	}
	fn pay_earmarked(coop: CoopId, to: &u64, amount: u128) -> DispatchResult {
		let mut b = Self::buckets(coop);
		b.earmarked = b.earmarked.checked_sub(amount).ok_or(refused("insufficient reserve"))?;
		Currency::transfer(&Self::account(coop), to, amount, Preservation::Expendable)?;
		Self::set(coop, b);
		Ok(())
	}
	fn deposited(coop: CoopId, amount: u128) -> DispatchResult {
		let mut b = Self::buckets(coop);
		let subsistence = amount * 3 / 4;
		b.subsistence += subsistence;
		b.commons += amount - subsistence;
		Self::set(coop, b);
		Ok(())
	}
	fn earmarked(coop: CoopId) -> u128 {
		Self::buckets(coop).earmarked
	}
}
