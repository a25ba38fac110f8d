// Storage growth, measured the same way every time: for each chain (by default `dev`, the
// baseline, and `scale`, the dev chain plus 100 cooperatives × 1,000 members with a credit
// account each), one after the other on the same machine:
//
// 1. `build-spec --chain <c> --raw`: how long it takes, its peak memory, the raw spec's size and
//    how many storage keys its genesis holds (`genesis.raw.top`);
// 2. a validator (Alice alone, `--force-authoring`) started on that raw spec: how long until its
//    RPC answers (most of it is writing the genesis state), until block #1, its memory (VmRSS and
//    VmHWM) and database size just after start and after BLOCKS blocks, and its proposer's times;
// 3. a full node started then on the same spec, with the validator as its only bootnode: how long
//    until its RPC answers, until it has a peer and until it has imported the validator's best
//    block, its memory, and the block import time from its Prometheus metrics and its log;
// 4. the validator restarted on its own database: how long until its RPC answers and the memory
//    it holds when it has no genesis to write.
//
// Before each timed step it waits (at most LOAD_WAIT seconds, LOAD_BUDGET in all) until the
// machine's 1-minute load average is below LOAD_MAX, and it records the load average at each
// step, so that numbers taken on a busy machine can be told apart. Prints one table and writes
// the same as JSON.
//
//   node e2e/scale/measure.mjs                      (or ./scripts/scale.sh, which sets these)
//   CHAINS=dev,scale BLOCKS=20 SCALE_OUT=results.json SCALE_LOGS=logs SCALE_TIMEOUT=1200
//   LOAD_MAX=1.5 LOAD_WAIT=300 LOAD_BUDGET=480 SCALE_TMP=/tmp/dir
//
// Everything it starts is stopped before it exits, whether it succeeds, fails, times out or is
// interrupted; each node's pid is also written to $SCALE_TMP/pids for scripts/scale.sh's trap.

import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, closeSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { BINARY, freePort, rpc } from '../lib/node.mjs';

const here = dirname(fileURLToPath(import.meta.url));

const CHAINS = (process.env.CHAINS ?? 'dev,scale').split(',').map((c) => c.trim()).filter(Boolean);
const BLOCKS = Number(process.env.BLOCKS ?? 20);
const OUT = process.env.SCALE_OUT ?? join(here, 'results.json');
const LOGS = process.env.SCALE_LOGS ?? join(here, 'logs');
const TIMEOUT_S = Number(process.env.SCALE_TIMEOUT ?? 1200);
const LOAD_MAX = Number(process.env.LOAD_MAX ?? 1.5);
const LOAD_WAIT_S = Number(process.env.LOAD_WAIT ?? 300);
const LOAD_BUDGET_S = Number(process.env.LOAD_BUDGET ?? 480);
const TMP = process.env.SCALE_TMP ?? mkdtempSync(join(tmpdir(), 'confoederatio-scale-'));
const ownTmp = !process.env.SCALE_TMP;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

// ---------------------------------------------------------------------------------------------
// Processes: every child is remembered, killed on any exit, and its pid written for the script.

const children = new Set();
for (const signal of ['exit', 'SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGKILL');
    if (signal !== 'exit') process.exit(1);
  });
}
function track (child) {
  children.add(child);
  appendFileSync(join(TMP, 'pids'), `${child.pid}\n`);
  child.on('exit', () => children.delete(child));
  return child;
}

// ---------------------------------------------------------------------------------------------
// What the machine and a process look like now.

/** The load averages over 1, 5 and 15 minutes. */
function loadavg () {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
}

/** VmRSS and VmHWM of a live process, in bytes; null once it is gone. */
function memory (pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN) * 1024;
    const [rss, hwm] = [field('VmRSS'), field('VmHWM')];
    // A process that has exited but not yet been reaped has no such lines.
    return Number.isNaN(rss) ? null : { rss, hwm };
  } catch {
    return null;
  }
}

/** `du -sb` of a directory, in bytes (0 if it does not exist). */
function diskUsage (path) {
  if (!existsSync(path)) return 0;
  return Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]);
}

/** `du -s -B1` of a directory: the bytes allocated on disk (0 if it does not exist). */
function diskAllocated (path) {
  if (!existsSync(path)) return 0;
  return Number(execFileSync('du', ['-s', '-B1', path], { encoding: 'utf8' }).split('\t')[0]);
}

