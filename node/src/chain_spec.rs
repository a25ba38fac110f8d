//! Chain specifications: `dev`, `local`, `federation` and `scale` come from the runtime's genesis
//! presets;
//! anything else is read as a chain spec file (for example `chain-specs/local.json`).

use confoederatio_runtime::{
	genesis_config_presets::{FEDERATION_PRESET, SCALE_PRESET},
	SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL,
	WASM_BINARY,
};
use sc_service::ChainType;

/// A chain spec of this chain: no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What wallets show: the token's symbol and decimals and the address format.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

/// A chain spec built from one of the runtime's presets.
fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or_else(|| {
		"The runtime's wasm is not in this binary: it was built with SKIP_WASM_BUILD.".to_string()
	})?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_protocol_id("conf")
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// One validator (Alice), the development accounts funded, Alice holds the sudo key.
pub fn development() -> Result<ChainSpec, String> {
	from_preset(
		"Confoederatio Development",
		"confoederatio_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// Four validators (Alice, Bob, Charlie, Dave) on one machine, no sudo key.
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"Confoederatio Local Testnet",
		"confoederatio_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// The federation template: no sudo key, placeholder founders to replace before launch.
pub fn federation() -> Result<ChainSpec, String> {
	from_preset("Confoederatio", "confoederatio", ChainType::Live, FEDERATION_PRESET)
}

/// The development chain with 100,000 more members: for measuring the node at scale.
pub fn scale() -> Result<ChainSpec, String> {
	from_preset("Confoederatio Scale", "confoederatio_scale", ChainType::Development, SCALE_PRESET)
}

/// The chain spec that `--chain <id>` names.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"" | "dev" | "development" => Box::new(development()?),
		"local" | "local_testnet" => Box::new(local_testnet()?),
		"federation" => Box::new(federation()?),
		"scale" => Box::new(scale()?),
		path => Box::new(ChainSpec::from_json_file(std::path::PathBuf::from(path))?),
	})
}
