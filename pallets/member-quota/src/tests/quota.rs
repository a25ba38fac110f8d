//! The quota: the cooperative's parameters, their bounds, and periods.

use super::*;

#[test]
fn a_cooperative_sets_its_quota_within_the_runtimes_bounds() {
	build_and_execute(|| {
		assert_eq!(MemberQuota::quota_of(0), Quota { per_period: QUOTA, period: PERIOD });
		assert_ok!(MemberQuota::set_quota(coop_origin(0), 0, MAX_QUOTA, 100));
		assert_eq!(MemberQuota::quota_of(0), Quota { per_period: MAX_QUOTA, period: 100 });
		System::assert_last_event(
			Event::<Test>::QuotaSet { coop: 0, per_period: MAX_QUOTA, period: 100 }.into(),
		);
		// Cooperative 1 keeps the defaults.
		assert_eq!(MemberQuota::quota_of(1), Quota { per_period: QUOTA, period: PERIOD });
		assert_noop!(
			MemberQuota::set_quota(coop_origin(0), 0, MAX_QUOTA + 1, 10),
			Error::<Test>::QuotaTooHigh
		);
		assert_noop!(
			MemberQuota::set_quota(coop_origin(0), 0, 1, 4),
			Error::<Test>::PeriodOutOfRange
		);
		assert_noop!(
			MemberQuota::set_quota(coop_origin(0), 0, 1, 101),
			Error::<Test>::PeriodOutOfRange
		);
		assert_noop!(
			MemberQuota::set_quota(coop_origin(9), 9, 1, 10),
			Error::<Test>::UnknownCooperative
		);
		// Only the cooperative itself decides: not a member, not another cooperative.
		assert_noop!(
			MemberQuota::set_quota(RuntimeOrigin::signed(1), 0, 1, 10),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			MemberQuota::set_quota(coop_origin(1), 0, 1, 10),
			sp_runtime::DispatchError::BadOrigin
		);
		// Zero: its members pay every fee.
		assert_ok!(MemberQuota::set_quota(coop_origin(0), 0, 0, 10));
		assert_eq!(MemberQuota::left(0, &1), 0);
	});
}

#[test]
fn the_count_starts_again_each_period() {
	build_and_execute(|| {
		// Block 1 is in the period 0..10.
		assert_eq!(MemberQuota::quota_info(0, &1).renews_at, 10);
		for left in (0..QUOTA).rev() {
			assert_eq!(MemberQuota::use_free(0, &1), left);
		}
		assert_eq!(MemberQuota::left(0, &1), 0);
		System::set_block_number(9);
		assert_eq!(MemberQuota::left(0, &1), 0);
		System::set_block_number(10);
		let info = MemberQuota::quota_info(0, &1);
		assert_eq!((info.used, info.left, info.renews_at), (0, QUOTA, 20));
		assert_eq!(MemberQuota::use_free(0, &1), QUOTA - 1);
		// Periods are the same for everyone: aligned from block zero, not from a first use.
		System::set_block_number(19);
		assert_eq!(MemberQuota::left(0, &1), QUOTA - 1);
	});
}

#[test]
fn the_quota_is_each_members_in_each_cooperative() {
	build_and_execute(|| {
		join(1, 1);
		for _ in 0..QUOTA {
			MemberQuota::use_free(0, &1);
		}
		// 1 has used its quota in cooperative 0, not in 1; 2 has used nothing.
		assert_eq!(MemberQuota::left(0, &1), 0);
		assert_eq!(MemberQuota::left(1, &1), QUOTA);
		assert_eq!(MemberQuota::left(0, &2), QUOTA);
		// A non-member has nothing.
		assert_eq!(MemberQuota::left(0, &4), 0);
		assert_eq!(MemberQuota::quota_info(0, &4).left, 0);
	});
}

#[test]
fn a_lower_quota_takes_effect_at_once() {
	build_and_execute(|| {
		MemberQuota::use_free(0, &1);
		MemberQuota::use_free(0, &1);
		assert_ok!(MemberQuota::set_quota(coop_origin(0), 0, 1, PERIOD));
		assert_eq!(MemberQuota::left(0, &1), 0);
		assert_ok!(MemberQuota::set_quota(coop_origin(0), 0, MAX_QUOTA, PERIOD));
		assert_eq!(MemberQuota::left(0, &1), MAX_QUOTA - 2);
	});
}
