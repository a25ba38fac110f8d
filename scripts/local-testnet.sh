#!/usr/bin/env bash
# Starts four validators (Alice, Bob, Charlie, Dave) of chain-specs/local.json on loopback, each
# with its own base path and ports, and stops them all on Ctrl-C.
#
#   ./scripts/local-testnet.sh            run until Ctrl-C
#   ./scripts/local-testnet.sh --check    run until every validator has finalized block 3, then stop
#                                          (exit 1 if that takes more than 3 minutes)
#
# Ports of validator i (0..3): p2p 30333+i, RPC 9944+i, Prometheus 9615+i. Logs and databases
# are in a temporary directory, printed at start and removed at exit.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

check=false
[ "${1:-}" = "--check" ] && check=true
spec="${CHAIN_SPEC:-$ROOT/chain-specs/local.json}"

if [ ! -x "$CONFOEDERATIO_BIN" ]; then
	"$ROOT/scripts/setup.sh"
	build_node
fi

base="$(mktemp -d -t confoederatio-local.XXXXXX)"
names=(alice bob charlie dave)
pids=()

stop() {
	trap - INT TERM EXIT
	log "stopping the validators"
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
	rm -rf "$base"
}
trap stop INT TERM EXIT

# Fixed node keys, so that every validator knows Alice's peer id as its bootnode.
node_key() { printf '%064x' "$(( $1 + 1 ))"; }
printf '%s' "$(node_key 0)" > "$base/alice.key"
alice_peer_id="$("$CONFOEDERATIO_BIN" key inspect-node-key --file "$base/alice.key")"
bootnode="/ip4/127.0.0.1/tcp/30333/p2p/$alice_peer_id"

log "chain spec $spec; logs in $base"
for i in 0 1 2 3; do
	name="${names[$i]}"
	args=(--chain "$spec" --base-path "$base/$name" --"$name" --validator --name "$name"
		--node-key "$(node_key "$i")" --rpc-port $((9944 + i))
		--prometheus-port $((9615 + i)) --listen-addr "/ip4/127.0.0.1/tcp/$((30333 + i))"
		--no-mdns --no-telemetry --allow-private-ip)
	[ "$i" -gt 0 ] && args+=(--bootnodes "$bootnode")
	"$CONFOEDERATIO_BIN" "${args[@]}" > "$base/$name.log" 2>&1 &
	pids+=($!)
	echo "  $name: pid ${pids[$i]}, rpc ws://127.0.0.1:$((9944 + i)), log $base/$name.log"
done

rpc() {
	curl -s -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":[]}" "http://127.0.0.1:$1"
}
finalized_number() {
	local hash header
	hash="$(rpc "$1" chain_getFinalizedHead | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')"
	[ -n "$hash" ] || { echo 0; return; }
	header="$(curl -s -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"chain_getHeader\",\"params\":[\"$hash\"]}" \
		"http://127.0.0.1:$1")"
	echo $(( $(sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p' <<<"$header") + 0 ))
}

if $check; then
	deadline=$(( $(date +%s) + 180 ))
	while :; do
		done_count=0; status=""
		for i in 0 1 2 3; do
			n="$(finalized_number $((9944 + i)) 2>/dev/null || echo 0)"
			status+=" ${names[$i]}=$n"
			[ "${n:-0}" -ge 3 ] && done_count=$((done_count + 1))
		done
		echo "finalized:$status"
		[ "$done_count" -eq 4 ] && { log "all four validators finalized block 3"; exit 0; }
		[ "$(date +%s)" -gt "$deadline" ] && { echo "no finality within 3 minutes" >&2; tail -n 20 "$base"/*.log >&2; exit 1; }
		sleep 5
	done
fi

log "four validators running; Ctrl-C stops them"
wait
