//! Benchmarks of redemption (frame-benchmarking v2).

use super::*;
use alloc::vec::Vec;
use confoederatio_primitives::BenchmarkHelper as _;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;
use sp_runtime::{traits::UniqueSaturatedInto, FixedPointNumber, Saturating};

/// A rate of `native` native units per unit of credit, as a [`Price`].
fn rate_of<T: Config>(native: BalanceOf<T>) -> Price {
	Price::saturating_from_integer(UniqueSaturatedInto::<u128>::unique_saturated_into(native))
}

/// An active cooperative of `size` members, each funded (with room for the request deposits
/// it may hold) and holding `credit` of subsistence credit; its rate set to ten existential
/// deposits per unit (so that a unit pays out more than the deposit after the fee).
fn cooperative<T: Config>(
	size: u32,
	credit: Credit,
) -> Result<(CoopId, Vec<T::AccountId>), BenchmarkError> {
	let members: Vec<T::AccountId> = (0..size)
		.map(|i| {
			let who: T::AccountId = account("member", i, 0);
			let deposits =
				T::RequestDeposit::get().saturating_mul(T::MaxRequestsPerMember::get().into());
			T::Currency::set_balance(
				&who,
				T::Currency::minimum_balance()
					.saturating_mul(1_000u32.into())
					.saturating_add(deposits),
			);
			who
		})
		.collect();
	let coop = T::BenchmarkHelper::create_active_cooperative(&members);
	for member in &members {
		T::CreditHelper::issue(coop, member, WorkCategory::Subsistence, credit);
	}
	let rate = rate_of::<T>(T::Currency::minimum_balance().saturating_mul(10u32.into()));
	Reserves::<T>::insert(coop, Reserve { rate, ..Default::default() });
	Ok((coop, members))
}

/// Funds `coop`'s reserve by `amount` from a funded account.
fn funder<T: Config>(amount: BalanceOf<T>) -> T::AccountId {
	let funder: T::AccountId = account("funder", 0, 0);
	T::Currency::set_balance(&funder, amount.saturating_add(T::Currency::minimum_balance()));
	funder
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A deposit that serves `s` waiting requests of distinct members: each paid, its deposit
	/// released and its member's count updated.
	#[benchmark]
	fn fund(s: Linear<0, { T::MaxServedPerFund::get() }>) -> Result<(), BenchmarkError> {
		let (coop, members) = cooperative::<T>(s.max(1), 10)?;
		for member in members.iter().take(s as usize) {
			Pallet::<T>::do_redeem(coop, member.clone(), WorkCategory::Subsistence, 10)
				.map_err(|_| BenchmarkError::Stop("redeem"))?;
		}
		let amount = T::Currency::minimum_balance().saturating_mul(1_000_000u32.into());
		let from = funder::<T>(amount);

		#[extrinsic_call]
		_(RawOrigin::Signed(from), coop, amount);

		ensure!(
			Queues::<T>::get((coop, WorkCategory::Subsistence)).waiting == 0,
			BenchmarkError::Stop("not served")
		);
		Ok(())
	}

	#[benchmark]
	fn set_rate() -> Result<(), BenchmarkError> {
		let (coop, _) = cooperative::<T>(1, 0)?;
		let origin = T::BenchmarkHelper::cooperative_origin(coop);
		let rate = rate_of::<T>(T::Currency::minimum_balance());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, rate);

		ensure!(Pallet::<T>::reserve_info(coop).rate == rate, BenchmarkError::Stop("rate"));
		Ok(())
	}

	/// A redemption the bucket pays at once.
	#[benchmark]
	fn redeem_paid() -> Result<(), BenchmarkError> {
		let (coop, members) = cooperative::<T>(1, 10)?;
		let who = members.first().cloned().ok_or(BenchmarkError::Stop("members"))?;
		let amount = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
		Pallet::<T>::do_fund(coop, funder::<T>(amount), amount)
			.map_err(|_| BenchmarkError::Stop("fund"))?;

		#[extrinsic_call]
		redeem(RawOrigin::Signed(who), coop, WorkCategory::Subsistence, 10);

		ensure!(
			Pallet::<T>::reserve_info(coop).subsistence_queue == 0,
			BenchmarkError::Stop("queued")
		);
		Ok(())
	}

	/// A redemption that waits in the queue: the member's count read and written, its deposit
	/// held.
	#[benchmark]
	fn redeem_queued() -> Result<(), BenchmarkError> {
		let (coop, members) = cooperative::<T>(1, 10)?;
		let who = members.first().cloned().ok_or(BenchmarkError::Stop("members"))?;

		#[extrinsic_call]
		redeem(RawOrigin::Signed(who), coop, WorkCategory::Subsistence, 10);

		ensure!(
			Pallet::<T>::reserve_info(coop).subsistence_queue == 1,
			BenchmarkError::Stop("not queued")
		);
		Ok(())
	}

	/// A cancel: the credit comes back, the deposit is released, the count updated.
	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		let (coop, members) = cooperative::<T>(1, 10)?;
		let who = members.first().cloned().ok_or(BenchmarkError::Stop("members"))?;
		Pallet::<T>::do_redeem(coop, who.clone(), WorkCategory::Subsistence, 10)
			.map_err(|_| BenchmarkError::Stop("redeem"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who), coop, WorkCategory::Subsistence, 0);

		ensure!(
			Pallet::<T>::reserve_info(coop).subsistence_queue == 0,
			BenchmarkError::Stop("still queued")
		);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::empty_test_ext(), crate::mock::Test);
}
