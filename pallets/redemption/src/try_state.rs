//! The pallet's invariants, checked after every unit test and by try-runtime.

use crate::{Config, Pallet, Queues, Requests, Reserves};
use frame_support::{ensure, traits::fungible::Inspect};

impl<T: Config> Pallet<T> {
	/// The invariants of this pallet's storage (iterates over all of it: for tests and
	/// try-runtime, never for a call):
	/// - each reserve's buckets and earmark ([`crate::Reserve::held`]) are what was funded minus
	///   what was paid ([`crate::Reserve::unspent`]), and its account holds at least that;
	/// - each queue's head is not past its tail, its requests lie within them
	///   ([`crate::QueueBounds::spans`]) and its waiting count is their number;
	/// - every request belongs to a queue.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (coop, reserve) in Reserves::<T>::iter() {
			let held = reserve.held().ok_or("buckets overflow")?;
			let unspent = reserve.unspent().ok_or("paid more than funded")?;
			ensure!(
				held == unspent,
				"the buckets and the earmark are not what was funded minus what was paid"
			);
			ensure!(
				T::Currency::balance(&Self::reserve_account(coop)) >= held,
				"the reserve account holds less than its buckets"
			);
		}
		for (key, queue) in Queues::<T>::iter() {
			ensure!(queue.head <= queue.tail, "a queue's head is past its tail");
			let mut waiting = 0u32;
			for (index, _) in Requests::<T>::iter_prefix(key) {
				ensure!(queue.spans(index), "a request outside its queue's bounds");
				waiting = waiting.saturating_add(1);
			}
			ensure!(waiting == queue.waiting, "a queue's waiting count is wrong");
		}
		for (key, _, _) in Requests::<T>::iter() {
			ensure!(Queues::<T>::contains_key(key), "a request without a queue");
		}
		Ok(())
	}
}
