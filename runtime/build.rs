//! Builds the runtime's WebAssembly blob, embedded in the node as `WASM_BINARY`.
//!
//! The metadata hash (for `CheckMetadataHash`, which lets wallets verify what they sign) is
//! built in when the `metadata-hash` feature is on; the node turns it on, so the binary that
//! validators run always carries it.

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	watch_shared_sources();
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("CONF", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	watch_shared_sources();
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// `runtime/upgrade-test` builds the runtime's sources from outside its own directory, where the
/// wasm builder does not look for changes: name them, so that its wasm is rebuilt with them.
#[cfg(feature = "std")]
fn watch_shared_sources() {
	let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
	if manifest_dir.ends_with("upgrade-test") {
		for path in ["../src", "../build.rs", "../Cargo.toml"] {
			println!("cargo:rerun-if-changed={manifest_dir}/{path}");
		}
	}
}

#[cfg(not(feature = "std"))]
fn main() {}
