//! The migrations: to storage version 2, requests written in version 1's encoding gain a zero
//! deposit, members' waiting requests are counted, and those beyond the bound are cancelled; to
//! version 3, each reserve's integer rate becomes the same rate as a price; to version 4, each
//! waiting request records its member as the depositor of its deposit.

use super::*;
#[cfg(feature = "try-runtime")]
use crate::migrations::v4::UncheckedMigrateV3ToV4;
use crate::migrations::{
	v2::{v1, MigrateV1ToV2, OldRequest},
	v3::{self, MigrateV2ToV3},
	v4::{old, MigrateV3ToV4},
};
use confoederatio_primitives::RedeemableCredit;
#[cfg(feature = "try-runtime")]
use frame_support::traits::UncheckedOnRuntimeUpgrade;
use frame_support::traits::{
	fungible::MutateHold, GetStorageVersion, OnRuntimeUpgrade, StorageVersion,
};
use sp_runtime::traits::Zero;

/// Writes a version 1 request of `who` for `credit` at `index` of cooperative 0's `Subsistence`
/// queue, its credit burned as version 1 did.
fn old_request(index: QueueIndex, who: u64, credit: u128) {
	assert_ok!(<MockLedger as RedeemableCredit<u64>>::burn(0, &who, Subsistence, credit));
	v1::Requests::<Test>::insert(
		(0, Subsistence),
		index,
		OldRequest { who, credit, payout: credit as u64 * 9 },
	);
}

#[test]
fn version_1_requests_migrate_and_the_excess_is_cancelled() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Subsistence, 100);
		MockLedger::issue(0, 2, Subsistence, 100);
		set_rate(0, 10);
		StorageVersion::new(1).put::<Redemption>();
		// Version 1 let 1 queue three requests (one cancelled since: a hole at 2); 2 queued one.
		old_request(0, 1, 10);
		old_request(1, 2, 20);
		old_request(3, 1, 30);
		old_request(4, 1, 40);
		Queues::<Test>::insert((0, Subsistence), QueueBounds { head: 0, tail: 5, waiting: 4 });

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert_eq!(Redemption::on_chain_storage_version(), 2);
		// In version 2's encoding.
		let request = |index| old::Requests::<Test>::get((0, Subsistence), index);
		let old_request = |who, credit, payout| old::Request { who, credit, payout, deposit: 0 };
		assert_eq!(request(0), Some(old_request(1, 10, 90)));
		assert_eq!(request(1), Some(old_request(2, 20, 180)));
		assert_eq!(request(3), Some(old_request(1, 30, 270)));
		// 1's newest request was beyond `MAX_PER_MEMBER`: cancelled, its credit back.
		assert_eq!(request(4), None);
		assert_eq!(
			last_event(),
			Event::<Test>::Cancelled {
				coop: 0,
				category: Subsistence,
				index: 4,
				who: 1,
				credit: 40
			}
			.into()
		);
		assert_eq!(MockLedger::holding(0, 1).balance, 100 - 10 - 30);
		assert_eq!(WaitingRequests::<Test>::get((0, Subsistence), 1), 2);
		assert_eq!(WaitingRequests::<Test>::get((0, Subsistence), 2), 1);
		assert_eq!(Queues::<Test>::get((0, Subsistence)).waiting, 3);
		// The reserve was written in version 3's encoding (`set_rate` above): only the requests
		// are behind, and version 4 gives them their depositor.
		StorageVersion::new(3).put::<Redemption>();
		MigrateV3ToV4::<Test>::on_runtime_upgrade();
		assert_eq!(
			Requests::<Test>::get((0, Subsistence), 3),
			Some(Request { who: 1, credit: 30, payout: 270, deposit: 0, depositor: 1 })
		);
		assert_ok!(Redemption::do_try_state());

		// Run again, it does nothing; the queue works on: deposits pay the three in order (the
		// first serves two and skips the hole: `MAX_SERVED`).
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(WaitingRequests::<Test>::get((0, Subsistence), 1), 2);
		let before = (native(1), native(2));
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1_000));
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1));
		assert_eq!((native(1), native(2)), (before.0 + 90 + 270, before.1 + 180));
		assert!(WaitingRequests::<Test>::iter().next().is_none());
	});
}

/// With try-runtime, the migration's own checks: what was waiting decodes before and after,
/// no request or credit appears, and the invariants hold.
#[cfg(feature = "try-runtime")]
#[test]
fn the_migration_checks_itself() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Subsistence, 100);
		StorageVersion::new(1).put::<Redemption>();
		old_request(0, 1, 10);
		old_request(1, 1, 20);
		old_request(2, 1, 30);
		Queues::<Test>::insert((0, Subsistence), QueueBounds { head: 0, tail: 3, waiting: 3 });
		assert_ok!(MigrateV1ToV2::<Test>::try_on_runtime_upgrade(true));
		assert_eq!(WaitingRequests::<Test>::get((0, Subsistence), 1), MAX_PER_MEMBER);
		// The runtime's next migrations bring the requests to the current encoding.
		assert_ok!(MigrateV2ToV3::<Test>::try_on_runtime_upgrade(true));
		assert_ok!(MigrateV3ToV4::<Test>::try_on_runtime_upgrade(true));
	});
}

/// Writes `reserve` as version 2 stored it: its rate a whole number of native units per unit of
/// credit.
fn old_reserve(coop: CoopId, reserve: v3::OldReserve<u64>) {
	v3::v2::Reserves::<Test>::insert(coop, reserve);
}