let waitedInAll = 0;
/**
 * Waits until the 1-minute load average is below LOAD_MAX, at most LOAD_WAIT seconds each time
 * and LOAD_BUDGET seconds in all (so that a machine that stays busy cannot use up the run's
 * timeout); the measurement then goes ahead, and the load it was taken at says so. Returns
 * what it saw.
 */
async function waitForQuiet (what) {
  const started = Date.now();
  const limit = Math.max(0, Math.min(LOAD_WAIT_S, LOAD_BUDGET_S - waitedInAll)) * 1000;
  let load = loadavg();
  if (load[0] >= LOAD_MAX) log(`${what}: load ${load.join(' ')}, waiting (at most ${limit / 1000} s) for it to fall below ${LOAD_MAX}`);
  while (load[0] >= LOAD_MAX && Date.now() - started < limit) {
    await sleep(5000);
    load = loadavg();
  }
  const waited = Math.round((Date.now() - started) / 1000);
  waitedInAll += waited;
  if (load[0] >= LOAD_MAX) log(`${what}: still at load ${load[0]} after ${waited} s; measuring anyway`);
  return { loadavg: load, waitedS: waited, quiet: load[0] < LOAD_MAX };
}

// ---------------------------------------------------------------------------------------------
// Step 1: the raw chain spec.

/**
 * Runs `build-spec --chain <chain> --raw` into `file`; its wall time, its peak memory (VmHWM,
 * sampled every 50 ms while it runs) and what the spec holds.
 */
async function buildSpec (chain, file) {
  const started = Date.now();
  const child = track(spawn(BINARY, ['build-spec', '--chain', chain, '--raw'], { stdio: ['ignore', 'pipe', 'pipe'] }));
  const written = new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('close', resolve).on('error', reject);
    child.stdout.pipe(out);
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-5000); });
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, memory(child.pid)?.hwm || 0); }, 50);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const ms = Date.now() - started;
  await written;
  if (code !== 0) throw new Error(`build-spec --chain ${chain} --raw failed (${code}):\n${stderr}`);

  const bytes = statSync(file).size;
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  const top = spec.genesis.raw.top;
  const keys = Object.keys(top);
  const childTries = Object.values(spec.genesis.raw.childrenDefault ?? {});
  // Bytes of keys and values (each hex string is twice its bytes, plus "0x"), the code apart.
  const hexBytes = (hex) => (hex.length - 2) / 2;
  const code_ = top['0x3a636f6465'] ?? '0x';
  const stateBytes = keys.reduce((sum, key) => sum + hexBytes(key) + hexBytes(top[key]), 0);
  return {
    ms,
    peakMemory: peak,
    bytes,
    id: spec.id,
    topKeys: keys.length,
    childTries: childTries.length,
    childKeys: childTries.reduce((sum, trie) => sum + Object.keys(trie).length, 0),
    codeBytes: hexBytes(code_),
    stateBytesWithoutCode: stateBytes - hexBytes(code_) - 5
  };
}

/**
 * The spec the nodes run: the same file with its `bootNodes` emptied (the presets name
 * 127.0.0.1:30333, where a dev node of someone else's could answer with the same genesis), so
 * that the full node syncs from the validator alone. Only the header before the genesis changes.
 */
function withoutBootNodes (file, out) {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(4096);
  const read = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = head.subarray(0, read).toString('utf8');
  const cut = text.indexOf('"genesis"');
  const replaced = text.slice(0, cut).replace(/"bootNodes":\s*\[[^\]]*\]/, '"bootNodes": []');
  const rest = readFileSync(file).subarray(Buffer.byteLength(text.slice(0, cut)));
  writeFileSync(out, Buffer.concat([Buffer.from(replaced), rest]));
}

// ---------------------------------------------------------------------------------------------
// Steps 2 and 3: nodes on loopback.

/**
 * Starts a node on `spec` with its own base path and loopback ports (as e2e/lib/node.mjs does),
 * its log timestamped line by line (milliseconds since its start) in `lines` and in `logFile`.
 * Resolves once its RPC answers, with the time that took.
 */
