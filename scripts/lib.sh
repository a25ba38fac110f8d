# Shared settings of the scripts; sourced, not run.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One target directory that outlives work trees and clones: dependencies compile once per machine.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/confoederatio/target}"
# The wasm builder needs to know where the workspace is when the target dir is outside it.
export WASM_BUILD_WORKSPACE_HINT="$ROOT"
# Build the runtime's wasm with the pinned toolchain too (the wasm build runs outside the work
# tree, where rust-toolchain.toml does not reach).
export WASM_BUILD_TOOLCHAIN="${WASM_BUILD_TOOLCHAIN:-$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ROOT/rust-toolchain.toml")}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# The node binary the scripts and e2e tests run.
export CONFOEDERATIO_BIN="${CONFOEDERATIO_BIN:-$CARGO_TARGET_DIR/release/confoederatio}"

log() { printf '\n==> %s\n' "$*" >&2; }

# Builds the node (and with it the runtime's wasm) in the one profile everything uses, and every
# other member: `runtime/upgrade-test`'s wasm is the upgrade e2e test's candidate runtime.
build_node() {
	log "building the node and the upgrade-test runtime (release; target dir $CARGO_TARGET_DIR)"
	(cd "$ROOT" && cargo build --release --locked --workspace)
}

# For the scripts that run what is built and never build (bench, scale): stops with what to do
# if the node binary or the e2e packages are missing.
require_built_node_and_e2e() {
	if [ ! -x "$CONFOEDERATIO_BIN" ]; then
		echo "no node binary at $CONFOEDERATIO_BIN: build it first (./scripts/test.sh or ./scripts/run-dev.sh build it)" >&2
		exit 1
	fi
	if [ ! -d "$ROOT/e2e/node_modules/@polkadot/api" ]; then
		echo "e2e/node_modules is missing: run ./scripts/setup.sh (or cd e2e && npm ci) first" >&2
		exit 1
	fi
}
