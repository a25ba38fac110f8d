//! The rules of the stored types on their own, without a runtime: a refused change changes
//! nothing.

use super::*;

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
	assert_eq!(payout_at::<u64>(60, 10, EXIT_FEE), Some((540, 60)));
	assert_eq!(payout_at::<u64>(19, 1, EXIT_FEE), Some((17, 2)));
	assert_eq!(payout_at::<u64>(1, 1, EXIT_FEE), Some((0, 1)));
	assert_eq!(payout_at::<u64>(2, u64::MAX, EXIT_FEE), None);
	assert_eq!(payout_at::<u64>(u128::MAX, 1, EXIT_FEE), None);
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
