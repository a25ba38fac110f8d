//! Benchmarks of the validator set (frame-benchmarking v2). `v` is the number of validators in
//! the set; the calls are charged at `v = MaxValidators`.

use super::*;
use confoederatio_primitives::BenchmarkHelper as _;
use frame_benchmarking::v2::*;

/// A set of `count` validators with keys, run by one active cooperative, that validate in the
/// current and the next session; returns the cooperative.
fn set_of<T: Config>(count: u32) -> CoopId {
	// A cooperative needs an applicant (the runtime's registry refuses one without members).
	let coop = T::BenchmarkHelper::create_active_cooperative(&[account("operator", 0, 0)]);
	let mut validators = ValidatorsOf::<T>::new();
	for i in 0..count {
		let who: T::AccountId = account("validator", i, 0);
		T::BenchmarkHelper::register_session_keys(&who);
		let _ = validators.try_insert(who, coop);
	}
	let set = SessionSetOf::<T>::truncate_from(validators.keys().cloned().collect());
	Validators::<T>::put(validators);
	CurrentSet::<T>::put(&set);
	NextSet::<T>::put(set);
	coop
}

/// The leaving list filled to one short of its bound, with accounts no session has (what is
/// read and written when one more leaves).
fn fill_leaving<T: Config>(coop: CoopId) {
	let mut leaving = LeavingOf::<T>::new();
	for i in 0..MaxLeaving::<T>::get().saturating_sub(1) {
		let _ = leaving.try_insert(account("leaving", i, 0), coop);
	}
	Leaving::<T>::put(leaving);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The set has `v` validators and one more comes in; the leaving list is nearly full.
	#[benchmark]
	fn add_validator(
		v: Linear<{ T::MinValidators::get() }, { T::MaxValidators::get().saturating_sub(1) }>,
	) -> Result<(), BenchmarkError> {
		let coop = set_of::<T>(v);
		fill_leaving::<T>(coop);
		let who: T::AccountId = account("new", 0, 0);
		let origin =
			T::FederationOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), coop);

		ensure!(Validators::<T>::get().contains_key(&who), "not added");
		Ok(())
	}

	/// The set has `v` validators and one that validates in both planned sessions goes, so it
	/// joins a nearly full leaving list.
	#[benchmark]
	fn remove_validator(
		v: Linear<{ T::MinValidators::get().saturating_add(1) }, { T::MaxValidators::get() }>,
	) -> Result<(), BenchmarkError> {
		let coop = set_of::<T>(v);
		fill_leaving::<T>(coop);
		// The last in the sets, so the membership checks go through all of them.
		let who: T::AccountId =
			CurrentSet::<T>::get().last().cloned().ok_or(BenchmarkError::Stop("no validator"))?;
		let origin =
			T::FederationOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		ensure!(!Validators::<T>::get().contains_key(&who), "not removed");
		ensure!(Leaving::<T>::get().contains_key(&who), "not leaving");
		Ok(())
	}

	#[benchmark]
	fn set_session_length() -> Result<(), BenchmarkError> {
		let blocks = T::MaxSessionLength::get();
		let origin =
			T::FederationOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, blocks);

		ensure!(SessionLength::<T>::get() == blocks, "not set");
		Ok(())
	}

	/// pallet-session plans a session with `v` validators, all with keys (where the runtime
	/// registers them, [`BenchmarkHelper::register_session_keys`]), and a nearly full leaving
	/// list to prune. Not charged to anyone: pallet-session counts a whole block for a new
	/// session; for the record of what it costs.
	#[benchmark]
	fn new_session(
		v: Linear<{ T::MinValidators::get() }, { T::MaxValidators::get() }>,
	) -> Result<(), BenchmarkError> {
		let coop = set_of::<T>(v);
		fill_leaving::<T>(coop);

		#[block]
		{
			let _ = <Pallet<T> as pallet_session::SessionManager<T::AccountId>>::new_session(2);
		}

		ensure!(Leaving::<T>::get().is_empty(), "not pruned");
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
