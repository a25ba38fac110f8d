//! Runtime tests: the pallets together, as the runtime wires them. One file per topic:
//! - [`presets`]: the genesis presets build; the native token behaves as a wallet expects;
//! - [`federation`]: cooperatives decide by poll, the federation by its cooperatives' polls;
//! - [`credit`]: mutual credit, members joining and leaving;
//! - [`holistic`]: holistic vote weights, the cap, credit locked by a vote;
//! - [`redemption`]: earned credit redeemed for CONF;
//! - [`exchange`]: trading in a band, standing orders through the reserve;
//! - [`validators`]: the federation's validators, the session, Aura and GRANDPA following it.
//!
//! The helpers here are shared by all of them.

use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{BuildStorage, TokenError};

use crate::{
	genesis_config_presets::{self, DEV_ENDOWMENT, FEDERATION_PRESET, FEDERATION_VALIDATORS},
	Balances, CareReputation, Cooperatives, Dex, Governance, MutualCredit, Redemption, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, RuntimeOrigin, System, EXISTENTIAL_DEPOSIT,
	UNIT,
};
use confoederatio_primitives::{CoopId, PollId, WorkCategory, CREDIT_PER_HOUR};
use pallet_holistic_voting::ProposalScope;
use sp_runtime::AccountId32;

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

mod credit;
mod exchange;
mod federation;
mod holistic;
mod presets;
mod quota;
mod redemption;
mod validators;

/// The last poll opened.
fn last_poll() -> PollId {
	pallet_holistic_voting::NextPollId::<Runtime>::get() - 1
}

/// The result of `poll`'s call, if the poll was executed.
fn executed(poll: PollId) -> Option<sp_runtime::DispatchResult> {
	System::events().into_iter().find_map(|record| match record.event {
		RuntimeEvent::Governance(pallet_holistic_voting::Event::Executed { poll: p, result })
			if p == poll =>
		{
			Some(result)
		},
		_ => None,
	})
}

/// Every member of `coop` votes aye on `call`; the poll closes; returns the call's result.
fn decide(coop: CoopId, call: impl Into<RuntimeCall>) -> sp_runtime::DispatchResult {
	let members = Cooperatives::members_of(coop);
	assert_ok!(Governance::propose(
		RuntimeOrigin::signed(members[0].clone()),
		ProposalScope::Cooperative(coop),
		Box::new(call.into())
	));
	let poll = last_poll();
	for member in &members {
		assert_ok!(Governance::vote(RuntimeOrigin::signed(member.clone()), poll, true));
	}
	assert_ok!(Governance::close(RuntimeOrigin::signed(members[0].clone()), poll));
	executed(poll).expect("the poll was executed")
}

/// Issues `hours` of credit to `who` through contributions the cooperative approves (as many as
/// the largest contribution allows).
fn earn(coop: CoopId, who: &AccountId32, hours: u128) {
	let mut left = hours * CREDIT_PER_HOUR;
	while left > 0 {
		let chunk = left.min(<Runtime as pallet_mutual_credit::Config>::MaxContribution::get());
		let id = pallet_mutual_credit::NextContributionId::<Runtime>::get();
		assert_ok!(MutualCredit::do_submit_contribution(
			coop,
			who.clone(),
			chunk,
			WorkCategory::Commons,
			Default::default()
		));
		assert_ok!(MutualCredit::do_approve_contribution(id));
		left -= chunk;
	}
}

/// Every pallet's invariants hold.
fn check_invariants() {
	Cooperatives::do_try_state().unwrap();
	Governance::do_try_state().unwrap();
	MutualCredit::do_try_state().unwrap();
	CareReputation::do_try_state().unwrap();
	Redemption::do_try_state().unwrap();
	Dex::do_try_state().unwrap();
	crate::MemberQuota::do_try_state().unwrap();
	crate::ValidatorSet::do_try_state().unwrap();
}
