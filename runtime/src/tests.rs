//! Runtime tests: the genesis presets build, and the native token behaves as a wallet expects.

use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{BuildStorage, TokenError};

use crate::{
	genesis_config_presets::{self, DEV_ENDOWMENT, FEDERATION_PRESET, FEDERATION_VALIDATORS},
	Balances, Runtime, RuntimeGenesisConfig, RuntimeOrigin, System, EXISTENTIAL_DEPOSIT, UNIT,
};

/// The full genesis config of a preset: the defaults with the preset's patch applied, exactly as
/// the node builds it.
fn genesis_of(preset: &str) -> RuntimeGenesisConfig {
	let patch = genesis_config_presets::get_preset(&preset.into()).expect("preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	let patch: serde_json::Value = serde_json::from_slice(&patch).expect("preset is json");
	json_merge(&mut config, patch);
	serde_json::from_value(config).expect("preset fits the runtime's genesis config")
}

fn json_merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				json_merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

fn externalities_of(preset: &str) -> sp_io::TestExternalities {
	let storage = genesis_of(preset).build_storage().expect("genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

#[test]
fn every_preset_is_listed_and_builds() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(names.len(), 3);
	for name in names {
		let name = core::str::from_utf8(name.as_ref()).expect("utf8").to_owned();
		genesis_of(&name).build_storage().expect("each preset builds a genesis state");
	}
	assert!(genesis_config_presets::get_preset(&"no-such-preset".into()).is_none());
}

#[test]
fn dev_has_one_validator_and_a_sudo_key() {
	let config = genesis_of(DEV_RUNTIME_PRESET);
	assert_eq!(config.aura.authorities.len(), 1);
	assert_eq!(config.grandpa.authorities.len(), 1);
	assert_eq!(config.sudo.key, Some(Sr25519Keyring::Alice.to_account_id()));
}

#[test]
fn local_has_four_validators_and_no_sudo() {
	let config = genesis_of(LOCAL_TESTNET_RUNTIME_PRESET);
	assert_eq!(config.aura.authorities.len(), 4);
	assert_eq!(config.grandpa.authorities.len(), 4);
	assert_eq!(config.sudo.key, None);
}

#[test]
fn federation_has_no_sudo_and_placeholder_founders() {
	let config = genesis_of(FEDERATION_PRESET);
	assert_eq!(config.sudo.key, None);
	assert_eq!(config.aura.authorities.len(), usize::from(FEDERATION_VALIDATORS));
	assert_eq!(config.grandpa.authorities.len(), usize::from(FEDERATION_VALIDATORS));
	// The founders' accounts, the founding cooperatives' accounts and the federation's account
	// (the existential deposit, so that the exchange's fees can reach it).
	assert_eq!(
		config.balances.balances.len(),
		usize::from(FEDERATION_VALIDATORS)
			+ usize::from(genesis_config_presets::FOUNDING_COOPERATIVES)
			+ 1
	);
	assert!(config
		.balances
		.balances
		.contains(&(crate::configs::FederationAccount::get(), EXISTENTIAL_DEPOSIT)));
	// No well-known development key may validate or hold funds on a federation chain.
	let dev_accounts: Vec<_> = Sr25519Keyring::iter().map(|k| k.to_account_id()).collect();
	for (account, _) in &config.balances.balances {
		assert!(!dev_accounts.contains(account));
	}
	let dev_aura: Vec<sp_consensus_aura::sr25519::AuthorityId> =
		Sr25519Keyring::iter().map(|k| k.public().into()).collect();
	for aura in &config.aura.authorities {
		assert!(!dev_aura.contains(aura));
	}
}

#[test]
fn transfer_moves_balance() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_ok!(Balances::transfer_keep_alive(
			RuntimeOrigin::signed(alice.clone()),
			bob.clone().into(),
			5 * UNIT
		));
		assert_eq!(Balances::balance(&alice), DEV_ENDOWMENT - 5 * UNIT);
		assert_eq!(Balances::balance(&bob), DEV_ENDOWMENT + 5 * UNIT);
	});
}

