//! Benchmarks of governance (frame-benchmarking v2).

use super::*;
use alloc::{vec, vec::Vec};
use confoederatio_primitives::{BenchmarkHelper as _, MembershipHooks};
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;
use sp_runtime::traits::Saturating;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	let who: T::AccountId = account(name, index, 0);
	let amount = T::PollDeposit::get()
		.saturating_mul(100u32.into())
		.saturating_add(T::Currency::minimum_balance().saturating_mul(100u32.into()));
	T::Currency::set_balance(&who, amount);
	who
}

/// An active cooperative of `size` funded members, each with its record of when it joined (as
/// the membership hooks keep it: a vote reads it); returns it and its members.
fn cooperative<T: Config>(size: u32) -> (CoopId, Vec<T::AccountId>)
where
	T::Currency: Mutate<T::AccountId>,
{
	let members: Vec<T::AccountId> = (0..size).map(|i| funded::<T>("member", i)).collect();
	let coop = T::BenchmarkHelper::create_active_cooperative(&members);
	for member in &members {
		<Pallet<T> as MembershipHooks<T::AccountId>>::on_joined(coop, member);
	}
	(coop, members)
}

/// Makes `who`'s vote in `poll` as costly as it can be ([`VoteWeight::prepare_costliest_vote`]:
/// in the runtime, credit to lock and the ledger's locks nearly full).
fn prepare_costliest_vote<T: Config>(poll: PollId, who: &T::AccountId) {
	if let Some(Poll { scope: PollScope::Cooperative(coop), end, .. }) = Polls::<T>::get(poll) {
		T::VoteWeight::prepare_costliest_vote(coop, who, end);
	}
}

/// A cooperative poll of `voters` members that every member voted in, `aye` or not; returns the
/// poll and a member to close it.
fn voted_poll<T: Config>(voters: u32, aye: bool) -> Result<(PollId, T::AccountId), BenchmarkError>
where
	T::Currency: Mutate<T::AccountId>,
	<T as Config>::RuntimeCall: From<frame_system::Call<T>>,
{
	let (coop, members) = cooperative::<T>(voters);
	let poll = NextPollId::<T>::get();
	Pallet::<T>::propose(
		RawOrigin::Signed(members[0].clone()).into(),
		ProposalScope::Cooperative(coop),
		Box::new(remark::<T>(0)),
	)
	.map_err(|_| BenchmarkError::Stop("propose failed"))?;
	for member in &members {
		prepare_costliest_vote::<T>(poll, member);
		Pallet::<T>::vote(RawOrigin::Signed(member.clone()).into(), poll, aye)
			.map_err(|_| BenchmarkError::Stop("vote failed"))?;
	}
	Ok((poll, members[0].clone()))
}

/// The cheapest call to carry, padded to `length` bytes with a remark.
fn remark<T: Config>(length: u32) -> <T as Config>::RuntimeCall
where
	<T as Config>::RuntimeCall: From<frame_system::Call<T>>,
{
	frame_system::Call::<T>::remark { remark: vec![1u8; length as usize] }.into()
}

#[benchmarks(where
	T::Currency: Mutate<T::AccountId>,
	<T as Config>::RuntimeCall: From<frame_system::Call<T>>,
	<T as frame_system::Config>::RuntimeOrigin: From<CollectiveOrigin>,
)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose(l: Linear<0, { T::MaxProposalLength::get().saturating_sub(8) }>) {
		let (coop, members) = cooperative::<T>(3);
		let poll = NextPollId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(members[0].clone()),
			ProposalScope::Cooperative(coop),
			Box::new(remark::<T>(l)),
		);

		assert!(Polls::<T>::contains_key(poll));
	}

	#[benchmark]
	fn vote() -> Result<(), BenchmarkError> {
		let (coop, members) = cooperative::<T>(3);
		let poll = NextPollId::<T>::get();
		Pallet::<T>::propose(
			RawOrigin::Signed(members[0].clone()).into(),
			ProposalScope::Cooperative(coop),
			Box::new(remark::<T>(0)),
		)
		.map_err(|_| BenchmarkError::Stop("propose failed"))?;
		let voter = members.get(1).cloned().ok_or(BenchmarkError::Stop("too few members"))?;
		prepare_costliest_vote::<T>(poll, &voter);

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), poll, true);

		assert_eq!(MemberVotes::<T>::get(poll, &voter).map(|v| v.aye), Some(true));
		Ok(())
	}

	/// A cooperative poll that everyone voted for, closed and its (light) call dispatched.
	#[benchmark]
	fn close_approved(v: Linear<1, { T::MaxVoters::get() }>) -> Result<(), BenchmarkError> {
		let (poll, closer) = voted_poll::<T>(v, true)?;

		#[extrinsic_call]
		close(RawOrigin::Signed(closer), poll);

		assert!(!Polls::<T>::contains_key(poll));
		Ok(())
	}

	/// A cooperative poll that everyone voted against, closed.
	#[benchmark]
	fn close_rejected(v: Linear<1, { T::MaxVoters::get() }>) -> Result<(), BenchmarkError> {
		let (poll, closer) = voted_poll::<T>(v, false)?;

		#[extrinsic_call]
		close(RawOrigin::Signed(closer), poll);

		assert!(!Polls::<T>::contains_key(poll));
		Ok(())
	}

	#[benchmark]
	fn authorize_upgrade() -> Result<(), BenchmarkError> {
		let origin =
			T::UpgradeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let hash = T::Hash::default();

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, hash);

		assert!(frame_system::Pallet::<T>::authorized_upgrade().is_some());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
