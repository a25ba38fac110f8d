//! The pallets together: cooperatives decide by poll, the federation by its cooperatives'
//! polls, and a runtime upgrade needs the federation's two thirds.

use super::*;
use frame_support::traits::IntegrityTest;
use pallet_cooperatives::CoopStatus;
use pallet_holistic_voting::Track;

fn members(coop: CoopId) -> Vec<AccountId32> {
	Cooperatives::members_of(coop)
}

#[test]
fn pallets_pass_their_integrity_tests() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		crate::AllPalletsWithSystem::integrity_test();
	});
}

#[test]
fn dev_has_three_active_demo_cooperatives_with_funded_accounts() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_cooperatives::ActiveCount::<Runtime>::get(), 3);
		for coop in 0..3 {
			let info = pallet_cooperatives::Registry::<Runtime>::get(coop).unwrap();
			assert_eq!(info.status, CoopStatus::Active);
			assert_eq!(members(coop).len(), 3);
			assert_eq!(
				Balances::balance(&Cooperatives::account_of(coop)),
				genesis_config_presets::COOPERATIVE_ENDOWMENT
			);
		}
		Cooperatives::do_try_state().unwrap();
	});
}

#[test]
fn federation_has_founding_cooperatives_and_nobody_can_act_alone() {
	let config = genesis_of(FEDERATION_PRESET);
	assert_eq!(config.cooperatives.cooperatives.len(), 3);
	externalities_of(FEDERATION_PRESET).execute_with(|| {
		assert_eq!(pallet_cooperatives::ActiveCount::<Runtime>::get(), 3);
		// Each founding cooperative's account holds funds to act with (its reserve, deposits).
		for coop in 0..3 {
			assert_eq!(
				Balances::balance(&Cooperatives::account_of(coop)),
				genesis_config_presets::COOPERATIVE_ENDOWMENT
			);
		}
		assert!(pallet_sudo::Key::<Runtime>::get().is_none());
		let someone = members(0)[0].clone();
		assert_noop!(
			Cooperatives::admit(RuntimeOrigin::signed(someone), 0),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Governance::authorize_upgrade(RuntimeOrigin::root(), Default::default()),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_cooperative_adds_a_member_by_poll() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let dave = Sr25519Keyring::Dave.to_account_id();
		let call = RuntimeCall::Cooperatives(pallet_cooperatives::Call::add_member {
			coop: 0,
			who: dave.clone(),
		});
		assert_ok!(decide(0, call));
		assert!(members(0).contains(&dave));
	});
}

#[test]
fn the_federation_admits_a_cooperative_and_authorizes_an_upgrade() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let eve = Sr25519Keyring::EveStash.to_account_id();
		let founders = vec![
			eve.clone(),
			Sr25519Keyring::FerdieStash.to_account_id(),
			Sr25519Keyring::DaveStash.to_account_id(),
		];
		assert_ok!(Cooperatives::apply(RuntimeOrigin::signed(eve), b"Fourth".to_vec(), founders));
		let fourth = pallet_cooperatives::NextCoopId::<Runtime>::get() - 1;
		// Every named founder consents before the federation may admit.
		for founder in [Sr25519Keyring::FerdieStash, Sr25519Keyring::DaveStash] {
			assert_ok!(Cooperatives::confirm_founding(
				RuntimeOrigin::signed(founder.to_account_id()),
				fourth
			));
		}

		// Cooperative 0 proposes the admission to the federation through its own poll.
		let admit = RuntimeCall::Cooperatives(pallet_cooperatives::Call::admit { coop: fourth });
		let propose = RuntimeCall::Governance(pallet_holistic_voting::Call::propose {
			scope: ProposalScope::Federation(Track::Federation),
			call: Box::new(admit),
		});
		assert_ok!(decide(0, propose));
		let federation_poll = last_poll();
		// Two cooperatives of three vote aye, each through its own poll: a majority.
		for coop in [0, 1] {
			let vote = RuntimeCall::Governance(pallet_holistic_voting::Call::vote {
				poll: federation_poll,
				aye: true,
			});
			assert_ok!(decide(coop, vote));
		}
		let anyone = Sr25519Keyring::Ferdie.to_account_id();
		assert_ok!(Governance::close(RuntimeOrigin::signed(anyone.clone()), federation_poll));
		assert_eq!(executed(federation_poll), Some(Ok(())));
		assert_eq!(pallet_cooperatives::ActiveCount::<Runtime>::get(), 4);

		// An upgrade needs two thirds of the four active cooperatives: three.
		let hash = sp_core::H256::repeat_byte(1);
		let authorize = RuntimeCall::Governance(pallet_holistic_voting::Call::authorize_upgrade {
			code_hash: hash,
		});
		let propose = RuntimeCall::Governance(pallet_holistic_voting::Call::propose {
			scope: ProposalScope::Federation(Track::Upgrade),
			call: Box::new(authorize),
		});
		assert_ok!(decide(1, propose));
		let upgrade_poll = last_poll();
		for coop in [0, 1] {
			let vote = RuntimeCall::Governance(pallet_holistic_voting::Call::vote {
				poll: upgrade_poll,
				aye: true,
			});
			assert_ok!(decide(coop, vote));
		}
		assert_noop!(
			Governance::close(RuntimeOrigin::signed(anyone.clone()), upgrade_poll),
			pallet_holistic_voting::Error::<Runtime>::TooEarly
		);
		let vote = RuntimeCall::Governance(pallet_holistic_voting::Call::vote {
			poll: upgrade_poll,
			aye: true,
		});
		assert_ok!(decide(2, vote));
		assert_ok!(Governance::close(RuntimeOrigin::signed(anyone), upgrade_poll));
		assert_eq!(executed(upgrade_poll), Some(Ok(())));
		assert_eq!(
			frame_system::Pallet::<Runtime>::authorized_upgrade().map(|a| *a.code_hash()),
			Some(hash)
		);
		Cooperatives::do_try_state().unwrap();
		Governance::do_try_state().unwrap();
	});
}