#[test]
fn transfer_without_funds_fails_and_changes_nothing() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let pauper = sp_runtime::AccountId32::new([7u8; 32]);
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_noop!(
			Balances::transfer_keep_alive(RuntimeOrigin::signed(pauper), bob.into(), UNIT),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn transfer_below_existential_deposit_to_new_account_fails() {
	externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let newcomer = sp_runtime::AccountId32::new([9u8; 32]);
		assert_noop!(
			Balances::transfer_keep_alive(
				RuntimeOrigin::signed(alice),
				newcomer.into(),
				EXISTENTIAL_DEPOSIT - 1
			),
			TokenError::BelowMinimum
		);
	});
}

#[test]
fn runtime_version_names_the_chain() {
	assert_eq!(crate::VERSION.spec_name, "confoederatio");
	assert_eq!(crate::VERSION.spec_version, 100);
	// The metadata must decode in polkadot.js with no custom types: it is v14 or later.
	assert!(Runtime::metadata_versions().iter().any(|v| *v >= 14));
}

mod federation {
	//! The pallets together: cooperatives decide by poll, the federation by its cooperatives'
	//! polls, and a runtime upgrade needs the federation's two thirds.

	use super::*;
	use crate::{Cooperatives, Governance, RuntimeCall, RuntimeEvent};
	use confoederatio_primitives::{CoopId, PollId};
	use frame_support::traits::IntegrityTest;
	use pallet_cooperatives::CoopStatus;
	use pallet_holistic_voting::{ProposalScope, Track};
	use sp_runtime::AccountId32;

	fn members(coop: CoopId) -> Vec<AccountId32> {
		Cooperatives::members_of(coop)
	}

	fn last_poll() -> PollId {
		pallet_holistic_voting::NextPollId::<Runtime>::get() - 1
	}

	fn executed(poll: PollId) -> Option<sp_runtime::DispatchResult> {
		System::events().into_iter().find_map(|record| match record.event {
			RuntimeEvent::Governance(pallet_holistic_voting::Event::Executed {
				poll: p,
				result,
			}) if p == poll => Some(result),
			_ => None,
		})
	}

	/// Every member of `coop` votes aye on `call`; the poll closes; returns the call's result.
	fn decide(coop: CoopId, call: RuntimeCall) -> sp_runtime::DispatchResult {
		let members = members(coop);
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(members[0].clone()),
			ProposalScope::Cooperative(coop),
			Box::new(call)
		));
		let poll = last_poll();
		for member in &members {
			assert_ok!(Governance::vote(RuntimeOrigin::signed(member.clone()), poll, true));
		}
		assert_ok!(Governance::close(RuntimeOrigin::signed(members[0].clone()), poll));
		executed(poll).expect("the poll was executed")
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
			assert_ok!(Cooperatives::apply(
				RuntimeOrigin::signed(eve),
				b"Fourth".to_vec(),
				founders
			));
			let fourth = pallet_cooperatives::NextCoopId::<Runtime>::get() - 1;

			// Cooperative 0 proposes the admission to the federation through its own poll.
			let admit =
				RuntimeCall::Cooperatives(pallet_cooperatives::Call::admit { coop: fourth });
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
			let authorize =
				RuntimeCall::Governance(pallet_holistic_voting::Call::authorize_upgrade {
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
			section(include_str!("../Cargo.toml")),
			section(include_str!("../upgrade-test/Cargo.toml")),
			"runtime/upgrade-test/Cargo.toml must list the runtime's dependencies"
		);
	}
}

mod credit {
	//! Mutual credit inside the runtime: members get accounts as they join, work is approved by
	//! the cooperative's poll, debtors cannot leave until the debt is settled or written off.

