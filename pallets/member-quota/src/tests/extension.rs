//! The fee extension: a member's own act is free within its quota, counted even when it fails;
//! anything else pays, or is refused when it cannot.

use super::*;
use frame_support::{
	dispatch::GetDispatchInfo,
	pallet_prelude::{InvalidTransaction, TransactionSource},
	traits::fungible::Inspect,
};
use pallet_transaction_payment::ChargeTransactionPayment;
use sp_runtime::traits::{DispatchTransaction, TransactionExtension};

/// An act in cooperative `coop` (as the mock's `MemberActs` says).
fn act(coop: u8) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![coop, 1, 2, 3] })
}

/// An act in cooperative `coop` that always fails (a signed origin cannot set heap pages).
fn failing_act(coop: u64) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::set_heap_pages { pages: coop })
}

/// Validates `call` from `who` with `tip` as the pool does.
fn validate(who: u64, call: &RuntimeCall, tip: u64) -> Result<(), InvalidTransaction> {
	ChargeUnlessFree::<Test>::from(tip)
		.validate_only(
			RuntimeOrigin::signed(who),
			call,
			&call.get_dispatch_info(),
			100,
			TransactionSource::External,
			0,
		)
		.map(|_| ())
		.map_err(|error| match error {
			sp_runtime::transaction_validity::TransactionValidityError::Invalid(invalid) => {
				invalid
			},
			unknown => panic!("unexpected {unknown:?}"),
		})
}

/// Applies `call` from `who` with `tip` as a block does: the extension around the dispatch.
/// Returns whether the call itself succeeded.
fn apply(who: u64, call: RuntimeCall, tip: u64) -> bool {
	let info = call.get_dispatch_info();
	let applied = ChargeUnlessFree::<Test>::from(tip)
		.dispatch_transaction(RuntimeOrigin::signed(who), call, &info, 100, 0)
		.expect("valid");
	applied.is_ok()
}

fn fees_paid() -> usize {
	System::events()
		.iter()
		.filter(|record| {
			matches!(
				record.event,
				RuntimeEvent::TransactionPayment(
					pallet_transaction_payment::Event::TransactionFeePaid { .. }
				)
			)
		})
		.count()
}

#[test]
fn a_member_without_funds_acts_free_within_its_quota() {
	build_and_execute(|| {
		join(0, 6);
		assert_eq!(Balances::balance(&6), 0);
		for left in (0..QUOTA).rev() {
			assert_eq!(validate(6, &act(0), 0), Ok(()));
			assert!(apply(6, act(0), 0));
			System::assert_last_event(
				Event::<Test>::FreeTransaction { coop: 0, who: 6, left }.into(),
			);
		}
		assert_eq!(Balances::balance(&6), 0);
		assert_eq!(fees_paid(), 0);
		// Past its quota it must pay, and it cannot: refused at the pool, nothing counted.
		assert_eq!(validate(6, &act(0), 0), Err(InvalidTransaction::Payment));
		assert_eq!(MemberQuota::quota_info(0, &6).used, QUOTA);
		// The next period gives it its quota again.
		System::set_block_number(PERIOD);
		assert_eq!(validate(6, &act(0), 0), Ok(()));
	});
}

#[test]
fn a_failing_free_transaction_uses_quota() {
	build_and_execute(|| {
		join(0, 6);
		// A burst of failing acts stops at the quota.
		for _ in 0..QUOTA {
			assert_eq!(validate(6, &failing_act(0), 0), Ok(()));
			assert!(!apply(6, failing_act(0), 0), "the call fails");
		}
		assert_eq!(MemberQuota::left(0, &6), 0);
		assert_eq!(validate(6, &failing_act(0), 0), Err(InvalidTransaction::Payment));
	});
}

#[test]
fn past_its_quota_a_member_with_funds_pays_the_usual_fee() {
	build_and_execute(|| {
		for _ in 0..QUOTA {
			assert!(apply(1, act(0), 0));
		}
		assert_eq!(Balances::balance(&1), 1_000_000);
		assert!(apply(1, act(0), 0));
		// One unit per byte of the 100-byte transaction.
		assert_eq!(Balances::balance(&1), 1_000_000 - 100);
		assert_eq!(fees_paid(), 1);
	});
}