#[test]
fn the_upgrade_test_runtime_has_the_same_dependencies() {
	let section = |manifest: &'static str| {
		let start = manifest.find("[dependencies]").expect("dependencies");
		let end = manifest.find("[features]").expect("features");
		&manifest[start..end]
	};
	assert_eq!(
		section(include_str!("../../Cargo.toml")),
		section(include_str!("../../upgrade-test/Cargo.toml")),
		"runtime/upgrade-test/Cargo.toml must list the runtime's dependencies"
	);
}

/// A poll decides several things at once with `Utility.batch_all`: each call is dispatched with
/// the cooperative's origin, all or nothing; a batch gives no more power than its calls, and a
/// member's batch is not a free act.
#[test]
fn a_poll_carries_several_decisions_in_one_batch() {
	use crate::configs::RuntimeMemberActs;
	use confoederatio_primitives::MemberActs;
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let newcomer = AccountId32::new([42; 32]);
		let add: RuntimeCall =
			pallet_cooperatives::Call::add_member { coop: 0, who: newcomer.clone() }.into();
		let limit: RuntimeCall = pallet_mutual_credit::Call::set_credit_limit {
			coop: 0,
			who: newcomer.clone(),
			limit: 7 * CREDIT_PER_HOUR,
		}
		.into();
		let batch = pallet_utility::Call::batch_all { calls: vec![add.clone(), limit] };
		assert_ok!(decide(0, batch));
		assert!(Cooperatives::members_of(0).contains(&newcomer));
		assert_eq!(MutualCredit::account_info(0, &newcomer).credit_limit, 7 * CREDIT_PER_HOUR);

		// All or nothing: the second add fails (already a member), so nothing of the batch
		// stays, though the first call alone would have worked.
		let other = AccountId32::new([43; 32]);
		let twice = pallet_utility::Call::batch_all {
			calls: vec![
				pallet_cooperatives::Call::add_member { coop: 0, who: other.clone() }.into(),
				add,
			],
		};
		assert!(decide(0, twice).is_err());
		assert!(!Cooperatives::members_of(0).contains(&other));

		// A batch is dispatched with the poll's origin: cooperative 0's decision cannot act for
		// cooperative 1.
		let foreign = pallet_utility::Call::batch_all {
			calls: vec![pallet_cooperatives::Call::add_member { coop: 1, who: other.clone() }
				.into()],
		};
		assert!(decide(0, foreign).is_err());
		assert!(!Cooperatives::members_of(1).contains(&other));

		// A member's own batch is not one of its free acts (it pays the fee).
		let alice = Sr25519Keyring::Alice.to_account_id();
		let pay: RuntimeCall =
			pallet_mutual_credit::Call::transfer { coop: 0, to: newcomer.clone(), amount: 1 }
				.into();
		assert_eq!(RuntimeMemberActs::cooperative_of(&alice, &pay), Some(0));
		let batched: RuntimeCall = pallet_utility::Call::batch_all { calls: vec![pay] }.into();
		assert_eq!(RuntimeMemberActs::cooperative_of(&alice, &batched), None);
		check_invariants();
	});
}
