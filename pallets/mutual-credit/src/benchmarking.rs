//! Benchmarks of mutual credit (frame-benchmarking v2). Each measures the worst case of its call:
//! accounts that exist and change, limits at work, the payee's side included.

use super::*;
use alloc::vec::Vec;
use confoederatio_primitives::BenchmarkHelper as _;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;
use sp_runtime::traits::Saturating;

/// An active cooperative of `size` funded members; returns it and its members.
fn cooperative<T: Config>(name: &'static str, size: u32) -> (CoopId, Vec<T::AccountId>)
where
	T::Currency: Mutate<T::AccountId>,
{
	let members: Vec<T::AccountId> = (0..size)
		.map(|i| {
			let who: T::AccountId = account(name, i, 0);
			let amount = T::ContributionDeposit::get()
				.saturating_mul(10u32.into())
				.saturating_add(T::Currency::minimum_balance().saturating_mul(100u32.into()));
			T::Currency::set_balance(&who, amount);
			who
		})
		.collect();
	(T::BenchmarkHelper::create_active_cooperative(&members), members)
}

fn member<T: Config>(
	members: &[T::AccountId],
	index: usize,
) -> Result<T::AccountId, BenchmarkError> {
	members.get(index).cloned().ok_or(BenchmarkError::Stop("too few members"))
}

/// `coop`'s decision ("this cooperative decided").
fn coop_origin<T: Config>(coop: CoopId) -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::CooperativeOrigin::try_successful_origin(&coop).map_err(|_| BenchmarkError::Weightless)
}

/// The federation's decision.
fn federation_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::FederationOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Lets `who` owe at least `amount` in `coop`'s currency.
fn allow_debt<T: Config>(coop: CoopId, who: &T::AccountId, amount: Credit) {
	Accounts::<T>::mutate(coop, who, |account| {
		if let Some(account) = account {
			account.credit_limit = account.credit_limit.max(amount);
		}
	});
}

/// Fills `who`'s vote locks in `coop` (`MaxVoteLocks` of them, of open polls, each locking
/// nothing): the largest account record, which every rule reads through, binding nothing.
fn fill_vote_locks<T: Config>(coop: CoopId, who: &T::AccountId) {
	let until = frame_system::Pallet::<T>::block_number().saturating_add(1_000u32.into());
	Accounts::<T>::mutate(coop, who, |account| {
		if let Some(account) = account {
			for poll in 0..T::MaxVoteLocks::get() {
				let _ = account.vote_locks.try_push(VoteLock { poll, amount: 0, until });
			}
		}
	});
}

