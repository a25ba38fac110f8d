//! Work contributions: submitted, approved (credit and entitlement issued) or rejected.

use super::*;

#[test]
fn approved_work_issues_credit_and_entitlement() {
	build_and_execute(|| {
		let id = submit(0, 1, 250, Subsistence);
		assert_eq!(
			last_event(),
			Event::<Test>::ContributionSubmitted {
				id,
				coop: 0,
				who: 1,
				hours: 250,
				category: Subsistence,
				evidence: evidence(1),
			}
			.into()
		);
		assert_eq!(held(1), DEPOSIT);
		assert_ok!(MutualCredit::approve_contribution(coop_origin(0), id));
		assert_eq!(
			last_event(),
			Event::<Test>::ContributionApproved {
				id,
				coop: 0,
				who: 1,
				amount: 250,
				category: Subsistence,
			}
			.into()
		);
		assert_eq!(held(1), 0);
		assert_eq!(balance(0, 1), 250);
		assert_eq!(balance(0, coop_account(0)), -250);
		let commons = submit(0, 1, 100, Commons);
		assert_ok!(MutualCredit::approve_contribution(coop_origin(0), commons));
		let info = MutualCredit::account_info(0, &1);
		assert_eq!(info.balance, 350);
		assert_eq!(info.subsistence_entitlement, 250);
		assert_eq!(info.commons_entitlement, 100);
		assert_eq!(info.available, 350 + DEFAULT_LIMIT);
		// Spending lowers the entitlement where the balance goes below it: credit paid away
		// is no longer earned (`Commons` goes first).
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 150));
		let info = MutualCredit::account_info(0, &1);
		assert_eq!((info.subsistence_entitlement, info.commons_entitlement), (200, 0));
		// Received credit adds none; earned credit paid back into debt is not held.
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 1, 150));
		assert_eq!(MutualCredit::account_info(0, &1).subsistence_entitlement, 200);
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 350 + 100));
		assert_eq!(MutualCredit::account_info(0, &1).balance, -100);
		let id = submit(0, 1, 250, Subsistence);
		assert_ok!(MutualCredit::approve_contribution(coop_origin(0), id));
		let info = MutualCredit::account_info(0, &1);
		assert_eq!((info.balance, info.subsistence_entitlement), (150, 150));
	});
}

#[test]
fn a_contribution_is_decided_once() {
	build_and_execute(|| {
		let id = submit(0, 1, 100, Commons);
		assert_ok!(MutualCredit::approve_contribution(coop_origin(0), id));
		assert_noop!(
			MutualCredit::approve_contribution(coop_origin(0), id),
			Error::<Test>::UnknownContribution
		);
		assert_noop!(
			MutualCredit::reject_contribution(coop_origin(0), id),
			Error::<Test>::UnknownContribution
		);
		assert_eq!(balance(0, 1), 100);
		let rejected = submit(0, 2, 100, Commons);
		assert_ok!(MutualCredit::reject_contribution(coop_origin(0), rejected));
		assert_eq!(
			last_event(),
			Event::<Test>::ContributionRejected { id: rejected, coop: 0, who: 2 }.into()
		);
		assert_eq!((held(2), balance(0, 2)), (0, 0));
		assert_noop!(
			MutualCredit::approve_contribution(coop_origin(0), rejected),
			Error::<Test>::UnknownContribution
		);
	});
}

#[test]
fn only_the_contributions_cooperative_decides() {
	build_and_execute(|| {
		let id = submit(0, 1, 100, Commons);
		assert_noop!(
			MutualCredit::approve_contribution(coop_origin(1), id),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualCredit::reject_contribution(coop_origin(1), id),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualCredit::approve_contribution(RuntimeOrigin::signed(1), id),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualCredit::reject_contribution(RuntimeOrigin::signed(1), id),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualCredit::approve_contribution(federation(), id),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn submission_is_checked() {
	build_and_execute(|| {
		let signed = RuntimeOrigin::signed;
		let e = evidence(2);
		assert_noop!(
			MutualCredit::submit_contribution(signed(1), 0, 0, Commons, e),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			MutualCredit::submit_contribution(signed(1), 0, MAX_CONTRIBUTION + 1, Commons, e),
			Error::<Test>::TooManyHours
		);
		assert_noop!(
			MutualCredit::submit_contribution(signed(4), 0, 100, Commons, e),
			Error::<Test>::NotMember
		);
		assert_noop!(
			MutualCredit::submit_contribution(signed(1), 9, 100, Commons, e),
			Error::<Test>::UnknownCooperative
		);
		assert_noop!(
			MutualCredit::submit_contribution(signed(7), 2, 100, Commons, e),
			Error::<Test>::CooperativeNotActive
		);
		// A member who cannot pay the deposit.
		join(0, 99);
		assert_noop!(
			MutualCredit::submit_contribution(signed(99), 0, 100, Commons, e),
			TokenError::FundsUnavailable
		);
		assert_ok!(MutualCredit::submit_contribution(signed(1), 0, MAX_CONTRIBUTION, Commons, e));
	});
}

#[test]
fn approval_stays_within_the_issuance_limit() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::set_credit_limit(coop_origin(0), 0, coop_account(0), 150));
		let first = submit(0, 1, 100, Commons);
		let second = submit(0, 2, 100, Commons);
		assert_ok!(MutualCredit::approve_contribution(coop_origin(0), first));
		assert_noop!(
			MutualCredit::approve_contribution(coop_origin(0), second),
			Error::<Test>::OverIssuanceLimit
		);
		// Members paying the cooperative make room again.
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(3), 0, coop_account(0), 50));
		assert_ok!(MutualCredit::approve_contribution(coop_origin(0), second));
		assert_eq!(balance(0, coop_account(0)), -150);
	});
}

#[test]
fn approval_needs_an_active_cooperative_and_a_member() {
	build_and_execute(|| {
		let id = submit(0, 1, 100, Commons);
		assert_ok!(leave(0, 1));
		assert_noop!(
			MutualCredit::approve_contribution(coop_origin(0), id),
			Error::<Test>::NotMember
		);
		// The cooperative can still reject it, which releases the deposit.
		assert_ok!(MutualCredit::reject_contribution(coop_origin(0), id));
		assert_eq!(held(1), 0);
		let id = submit(0, 2, 100, Commons);
		MockCooperatives::set_active(0, false);
		assert_noop!(
			MutualCredit::approve_contribution(coop_origin(0), id),
			Error::<Test>::CooperativeNotActive
		);
	});
}

/// The runtime API's currency reports the credit in circulation: what holders hold above zero,
/// which issuing raises, a payment into debt raises, and a redemption lowers.
#[test]
fn the_currency_reports_the_credit_in_circulation() {
	build_and_execute(|| {
		let circulation = || MutualCredit::currency_info(0).circulation;
		assert_eq!(circulation(), 0);
		let id = submit(0, 2, 300, Subsistence);
		assert_ok!(MutualCredit::approve_contribution(coop_origin(0), id));
		assert_eq!(circulation(), 300);
		// 1 pays 2 on credit: 100 more circulate (and 1 owes them).
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 100));
		assert_eq!(circulation(), 400);
		// A payment between holders of credit changes nothing.
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 50));
		assert_eq!(circulation(), 400);
		// A redemption takes credit out of circulation.
		assert_ok!(MutualCredit::do_burn(0, &2, Subsistence, 200));
		assert_eq!(circulation(), 200);
		// Another currency is counted apart.
		assert_eq!(MutualCredit::currency_info(1).circulation, 0);
	});
}
