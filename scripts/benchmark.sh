#!/usr/bin/env bash
# Regenerates the weights.rs of our pallets by running their frame-benchmarking v2 benchmarks in
# the real runtime (wasm, compiled execution) on this machine.
#
#   ./scripts/benchmark.sh                    every pallet, the database and the base weights
#   ./scripts/benchmark.sh pallet_cooperatives one pallet
#   ./scripts/benchmark.sh storage overhead    the database's read and write (over the `scale`
#                                             chain's 100,000 members), the empty block and the
#                                             smallest extrinsic: runtime/src/weights/
#
# Builds the node with `runtime-benchmarks` (kept out of the default build) and keeps that binary
# as `$CARGO_TARGET_DIR/release/confoederatio-benchmarks`.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

declare -A pallets=(
	[pallet_cooperatives]=pallets/cooperatives
	[pallet_holistic_voting]=pallets/holistic-voting
	[pallet_mutual_credit]=pallets/mutual-credit
	[pallet_care_reputation]=pallets/care-reputation
	[pallet_redemption]=pallets/redemption
	[pallet_federated_dex]=pallets/federated-dex
	[pallet_member_quota]=pallets/member-quota
	[pallet_validator_set]=pallets/validator-set
)
# The runtime's weights of pallets and extensions from polkadot-sdk, measured here like ours:
# every signed transaction's extensions (frame_system's and the fee payment) and the token
# transfer, written to runtime/src/weights/ with the CLI's own template.
runtime_weights=(frame_system_extensions pallet_transaction_payment pallet_balances)
selected=("$@")
[ ${#selected[@]} -eq 0 ] && selected=(storage overhead "${!pallets[@]}" "${runtime_weights[@]}")

log "building the node with runtime-benchmarks"
# frame-benchmarking-cli builds a test runtime of its own from crates.io; the workspace hint would
# send its wasm builder looking for it in our workspace, where it is not.
(cd "$ROOT" && env -u WASM_BUILD_WORKSPACE_HINT \
	cargo build --release --locked -p confoederatio-node --features runtime-benchmarks)
bench="$CARGO_TARGET_DIR/release/confoederatio-benchmarks"
cp "$CARGO_TARGET_DIR/release/confoederatio" "$bench"

for pallet in "${selected[@]}"; do
	if [ "$pallet" = storage ]; then
		log "benchmarking the database (a read and a write of ParityDB) over the scale chain"
		db=$(mktemp -d)
		"$bench" benchmark storage --chain scale --base-path "$db" --state-version 1 \
			--database paritydb --header "$ROOT/scripts/templates/header.txt" \
			--weight-path "$ROOT/runtime/src/weights/"
		rm -rf "$db"
		continue
	elif [ "$pallet" = overhead ]; then
		log "benchmarking the empty block and the smallest extrinsic"
		"$bench" benchmark overhead --chain dev --wasm-execution compiled \
			--header "$ROOT/scripts/templates/header.txt" --weight-path "$ROOT/runtime/src/weights/"
		continue
	elif [ -n "${pallets[$pallet]:-}" ]; then
		output=(--template "$ROOT/scripts/templates/pallet-weights.hbs"
			--output "$ROOT/${pallets[$pallet]}/src/weights.rs")
	elif [[ " ${runtime_weights[*]} " == *" $pallet "* ]]; then
		output=(--output "$ROOT/runtime/src/weights/$pallet.rs")
	else
		echo "unknown pallet $pallet" >&2
		exit 1
	fi
	log "benchmarking $pallet"
	"$bench" benchmark pallet --chain dev --pallet "$pallet" --extrinsic '*' \
		--steps "${STEPS:-50}" --repeat "${REPEAT:-20}" --wasm-execution compiled \
		--heap-pages 4096 --header "$ROOT/scripts/templates/header.txt" "${output[@]}"
done
log "the default build's binary is rebuilt next time scripts/test.sh or run-dev.sh runs"
