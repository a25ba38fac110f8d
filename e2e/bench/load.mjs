// A load benchmark you can reproduce: one node on a chain spec of its own (the dev chain plus
// bench accounts), a short setup, then one phase per workload on the same node, one after the
// other. Each phase signs every transaction first, submits them all at once, follows the
// blocks until all are included, and reads from each block how many it held, whether they
// succeeded, whether they were free, how full the block was and how long the proposer took.
//
//   node e2e/bench/load.mjs                      (or ./scripts/bench.sh)
//   SENDERS=512 PER_SENDER=20 WORKLOADS=transfer,credit,across,dex,redeem,vote BENCH_OUT=results.json
//
// `runBenchmark(options)` does the same for the smoke test (e2e/tests/bench.test.mjs).

import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { BINARY, connect } from '../lib/node.mjs';
import { benchAccounts, removeSpec, startBenchNode, watchProposer, writeBenchSpec } from './chain.mjs';
import { formatTable, relate, summarize, toJson } from './report.mjs';
import { afterNextBlock, bestNumber, follow, Nonces, signRounds, Submitter } from './submit.mjs';
import { checkLimits, setUp, WORKLOAD_NAMES, WORKLOADS } from './workloads.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT = join(here, 'results.json');

/**
 * Runs the benchmark and resolves with `{ summaries, table, results }`; writes `results` as
 * JSON to `out` if given. Everything it starts (the node, connections, the spec's directory)
 * is stopped and removed before it returns or throws, and it throws once `timeoutMs` has
 * passed, whatever it was doing.
 *
 * - `senders`, `perSender`: how many accounts send, and how many transactions each sends per phase;
 * - `workloads`: which of `WORKLOAD_NAMES` to run (they always run in that order);
 * - `connections`: WebSocket connections to submit over;
 * - `poolLimit`, `poolKbytes`: the node's `--pool-limit` and `--pool-kbytes`;
 * - `aligned`: send each burst larger than the pool's future queue (a tenth of `poolLimit`)
 *   just after a block import (see `afterNextBlock`), the default;
 * - `phaseTimeoutMs`: how long a phase may wait for its transactions (by default 60 s plus 6 s
 *   for every 200 transactions);
 * - `log`: progress lines;
 * - `node`: a node already running on a spec from `writeBenchSpec` for the same `senders`
 *   (`{ wsUrl, log() }`, e.g. one started by hand with more logging), instead of starting one.
 */
