//! Free transactions in the runtime: which calls are a member's own acts, a member with no CONF
//! added by poll acts free through the real fee extension, and the fee a wallet is told.

use super::*;
use crate::configs::{is_free, RuntimeMemberActs};
use crate::MemberQuota;
use confoederatio_primitives::{AssetKind, MemberActs, Price};
use frame_support::dispatch::GetDispatchInfo;
use pallet_member_quota::ChargeUnlessFree;
use sp_runtime::traits::{DispatchTransaction, TransactionExtension};

fn a_fresh_account() -> AccountId32 {
	AccountId32::new([42; 32])
}

#[test]
fn a_members_own_acts_are_those_of_its_cooperative() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		let of = |call: RuntimeCall| RuntimeMemberActs::cooperative_of(&alice, &call);
		assert_eq!(
			of(pallet_mutual_credit::Call::transfer { coop: 2, to: bob.clone(), amount: 1 }.into()),
			Some(2)
		);
		assert_eq!(
			of(pallet_mutual_credit::Call::transfer_across {
				from_coop: 0,
				to_coop: 1,
				to: bob.clone(),
				amount: 1
			}
			.into()),
			Some(0)
		);
		assert_eq!(
			of(pallet_federated_dex::Call::place_order {
				give: AssetKind::Native,
				get: AssetKind::Credit(1),
				amount: 1,
				price: Price::from_u32(1)
			}
			.into()),
			Some(1)
		);
		assert_eq!(of(pallet_cooperatives::Call::leave { coop: 1 }.into()), Some(1));
		// A vote is an act in the poll's cooperative; a federation poll's is no member's act.
		let remark: RuntimeCall = frame_system::Call::remark { remark: vec![] }.into();
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(Sr25519Keyring::Dave.to_account_id()),
			ProposalScope::Cooperative(1),
			Box::new(remark.clone())
		));
		let poll = last_poll();
		assert_eq!(of(pallet_holistic_voting::Call::vote { poll, aye: true }.into()), Some(1));
		assert_eq!(of(pallet_holistic_voting::Call::vote { poll: 999, aye: true }.into()), None);
		// Not a member's act: funding a reserve, a plain token transfer, a remark.
		assert_eq!(
			of(pallet_redemption::Call::fund { coop: 0, amount: 1 }.into()),
			None
		);
		assert_eq!(
			of(pallet_balances::Call::transfer_keep_alive { dest: bob.into(), value: 1 }.into()),
			None
		);
		assert_eq!(of(remark), None);
	});
}

#[test]
fn only_a_call_that_may_be_a_members_act_is_charged_the_free_check() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		let remark: RuntimeCall = frame_system::Call::remark { remark: vec![] }.into();
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(alice.clone()),
			ProposalScope::Cooperative(0),
			Box::new(remark.clone())
		));
		let poll = last_poll();
		let acts: Vec<(RuntimeCall, u64)> = vec![
			(pallet_mutual_credit::Call::transfer { coop: 0, to: bob.clone(), amount: 1 }.into(), 0),
			(
				pallet_mutual_credit::Call::transfer_across {
					from_coop: 0,
					to_coop: 1,
					to: bob.clone(),
					amount: 1,
				}
				.into(),
				0,
			),
			(
				pallet_federated_dex::Call::place_order {
					give: AssetKind::Native,
					get: AssetKind::Credit(0),
					amount: 1,
					price: Price::from_u32(1),
				}
				.into(),
				0,
			),
			(pallet_cooperatives::Call::leave { coop: 0 }.into(), 0),
			(pallet_holistic_voting::Call::vote { poll, aye: true }.into(), 1),
			(pallet_holistic_voting::Call::close { poll }.into(), 1),
		];
		for (call, reads) in acts {
			assert_eq!(RuntimeMemberActs::cooperative_of(&alice, &call), Some(0));
			assert_eq!(RuntimeMemberActs::reads_to_tell(&call), Some(reads));
			let charged = ChargeUnlessFree::<Runtime>::from(0).weight(&call);
			let payment =
				pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0).weight(&call);
			assert!(charged.ref_time() > payment.ref_time(), "the free check is charged");
		}
		// A token transfer, a reserve's funding, a remark: never free, charged only the payment.
		for call in [
			RuntimeCall::from(pallet_balances::Call::transfer_keep_alive { dest: bob.clone().into(), value: 1 }),
			pallet_redemption::Call::fund { coop: 0, amount: 1 }.into(),
			remark,
		] {
			assert_eq!(RuntimeMemberActs::cooperative_of(&alice, &call), None);
			assert_eq!(RuntimeMemberActs::reads_to_tell(&call), None);
			assert_eq!(
				ChargeUnlessFree::<Runtime>::from(0).weight(&call),
				pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0).weight(&call)
			);
		}
	});
}