	use super::*;
	use crate::{
		configs::{DefaultCreditLimit, HOUR},
		Cooperatives, Governance, MutualCredit, RuntimeCall, RuntimeEvent,
	};
	use confoederatio_primitives::{CoopId, WorkCategory};
	use frame_support::traits::Get;
	use pallet_holistic_voting::ProposalScope;
	use sp_runtime::AccountId32;

	/// Every member of `coop` votes aye on `call`; the poll closes; returns the call's result.
	fn decide(
		coop: CoopId,
		call: pallet_mutual_credit::Call<Runtime>,
	) -> sp_runtime::DispatchResult {
		decide_call(coop, RuntimeCall::MutualCredit(call))
	}

	fn decide_call(coop: CoopId, call: RuntimeCall) -> sp_runtime::DispatchResult {
		let members = Cooperatives::members_of(coop);
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(members[0].clone()),
			ProposalScope::Cooperative(coop),
			Box::new(call)
		));
		let poll = pallet_holistic_voting::NextPollId::<Runtime>::get() - 1;
		for member in &members {
			assert_ok!(Governance::vote(RuntimeOrigin::signed(member.clone()), poll, true));
		}
		assert_ok!(Governance::close(RuntimeOrigin::signed(members[0].clone()), poll));
		System::events()
			.into_iter()
			.find_map(|record| match record.event {
				RuntimeEvent::Governance(pallet_holistic_voting::Event::Executed {
					poll: p,
					result,
				}) if p == poll => Some(result),
				_ => None,
			})
			.expect("the poll was executed")
	}

	fn balance(coop: CoopId, who: &AccountId32) -> i128 {
		MutualCredit::account_info(coop, who).balance
	}

	fn check_invariants() {
		Cooperatives::do_try_state().unwrap();
		Governance::do_try_state().unwrap();
		MutualCredit::do_try_state().unwrap();
	}

	#[test]
	fn genesis_members_hold_accounts_and_the_demo_federation_is_open() {
		externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
			for coop in 0..3 {
				for member in Cooperatives::members_of(coop) {
					let info = MutualCredit::account_info(coop, &member);
					assert_eq!(info.balance, 0);
					assert_eq!(info.credit_limit, DefaultCreditLimit::get());
				}
				assert_eq!(
					MutualCredit::currency_info(coop).federation_limit,
					genesis_config_presets::DEMO_FEDERATION_LIMIT
				);
			}
			check_invariants();
		});
		// A federation chain starts closed: its federation sets the limits.
		externalities_of(FEDERATION_PRESET).execute_with(|| {
			assert_eq!(MutualCredit::currency_info(0).federation_limit, 0);
			check_invariants();
		});
	}

	#[test]
	fn work_is_approved_by_poll_and_paid_on_and_across() {
		externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
			let alice = Sr25519Keyring::Alice.to_account_id();
			let bob = Sr25519Keyring::Bob.to_account_id();
			let dave = Sr25519Keyring::Dave.to_account_id();
			assert_ok!(MutualCredit::submit_contribution(
				RuntimeOrigin::signed(alice.clone()),
				0,
				8 * HOUR,
				WorkCategory::Commons,
				Default::default()
			));
			assert_ok!(decide(0, pallet_mutual_credit::Call::approve_contribution { id: 0 }));
			assert_eq!(balance(0, &alice), 800);
			assert_eq!(MutualCredit::account_info(0, &alice).commons_entitlement, 800);
			// Approved twice: the second poll's call fails.
			assert_eq!(
				decide(0, pallet_mutual_credit::Call::approve_contribution { id: 0 }),
				Err(pallet_mutual_credit::Error::<Runtime>::UnknownContribution.into())
			);
			assert_ok!(MutualCredit::transfer(
				RuntimeOrigin::signed(alice.clone()),
				0,
				bob.clone(),
				300
			));
			assert_ok!(MutualCredit::transfer_across(
				RuntimeOrigin::signed(bob.clone()),
				0,
				1,
				dave.clone(),
				500
			));
			assert_eq!((balance(0, &bob), balance(1, &dave)), (-200, 500));
			check_invariants();
		});
	}

	#[test]
	fn a_member_joining_by_poll_gets_an_account() {
		externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
			let dave = Sr25519Keyring::Dave.to_account_id();
			assert_eq!(MutualCredit::account_info(0, &dave).credit_limit, 0);
			let call = RuntimeCall::Cooperatives(pallet_cooperatives::Call::add_member {
				coop: 0,
				who: dave.clone(),
			});
			assert_ok!(decide_call(0, call));
			assert_eq!(
				MutualCredit::account_info(0, &dave).credit_limit,
				DefaultCreditLimit::get()
			);
			assert_ok!(MutualCredit::transfer(
				RuntimeOrigin::signed(dave),
				0,
				Sr25519Keyring::Alice.to_account_id(),
				1
			));
			check_invariants();
		});
	}

	#[test]
	fn a_debtor_leaves_only_after_settling_or_a_write_off() {
		externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
			let alice = Sr25519Keyring::Alice.to_account_id();
			let bob = Sr25519Keyring::Bob.to_account_id();
			assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(bob.clone()), 0, alice, 150));
			assert_noop!(
				Cooperatives::leave(RuntimeOrigin::signed(bob.clone()), 0),
				pallet_mutual_credit::Error::<Runtime>::UnsettledDebt
			);
			// Nor can the cooperative remove a debtor without deciding about the debt.
			let remove = RuntimeCall::Cooperatives(pallet_cooperatives::Call::remove_member {
				coop: 0,
				who: bob.clone(),
			});
			assert_eq!(
				decide_call(0, remove.clone()),
				Err(pallet_mutual_credit::Error::<Runtime>::UnsettledDebt.into())
			);
			assert_ok!(decide(
				0,
				pallet_mutual_credit::Call::write_off { coop: 0, who: bob.clone() }
			));
			assert_eq!(MutualCredit::currency_info(0).written_off, 150);
			assert_ok!(Cooperatives::leave(RuntimeOrigin::signed(bob.clone()), 0));
			assert!(!Cooperatives::members_of(0).contains(&bob));
			check_invariants();
		});
	}
}

