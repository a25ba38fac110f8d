#!/usr/bin/env bash
# Storage growth with 100,000 members: measures, side by side, the `dev` chain (the baseline)
# and the `scale` chain (the dev chain plus 100 cooperatives × 1,000 members, each with a credit
# account): `build-spec --raw` time and the raw spec's size and keys, a validator's time to
# write its genesis and to produce block #1, its memory (VmRSS, VmHWM) and database size after
# BLOCKS blocks, a full node's time to sync those blocks, its block import time and its memory,
# and the validator restarted on its database (no genesis to write). Prints one table and writes
# the same as JSON. See e2e/scale/measure.mjs.
#
#   ./scripts/scale.sh                                   dev and scale, 20 blocks
#   CHAINS=scale BLOCKS=10 ./scripts/scale.sh
#   CONFOEDERATIO_BIN=/tmp/confoederatio-scale-bin ./scripts/scale.sh
#
# Knobs (environment): CHAINS (dev,scale), BLOCKS (20), SCALE_OUT (e2e/scale/results.json),
# SCALE_LOGS (e2e/scale/logs: each node's log, timestamped), SCALE_TIMEOUT (1200 s, for the
# whole run, waits for a quiet machine included), LOAD_MAX (1.5), LOAD_WAIT (300 s) and
# LOAD_BUDGET (480 s): before each timed step, wait at most LOAD_WAIT seconds (LOAD_BUDGET in
# all) for the 1-minute load average to fall below LOAD_MAX; the table shows the load each step
# was measured at.
#
# It never builds: the node binary ($CONFOEDERATIO_BIN) must be there already. Nodes listen on
# 127.0.0.1 only, on free ports, with base paths in a temporary directory that is removed at
# exit; every node is stopped at exit, however the run ends.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

require_built_node_and_e2e

export CHAINS="${CHAINS:-dev,scale}"
export BLOCKS="${BLOCKS:-20}"
export SCALE_OUT="${SCALE_OUT:-$ROOT/e2e/scale/results.json}"
export SCALE_TIMEOUT="${SCALE_TIMEOUT:-1200}"
export SCALE_TMP
SCALE_TMP="$(mktemp -d -t confoederatio-scale.XXXXXX)"

# measure.mjs stops its nodes itself, on every exit it sees: here it runs in the background so
# that on Ctrl-C or SIGTERM this trap runs at once and passes the signal on. For the one exit it
# cannot see (being killed), each pid it started is in $SCALE_TMP/pids, killed here if alive.
runner=""
cleanup() {
	trap - INT TERM EXIT
	if [ -n "$runner" ] && kill -0 "$runner" 2>/dev/null; then
		kill -TERM "$runner" 2>/dev/null || true
		wait "$runner" 2>/dev/null || true
	fi
	if [ -f "$SCALE_TMP/pids" ]; then
		local bin
		bin="$(readlink -f "$CONFOEDERATIO_BIN")"
		while read -r pid; do
			# Only if that pid is still our node binary (not a pid the system has reused).
			case "$(readlink "/proc/$pid/exe" 2>/dev/null || true)" in
				"$bin" | "$bin (deleted)") kill -9 "$pid" 2>/dev/null || true ;;
			esac
		done < "$SCALE_TMP/pids"
	fi
	rm -rf "$SCALE_TMP"
}
trap cleanup INT TERM EXIT

log "storage growth: $CHAINS, $BLOCKS blocks ($("$CONFOEDERATIO_BIN" --version)); load now $(cut -d' ' -f1-3 /proc/loadavg)"
# A backstop a minute past the run's own timeout: timeout's SIGTERM lets measure.mjs stop its
# nodes (and timeout passes on the SIGTERM of the trap above).
timeout --kill-after=30 "$((SCALE_TIMEOUT + 60))" node "$ROOT/e2e/scale/measure.mjs" &
runner=$!
wait "$runner"
