//! Benchmarks of the cooperatives pallet (frame-benchmarking v2).

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;
use sp_runtime::traits::{Saturating, Zero};

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	let who: T::AccountId = account(name, index, 0);
	let amount = T::ApplicationDeposit::get()
		.saturating_mul(100u32.into())
		.saturating_add(T::Currency::minimum_balance().saturating_mul(100u32.into()));
	T::Currency::set_balance(&who, amount);
	who
}

fn founders<T: Config>(first: &T::AccountId, count: u32) -> Vec<T::AccountId> {
	let mut founders = vec![first.clone()];
	founders.extend((1..count).map(|i| account::<T::AccountId>("founder", i, 0)));
	founders
}

/// A cooperative with `members` members and the given status; returns its id.
fn cooperative<T: Config>(members: u32, status: CoopStatus) -> CoopId {
	let applicant: T::AccountId = account("applicant", 0, 0);
	let name: NameOf<T> = vec![b'c'; T::MaxNameLength::get() as usize].try_into().unwrap();
	Pallet::<T>::do_create(
		name,
		applicant.clone(),
		&founders::<T>(&applicant, members),
		Default::default(),
		status,
	)
	.unwrap()
}

/// A pending application by a funded applicant with `count` founders (the applicant and
/// `founder` 1..); the founders `1..confirmed` confirm too. Returns its id and the applicant.
fn application<T: Config>(
	count: u32,
	confirmed: u32,
) -> Result<(CoopId, T::AccountId), BenchmarkError>
where
	T::Currency: Mutate<T::AccountId>,
{
	let applicant = funded::<T>("caller", 0);
	let coop = NextCoopId::<T>::get();
	Pallet::<T>::apply(
		RawOrigin::Signed(applicant.clone()).into(),
		vec![b'n'; T::MaxNameLength::get() as usize],
		founders::<T>(&applicant, count),
	)
	.map_err(|_| BenchmarkError::Stop("apply failed"))?;
	for index in 1..confirmed {
		let founder: T::AccountId = account("founder", index, 0);
		Pallet::<T>::confirm_founding(RawOrigin::Signed(founder).into(), coop)
			.map_err(|_| BenchmarkError::Stop("confirm_founding failed"))?;
	}
	Ok((coop, applicant))
}

/// What is held from `who` for application deposits.
fn held<T: Config>(who: &T::AccountId) -> BalanceOf<T> {
	use frame_support::traits::fungible::InspectHold;
	T::Currency::balance_on_hold(&HoldReason::ApplicationDeposit.into(), who)
}

/// `coop`'s own decision, as `CooperativeOrigin` requires it.
fn cooperative_origin<T: Config>(coop: CoopId) -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::CooperativeOrigin::try_successful_origin(&coop).map_err(|_| BenchmarkError::Weightless)
}

/// The federation's decision, as `FederationOrigin` requires it.
fn federation_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::FederationOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn apply(f: Linear<{ T::MinFounders::get() }, { T::MaxFounders::get() }>) {
		let caller = funded::<T>("caller", 0);
		let founders = founders::<T>(&caller, f);
		let name = vec![b'n'; T::MaxNameLength::get() as usize];
		let coop = NextCoopId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), name, founders);

		assert_eq!(Registry::<T>::get(coop).unwrap().member_count, f);
	}

	/// The worst case: the most founders, all confirmed (the longest confirmations to read and
	/// remove), and the deposit to release.
	#[benchmark]
	fn admit() -> Result<(), BenchmarkError> {
		let max = T::MaxFounders::get();
		let (coop, applicant) = application::<T>(max, max)?;
		let origin = federation_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop);

		assert_eq!(Registry::<T>::get(coop).unwrap().status, CoopStatus::Active);
		assert!(!Confirmations::<T>::contains_key(coop));
		assert!(held::<T>(&applicant).is_zero());
		Ok(())
	}

	/// The worst case: the last of the most founders confirms, after all the others (the
	/// longest confirmations to search and extend).
	#[benchmark]
	fn confirm_founding() -> Result<(), BenchmarkError> {
		let max = T::MaxFounders::get();
		let (coop, _) = application::<T>(max, max.saturating_sub(1))?;
		let last: T::AccountId = account("founder", max.saturating_sub(1), 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(last), coop);

		assert_eq!(Confirmations::<T>::get(coop).len() as u32, max);
		Ok(())
	}

	/// Withdrawing an application of `f` founders, all but the one who declines confirmed.
	#[benchmark]
	fn decline_founding(
		f: Linear<{ T::MinFounders::get() }, { T::MaxFounders::get() }>,
	) -> Result<(), BenchmarkError> {
		let (coop, applicant) = application::<T>(f, f.saturating_sub(1))?;
		let last: T::AccountId = account("founder", f.saturating_sub(1), 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(last), coop);

		assert!(!Registry::<T>::contains_key(coop));
		assert!(!Confirmations::<T>::contains_key(coop));
		assert!(held::<T>(&applicant).is_zero());
		Ok(())
	}

	#[benchmark]
	fn suspend() -> Result<(), BenchmarkError> {
		let coop = cooperative::<T>(T::MinFounders::get(), CoopStatus::Active);
		let origin = federation_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop);

		assert_eq!(Registry::<T>::get(coop).unwrap().status, CoopStatus::Suspended);
		Ok(())
	}

	#[benchmark]
	fn reinstate() -> Result<(), BenchmarkError> {
		let coop = cooperative::<T>(T::MinFounders::get(), CoopStatus::Suspended);
		let origin = federation_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop);

		assert_eq!(Registry::<T>::get(coop).unwrap().status, CoopStatus::Active);
		Ok(())
	}

	#[benchmark]
	fn add_member() -> Result<(), BenchmarkError> {
		let coop = cooperative::<T>(T::MinFounders::get(), CoopStatus::Active);
		let who: T::AccountId = account("newcomer", 0, 0);
		let origin = cooperative_origin::<T>(coop)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, who.clone());

		assert!(Members::<T>::contains_key(coop, who));
		Ok(())
	}

	#[benchmark]
	fn remove_member() -> Result<(), BenchmarkError> {
		let coop = cooperative::<T>(T::MinFounders::get(), CoopStatus::Active);
		let who: T::AccountId = account("founder", 1, 0);
		let origin = cooperative_origin::<T>(coop)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, who.clone());

		assert!(!Members::<T>::contains_key(coop, who));
		Ok(())
	}

	#[benchmark]
	fn leave() {
		let coop = cooperative::<T>(T::MinFounders::get(), CoopStatus::Active);
		let who: T::AccountId = account("founder", 1, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), coop);

		assert!(!Members::<T>::contains_key(coop, who));
	}

	#[benchmark]
	fn set_parameters() -> Result<(), BenchmarkError> {
		let coop = cooperative::<T>(T::MinFounders::get(), CoopStatus::Active);
		let mut params = CoopParams::<BlockNumberFor<T>>::default();
		params.voting_period = T::MaxVotingPeriod::get();
		let origin = cooperative_origin::<T>(coop)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, params.clone());

		assert_eq!(Registry::<T>::get(coop).unwrap().params, params);
		Ok(())
	}

	#[benchmark]
	fn reject(
		f: Linear<{ T::MinFounders::get() }, { T::MaxFounders::get() }>,
	) -> Result<(), BenchmarkError> {
		let (coop, _) = application::<T>(f, f)?;
		let origin = federation_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop);

		assert!(!Registry::<T>::contains_key(coop));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