mod holistic {
	//! Holistic vote weights in the runtime: work credit and care reputation weigh in, no member
	//! holds more than the cap, and credit that voted cannot vote again.

	use super::*;
	use crate::{
		configs::HOUR, CareReputation, Cooperatives, Governance, MutualCredit, RuntimeCall,
	};
	use confoederatio_primitives::{
		CollectiveOrigin, CoopId, CoopParams, Cooperatives as _, VoteWeight, WorkCategory,
	};
	use frame_support::traits::{fungible::Mutate, Get};
	use pallet_holistic_voting::{math, ProposalScope};
	use sp_runtime::{AccountId32, Perbill};

	type Weight = <Runtime as pallet_holistic_voting::Config>::VoteWeight;

	fn params(coop: CoopId) -> Option<CoopParams<crate::BlockNumber>> {
		<Cooperatives as confoederatio_primitives::Cooperatives<_, _>>::params(coop)
	}

	fn weight(coop: CoopId, who: &AccountId32) -> u64 {
		<Weight as VoteWeight<AccountId32, crate::BlockNumber>>::vote_weight(coop, who)
	}

	/// Issues `hours` of credit to `who` through contributions the cooperative approves.
	fn earn(coop: CoopId, who: &AccountId32, hours: u128) {
		let mut left = hours * HOUR;
		while left > 0 {
			let chunk =
				left.min(<Runtime as pallet_mutual_credit::Config>::MaxContributionHours::get());
			let id = pallet_mutual_credit::NextContributionId::<Runtime>::get();
			assert_ok!(MutualCredit::do_submit_contribution(
				coop,
				who.clone(),
				chunk,
				WorkCategory::Commons,
				Default::default()
			));
			assert_ok!(MutualCredit::do_approve_contribution(coop, id));
			left -= chunk;
		}
	}