async function startNode ({ name, spec, args, logFile, timeoutMs }) {
  const [rpcPort, p2pPort, prometheusPort] = [await freePort(), await freePort(), await freePort()];
  const basePath = join(TMP, name);
  const fullArgs = [
    '--chain', spec, ...args,
    '--name', name,
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--prometheus-port', String(prometheusPort),
    '--no-mdns', '--no-telemetry', '--allow-private-ip'
  ];
  const started = Date.now();
  const child = track(spawn(BINARY, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] }));
  const file = createWriteStream(logFile);
  const lines = [];
  let partial = '';
  const keep = (chunk) => {
    const at = Date.now() - started;
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop();
    for (const raw of parts) {
      const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
      lines.push({ at, line });
      file.write(`+${(at / 1000).toFixed(3)}s ${line}\n`);
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  let stopped = false;
  const exit = new Promise((resolve) => child.on('exit', (code) => { exited = true; resolve(code); }));

  const node = {
    name,
    pid: child.pid,
    rpcPort,
    p2pPort,
    prometheusPort,
    basePath,
    started,
    lines,
    args: fullArgs,
    /** Milliseconds from start to the first log line matching `pattern`, or null. */
    firstLine: (pattern) => lines.find(({ line }) => pattern.test(line)) ?? null,
    tail: (n = 30) => lines.slice(-n).map(({ line }) => line).join('\n'),
    async stop () {
      if (stopped) return;
      stopped = true;
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exit;
        clearTimeout(timer);
      }
      file.end();
    }
  };
  const deadline = started + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} exited before its RPC answered:\n${node.tail()}`);
    if (await rpc(rpcPort, 'system_health')) {
      node.rpcReadyMs = Date.now() - started;
      return node;
    }
    await sleep(100);
  }
  await node.stop();
  throw new Error(`${name}: RPC did not answer within ${timeoutMs / 1000} s:\n${node.tail()}`);
}

/** The node's best block number (null if it does not answer). */
async function bestNumber (node) {
  const header = await rpc(node.rpcPort, 'chain_getHeader');
  return header ? parseInt(header.number, 16) : null;
}

/**
 * Polls (every 50 ms) until the full node's best block is at least `number`; ms since its start,
 * and when it first had a peer (`system_health`), so that connecting and syncing are apart.
 */
async function waitForSync (node, number, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let peerMs = null;
  while (Date.now() < deadline) {
    const [health, best] = await Promise.all([rpc(node.rpcPort, 'system_health'), bestNumber(node)]);
    const now = Date.now() - node.started;
    if (peerMs === null && health?.peers > 0) peerMs = now;
    if (best !== null && best >= number) return { ms: now, peerMs: peerMs ?? now, best };
    await sleep(50);
  }
  throw new Error(`${node.name}: did not sync to #${number} within ${timeoutMs / 1000} s:\n${node.tail()}`);
}

/** Polls (every 100 ms) until the node's best block is at least `number`; ms since its start. */
async function waitForBest (node, number, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const best = await bestNumber(node);
    if (best !== null && best >= number) return { ms: Date.now() - node.started, best };
    await sleep(100);
  }
  throw new Error(`${node.name}: best block did not reach #${number} within ${timeoutMs / 1000} s:\n${node.tail()}`);
}

/** The database directory of a node: chains/<id>/paritydb or chains/<id>/db. */
function databaseDir (node, chainId) {
  const chainDir = join(node.basePath, 'chains', chainId);
  for (const name of ['paritydb', 'db']) {
    if (existsSync(join(chainDir, name))) return join(chainDir, name);
  }
  return chainDir;
}

/**
 * A node's database on disk: `du -sb` (the files' sizes, as asked) and what is allocated on
 * disk (ParityDb's index files are sparse, so the two differ), and for ParityDb by kind of file:
 * its write-ahead `log*` files, `index_*` and value `table_*` files.
 */
function database (node, chainId) {
  const dir = databaseDir(node, chainId);
  const kinds = {};
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) { walk(full); continue; }
      const kind = entry.name.match(/^(log|index|table)/)?.[1] ?? 'other';
      const stat = statSync(full);
      kinds[kind] = (kinds[kind] ?? 0) + stat.size;
    }
  };
  if (existsSync(dir)) walk(dir);
  return { dir: dir.slice(node.basePath.length + 1), bytes: diskUsage(dir), allocated: diskAllocated(dir), kinds };
}