/// Two cooperatives open to each other, with a member each; returns them.
fn federated_pair<T: Config>(
) -> Result<(CoopId, T::AccountId, CoopId, T::AccountId), BenchmarkError>
where
	T::Currency: Mutate<T::AccountId>,
{
	let (from_coop, from_members) = cooperative::<T>("payer", 1);
	let (to_coop, to_members) = cooperative::<T>("payee", 1);
	let federation = federation_origin::<T>()?;
	for coop in [from_coop, to_coop] {
		Pallet::<T>::set_federation_limit(federation.clone(), coop, T::MaxFederationLimit::get())
			.map_err(|_| BenchmarkError::Stop("federation limit"))?;
	}
	Ok((from_coop, member::<T>(&from_members, 0)?, to_coop, member::<T>(&to_members, 0)?))
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	/// A member pays another and goes below zero; both accounts exist, with as many vote locks
	/// as they may keep (binding nothing).
	#[benchmark]
	fn transfer() -> Result<(), BenchmarkError> {
		let (coop, members) = cooperative::<T>("member", 2);
		let (from, to) = (member::<T>(&members, 0)?, member::<T>(&members, 1)?);
		let amount = T::DefaultCreditLimit::get().max(1);
		allow_debt::<T>(coop, &from, amount);
		fill_vote_locks::<T>(coop, &from);
		fill_vote_locks::<T>(coop, &to);

		#[extrinsic_call]
		_(RawOrigin::Signed(from.clone()), coop, to.clone(), amount);

		assert_eq!(Pallet::<T>::account_of(coop, &to).balance, amount as i128);
		Ok(())
	}

	#[benchmark]
	fn set_credit_limit() -> Result<(), BenchmarkError> {
		let (coop, members) = cooperative::<T>("member", 1);
		let who = member::<T>(&members, 0)?;
		let origin = coop_origin::<T>(coop)?;
		let limit = T::MaxCreditLimit::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, who.clone(), limit);

		assert_eq!(Pallet::<T>::account_of(coop, &who).credit_limit, limit);
		Ok(())
	}

	#[benchmark]
	fn set_default_credit_limit() -> Result<(), BenchmarkError> {
		let (coop, _) = cooperative::<T>("member", 1);
		let origin = coop_origin::<T>(coop)?;
		let limit = T::MaxCreditLimit::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, limit);

		assert_eq!(Pallet::<T>::currency_of(coop).default_credit_limit, limit);
		Ok(())
	}

	#[benchmark]
	fn submit_contribution() -> Result<(), BenchmarkError> {
		let (coop, members) = cooperative::<T>("member", 1);
		let who = member::<T>(&members, 0)?;
		let amount = T::MaxContribution::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(who), coop, amount, WorkCategory::Subsistence, T::Hash::default());

		assert!(Contributions::<T>::contains_key(NextContributionId::<T>::get().saturating_sub(1)));
		Ok(())
	}

	/// Issues credit: the coop account and the member's both exist and change.
	#[benchmark]
	fn approve_contribution() -> Result<(), BenchmarkError> {
		let (coop, members) = cooperative::<T>("member", 2);
		let who = member::<T>(&members, 0)?;
		// The coop account exists (a member paid it before).
		Pallet::<T>::do_transfer(
			coop,
			member::<T>(&members, 1)?,
			T::Cooperatives::account(coop),
			1,
		)
		.map_err(|_| BenchmarkError::Stop("transfer"))?;
		let id = NextContributionId::<T>::get();
		Pallet::<T>::do_submit_contribution(
			coop,
			who.clone(),
			T::MaxContribution::get().min(T::DefaultIssuanceLimit::get()).max(1),
			WorkCategory::Commons,
			T::Hash::default(),
		)
		.map_err(|_| BenchmarkError::Stop("submit"))?;
		let origin = coop_origin::<T>(coop)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(!Contributions::<T>::contains_key(id));
		assert!(Pallet::<T>::account_of(coop, &who).balance > 0);
		Ok(())
	}

	#[benchmark]
	fn reject_contribution() -> Result<(), BenchmarkError> {
		let (coop, members) = cooperative::<T>("member", 1);
		let id = NextContributionId::<T>::get();
		Pallet::<T>::do_submit_contribution(
			coop,
			member::<T>(&members, 0)?,
			1,
			WorkCategory::Commons,
			T::Hash::default(),
		)
		.map_err(|_| BenchmarkError::Stop("submit"))?;
		let origin = coop_origin::<T>(coop)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(!Contributions::<T>::contains_key(id));
		Ok(())
	}

	/// Pays across: two accounts and a currency on each side.
	#[benchmark]
	fn transfer_across() -> Result<(), BenchmarkError> {
		let (from_coop, from, to_coop, to) = federated_pair::<T>()?;
		let amount = T::DefaultCreditLimit::get().min(T::MaxFederationLimit::get()).max(1);
		allow_debt::<T>(from_coop, &from, amount);

		#[extrinsic_call]
		_(RawOrigin::Signed(from), from_coop, to_coop, to.clone(), amount);

		assert_eq!(Pallet::<T>::account_of(to_coop, &to).balance, amount as i128);
		Ok(())
	}

	#[benchmark]
	fn set_federation_limit() -> Result<(), BenchmarkError> {
		let (coop, _) = cooperative::<T>("member", 1);
		let origin = federation_origin::<T>()?;
		let limit = T::MaxFederationLimit::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, limit);

		assert_eq!(Pallet::<T>::currency_of(coop).federation_limit, limit);
		Ok(())
	}

	#[benchmark]
	fn set_exchange_rate() -> Result<(), BenchmarkError> {
		let (coop, _) = cooperative::<T>("member", 1);
		let origin = federation_origin::<T>()?;
		let rate = ExchangeRate::from_rational(3, 2);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, rate);

		assert_eq!(Pallet::<T>::currency_of(coop).exchange_rate, rate);
		Ok(())
	}

	/// Takes over a member's debt: the member's and the coop account's records and the
	/// currency all change.
	#[benchmark]
	fn write_off() -> Result<(), BenchmarkError> {
		let (coop, members) = cooperative::<T>("member", 2);
		let (debtor, creditor) = (member::<T>(&members, 0)?, member::<T>(&members, 1)?);
		let debt = T::DefaultCreditLimit::get().max(1);
		allow_debt::<T>(coop, &debtor, debt);
		Pallet::<T>::do_transfer(coop, debtor.clone(), creditor, debt)
			.map_err(|_| BenchmarkError::Stop("transfer"))?;
		let origin = coop_origin::<T>(coop)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, debtor.clone());

		assert_eq!(Pallet::<T>::account_of(coop, &debtor).balance, 0);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::empty_test_ext(), crate::mock::Test);
}