	/// `points` of care reputation for `who`, confirmed by two other members.
	fn care(coop: CoopId, who: &AccountId32, points: u32, by: [&AccountId32; 2], note: u8) {
		let mut left = points;
		let mut n = 0u8;
		while left > 0 {
			let chunk = left.min(10);
			let note = sp_core::H256::repeat_byte(note.wrapping_add(n));
			for attester in by {
				assert_ok!(CareReputation::attest(
					RuntimeOrigin::signed(attester.clone()),
					coop,
					who.clone(),
					chunk,
					note
				));
			}
			left -= chunk;
			n += 1;
		}
	}

	fn share(weights: &[u128]) -> f64 {
		let total: u128 = weights.iter().sum();
		*weights.iter().max().unwrap() as f64 / total as f64
	}

	/// A realistic cooperative of 30: three members hold most of the credit (2,000, 800 and 400
	/// hours), most hold a little, a few carers hold care reputation. Prints the largest member's
	/// share of the total weight under three ways of weighing votes (the README's table).
	#[test]
	fn the_largest_share_under_token_one_member_and_holistic_weights() {
		externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
			let members: Vec<AccountId32> =
				(0u8..30).map(|i| AccountId32::new([i + 100; 32])).collect();
			for member in &members {
				Balances::set_balance(member, 1_000 * UNIT);
			}
			let coop = Cooperatives::do_create(
				b"thirty".to_vec().try_into().unwrap(),
				members[0].clone(),
				&members,
				0,
				pallet_cooperatives::CoopStatus::Active,
			)
			.unwrap();
			let params: CoopParams<crate::BlockNumber> = params(coop).unwrap();
			assert_eq!((params.work_weight, params.care_weight), (1, 1), "the defaults");
			assert_eq!(params.weight_cap, Perbill::from_percent(10));
			assert_ok!(MutualCredit::set_credit_limit(
				CollectiveOrigin::Cooperative(coop).into(),
				coop,
				Cooperatives::account_of(coop),
				100_000 * HOUR
			));
			let hours: Vec<u128> = (0..30)
				.map(|i| match i {
					0 => 2_000,
					1 => 800,
					2 => 400,
					i => (i as u128 * 7) % 40,
				})
				.collect();
			for (member, hours) in members.iter().zip(&hours) {
				if *hours > 0 {
					earn(coop, member, *hours);
				}
			}
			// Five carers: 40, 30, 25, 20 and 10 points.
			// (Each pair of attesters stays within the weekly bound of attestations.)
			for (k, (i, points)) in
				[(10, 40), (11, 30), (12, 25), (13, 20), (14, 10)].into_iter().enumerate()
			{
				let by = [&members[20 + 2 * k], &members[21 + 2 * k]];
				care(coop, &members[i], points, by, i as u8 * 10);
			}

			let token: Vec<u128> = hours.iter().map(|h| h * HOUR).collect();
			let one_each: Vec<u128> = vec![1; 30];
			let holistic: Vec<u64> = members.iter().map(|m| weight(coop, m)).collect();
			let level = math::cap_level(&holistic, params.weight_cap);
			let capped: Vec<u128> =
				holistic.iter().map(|w| u128::from(math::capped(*w, level))).collect();
			let uncapped: Vec<u128> = holistic.iter().map(|w| u128::from(*w)).collect();

			// The richest member: 1 + sqrt(2,000) = 45.
			assert_eq!(holistic[0], 45);
			// The first carer: 1 + sqrt(7·10 % 40 = 30) + sqrt(40) = 1 + 5 + 6 = 12.
			assert_eq!(holistic[10], 12);
			let (token_share, one_share, holistic_share, capped_share) =
				(share(&token), share(&one_each), share(&uncapped), share(&capped));
			println!("| weighting | largest member's share of the total weight |");
			println!("|---|---|");
			println!("| token weighting (1 credit = 1 vote) | {:.1}% |", token_share * 100.0);
			println!("| one member, one vote | {:.1}% |", one_share * 100.0);
			println!(
				"| holistic, default a = b = 1, before the cap | {:.1}% |",
				holistic_share * 100.0
			);
			println!("| holistic, default a = b = 1, 10% cap | {:.1}% |", capped_share * 100.0);
			assert!(token_share > 0.5, "the rich hold most of the credit");
			assert!(capped_share <= 0.10, "no member above the cap");
			assert!(capped_share < holistic_share && holistic_share < token_share);
			assert!((one_share - 1.0 / 30.0).abs() < 1e-12);
			MutualCredit::do_try_state().unwrap();
			CareReputation::do_try_state().unwrap();
		});
	}

	#[test]
	fn a_poll_counts_holistic_weights_and_locks_the_credit_that_voted() {
		externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
			let [alice, bob, charlie] =
				[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
					.map(|k| k.to_account_id());
			earn(0, &alice, 100);
			care(0, &charlie, 9, [&alice, &bob], 1);
			assert_eq!(weight(0, &alice), 11, "1 + sqrt(100 hours)");
			assert_eq!(weight(0, &charlie), 4, "1 + sqrt(9 points)");
			assert_eq!(weight(0, &bob), 1);

			let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
			assert_ok!(Governance::propose(
				RuntimeOrigin::signed(bob.clone()),
				ProposalScope::Cooperative(0),
				Box::new(call)
			));
			let poll = pallet_holistic_voting::NextPollId::<Runtime>::get() - 1;
			assert_ok!(Governance::vote(RuntimeOrigin::signed(alice.clone()), poll, true));
			// Alice's 100 hours voted: she cannot hand them to Bob to vote again.
			assert_noop!(
				MutualCredit::transfer(RuntimeOrigin::signed(alice.clone()), 0, bob.clone(), 100),
				pallet_mutual_credit::Error::<Runtime>::CreditLocked
			);
			assert_eq!(MutualCredit::account_info(0, &alice).locked, 100 * HOUR);
			assert_ok!(Governance::vote(RuntimeOrigin::signed(bob.clone()), poll, false));
			assert_ok!(Governance::vote(RuntimeOrigin::signed(charlie.clone()), poll, false));
			assert_eq!(
				Governance::poll_tally(poll),
				Some(confoederatio_primitives::Tally { ayes: 11, nays: 5, voters: 3 })
			);
			assert_ok!(Governance::close(RuntimeOrigin::signed(bob.clone()), poll));
			// The poll is decided; after its end the credit moves again.
			let end = System::block_number() + params(0).unwrap().voting_period;
			System::set_block_number(end + 1);
			assert_ok!(MutualCredit::transfer(RuntimeOrigin::signed(alice), 0, bob, 100));
			MutualCredit::do_try_state().unwrap();
			CareReputation::do_try_state().unwrap();
			Governance::do_try_state().unwrap();
		});
	}
}