/** Sum and count of a Prometheus histogram (all label sets added up), or null. */
async function histogram (node, metric) {
  let text;
  try {
    text = await (await fetch(`http://127.0.0.1:${node.prometheusPort}/metrics`, { signal: AbortSignal.timeout(3000) })).text();
  } catch {
    return null;
  }
  let sum = 0; let count = 0; let found = false;
  for (const line of text.split('\n')) {
    const match = line.match(new RegExp(`^${metric}_(sum|count)(?:\\{[^}]*\\})? ([0-9.e+-]+)$`));
    if (!match) continue;
    found = true;
    if (match[1] === 'sum') sum += Number(match[2]); else count += Number(match[2]);
  }
  return found ? { sum, count, mean: count ? sum / count : null } : null;
}

/**
 * When the start-up log lines arrived (ms since the node's start): the chain spec loaded
 * (`📋 Chain specification`, printed once the spec file is parsed), the genesis block and state
 * built (`🔨 Initializing Genesis`, printed once its state root is computed; writing it follows)
 * and the database ready (`📦 Highest known block`). The node's timestamps have whole seconds;
 * these are when the lines reached us, and lines written together arrive together.
 */
function startLines (node) {
  const at = (pattern) => node.firstLine(pattern)?.at ?? null;
  return {
    specLoadedMs: at(/Chain specification/),
    genesisBuiltMs: at(/Initializing Genesis/),
    highestKnownMs: at(/Highest known block/)
  };
}

/** The proposer's `Prepared block for proposing at N (X ms)` lines: count, mean and max of X. */
function proposerTimes (node) {
  const ms = node.lines
    .map(({ line }) => line.match(/Prepared block for proposing at (\d+) \((\d+) ms\)/))
    .filter(Boolean)
    .map((m) => Number(m[2]));
  if (!ms.length) return null;
  return { blocks: ms.length, meanMs: ms.reduce((a, b) => a + b, 0) / ms.length, maxMs: Math.max(...ms) };
}

/**
 * What the full node's log says about the import: when it first logged a block imported (or a
 * sync line), and when it logged the target's import; `✨ Imported #N` lines come from the
 * informant, `⚙️ Syncing` lines every 5 s while it is far behind.
 */
