//! The committed chain specs in `chain-specs/` match what the node builds from the runtime's
//! presets now. If this fails, the runtime's genesis changed: run
//! `scripts/generate-chain-specs.sh` and commit the result (and tell the federation, because a
//! new genesis is a new chain).
//!
//! The wasm `code` is not compared: a spec's genesis code is fixed when a chain launches, and
//! later runtimes reach the chain by upgrade, not by a new spec.

use std::{path::PathBuf, process::Command};

use serde_json::Value;

fn generated(chain: &str) -> Value {
	let output = Command::new(env!("CARGO_BIN_EXE_confoederatio"))
		.args(["build-spec", "--chain", chain, "--disable-default-bootnode"])
		.output()
		.expect("the node binary runs");
	assert!(
		output.status.success(),
		"build-spec --chain {chain} failed: {}",
		String::from_utf8_lossy(&output.stderr)
	);
	serde_json::from_slice(&output.stdout).expect("build-spec prints json")
}

fn committed(file: &str) -> Value {
	let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../chain-specs").join(file);
	let text = std::fs::read_to_string(&path)
		.unwrap_or_else(|error| panic!("{} cannot be read: {error}", path.display()));
	serde_json::from_str(&text).expect("the committed spec is json")
}

/// The spec without its wasm code; panics if the code is missing, since a spec without it
/// cannot start a chain.
fn without_code(mut spec: Value) -> Value {
	let genesis = spec
		.pointer_mut("/genesis/runtimeGenesis")
		.and_then(Value::as_object_mut)
		.expect("a plain spec has genesis.runtimeGenesis");
	let code = genesis.remove("code").expect("the spec carries the runtime's code");
	assert!(code.as_str().is_some_and(|code| code.starts_with("0x") && code.len() > 1000));
	spec
}

fn assert_matches(chain: &str, file: &str) {
	assert_eq!(
		without_code(committed(file)),
		without_code(generated(chain)),
		"chain-specs/{file} no longer matches the runtime's `{chain}` preset: \
		 run scripts/generate-chain-specs.sh and commit the result"
	);
}

#[test]
fn local_spec_matches_the_local_preset() {
	assert_matches("local", "local.json");
}

#[test]
fn federation_spec_matches_the_federation_preset() {
	assert_matches("federation", "federation.json");
}

#[test]
fn federation_spec_has_no_sudo_key_and_four_validators() {
	let spec = committed("federation.json");
	let patch = spec.pointer("/genesis/runtimeGenesis/patch").expect("a preset patch");
	assert!(patch.pointer("/sudo/key").is_none_or(Value::is_null), "federation has a sudo key");
	// The validators are given once, as Session's genesis keys and ValidatorSet's set (with the
	// cooperative that runs each); Aura and GRANDPA take their authorities from the session.
	let keys = patch.pointer("/session/keys").and_then(Value::as_array).expect("session keys");
	assert_eq!(keys.len(), 4);
	let set = patch.pointer("/validatorSet/validators").and_then(Value::as_array).expect("set");
	assert_eq!(set.len(), 4);
	assert!(patch.pointer("/aura/authorities").is_none(), "Aura's authorities come from Session");
	assert!(patch.pointer("/grandpa/authorities").is_none(), "GRANDPA's too");
	// An hour per session.
	assert_eq!(patch.pointer("/validatorSet/sessionLength"), Some(&Value::from(600)));
	assert_eq!(spec["chainType"], "Live");
	assert_eq!(spec["properties"]["tokenSymbol"], "CONF");
	assert_eq!(spec["properties"]["tokenDecimals"], 12);
	assert_eq!(spec["properties"]["ss58Format"], 42);
}
