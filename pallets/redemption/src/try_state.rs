//! The pallet's invariants, checked after every unit test and by try-runtime.

use crate::{BalanceOf, Config, HoldReason, Pallet, Queues, Requests, Reserves, WaitingRequests};
use alloc::collections::btree_map::BTreeMap;
use confoederatio_primitives::{CoopId, WorkCategory};
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, InspectHold},
		Get,
	},
};
use sp_runtime::{traits::Zero, Saturating};

impl<T: Config> Pallet<T> {
	/// The invariants of this pallet's storage (iterates over all of it: for tests and
	/// try-runtime, never for a call):
	/// - each reserve's buckets and earmark ([`crate::Reserve::held`]) are what was funded minus
	///   what was paid ([`crate::Reserve::unspent`]), and its account holds at least that;
	/// - each reserve's account can pay everything earmarked and stay alive (its reducible
	///   balance is at least the earmark: [`crate::Reserve::keeps_earmark_payable`]);
	/// - each queue's head is not past its tail, its requests lie within them
	///   ([`crate::QueueBounds::spans`]) and its waiting count is their number;
	/// - every request belongs to a queue;
	/// - each member's count of waiting requests in a bucket ([`WaitingRequests`]) is the
	///   number of its requests there, at most `MaxRequestsPerMember`;
	/// - each depositor of waiting requests (a member, or a cooperative's account paying for
	///   its members) has exactly their deposits on hold ([`HoldReason::RequestDeposit`]).
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
			ensure!(
				reserve.keeps_earmark_payable(Self::reducible(coop), Zero::zero()),
				"the reserve account cannot pay everything earmarked and stay alive"
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
		let mut counts = BTreeMap::<((CoopId, WorkCategory), T::AccountId), u32>::new();
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (key, _, request) in Requests::<T>::iter() {
			ensure!(Queues::<T>::contains_key(key), "a request without a queue");
			let count = counts.entry((key, request.who.clone())).or_default();
			*count = count.saturating_add(1);
			let deposit = deposits.entry(request.depositor).or_default();
			*deposit = deposit.saturating_add(request.deposit);
		}
		let mut counted = 0usize;
		for (key, who, count) in WaitingRequests::<T>::iter() {
			counted = counted.saturating_add(1);
			ensure!(
				counts.get(&(key, who)) == Some(&count),
				"a member's count of waiting requests is not the number of its requests"
			);
			ensure!(
				count <= T::MaxRequestsPerMember::get(),
				"a member has more than MaxRequestsPerMember requests waiting in a bucket"
			);
		}
		ensure!(counted == counts.len(), "a member's waiting requests are not counted");
		for (depositor, deposit) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::RequestDeposit.into(), &depositor)
					== deposit,
				"a depositor's deposits on hold differ from its waiting requests'"
			);
		}
		Ok(())
	}
}