function importFromLog (node, target) {
  const imported = node.lines
    .map(({ at, line }) => ({ at, m: line.match(/Imported #(\d+)/) }))
    .filter(({ m }) => m)
    .map(({ at, m }) => ({ at, number: Number(m[1]) }));
  const syncing = node.lines.filter(({ line }) => /Syncing|Preparing|Downloading/.test(line));
  const reached = imported.find(({ number }) => number >= target);
  return {
    importedLines: imported.length,
    firstImportedAtMs: imported[0]?.at ?? null,
    firstImportedNumber: imported[0]?.number ?? null,
    targetImportedAtMs: reached?.at ?? null,
    syncLines: syncing.map(({ at, line }) => `+${(at / 1000).toFixed(1)}s ${line.replace(/^\S+ \S+\s+/, '')}`)
  };
}

// ---------------------------------------------------------------------------------------------
// One chain, all three steps.

/** Measures one chain into `result`, step by step (what a failure leaves out stays empty). */
async function measureChain (chain, result, deadline) {
  const left = () => Math.max(1000, deadline - Date.now());

  // 1. The raw spec.
  result.buildSpecLoad = await waitForQuiet(`${chain}: build-spec`);
  log(`${chain}: build-spec --raw`);
  const rawFile = join(TMP, `${chain}.raw.json`);
  result.spec = await buildSpec(chain, rawFile);
  log(`${chain}: ${(result.spec.bytes / 1e6).toFixed(1)} MB, ${result.spec.topKeys} keys, ${(result.spec.ms / 1000).toFixed(1)} s`);
  const nodeSpec = join(TMP, `${chain}.nodes.json`);
  withoutBootNodes(rawFile, nodeSpec);
  rmSync(rawFile);
  const chainId = result.spec.id;

  // 2. The validator.
  result.validatorLoad = await waitForQuiet(`${chain}: validator`);
  log(`${chain}: starting the validator`);
  const validatorOptions = {
    name: `${chain}-validator`,
    spec: nodeSpec,
    // A validator needs a node key of its own on a chain spec (only `--dev` makes one up):
    // a fixed one, as scripts/local-testnet.sh gives its validators.
    args: ['--alice', '--validator', '--force-authoring', '--node-key', '1'.padStart(64, '0')],
    logFile: join(LOGS, `${chain}-validator.log`),
    timeoutMs: Math.min(left(), 600_000)
  };
  let validator = await startNode(validatorOptions);
  let full = null;
  try {
    const atReady = { memory: memory(validator.pid), db: database(validator, chainId) };
    const block1 = await waitForBest(validator, 1, Math.min(left(), 120_000));
    log(`${chain}: validator RPC after ${validator.rpcReadyMs} ms, block #1 after ${block1.ms} ms; waiting for #${BLOCKS}`);
    const blocks = await waitForBest(validator, BLOCKS, Math.min(left(), (BLOCKS * 6 * 2 + 60) * 1000));
    // Let the last block's import settle before looking at memory and disk.
    await sleep(1000);
    result.validator = {
      rpcReadyMs: validator.rpcReadyMs,
      ...startLines(validator),
      block1Ms: block1.ms,
      atReady,
      afterBlocks: {
        best: await bestNumber(validator),
        atMs: Date.now() - validator.started,
        memory: memory(validator.pid),
        db: database(validator, chainId),
        basePathBytes: diskUsage(validator.basePath),
        loadavg: loadavg()
      },
      // (Its own blocks do not go through the import queue: no import-time metric for them.)
      proposer: proposerTimes(validator)
    };
    log(`${chain}: after #${blocks.best}: RSS ${mb(result.validator.afterBlocks.memory?.rss)}, HWM ${mb(result.validator.afterBlocks.memory?.hwm)}, db ${mb(result.validator.afterBlocks.db.bytes)}`);

    // 3. A full node that syncs those blocks from the validator alone.
    result.fullNodeLoad = await waitForQuiet(`${chain}: full node`);
    const peerId = await rpc(validator.rpcPort, 'system_localPeerId');
    const bootnode = `/ip4/127.0.0.1/tcp/${validator.p2pPort}/p2p/${peerId}`;
    const target = await bestNumber(validator);
    log(`${chain}: starting the full node, to sync up to #${target} from ${bootnode}`);
    full = await startNode({
      name: `${chain}-full`,
      spec: nodeSpec,
      args: ['--bootnodes', bootnode],
      logFile: join(LOGS, `${chain}-full.log`),
      timeoutMs: Math.min(left(), 600_000)
    });
    const fullAtReady = { memory: memory(full.pid), db: database(full, chainId) };
    const synced = await waitForSync(full, target, Math.min(left(), 300_000));
    await sleep(1000);
    result.fullNode = {
      target,
      rpcReadyMs: full.rpcReadyMs,
      ...startLines(full),
      peerMs: synced.peerMs,
      syncedMs: synced.ms,
      atReady: fullAtReady,
      afterSync: {
        best: await bestNumber(full),
        memory: memory(full.pid),
        db: database(full, chainId),
        loadavg: loadavg()
      },
      importTime: await histogram(full, 'substrate_block_verification_and_import_time'),
      verificationTime: await histogram(full, 'substrate_block_verification_time'),
      log: importFromLog(full, target)
    };
    log(`${chain}: full node RPC after ${full.rpcReadyMs} ms, at #${target} after ${synced.ms} ms, HWM ${mb(result.fullNode.afterSync.memory?.hwm)}`);
    await full.stop();

    // 4. The validator again, on the database it wrote: what a restart costs and what memory
    // it holds once no genesis is to be written (its spec is still read).
    await validator.stop();
    result.restartLoad = await waitForQuiet(`${chain}: restart`);
    log(`${chain}: restarting the validator on its database`);
    validator = await startNode({ ...validatorOptions, logFile: join(LOGS, `${chain}-validator-restart.log`), timeoutMs: Math.min(left(), 600_000) });
    const before = await bestNumber(validator);
    const next = await waitForBest(validator, before + 2, Math.min(left(), 60_000));
    await sleep(1000);
    result.restart = {
      rpcReadyMs: validator.rpcReadyMs,
      ...startLines(validator),
      bestAtReady: before,
      nextBlocksMs: next.ms,
      memory: memory(validator.pid),
      db: database(validator, chainId),
      loadavg: loadavg()
    };
    log(`${chain}: restarted: RPC after ${validator.rpcReadyMs} ms, RSS ${mb(result.restart.memory?.rss)}, HWM ${mb(result.restart.memory?.hwm)}`);
  } finally {
    await full?.stop();
    await validator.stop();
    rmSync(join(TMP, `${chain}-validator`), { recursive: true, force: true });
    rmSync(join(TMP, `${chain}-full`), { recursive: true, force: true });
    rmSync(nodeSpec, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The table.

const mb = (bytes) => (bytes == null || Number.isNaN(bytes)
  ? '–'
  : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1048576).toFixed(1)} MiB`);
const sec = (ms) => (ms == null ? '–' : `${(ms / 1000).toFixed(2)} s`);
const num = (n) => (n == null ? '–' : n.toLocaleString('en-US'));
const load = (l) => (l ? `${l.loadavg.map((x) => x.toFixed(2)).join(' ')}${l.waitedS ? ` (waited ${l.waitedS} s)` : ''}` : '–');
const msOf = (h) => (h?.mean == null ? '–' : `${(h.mean * 1000).toFixed(1)} ms × ${h.count}`);

function formatTable (results) {
  const memoryOf = (m) => `${mb(m?.rss)} / ${mb(m?.hwm)}`;
  // `du -sb`, and what is allocated on disk when that differs by more than a tenth.
  const dbOf = (db) => (db ? `${mb(db.bytes)}${Math.abs(db.allocated - db.bytes) > db.bytes / 10 ? ` (${mb(db.allocated)} on disk)` : ''}` : '–');
  const loads = (l) => (l ? l.map((x) => x.toFixed(2)).join(' ') : '–');
  const between = (a, b) => (a == null || b == null ? null : b - a);
  const rows = [
    ['**build-spec --raw**'],
    ['load average (1/5/15 min) before', (r) => load(r.buildSpecLoad)],
    ['time', (r) => sec(r.spec?.ms)],
    ['peak memory (VmHWM, sampled)', (r) => mb(r.spec?.peakMemory)],
    ['raw spec size', (r) => mb(r.spec?.bytes)],
    ['keys in genesis.raw.top', (r) => num(r.spec?.topKeys)],
    ['keys + values without :code', (r) => mb(r.spec?.stateBytesWithoutCode)],
    ['**validator** (--alice --force-authoring)'],
    ['load average before start', (r) => load(r.validatorLoad)],
    ['start → genesis root computed (log)', (r) => sec(r.validator?.genesisBuiltMs)],
    ['start → RPC answers (genesis written)', (r) => sec(r.validator?.rpcReadyMs)],
    ['start → block #1 (Aura slot: up to 6 s)', (r) => sec(r.validator?.block1Ms)],
    ['VmRSS / VmHWM at RPC ready', (r) => memoryOf(r.validator?.atReady.memory)],
    ['database at RPC ready', (r) => dbOf(r.validator?.atReady.db)],
    [`after #${BLOCKS}: VmRSS / VmHWM`, (r) => memoryOf(r.validator?.afterBlocks.memory)],
    [`after #${BLOCKS}: database`, (r) => dbOf(r.validator?.afterBlocks.db)],
    [`after #${BLOCKS}: load average`, (r) => loads(r.validator?.afterBlocks.loadavg)],
    ['proposer time, mean / max', (r) => (r.validator?.proposer ? `${r.validator.proposer.meanMs.toFixed(1)} / ${r.validator.proposer.maxMs} ms (${r.validator.proposer.blocks} blocks)` : '–')],
    ['**full node** (syncs from the validator)'],
    ['load average before start', (r) => load(r.fullNodeLoad)],
    ['blocks to import (validator\'s best)', (r) => num(r.fullNode?.target)],
    ['start → genesis root computed (log)', (r) => sec(r.fullNode?.genesisBuiltMs)],
    ['start → RPC answers (genesis written)', (r) => sec(r.fullNode?.rpcReadyMs)],
    ['start → first peer', (r) => sec(r.fullNode?.peerMs)],
    ['start → at the validator\'s best', (r) => sec(r.fullNode?.syncedMs)],
    ['first peer → at the validator\'s best (50 ms polls)', (r) => sec(between(r.fullNode?.peerMs, r.fullNode?.syncedMs))],
    ['block verification + import, mean × blocks', (r) => msOf(r.fullNode?.importTime)],
    ['"Imported #N" log lines', (r) => {
      const l = r.fullNode?.log;
      if (!l) return '–';
      if (!l.importedLines) return 'none';
      return `${l.importedLines}, first → target ${sec(between(l.firstImportedAtMs, l.targetImportedAtMs))}`;
    }],
    ['VmRSS / VmHWM at RPC ready', (r) => memoryOf(r.fullNode?.atReady.memory)],
    ['VmRSS / VmHWM after sync', (r) => memoryOf(r.fullNode?.afterSync.memory)],
    ['database after sync', (r) => dbOf(r.fullNode?.afterSync.db)],
    ['load average after sync', (r) => loads(r.fullNode?.afterSync.loadavg)],
    ['**validator restarted** on its database'],
    ['load average before start', (r) => load(r.restartLoad)],
    ['start → RPC answers', (r) => sec(r.restart?.rpcReadyMs)],
    ['VmRSS / VmHWM 2 blocks later', (r) => memoryOf(r.restart?.memory)],
    ['database', (r) => dbOf(r.restart?.db)],
    ['load average', (r) => loads(r.restart?.loadavg)]
  ];
  const header = ['', ...results.map((r) => `\`${r.chain}\``)];
  const body = rows.map(([label, cell]) => [label, ...results.map((r) => (cell ? cell(r) : ''))]);
  const widths = header.map((_, i) => Math.max(header[i].length, ...body.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

const LEGEND = `
Memory is VmRSS / VmHWM from /proc/<pid>/status. The database is \`du -sb\` of
chains/<id>/paritydb, with what is allocated on disk when that differs: ParityDb first writes
everything to its log files and moves it into its index and value tables later (in the
background once the log is large, else at the next start), and its index files are sparse.
The blocks are empty (no transactions). Import time is the full node's Prometheus histogram
substrate_block_verification_and_import_time; a full node far enough behind syncs in major-sync
mode, where the log prints no "Imported #N" lines.`;

// ---------------------------------------------------------------------------------------------

async function main () {
  if (!existsSync(BINARY)) throw new Error(`no node binary at ${BINARY}`);
  mkdirSync(LOGS, { recursive: true });
  const version = execFileSync(BINARY, ['--version'], { encoding: 'utf8' }).trim();
  const deadline = Date.now() + TIMEOUT_S * 1000;
  log(`storage growth: chains ${CHAINS.join(', ')}, ${BLOCKS} blocks, ${version}, timeout ${TIMEOUT_S} s; logs in ${LOGS}`);

  const results = [];
  let failure = null;
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not finished within ${TIMEOUT_S} s`)), TIMEOUT_S * 1000);
  });
  try {
    for (const chain of CHAINS) {
      const result = { chain };
      results.push(result);
      // If the timeout wins the race, what measureChain still runs is stopped when the process
      // exits (the `exit` handler kills whatever node is left).
      await Promise.race([timeout, measureChain(chain, result, deadline)]);
    }
  } catch (error) {
    failure = error;
  } finally {
    clearTimeout(timer);
  }

  const json = {
    binary: BINARY,
    version,
    date: new Date().toISOString(),
    cpus: (await import('node:os')).cpus().length,
    blocks: BLOCKS,
    loadMax: LOAD_MAX,
    error: failure ? String(failure.message ?? failure) : null,
    results
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(json, null, 2) + '\n');
  console.log(formatTable(results));
  console.log(LEGEND);
  console.log(`\n${version}, ${json.cpus} CPUs; results in ${OUT}, node logs in ${LOGS}`);
  if (failure) {
    console.error(`\nfailed: ${failure.message}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  // After a timeout a measurement may still be polling: nothing it started outlives this.
  for (const child of children) child.kill('SIGKILL');
  if (ownTmp) rmSync(TMP, { recursive: true, force: true });
  process.exit();
}
