//! Proposing: who may propose where, and what a proposal may carry.

use super::*;
use confoederatio_primitives::CollectiveOrigin;
use frame_support::assert_noop;
use sp_runtime::{DispatchError, TokenError};

#[test]
fn a_suspended_cooperative_cannot_propose_vote_or_pass() {
	build_and_execute(|| {
		let poll = coop_poll(record_call(1));
		assert_ok!(vote(1, poll, true));
		MockCooperatives::set_active(0, false);
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(1),
				ProposalScope::Cooperative(0),
				record_call(1)
			),
			Error::<Test>::CooperativeNotActive
		);
		assert_noop!(
			Governance::propose(
				coop_origin(0),
				ProposalScope::Federation(Track::Federation),
				federation_call(1)
			),
			Error::<Test>::CooperativeNotActive
		);
		assert_noop!(vote(2, poll, true), Error::<Test>::CooperativeNotActive);
		System::set_block_number(2 + VOTING_PERIOD);
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(target::Record::<Test>::get().is_empty());
		assert!(matches!(events().last(), Some(Event::Rejected { .. })));
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(1),
				ProposalScope::Cooperative(42),
				record_call(1)
			),
			Error::<Test>::CooperativeNotActive
		);
	});
}

#[test]
fn wrong_origins_are_refused() {
	build_and_execute(|| {
		// A cooperative poll is proposed by a member, not by a cooperative or root.
		for origin in [coop_origin(0), RuntimeOrigin::root(), RuntimeOrigin::none()] {
			assert_noop!(
				Governance::propose(origin, ProposalScope::Cooperative(0), record_call(1)),
				DispatchError::BadOrigin
			);
		}
		// A federation poll is proposed by a cooperative, not by a member or root.
		for origin in [RuntimeOrigin::signed(1), RuntimeOrigin::root()] {
			assert_noop!(
				Governance::propose(
					origin,
					ProposalScope::Federation(Track::Federation),
					federation_call(1)
				),
				DispatchError::BadOrigin
			);
		}
		let poll = coop_poll(record_call(1));
		assert_noop!(Governance::vote(RuntimeOrigin::root(), poll, true), DispatchError::BadOrigin);
		assert_noop!(Governance::vote(coop_origin(0), poll, true), Error::<Test>::WrongScope);
		assert_noop!(Governance::close(RuntimeOrigin::root(), poll), DispatchError::BadOrigin);
		assert_noop!(Governance::close(RuntimeOrigin::none(), poll), DispatchError::BadOrigin);
		for origin in [
			RuntimeOrigin::root(),
			RuntimeOrigin::signed(1),
			coop_origin(0),
			CollectiveOrigin::Federation.into(),
		] {
			assert_noop!(
				Governance::authorize_upgrade(origin, Default::default()),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn oversized_and_overweight_calls_are_refused() {
	build_and_execute(|| {
		let big =
			Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 100] }));
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(1), ProposalScope::Cooperative(0), big),
			Error::<Test>::ProposalTooLarge
		);
		let heavy = Box::new(RuntimeCall::Target(target::Call::heavy {}));
		assert_noop!(
			Governance::propose(RuntimeOrigin::signed(1), ProposalScope::Cooperative(0), heavy),
			Error::<Test>::ProposalTooHeavy
		);
	});
}

#[test]
fn a_proposer_without_funds_for_the_deposit_is_refused() {
	build_and_execute(|| {
		set_coop(0, |c| c.members.push(77));
		assert_noop!(
			Governance::propose(
				RuntimeOrigin::signed(77),
				ProposalScope::Cooperative(0),
				record_call(1)
			),
			TokenError::FundsUnavailable
		);
	});
}
