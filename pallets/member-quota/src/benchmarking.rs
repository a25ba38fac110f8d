//! Benchmarks of the member quota (frame-benchmarking v2).

use super::*;
use confoederatio_primitives::BenchmarkHelper as _;
use frame_benchmarking::v2::*;
use sp_runtime::Saturating;

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_quota() -> Result<(), BenchmarkError> {
		let member: T::AccountId = account("member", 0, 0);
		let coop = T::BenchmarkHelper::create_active_cooperative(&[member]);
		let origin = T::BenchmarkHelper::cooperative_origin(coop);
		let (per_period, period) = (T::MaxQuota::get(), T::MaxPeriod::get());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, per_period, period);

		assert_eq!(Pallet::<T>::quota_of(coop), Quota { per_period, period });
		Ok(())
	}

	#[benchmark]
	fn set_deposit_budget() -> Result<(), BenchmarkError> {
		let member: T::AccountId = account("member", 0, 0);
		let coop = T::BenchmarkHelper::create_active_cooperative(&[member]);
		let origin = T::BenchmarkHelper::cooperative_origin(coop);
		let budget = T::DefaultDepositBudget::get();
		let per_member = T::DefaultMemberDepositLimit::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, budget, per_member);

		assert_eq!(Pallet::<T>::deposit_budget(coop), budget);
		assert_eq!(Pallet::<T>::member_deposit_limit(coop), per_member);
		Ok(())
	}

	/// A deposit a cooperative holds for a member who has nothing, and its release: what
	/// [`DepositPayer::weight`] is (the member's balance, its membership, what the cooperative
	/// holds, its budget and limit, the count read and written each way).
	#[benchmark]
	fn pay_deposit() -> Result<(), BenchmarkError> {
		let member: T::AccountId = account("member", 0, 0);
		let coop = T::BenchmarkHelper::create_active_cooperative(&[member.clone()]);
		let account = T::Cooperatives::account(coop);
		let amount = T::DefaultMemberDepositLimit::get();

		#[block]
		{
			let payer = <Pallet<T> as DepositPayer<_, _>>::payer(coop, &member, amount);
			ensure!(payer == account, BenchmarkError::Stop("the cooperative did not pay"));
			ensure!(
				PaidFor::<T>::get(coop, &member) == amount,
				BenchmarkError::Stop("not counted")
			);
			<Pallet<T> as DepositPayer<_, _>>::released(coop, &member, &payer, amount);
		}

		ensure!(!PaidFor::<T>::contains_key(coop, &member), BenchmarkError::Stop("still counted"));
		Ok(())
	}

	/// The fee extension's check and count of a free transaction: the membership, the quota and
	/// the count read, the count written (a new period, so the count starts again). What the
	/// runtime reads to tell what the call is, is added in the weight function.
	#[benchmark]
	fn free_transaction() -> Result<(), BenchmarkError> {
		let member: T::AccountId = account("member", 0, 0);
		let coop = T::BenchmarkHelper::create_active_cooperative(&[member.clone()]);
		Pallet::<T>::do_set_quota(coop, T::MaxQuota::get(), T::MinPeriod::get())?;
		Pallet::<T>::use_free(coop, &member);
		let later = frame_system::Pallet::<T>::block_number().saturating_add(T::MinPeriod::get());
		frame_system::Pallet::<T>::set_block_number(later);

		#[block]
		{
			assert!(Pallet::<T>::left(coop, &member) > 0);
			Pallet::<T>::use_free(coop, &member);
		}

		assert_eq!(Pallet::<T>::quota_info(coop, &member).used, 1);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
