#!/usr/bin/env bash
# Regenerates chain-specs/local.json and chain-specs/federation.json from the runtime's presets,
# with the node built from this tree. `cargo test` (node/tests/chain_specs.rs) fails while a
# committed spec no longer matches its preset.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

build_node
for chain in local federation; do
	"$CONFOEDERATIO_BIN" build-spec --chain "$chain" --disable-default-bootnode \
		> "$ROOT/chain-specs/$chain.json" 2>/dev/null
	log "wrote chain-specs/$chain.json"
done