mod redemption {
	//! Redemption in the runtime: credit earned by approved work is redeemed for CONF from the
	//! cooperative's reserve, and leaves circulation.

	use super::*;
	use crate::{configs::HOUR, MutualCredit, Redemption};
	use confoederatio_primitives::WorkCategory;
	use frame_support::traits::fungible::Inspect;

	#[test]
	fn earned_credit_is_redeemed_for_conf_and_leaves_circulation() {
		externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
			let alice = Sr25519Keyring::Alice.to_account_id();
			let funder = Sr25519Keyring::Ferdie.to_account_id();
			assert_ok!(MutualCredit::do_submit_contribution(
				0,
				alice.clone(),
				20 * HOUR,
				WorkCategory::Subsistence,
				Default::default()
			));
			assert_ok!(MutualCredit::do_approve_contribution(0, 0));
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(funder), 0, 100 * UNIT));
			assert_ok!(Redemption::set_rate(
				confoederatio_primitives::CollectiveOrigin::Cooperative(0).into(),
				0,
				UNIT / HOUR
			));
			let before = Balances::balance(&alice);
			assert_ok!(Redemption::redeem(
				RuntimeOrigin::signed(alice.clone()),
				0,
				WorkCategory::Subsistence,
				10 * HOUR
			));
			// 10 hours at 1 CONF an hour, less the 2% exit fee.
			assert_eq!(Balances::balance(&alice), before + 98 * UNIT / 10);
			let info = MutualCredit::account_info(0, &alice);
			assert_eq!((info.balance, info.subsistence_entitlement), (1_000, 1_000));
			assert_eq!(Redemption::reserve_info(0).subsistence, 75 * UNIT - 98 * UNIT / 10);
			// Commons credit is not redeemable from the subsistence entitlement.
			assert_noop!(
				Redemption::redeem(RuntimeOrigin::signed(alice), 0, WorkCategory::Commons, 1),
				pallet_mutual_credit::Error::<Runtime>::OverEntitlement
			);
			MutualCredit::do_try_state().unwrap();
			Redemption::do_try_state().unwrap();
		});
	}
}

