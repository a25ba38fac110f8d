//! The rules of the stored types on their own, without a runtime: a refused change changes
//! nothing.

use super::*;
use sp_runtime::traits::Zero;

#[test]
fn a_deposit_is_split_subsistence_rounded_down() {
	assert_eq!(Reserve::<u64>::split(Perbill::from_percent(75), 1_001), (750, 251));
	let mut reserve = Reserve::<u64>::default();
	assert_eq!(reserve.add_deposit(Perbill::from_percent(40), 100), Ok((40, 60)));
	assert_eq!((reserve.subsistence, reserve.commons, reserve.funded), (40, 60, 100));
	assert_eq!(reserve.held(), reserve.unspent());
}

#[test]
fn a_refused_change_to_a_reserve_changes_nothing() {
	let full = Reserve::<u64> { commons: u64::MAX - 1, funded: 5, ..Default::default() };
	let mut reserve = full;
	assert_eq!(reserve.add_deposit(Perbill::from_percent(75), 100), Err(ReserveError::Overflow));
	assert_eq!(reserve, full);
	let mut reserve = Reserve::<u64> { commons: 10, earmarked: u64::MAX, ..Default::default() };
	let before = reserve;
	assert_eq!(reserve.earmark(11), Err(ReserveError::Insufficient));
	assert_eq!(reserve.earmark(1), Err(ReserveError::Overflow));
	assert_eq!(reserve, before);
	let mut empty = Reserve::<u64>::default();
	assert_eq!(empty.unearmark(1), Err(ReserveError::Insufficient));
	assert_eq!(empty.pay_earmarked(1), Err(ReserveError::Insufficient));
	assert_eq!(empty, Reserve::default());
}

#[test]
fn a_payout_rounds_down_and_refuses_overflow() {
	assert_eq!(payout_at::<u64>(60, per_unit(10), EXIT_FEE), Some((540, 60)));
	assert_eq!(payout_at::<u64>(19, per_unit(1), EXIT_FEE), Some((17, 2)));
	assert_eq!(payout_at::<u64>(1, per_unit(1), EXIT_FEE), Some((0, 1)));
	assert_eq!(payout_at::<u64>(2, per_unit(u64::MAX), EXIT_FEE), None);
	assert_eq!(payout_at::<u64>(u128::MAX, per_unit(1), EXIT_FEE), None);
	assert_eq!(payout_at::<u128>(u128::MAX, per_unit(2), EXIT_FEE), None);
	// Not set: nothing paid.
	assert_eq!(payout_at::<u64>(100, Price::zero(), EXIT_FEE), Some((0, 0)));
}

/// The rate is a price, as the exchange writes it: a fraction of a native unit per unit of
/// credit pays `⌊rate · credit⌋` less the fee rounded up, never a unit more.
#[test]
fn a_fractional_rate_pays_its_floor_less_the_fee_rounded_up() {
	// A third of a unit per unit: 100 units are 33.3…, 33 less ⌈3.3⌉ = 4.
	assert_eq!(payout_at::<u64>(100, Price::from_rational(1, 3), EXIT_FEE), Some((29, 4)));
	// 2.5 per unit: 7 units are 17.5, 17 less ⌈1.7⌉ = 2.
	assert_eq!(payout_at::<u64>(7, Price::from_rational(5, 2), EXIT_FEE), Some((15, 2)));
	// The runtime's 1 CONF an hour, 10^10 native units per hundredth of an hour.
	let per_hour = Price::saturating_from_integer(10_000_000_000u128);
	assert_eq!(
		payout_at::<u128>(1_000, per_hour, Perbill::from_percent(2)),
		Some((9_800_000_000_000, 200_000_000_000))
	);
	// Below one native unit in all: nothing to pay, and no fee either.
	assert_eq!(payout_at::<u64>(2, Price::from_rational(1, 3), EXIT_FEE), Some((0, 0)));
}

/// The reserve account pays keeping its existential deposit: what it can pay (`reducible`)
/// must cover a payout and then still everything earmarked.
#[test]
fn the_earmark_stays_payable_beside_a_payout() {
	let reserve = Reserve::<u64> { commons: 1, earmarked: 999, ..Default::default() };
	assert!(reserve.keeps_earmark_payable(999, 0));
	assert!(!reserve.keeps_earmark_payable(998, 0));
	assert!(reserve.keeps_earmark_payable(1_000, 1));
	assert!(!reserve.keeps_earmark_payable(999, 1));
	let full = Reserve::<u64> { earmarked: u64::MAX, ..Default::default() };
	assert!(!full.keeps_earmark_payable(u64::MAX, 1));
	assert!(Reserve::<u64>::default().keeps_earmark_payable(0, 0));
}

#[test]
fn a_queue_moves_front_to_back() {
	let mut queue = QueueBounds::default();
	assert!(queue.is_empty() && queue.front().is_none());
	assert_eq!((queue.push(), queue.push(), queue.push()), (Some(0), Some(1), Some(2)));
	assert!(queue.is_full(3) && !queue.is_full(4));
	assert!(queue.spans(2) && !queue.spans(3));
	queue.cancelled();
	queue.pop_served();
	queue.skip_hole();
	assert_eq!(queue, QueueBounds { head: 2, tail: 3, waiting: 1 });
	assert_eq!(queue.front(), Some(2));
	let mut last = QueueBounds { head: 0, tail: QueueIndex::MAX, waiting: 1 };
	assert_eq!(last.push(), None);
	assert_eq!(last, QueueBounds { head: 0, tail: QueueIndex::MAX, waiting: 1 });
}
