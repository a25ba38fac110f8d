//! Who holds a poll's deposit: the proposing member, or its cooperative's account for a member
//! who cannot pay it ([`Config::DepositPayer`], the kit's `CoopPaysDeposits` here); the deposit
//! goes back to the account it was held from when the poll closes, passed or not.

use super::*;
use frame_support::{
	assert_noop,
	traits::fungible::{Inspect, Mutate},
};
use sp_runtime::TokenError;

/// A member of cooperative 0 holding no native token.
const PENNILESS: u64 = 99;

/// Cooperative 0's account (it holds 1,000 in the mock).
const COOP_ACCOUNT: u64 = 1_000;

/// Makes [`PENNILESS`] a member of cooperative 0 and lets the cooperative's account hold up to
/// `budget` for its members' deposits.
fn coop_pays(budget: u128) {
	set_coop(0, |c| c.members.push(PENNILESS));
	MockCooperatives::set_deposit_budget(0, budget);
}

fn free(who: u64) -> u64 {
	Balances::balance(&who)
}

/// [`PENNILESS`] proposes `call` to cooperative 0.
fn propose_by_penniless(call: Box<RuntimeCall>) -> DispatchResult {
	Governance::propose(RuntimeOrigin::signed(PENNILESS), ProposalScope::Cooperative(0), call)
}

fn depositor(poll: PollId) -> u64 {
	Polls::<Test>::get(poll).expect("open").depositor
}

#[test]
fn a_member_without_funds_proposes_and_its_cooperative_holds_the_deposit() {
	build_and_execute(|| {
		coop_pays(u128::from(DEPOSIT));
		let poll = NextPollId::<Test>::get();
		assert_ok!(propose_by_penniless(record_call(7)));
		assert_eq!(
			events().last(),
			Some(&Event::Proposed {
				poll,
				scope: PollScope::Cooperative(0),
				proposer: PENNILESS,
				depositor: COOP_ACCOUNT,
				end: 1 + VOTING_PERIOD
			})
		);
		assert_eq!(depositor(poll), COOP_ACCOUNT);
		assert_eq!((held(COOP_ACCOUNT), free(COOP_ACCOUNT)), (DEPOSIT, 1_000 - DEPOSIT));
		assert_eq!((held(PENNILESS), free(PENNILESS)), (0, 0));
		let paid_for = || confoederatio_test_kit::CoopPaysDeposits::<Balances>::paid_for(0, &PENNILESS);
		assert_eq!(paid_for(), u128::from(DEPOSIT));

		// Passed and closed: the deposit goes back to the cooperative, not to the member.
		for who in [1, 2, 3, PENNILESS] {
			assert_ok!(vote(who, poll, true));
		}
		assert_ok!(Governance::close(RuntimeOrigin::signed(PENNILESS), poll));
		assert!(events().contains(&Event::Executed { poll, result: Ok(()) }));
		assert_eq!(paid_for(), 0, "the payer is told whose deposit came back");
		assert_eq!((held(COOP_ACCOUNT), free(COOP_ACCOUNT)), (0, 1_000));
		assert_eq!((held(PENNILESS), free(PENNILESS)), (0, 0));
	});
}

#[test]
fn a_rejected_poll_returns_the_deposit_to_the_cooperative() {
	build_and_execute(|| {
		coop_pays(u128::from(DEPOSIT));
		let poll = NextPollId::<Test>::get();
		assert_ok!(propose_by_penniless(record_call(7)));
		// The member can pay by the time the poll closes; the deposit still goes back to the
		// account it was held from.
		assert_eq!(Balances::set_balance(&PENNILESS, 500), 500);
		System::set_block_number(2 + VOTING_PERIOD);
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert!(events()
			.iter()
			.any(|e| matches!(e, Event::Rejected { poll: p, .. } if *p == poll)));
		assert_eq!((held(COOP_ACCOUNT), free(COOP_ACCOUNT)), (0, 1_000));
		assert_eq!((held(PENNILESS), free(PENNILESS)), (0, 500));
	});
}

#[test]
fn a_member_with_funds_pays_its_own_deposit() {
	build_and_execute(|| {
		coop_pays(u128::from(DEPOSIT));
		let poll = coop_poll(record_call(1));
		assert_eq!(depositor(poll), 1);
		assert_eq!((held(1), held(COOP_ACCOUNT)), (DEPOSIT, 0));
		System::set_block_number(2 + VOTING_PERIOD);
		assert_ok!(Governance::close(RuntimeOrigin::signed(1), poll));
		assert_eq!((held(1), free(1)), (0, 1_000));
	});
}

#[test]
fn a_proposal_nobody_can_pay_for_changes_nothing() {
	build_and_execute(|| {
		// No budget: the member pays, and cannot.
		coop_pays(0);
		assert_noop!(propose_by_penniless(record_call(1)), TokenError::FundsUnavailable);
		// A budget, but an account without the funds.
		MockCooperatives::set_deposit_budget(0, u128::from(DEPOSIT));
		assert_eq!(Balances::set_balance(&COOP_ACCOUNT, 0), 0);
		assert_noop!(propose_by_penniless(record_call(1)), TokenError::FundsUnavailable);
		// A budget for one deposit, which the cooperative's own federation poll uses: the member
		// pays, and cannot.
		assert_eq!(Balances::set_balance(&COOP_ACCOUNT, 1_000), 1_000);
		let federation = federation_poll(Track::Federation, federation_call(1));
		assert_eq!(depositor(federation), COOP_ACCOUNT);
		assert_noop!(propose_by_penniless(record_call(1)), TokenError::FundsUnavailable);
		// A refused proposal holds nothing from anyone.
		MockCooperatives::set_deposit_budget(0, u128::from(DEPOSIT) * 2);
		let heavy = Box::new(RuntimeCall::Target(target::Call::heavy {}));
		assert_noop!(propose_by_penniless(heavy), Error::<Test>::ProposalTooHeavy);
		assert_eq!(held(COOP_ACCOUNT), DEPOSIT);
		// Within the budget it pays for both.
		let poll = NextPollId::<Test>::get();
		assert_ok!(propose_by_penniless(record_call(1)));
		assert_eq!(depositor(poll), COOP_ACCOUNT);
		assert_eq!(held(COOP_ACCOUNT), 2 * DEPOSIT);
	});
}
