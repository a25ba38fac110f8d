#!/usr/bin/env bash
# Runs every test: the Rust unit, runtime and node tests, then the end-to-end tests against real
# nodes. Exits non-zero if any fails.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

start=$(date +%s)
"$ROOT/scripts/setup.sh"
build_node

log "Rust tests: pallets (mock runtimes), runtime, node"
# The upgrade-test runtime shares the runtime's sources: its tests would run twice.
(cd "$ROOT" && cargo test --release --locked --workspace --exclude confoederatio-runtime-upgrade-test)

log "benchmark tests: every benchmark runs once on the pallets' mock runtimes"
(cd "$ROOT" && cargo test --release --locked --features runtime-benchmarks \
	-p pallet-cooperatives -p pallet-holistic-voting -p pallet-mutual-credit \
	-p pallet-care-reputation -p pallet-redemption -p pallet-federated-dex -p pallet-member-quota \
	-p pallet-validator-set)

log "the app: unit tests, then its build (type check and bundle) for the browser tests"
(cd "$ROOT/app" && npm test --silent && npm run build)

log "end-to-end tests (real nodes on loopback, three files at a time)"
# Each file starts its own nodes on free ports; they mostly wait for 6-second blocks, so three
# files share the two cores well. The limit is per file: validators.test.mjs waits for several
# sessions and three federation votes (about 10 minutes alone), the others take a few minutes.
(cd "$ROOT/e2e" && node --test --test-concurrency=3 --test-timeout=900000 tests/)

log "all tests passed in $(( $(date +%s) - start )) s"
