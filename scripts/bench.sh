#!/usr/bin/env bash
# A load benchmark you can reproduce: starts one node on a chain spec of its own (the dev chain
# plus SENDERS funded bench accounts, members of the demo cooperatives), sets up what the
# workloads need, and runs each workload as a phase of SENDERS × PER_SENDER pre-signed
# transactions; prints, side by side, transactions per full block and per second, block fill,
# proposer time, the ratio to a token transfer, failures and free/paid, and writes the same as
# JSON. See e2e/bench/README.md.
#
#   ./scripts/bench.sh                                     512 senders × 20, every workload
#   SENDERS=64 PER_SENDER=5 WORKLOADS=transfer,dex ./scripts/bench.sh
#
# Knobs (environment): SENDERS (512), PER_SENDER (20), WORKLOADS (transfer,credit,across,dex,
# redeem,vote), BENCH_OUT (e2e/bench/results.json), BENCH_TIMEOUT (1800 s, for the whole run),
# POOL_LIMIT (20000), POOL_KBYTES (65536), CONNECTIONS (8), ALIGNED (1).
#
# It never builds: the node binary ($CONFOEDERATIO_BIN) must be there already.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

require_built_node_and_e2e

export SENDERS="${SENDERS:-512}"
export PER_SENDER="${PER_SENDER:-20}"
export WORKLOADS="${WORKLOADS:-transfer,credit,across,dex,redeem,vote}"
export BENCH_OUT="${BENCH_OUT:-$ROOT/e2e/bench/results.json}"

log "load benchmark: $SENDERS senders × $PER_SENDER transactions, workloads $WORKLOADS ($("$CONFOEDERATIO_BIN" --version))"
exec node "$ROOT/e2e/bench/load.mjs"