#[test]
fn a_member_with_no_conf_added_by_poll_pays_a_member_free() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let newcomer = a_fresh_account();
		let alice = Sr25519Keyring::Alice.to_account_id();
		assert_eq!(System::providers(&newcomer), 0);
		assert_ok!(decide(
			0,
			pallet_cooperatives::Call::add_member { coop: 0, who: newcomer.clone() }
		));
		// Membership provides for the account: it exists, with no CONF.
		assert_eq!(System::providers(&newcomer), 1);
		assert_eq!(Balances::balance(&newcomer), 0);
		assert_eq!(MemberQuota::quota_info(0, &newcomer).left, 100);

		let call: RuntimeCall =
			pallet_mutual_credit::Call::transfer { coop: 0, to: alice.clone(), amount: 150 }
				.into();
		let info = call.get_dispatch_info();
		let applied = ChargeUnlessFree::<Runtime>::from(0)
			.dispatch_transaction(RuntimeOrigin::signed(newcomer.clone()), call, &info, 120, 0)
			.expect("valid without a fee");
		assert_ok!(applied);
		assert_eq!(MutualCredit::account_info(0, &newcomer).balance, -150);
		assert_eq!(Balances::balance(&newcomer), 0);
		assert_eq!(MemberQuota::quota_info(0, &newcomer).left, 99);

		// What a wallet is told: no fee for the member's payment, the usual one for a
		// non-member's or with a tip.
		let signed = |who: &AccountId32, tip: u128| {
			let call: RuntimeCall =
				pallet_mutual_credit::Call::transfer { coop: 0, to: alice.clone(), amount: 1 }
					.into();
			let extension: crate::TxExtension = (
				frame_system::CheckNonZeroSender::new(),
				frame_system::CheckSpecVersion::new(),
				frame_system::CheckTxVersion::new(),
				frame_system::CheckGenesis::new(),
				frame_system::CheckEra::from(sp_runtime::generic::Era::Immortal),
				frame_system::CheckNonce::from(0),
				frame_system::CheckWeight::new(),
				ChargeUnlessFree::from(tip),
				frame_metadata_hash_extension::CheckMetadataHash::new(false),
				frame_system::WeightReclaim::new(),
			);
			crate::UncheckedExtrinsic::new_signed(
				call,
				who.clone().into(),
				sp_runtime::MultiSignature::Sr25519(sp_core::sr25519::Signature::from_raw([0; 64])),
				extension,
			)
		};
		assert!(is_free(&signed(&newcomer, 0)));
		assert!(!is_free(&signed(&newcomer, 1)));
		assert!(!is_free(&signed(&Sr25519Keyring::Dave.to_account_id(), 0)));
		check_invariants();
	});
}