export async function runBenchmark ({
  senders = 512,
  perSender = 20,
  workloads = WORKLOAD_NAMES,
  out = null,
  timeoutMs = 30 * 60_000,
  phaseTimeoutMs = null,
  connections = 8,
  poolLimit = 20_000,
  poolKbytes = 65_536,
  aligned = true,
  log = (line) => console.error(line),
  node = null
} = {}) {
  const unknown = workloads.filter((w) => !WORKLOADS[w]);
  if (unknown.length) throw new Error(`unknown workload(s) ${unknown.join(', ')}; known: ${WORKLOAD_NAMES.join(', ')}`);
  const selected = WORKLOAD_NAMES.filter((w) => workloads.includes(w));
  const warnings = checkLimits({ senders, perSender, workloads: selected });
  warnings.forEach((w) => log(`warning: ${w}`));

  const deadline = Date.now() + timeoutMs;
  const started = Date.now();
  const running = {};
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the benchmark did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([timeout, measure()]);
  } finally {
    clearTimeout(timer);
    running.proposer?.stop();
    await running.submitter?.close();
    await running.api?.disconnect().catch(() => {});
    await running.node?.stop();
    removeSpec(running.spec);
  }

  async function measure () {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const accounts = benchAccounts(keyring, senders);
    const [alice, bob, charlie, ferdie] = ['//Alice', '//Bob', '//Charlie', '//Ferdie'].map((uri) => keyring.addFromUri(uri));

    log(`chain spec: dev + ${senders} senders in the bakery, ${accounts.receivers.length} payees in the care collective`);
    if (!node) {
      running.spec = writeBenchSpec(accounts);
      // Also when the process is killed: node.mjs then kills the node and exits at once,
      // leaving the spec and the node's base path behind.
      process.once('exit', () => {
        removeSpec(running.spec);
        if (running.node) rmSync(running.node.basePath, { recursive: true, force: true });
      });
      running.node = await startBenchNode(running.spec.file, { poolLimit, poolKbytes }).catch((error) => {
        // scripts/benchmark.sh leaves a node built with `runtime-benchmarks` in the same place:
        // its runtime needs host functions only `benchmark pallet` provides.
        if (/ext_benchmarking/.test(error.message)) {
          error.message = `${BINARY} was built with runtime-benchmarks (scripts/benchmark.sh): ` +
            `build the default node first (./scripts/test.sh or ./scripts/run-dev.sh)\n${error.message}`;
        }
        throw error;
      });
    }
    const chain = node ?? running.node;
    running.proposer = watchProposer(chain);
    running.api = await connect(chain);
    running.submitter = await Submitter.open(chain.wsUrl, connections);
    const { api } = running;
    log(`node ${chain.wsUrl} (${BINARY}), started in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const nonces = new Nonces();
    const bench = {
      api,
      senders: accounts.senders,
      receivers: accounts.receivers,
      makers: [alice, bob, charlie],
      funder: ferdie,
      perSender,
      setup: null,
      /** Signs, submits and follows `jobs` until all are included; `{ phase data }`. */
      async run (jobs, { label, call = null }) {
        const t0 = Date.now();
        const rounds = await signRounds(api, nonces, jobs);
        const signed = rounds.flat();
        const signMs = Date.now() - t0;
        if (aligned && signed.length > poolLimit / 10) await afterNextBlock(api);
        const from = await bestNumber(api);
        const { accepted, rejected, ms: submitMs } = await running.submitter.submit(rounds);
        // A refused transaction's nonce was never used: the account's later ones wait for it
        // and are never included either.
        const wait = phaseTimeoutMs ?? 60_000 + 6_000 * Math.ceil(signed.length / 200);
        const { blocks, outcomes, missing } = await follow(api, accepted, {
          from,
          deadline: Math.min(deadline, Date.now() + wait),
          onBlock: (b) => { if (call && b.ours > 0) log(`  #${b.number}: ${b.ours} of ${label}, ${(b.fill * 100).toFixed(1)}% full`); }
        });
        running.proposer.read();
        return { name: label, call, submitted: signed.length, rejected, blocks, outcomes, missing, signMs, submitMs, ms: Date.now() - t0 };
      },
      /** Runs `jobs` and throws unless every one was included and succeeded; their outcomes. */
      async must (jobs, label) {
        const phase = await bench.run(jobs, { label });
        const failed = [...phase.outcomes.values()].filter((o) => !o.ok);
        const problems = [
          ...phase.rejected.map(({ tx, error }) => `${tx.call} refused: ${error}`),
          ...phase.missing.map((tx) => `${tx.call} never included`),
          ...failed.map((o) => `${o.tx.call} failed: ${o.error}`)
        ];
        if (problems.length) throw new Error(`${label}: ${problems.length} problem(s): ${[...new Set(problems)].slice(0, 5).join('; ')}`);
        log(`${label}: ${jobs.length} transaction(s) in ${(phase.ms / 1000).toFixed(1)} s`);
        return [...phase.outcomes.values()];
      }
    };

    const setupStarted = Date.now();
    bench.setup = await setUp(bench, selected);
    log(`setup done in ${((Date.now() - setupStarted) / 1000).toFixed(0)} s`);

    const summaries = [];
    for (const name of selected) {
      const workload = WORKLOADS[name];
      const jobs = [];
      for (let r = 0; r < perSender; r++) {
        bench.senders.forEach((pair, i) => jobs.push({ pair, tx: workload.tx(bench, i, r) }));
      }
      log(`phase ${name}: ${jobs.length} × ${workload.call}`);
      const phase = await bench.run(jobs, { label: name, call: workload.call });
      phase.unexpected = workload.check
        ? [...phase.outcomes.values()].filter((o) => o.ok).map(workload.check).filter(Boolean)
        : [];
      const summary = summarize(phase, running.proposer.blocks);
      summary.signMs = phase.signMs;
      summary.submitMs = phase.submitMs;
      summaries.push(summary);
      log(`phase ${name}: ${summary.included}/${summary.submitted} included in ${summary.blocks} block(s), ` +
        `${summary.failed} failed, signed in ${(phase.signMs / 1000).toFixed(1)} s, submitted in ${(phase.submitMs / 1000).toFixed(1)} s`);
      if (summary.missing > 0 || summary.rejected > 0) {
        // Their nonces were never used. If the pool let them go, the next phase signs from the
        // chain's nonces again; if it still holds some, the next phase's would wait behind them.
        const pending = (await api.rpc.author.pendingExtrinsics()).length;
        log(`phase ${name}: ${summary.rejected} refused, ${summary.missing} never included, ${pending} still in the pool`);
        if (pending > 0) { log('stopping here'); break; }
        nonces.clear();
      }
    }
    relate(summaries);
    const table = formatTable(summaries);
    const results = {
      date: new Date().toISOString(),
      binary: BINARY,
      version: (await api.rpc.system.version()).toString(),
      runtime: `${api.runtimeVersion.specName} ${api.runtimeVersion.specVersion}`,
      senders,
      perSender,
      workloads: selected,
      normalMaxRefTime: api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toNumber(),
      warnings,
      setup: { ms: bench.setup.ms, rounds: bench.setup.rounds },
      wallMs: Date.now() - started,
      summaries
    };
    if (out) writeFileSync(out, toJson(results));
    return { summaries, table, results };
  }
}

/** `node e2e/bench/load.mjs`: reads the knobs from the environment, prints the table. */
async function main () {
  const env = process.env;
  const timeoutMs = Number(env.BENCH_TIMEOUT ?? 1800) * 1000;
  // A last resort: whatever hangs, the process ends (and node.mjs kills the node on exit).
  setTimeout(() => { console.error('bench: hard timeout, exiting'); process.exit(2); }, timeoutMs + 60_000).unref();
  const out = resolve(env.BENCH_OUT ?? DEFAULT_OUT);
  const { table, results } = await runBenchmark({
    senders: Number(env.SENDERS ?? 512),
    perSender: Number(env.PER_SENDER ?? 20),
    workloads: (env.WORKLOADS ?? WORKLOAD_NAMES.join(',')).split(/[\s,]+/).filter(Boolean),
    connections: Number(env.CONNECTIONS ?? 8),
    poolLimit: Number(env.POOL_LIMIT ?? 20_000),
    poolKbytes: Number(env.POOL_KBYTES ?? 65_536),
    aligned: env.ALIGNED !== '0',
    timeoutMs,
    out
  });
  console.log(`\n${results.senders} senders × ${results.perSender} transactions per workload; ${results.version}, runtime ${results.runtime}\n`);
  console.log(table);
  console.log(`\nwall time ${(results.wallMs / 1000).toFixed(0)} s (setup ${(results.setup.ms / 1000).toFixed(0)} s); results in ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
}
