#!/usr/bin/env bash
# Installs what is needed, builds the node and starts a development chain: one validator
# (Alice), demo state, RPC on ws://127.0.0.1:9944, Prometheus on 127.0.0.1:9615. The chain lives
# in a temporary directory and is gone when the node stops (Ctrl-C). Extra arguments go to the node.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

"$ROOT/scripts/setup.sh"
build_node
log "starting a dev chain: connect polkadot.js Apps to ws://127.0.0.1:9944"
exec "$CONFOEDERATIO_BIN" --dev --rpc-port 9944 --prometheus-port 9615 --no-mdns \
	--listen-addr /ip4/127.0.0.1/tcp/30333 "$@"
