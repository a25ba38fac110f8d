//! Builds the runtime's WebAssembly blob, embedded in the node as `WASM_BINARY`.
//!
//! The metadata hash (for `CheckMetadataHash`, which lets wallets verify what they sign) is
//! built in when the `metadata-hash` feature is on; the node turns it on, so the binary that
//! validators run always carries it.

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("CONF", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(not(feature = "std"))]
fn main() {}
