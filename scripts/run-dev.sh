#!/usr/bin/env bash
# Installs what is needed, builds the node and the app, and starts a development chain: one
# validator (Alice), demo state, RPC on ws://127.0.0.1:9944, Prometheus on 127.0.0.1:9615, and
# the app served on http://127.0.0.1:5173 (APP_PORT), talking to that node. The chain lives in a
# temporary directory and is gone when the node stops; Ctrl-C stops both. Extra arguments go to
# the node.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

"$ROOT/scripts/setup.sh"
build_node
log "building the app"
(cd "$ROOT/app" && npm run build --silent)

app_port="${APP_PORT:-5173}"
pids=()
stop() {
	trap - INT TERM EXIT
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap stop INT TERM EXIT

# --state-pruning archive: the app's statement reads the events and balances of old blocks.
"$CONFOEDERATIO_BIN" --dev --state-pruning archive --rpc-port 9944 --prometheus-port 9615 --no-mdns \
	--listen-addr /ip4/127.0.0.1/tcp/30333 "$@" &
pids+=($!)
(cd "$ROOT/app" && exec npx vite preview --host 127.0.0.1 --port "$app_port" --strictPort) &
pids+=($!)

log "node: ws://127.0.0.1:9944 (polkadot.js Apps works too)"
log "app:  http://127.0.0.1:$app_port/?rpc=ws://127.0.0.1:9944"
log "Ctrl-C stops both"
# Whichever stops first stops the other.
wait -n "${pids[@]}" || true