mod exchange {
	//! The exchange in the runtime: members of two cooperatives trade credit for credit and for
	//! CONF inside a band; the cooperative's standing orders issue and buy back credit through
	//! its reserve; the fee reaches the federation's account; credit on offer does not vote.

	use super::*;
	use crate::{
		configs::{FederationAccount, HOUR},
		Dex, MutualCredit, Redemption,
	};
	use confoederatio_primitives::{
		AssetKind::{Credit, Native},
		CollectiveOrigin, CoopId, Price, VoteWeight, WorkCategory,
	};
	use frame_support::traits::Get;
	use sp_runtime::{AccountId32, FixedPointNumber};

	type Weight = <Runtime as pallet_holistic_voting::Config>::VoteWeight;

	fn earn(coop: CoopId, who: &AccountId32, hours: u128) {
		let id = pallet_mutual_credit::NextContributionId::<Runtime>::get();
		assert_ok!(MutualCredit::do_submit_contribution(
			coop,
			who.clone(),
			hours * HOUR,
			WorkCategory::Commons,
			Default::default()
		));
		assert_ok!(MutualCredit::do_approve_contribution(coop, id));
	}

	/// Native units per unit of credit: CONF per hour.
	fn per_hour(conf: u128) -> Price {
		Price::saturating_from_integer(conf * UNIT / HOUR)
	}

	fn check_invariants() {
		Dex::do_try_state().unwrap();
		MutualCredit::do_try_state().unwrap();
		Redemption::do_try_state().unwrap();
	}