#[test]
fn a_non_member_or_another_cooperatives_act_is_never_free() {
	build_and_execute(|| {
		// 7 belongs to no cooperative and holds nothing: refused.
		assert_eq!(validate(7, &act(0), 0), Err(InvalidTransaction::Payment));
		// 4 belongs to cooperative 1, not 0: its act in 0 pays.
		assert!(apply(4, act(0), 0));
		assert_eq!(Balances::balance(&4), 1_000_000 - 100);
		// A call that is no member's act pays, even from a member.
		let other = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		assert!(apply(1, other, 0));
		assert_eq!(Balances::balance(&1), 1_000_000 - 100);
		assert_eq!(MemberQuota::quota_info(0, &1).used, 0);
	});
}

#[test]
fn a_tip_pays() {
	build_and_execute(|| {
		assert!(apply(1, act(0), 5));
		assert_eq!(Balances::balance(&1), 1_000_000 - 100 - 5);
		assert_eq!(MemberQuota::left(0, &1), QUOTA);
		join(0, 6);
		assert_eq!(validate(6, &act(0), 1), Err(InvalidTransaction::Payment));
	});
}

#[test]
fn one_member_cannot_give_its_quota_to_another() {
	build_and_execute(|| {
		join(0, 6);
		join(0, 8);
		for _ in 0..QUOTA {
			assert!(apply(6, act(0), 0));
		}
		// 8's acts use 8's quota; 6's is spent whatever 8 does.
		assert!(apply(8, act(0), 0));
		assert_eq!((MemberQuota::left(0, &6), MemberQuota::left(0, &8)), (0, QUOTA - 1));
		assert_eq!(validate(6, &act(0), 0), Err(InvalidTransaction::Payment));
	});
}

#[test]
fn wallets_see_the_extension_they_know() {
	let ours = <ChargeUnlessFree<Test> as TransactionExtension<RuntimeCall>>::metadata();
	let theirs = <ChargeTransactionPayment<Test> as TransactionExtension<RuntimeCall>>::metadata();
	assert_eq!(ours.len(), 1);
	assert_eq!(ours[0].identifier, "ChargeTransactionPayment");
	assert_eq!(ours[0].identifier, theirs[0].identifier);
	assert_eq!(ours[0].ty, theirs[0].ty);
	assert_eq!(ours[0].implicit, theirs[0].implicit);
	// The same bytes: a tip.
	use codec::Encode;
	assert_eq!(ChargeUnlessFree::<Test>::from(7).encode(), ChargeTransactionPayment::<Test>::from(7).encode());
}

#[test]
fn only_a_call_that_may_be_a_members_act_is_charged_the_free_check() {
	build_and_execute(|| {
		let payment = |call: &RuntimeCall| ChargeTransactionPayment::<Test>::from(0).weight(call);
		let charged = |call: &RuntimeCall, tip: u64| ChargeUnlessFree::<Test>::from(tip).weight(call);
		let db: frame_support::weights::RuntimeDbWeight =
			<<Test as frame_system::Config>::DbWeight as Get<_>>::get();
		let check: Weight = <<Test as Config>::WeightInfo as crate::WeightInfo>::free_transaction()
			.saturating_add(db.reads(0));
		// A member's act: the payment's weight and the check (the payment's is refunded if free);
		// the mock tells a remark's cooperative from the call alone, with no read.
		assert_eq!(charged(&act(0), 0), payment(&act(0)).saturating_add(check));
		// A call that can never be a member's act, or any call with a tip, is never free: only
		// the payment's weight.
		let transfer =
			RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death { dest: 2, value: 1 });
		assert_eq!(charged(&transfer, 0), payment(&transfer));
		assert_eq!(charged(&act(0), 1), payment(&act(0)));
	});
}

#[test]
fn a_call_ruled_out_by_reads_to_tell_is_never_free() {
	build_and_execute(|| {
		join(0, 6);
		// The mock's `cooperative_of` names cooperative 0 for this remark, but its `reads_to_tell`
		// rules it out: the extension did not charge the check, so it is never free.
		let call = RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![0] });
		assert_eq!(ChargeUnlessFree::<Test>::from(0).weight(&call), ChargeTransactionPayment::<Test>::from(0).weight(&call));
		assert_eq!(MemberQuota::free_in(&6, &act(0)), Some(0), "6 has free transactions left");
		assert_eq!(MemberQuota::free_in(&6, &call), None);
		assert_eq!(validate(6, &call, 0), Err(InvalidTransaction::Payment));
	});
}
