//! Rounding in the resting order's favour, and huge amounts.

use super::*;

#[test]
fn tiny_amounts_round_in_the_resting_orders_favour() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Commons, 10);
		let third = Price::checked_from_rational(1, 3).unwrap();
		place(1, Credit(0), Native, 10, third);
		// 100 native units at a third: the 10 credit cost ⌈10/3⌉ = 4.
		let bid = place(4, Native, Credit(0), 100, third);
		assert_eq!(native(1), ENDOWMENT + 4);
		assert_eq!(credit(0, 4) + credit(0, FEE_ACCOUNT), 10);
		// The fee on 10 at 1% rounds down to nothing.
		assert_eq!(credit(0, FEE_ACCOUNT), 0);
		assert_eq!(Orders::<Test>::get(bid).map(|order| order.remaining), Some(96));
	});
}

#[test]
fn huge_amounts_trade_exactly() {
	build_and_execute(|| {
		let huge = 1u128 << 100;
		MockLedger::set_issuance_limit(huge);
		MockLedger::issue(0, 1, Commons, huge);
		MockLedger::issue(1, 4, Commons, huge);
		place(1, Credit(0), Credit(1), huge, price(1));
		place(4, Credit(1), Credit(0), huge, price(1));
		let fee = huge / 100;
		assert_eq!(credit(0, 4), (huge - fee) as i128);
		assert_eq!(credit(0, FEE_ACCOUNT), fee as i128);
		assert_eq!(credit(1, 1), huge as i128);
		assert_eq!(credit(0, 1), 0);
	});
}