	#[test]
	fn members_of_two_cooperatives_trade_inside_the_band() {
		externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
			let alice = Sr25519Keyring::Alice.to_account_id();
			let dave = Sr25519Keyring::Dave.to_account_id();
			let federation = FederationAccount::get();
			assert_eq!(Balances::balance(&federation), EXISTENTIAL_DEPOSIT);
			earn(0, &alice, 20);
			earn(1, &dave, 20);
			assert_ok!(Dex::set_price_band(
				CollectiveOrigin::Cooperative(0).into(),
				0,
				per_hour(1),
				per_hour(3)
			));
			// Alice offers 10 hours at 2 CONF an hour; what is on offer no longer votes.
			let weight = <Weight as VoteWeight<AccountId32, crate::BlockNumber>>::vote_weight;
			let before = weight(0, &alice);
			assert_ok!(Dex::place_order(
				RuntimeOrigin::signed(alice.clone()),
				Credit(0),
				Native,
				10 * HOUR,
				per_hour(2)
			));
			assert!(weight(0, &alice) < before);
			assert_noop!(
				Dex::place_order(
					RuntimeOrigin::signed(dave.clone()),
					Native,
					Credit(0),
					10 * UNIT,
					per_hour(4)
				),
				pallet_federated_dex::Error::<Runtime>::OutsideBand
			);
			// Dave buys 5 hours for 10 CONF; 0.3% of the credit is the federation's fee.
			let alice_conf = Balances::balance(&alice);
			assert_ok!(Dex::place_order(
				RuntimeOrigin::signed(dave.clone()),
				Native,
				Credit(0),
				10 * UNIT,
				per_hour(2)
			));
			assert_eq!(Balances::balance(&alice), alice_conf + 10 * UNIT);
			let fee = 5 * HOUR * 3 / 1_000;
			assert_eq!(MutualCredit::account_info(0, &dave).balance, (5 * HOUR - fee) as i128);
			assert_eq!(MutualCredit::account_info(0, &federation).balance, fee as i128);
			// Credit for credit: Dave sells his cooperative's for Alice's.
			assert_ok!(Dex::place_order(
				RuntimeOrigin::signed(alice.clone()),
				Credit(0),
				Credit(1),
				2 * HOUR,
				Price::from_u32(1)
			));
			assert_ok!(Dex::place_order(
				RuntimeOrigin::signed(dave.clone()),
				Credit(1),
				Credit(0),
				2 * HOUR,
				Price::from_u32(1)
			));
			assert_eq!(MutualCredit::account_info(1, &alice).balance, 2 * HOUR as i128);
			check_invariants();
		});
	}

	#[test]
	fn standing_orders_issue_at_the_ceiling_and_buy_back_from_the_reserve() {
		externalities_of(DEV_RUNTIME_PRESET).execute_with(|| {
			let alice = Sr25519Keyring::Alice.to_account_id();
			let dave = Sr25519Keyring::Dave.to_account_id();
			let ferdie = Sr25519Keyring::Ferdie.to_account_id();
			let origin = || -> RuntimeOrigin { CollectiveOrigin::Cooperative(0).into() };
			earn(0, &alice, 20);
			assert_ok!(Redemption::fund(RuntimeOrigin::signed(ferdie), 0, 400 * UNIT));
			assert_ok!(Dex::set_price_band(origin(), 0, per_hour(1), per_hour(3)));
			assert_ok!(Dex::set_standing_orders(origin(), 0, 50 * HOUR, 40 * UNIT));
			assert_eq!(Redemption::reserve_info(0).earmarked, 40 * UNIT);
			let issuer = crate::Cooperatives::account_of(0);
			let issued = MutualCredit::account_info(0, &issuer).balance;
			// Dave buys 10 new hours at the ceiling: the reserve earns 30 CONF.
			assert_ok!(Dex::place_order(
				RuntimeOrigin::signed(dave.clone()),
				Native,
				Credit(0),
				30 * UNIT,
				per_hour(3)
			));
			assert_eq!(MutualCredit::account_info(0, &issuer).balance, issued - 10 * HOUR as i128);
			let reserve = Redemption::reserve_info(0);
			assert_eq!(reserve.subsistence + reserve.commons + reserve.earmarked, 430 * UNIT);
			// Alice sells 5 hours back at the floor, paid from the earmark.
			let before = Balances::balance(&alice);
			assert_ok!(Dex::place_order(
				RuntimeOrigin::signed(alice.clone()),
				Credit(0),
				Native,
				5 * HOUR,
				per_hour(1)
			));
			let fee = 5 * UNIT * 3 / 1_000;
			assert_eq!(Balances::balance(&alice), before + 5 * UNIT - fee);
			assert_eq!(Redemption::reserve_info(0).earmarked, 35 * UNIT);
			assert_eq!(MutualCredit::account_info(0, &issuer).balance, issued - 5 * HOUR as i128);
			check_invariants();
		});
	}
}
