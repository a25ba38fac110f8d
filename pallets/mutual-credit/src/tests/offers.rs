//! Credit on offer on the exchange: offered, withdrawn, paid to a buyer.

use super::*;
use confoederatio_primitives::{LockableCredit, OfferableCredit};

#[test]
fn a_holder_offers_only_out_of_its_positive_balance() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 300));
		// 1 owes: nothing to offer, though its credit limit would let it pay.
		assert_noop!(MutualCredit::offer(0, &1, 1), Error::<Test>::InsufficientCredit);
		assert_noop!(MutualCredit::offer(0, &2, 301), Error::<Test>::InsufficientCredit);
		assert_noop!(MutualCredit::offer(0, &2, 0), Error::<Test>::ZeroAmount);
		assert_noop!(MutualCredit::offer(0, &99, 1), Error::<Test>::NoCreditAccount);
		assert_ok!(MutualCredit::offer(0, &2, 200));
		assert_ok!(MutualCredit::offer(0, &2, 100));
		assert_noop!(MutualCredit::offer(0, &2, 1), Error::<Test>::InsufficientCredit);
		let info = MutualCredit::account_info(0, &2);
		assert_eq!((info.balance, info.offered, info.available), (300, 300, 0));
		// Credit on offer stays put: no payment, no debt while it is offered.
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 1),
			Error::<Test>::CreditOnOffer
		);
		assert_noop!(MutualCredit::withdraw_offer(0, &2, 301), Error::<Test>::NotOnOffer);
		assert_ok!(MutualCredit::withdraw_offer(0, &2, 100));
		assert_eq!(MutualCredit::account_info(0, &2).available, 100);
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 100));
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(2), 0, 3, 1),
			Error::<Test>::CreditOnOffer
		);
	});
}

#[test]
fn credit_that_voted_cannot_be_offered() {
	build_and_execute(|| {
		earn(0, 2, 300);
		assert_ok!(MutualCredit::offer(0, &2, 100));
		// The vote weighs the credit not on offer, and locks it.
		assert_ok!(MutualCredit::lock(0, &2, 0, 200, 10));
		assert_noop!(MutualCredit::offer(0, &2, 1), Error::<Test>::InsufficientCredit);
		assert_eq!(MutualCredit::account_info(0, &2).available, 0);
		// A trade of what is on offer leaves the locked credit where it is.
		assert_ok!(MutualCredit::pay_offered(0, &2, &3, 100));
		assert_eq!(MutualCredit::account_info(0, &2).balance, 200);
		System::set_block_number(11);
		assert_ok!(MutualCredit::offer(0, &2, 200));
	});
}

#[test]
fn what_is_on_offer_is_paid_to_anyone() {
	build_and_execute(|| {
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(1), 0, 2, 300));
		assert_ok!(MutualCredit::offer(0, &2, 300));
		assert_noop!(MutualCredit::pay_offered(0, &2, &2, 1), Error::<Test>::SelfTransfer);
		assert_noop!(MutualCredit::pay_offered(0, &2, &77, 301), Error::<Test>::NotOnOffer);
		assert_noop!(MutualCredit::pay_offered(0, &3, &77, 1), Error::<Test>::NotOnOffer);
		// 77 is no member: it holds the credit without a credit limit, and may spend it.
		assert_ok!(MutualCredit::pay_offered(0, &2, &77, 120));
		let info = MutualCredit::account_info(0, &77);
		assert_eq!((info.balance, info.credit_limit, info.available), (120, 0, 120));
		assert_eq!(MutualCredit::account_info(0, &2).offered, 180);
		assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(77), 0, 3, 20));
		assert_noop!(
			MutualCredit::transfer(RuntimeOrigin::signed(77), 0, 3, 101),
			Error::<Test>::OverCreditLimit
		);
	});
}

#[test]
fn the_cooperative_offers_new_credit_within_its_issuance_limit() {
	build_and_execute(|| {
		let coop_account_0 = coop_account(0);
		assert_noop!(
			MutualCredit::offer(0, &coop_account_0, ISSUANCE_LIMIT + 1),
			Error::<Test>::OverIssuanceLimit
		);
		assert_ok!(MutualCredit::offer(0, &coop_account_0, ISSUANCE_LIMIT - 100));
		let info = MutualCredit::account_info(0, &coop_account_0);
		assert_eq!((info.offered, info.available), (ISSUANCE_LIMIT - 100, 100));
		// What is on offer counts as issued: approvals, payouts, write-offs and a lower
		// limit all see it.
		let id = submit(0, 1, 101, Commons);
		assert_noop!(
			MutualCredit::approve_contribution(coop_origin(0), id),
			Error::<Test>::OverIssuanceLimit
		);
		assert_noop!(
			MutualCredit::set_credit_limit(coop_origin(0), 0, coop_account_0, ISSUANCE_LIMIT - 101),
			Error::<Test>::BelowCurrentDebt
		);
		// Selling it issues it: the buyer's balance up, the cooperative's down.
		assert_ok!(MutualCredit::pay_offered(0, &coop_account_0, &77, 900));
		assert_eq!((balance(0, coop_account_0), balance(0, 77)), (-900, 900));
		assert_eq!(MutualCredit::account_info(0, &coop_account_0).offered, ISSUANCE_LIMIT - 1_000);
		// Buying credit back takes it out of circulation.
		assert_ok!(MutualCredit::offer(0, &77, 400));
		assert_ok!(MutualCredit::pay_offered(0, &77, &coop_account_0, 400));
		assert_eq!((balance(0, coop_account_0), balance(0, 77)), (-500, 500));
	});
}