/// A cooperative holds its members' deposits within its budget and, for any one member, within
/// its member limit: a member with no CONF cannot use up what is there for all; a closed poll
/// makes room again for the member who proposed it, and only for it.
#[test]
fn a_cooperative_holds_at_most_its_member_limit_for_one_member() {
	use crate::configs::DefaultMemberDepositLimit;
	use frame_support::traits::{fungible::InspectHold, Get};
	use pallet_member_quota::PaidFor;
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let newcomer = a_fresh_account();
		let other = AccountId32::new([43; 32]);
		for who in [&newcomer, &other] {
			assert_ok!(decide(0, pallet_cooperatives::Call::add_member { coop: 0, who: who.clone() }));
		}
		let coop_account =
			<Cooperatives as confoederatio_primitives::Cooperatives<_, _>>::account(0);
		let held_before = Balances::total_balance_on_hold(&coop_account);
		let propose = |who: &AccountId32, n: u8| {
			let call: RuntimeCall = pallet_cooperatives::Call::add_member {
				coop: 0,
				who: AccountId32::new([100 + n; 32]),
			}
			.into();
			Governance::propose(
				RuntimeOrigin::signed(who.clone()),
				ProposalScope::Cooperative(0),
				Box::new(call),
			)
		};
		let deposit = <Runtime as pallet_holistic_voting::Config>::PollDeposit::get();
		assert!(2 * deposit <= DefaultMemberDepositLimit::get());
		assert!(3 * deposit > DefaultMemberDepositLimit::get());

		// Two polls of 10 CONF within the 25 CONF limit; the third is the member's to pay, and
		// it has nothing: refused, nothing changed.
		assert_ok!(propose(&newcomer, 1));
		let first = last_poll();
		assert_ok!(propose(&newcomer, 2));
		assert_eq!(PaidFor::<Runtime>::get(0, &newcomer), 2 * deposit);
		assert_noop!(propose(&newcomer, 3), TokenError::FundsUnavailable);
		// Another member still finds the budget there.
		assert_ok!(propose(&other, 4));
		assert_eq!(PaidFor::<Runtime>::get(0, &other), deposit);
		assert_eq!(Balances::total_balance_on_hold(&coop_account), held_before + 3 * deposit);
		assert_eq!((Balances::balance(&newcomer), Balances::balance(&other)), (0, 0));
		check_invariants();

		// The first poll ends without votes and closes: its deposit comes back to the
		// cooperative, and the newcomer may propose once more.
		let end = pallet_holistic_voting::Polls::<Runtime>::get(first).expect("open").end;
		System::set_block_number(end + 1);
		assert_ok!(Governance::close(RuntimeOrigin::signed(other.clone()), first));
		assert_eq!(PaidFor::<Runtime>::get(0, &newcomer), deposit);
		assert_ok!(propose(&newcomer, 5));
		assert_eq!(PaidFor::<Runtime>::get(0, &newcomer), 2 * deposit);
		check_invariants();
	});
}

/// The upgrade that adds the member quota provides for the members the chain already had, once.
#[test]
fn the_upgrade_provides_for_the_members_a_chain_already_had() {
	use frame_support::traits::{OnRuntimeUpgrade, StorageVersion};
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		// Genesis provided for its founders already.
		assert_eq!(pallet_member_quota::Provided::<Runtime>::get(&alice), 1);
		let providers = System::providers(&alice);
		// As a chain without the pallet would be: no reference, storage at version 0.
		let _ = pallet_member_quota::Provided::<Runtime>::clear(u32::MAX, None);
		assert_ok!(System::dec_providers(&alice));
		StorageVersion::new(0).put::<MemberQuota>();

		crate::migrations::ProvideForExistingMembers::on_runtime_upgrade();
		assert_eq!(pallet_member_quota::Provided::<Runtime>::get(&alice), 1);
		assert_eq!(System::providers(&alice), providers);
		// Every member of the three demo cooperatives, once.
		assert_eq!(pallet_member_quota::Provided::<Runtime>::iter().count(), 9);
		MemberQuota::do_try_state().expect("invariants hold after the upgrade");

		// Once: at version 1 it changes nothing.
		crate::migrations::ProvideForExistingMembers::on_runtime_upgrade();
		assert_eq!(System::providers(&alice), providers);
	});
}