#[test]
fn version_2_rates_become_the_same_rates_as_prices() {
	build_and_execute(|| {
		StorageVersion::new(2).put::<Redemption>();
		// Cooperative 0's reserve, funded with 1,000 (its account holds it), rate 10; cooperative
		// 1's never funded, its rate not set.
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(9),
			Redemption::reserve_account(0),
			1_000
		));
		let funded = v3::OldReserve {
			subsistence: 700,
			commons: 200,
			rate: 10,
			earmarked: 50,
			funded: 1_000,
			paid: 50,
		};
		old_reserve(0, funded);
		old_reserve(1, v3::OldReserve { rate: 0, ..funded });

		MigrateV2ToV3::<Test>::on_runtime_upgrade();

		assert_eq!(Redemption::on_chain_storage_version(), 3);
		assert_eq!(
			Reserves::<Test>::get(0),
			Some(Reserve {
				subsistence: 700,
				commons: 200,
				rate: Price::saturating_from_integer(10),
				earmarked: 50,
				funded: 1_000,
				paid: 50,
			})
		);
		assert_eq!(Reserves::<Test>::get(1).map(|reserve| reserve.rate), Some(Price::zero()));
		Reserves::<Test>::remove(1);

		// Run again, it does nothing; the rate redeems as before: 60 · 10 less the 10% fee.
		MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(Reserves::<Test>::get(0).map(|reserve| reserve.rate), Some(per_unit(10)));
		MockLedger::issue(0, 1, Subsistence, 60);
		let before = native(1);
		assert_ok!(Redemption::redeem(RuntimeOrigin::signed(1), 0, Subsistence, 60));
		assert_eq!(native(1), before + 540);
		assert_eq!(reserve(0).subsistence, 700 - 540);
	});
}

/// With try-runtime, the migration's own checks: every version 2 reserve decodes, each is the
/// same after but for its rate's encoding, and the invariants hold.
#[cfg(feature = "try-runtime")]
#[test]
fn the_migration_to_version_3_checks_itself() {
	build_and_execute(|| {
		StorageVersion::new(2).put::<Redemption>();
		old_reserve(
			0,
			v3::OldReserve {
				subsistence: 0,
				commons: 0,
				rate: 7,
				earmarked: 0,
				funded: 0,
				paid: 0,
			},
		);
		assert_ok!(MigrateV2ToV3::<Test>::try_on_runtime_upgrade(true));
		assert_eq!(reserve(0).rate, per_unit(7));
	});
}

/// Writes a version 3 request of `who` for `credit` at `index` of cooperative 0's `Subsistence`
/// queue, as version 3 made it: its credit burned, its deposit held from `who`, counted.
fn version_3_request(index: QueueIndex, who: u64, credit: u128) {
	assert_ok!(<MockLedger as RedeemableCredit<u64>>::burn(0, &who, Subsistence, credit));
	assert_ok!(Balances::hold(&HoldReason::RequestDeposit.into(), &who, REQUEST_DEPOSIT));
	let payout = credit as u64 * 9;
	let request = old::Request { who, credit, payout, deposit: REQUEST_DEPOSIT };
	old::Requests::<Test>::insert((0, Subsistence), index, request);
	WaitingRequests::<Test>::mutate((0, Subsistence), who, |waiting| *waiting += 1);
	Queues::<Test>::mutate((0, Subsistence), |queue| {
		queue.push();
	});
}

#[test]
fn version_3_requests_record_their_member_as_depositor() {
	build_and_execute(|| {
		MockLedger::issue(0, 1, Subsistence, 100);
		MockLedger::issue(0, 2, Subsistence, 100);
		set_rate(0, 10);
		StorageVersion::new(3).put::<Redemption>();
		// Version 3 held each deposit from the request's member: two by 1, one by 2.
		version_3_request(0, 1, 10);
		version_3_request(1, 2, 20);
		version_3_request(2, 1, 30);
		assert!(Redemption::do_try_state().is_err(), "version 3's requests do not decode");

		#[cfg(feature = "try-runtime")]
		let state = UncheckedMigrateV3ToV4::<Test>::pre_upgrade().expect("pre-upgrade");
		MigrateV3ToV4::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		UncheckedMigrateV3ToV4::<Test>::post_upgrade(state).expect("post-upgrade");

		assert_eq!(Redemption::on_chain_storage_version(), 4);
		assert_eq!(
			Requests::<Test>::get((0, Subsistence), 1),
			Some(Request {
				who: 2,
				credit: 20,
				payout: 180,
				deposit: REQUEST_DEPOSIT,
				depositor: 2
			})
		);
		assert_eq!(Requests::<Test>::get((0, Subsistence), 2).map(|r| r.depositor), Some(1));
		assert_eq!(Requests::<Test>::iter().count(), 3);
		assert_ok!(Redemption::do_try_state());
		// The deposits go back to the members who paid them: one cancelled, two paid.
		assert_ok!(Redemption::cancel(RuntimeOrigin::signed(1), 0, Subsistence, 0));
		assert_eq!((deposits_held(1), deposits_held(2)), (REQUEST_DEPOSIT, REQUEST_DEPOSIT));
		assert_ok!(Redemption::fund(RuntimeOrigin::signed(9), 0, 1_000));
		assert_eq!((deposits_held(1), deposits_held(2)), (0, 0));

		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		MigrateV3ToV4::<Test>::on_runtime_upgrade();
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1), "it runs once");
	});
}
