// The benchmark's own chain: the `dev` chain spec exported by the node and patched here with
// the bench accounts (funded, and members of the demo cooperatives), one node started on it
// with a transaction pool large enough for a whole phase, and the proposer's timings read from
// the node's log.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BINARY, startNode } from '../lib/node.mjs';
import { UNIT } from '../lib/units.mjs';

/** The most members a cooperative may have (the runtime's `MAX_MEMBERS`). */
export const MAX_MEMBERS = 1_000;

/** What each sender holds at genesis: 10,000 CONF (fees, deposits, the exchange's bids). */
export const SENDER_ENDOWMENT = 10_000n * UNIT;

/** The demo cooperatives the accounts join: the senders the bakery, the payees across the care collective. */
export const BAKERY = 0;
export const CARE = 1;

/**
 * The bench accounts, derived from the development phrase (a fixed seed, so every run signs
 * with the same keys): `senders` accounts `//bench//<i>` and as many payees across
 * `//bench//across//<i>` (as the care collective has room for).
 */
export function benchAccounts (keyring, senders) {
  const room = MAX_MEMBERS - 3; // the demo cooperatives have three members each
  if (senders > room) {
    throw new Error(`SENDERS=${senders}: the bakery holds at most ${MAX_MEMBERS} members (${room} besides the demo ones)`);
  }
  return {
    senders: Array.from({ length: senders }, (_, i) => keyring.addFromUri(`//bench//${i}`)),
    receivers: Array.from({ length: senders }, (_, i) => keyring.addFromUri(`//bench//across//${i}`))
  };
}

/**
 * Writes a chain spec for the benchmark into a new temporary directory: the node's `dev` spec
 * (Alice validates, the demo cooperatives, the development accounts funded) with every sender
 * funded and a member of the bakery, and every payee across a member of the care collective.
 * Returns `{ file, dir }`; the caller removes `dir`.
 */
export function writeBenchSpec ({ senders, receivers }) {
  const spec = JSON.parse(execFileSync(BINARY, ['build-spec', '--chain', 'dev'], {
    maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore']
  }).toString());
  // `build-spec` without `--raw` gives the runtime's genesis preset as a JSON patch: the same
  // fields the `dev` preset sets (balances, cooperatives, mutualCredit, session, ...).
  const patch = spec.genesis?.runtimeGenesis?.patch;
  if (!patch?.balances?.balances || !patch?.cooperatives?.cooperatives) {
    throw new Error('unexpected chain spec: no genesis.runtimeGenesis.patch with balances and cooperatives');
  }
  // Balances are JSON numbers. The ones already there (10^18 and the like) are exact as
  // doubles, and so is 10^16, what a sender gets.
  const endowment = Number(SENDER_ENDOWMENT);
  if (BigInt(endowment) !== SENDER_ENDOWMENT) throw new Error('the endowment is not exact as a JSON number');
  patch.balances.balances.push(...senders.map((pair) => [pair.address, endowment]));
  const [, bakeryMembers] = patch.cooperatives.cooperatives[BAKERY];
  const [, careMembers] = patch.cooperatives.cooperatives[CARE];
  bakeryMembers.push(...senders.map((pair) => pair.address));
  careMembers.push(...receivers.map((pair) => pair.address));
  for (const members of [bakeryMembers, careMembers]) {
    if (members.length > MAX_MEMBERS) throw new Error(`a cooperative would have ${members.length} members (at most ${MAX_MEMBERS})`);
  }
  spec.name = 'Confoederatio Benchmark';
  spec.id = 'confoederatio_bench';
  const dir = mkdtempSync(join(tmpdir(), 'confoederatio-bench-'));
  const file = join(dir, 'bench-spec.json');
  writeFileSync(file, JSON.stringify(spec));
  return { file, dir };
}

/**
 * Starts the benchmark's node on the spec: Alice validates alone (`--alice`, authoring with no
 * peers), on loopback and a temporary base path (`startNode` adds both, and stops the node
 * however the process ends), with a pool that holds a whole phase: by default it drops what is
 * past 8,192 ready transactions (and its future queue holds a tenth of the limit).
 */
export async function startBenchNode (specFile, { poolLimit = 20_000, poolKbytes = 65_536 } = {}) {
  return startNode({
    name: 'bench',
    args: [
      '--chain', specFile, '--alice', '--validator', '--force-authoring',
      '--pool-limit', String(poolLimit), '--pool-kbytes', String(poolKbytes),
      // A full block, and its events, can take several megabytes in one RPC response (the
      // default limit is 15 MB).
      '--rpc-max-response-size', '64', '--rpc-max-request-size', '64'
    ],
    // A validator needs a network key of its own (`--dev` would make one up).
    nodeKey: 'be'.repeat(32),
    timeoutMs: 180_000
  });
}

/** What the node logs once it has built a block (sc-basic-authorship). */
const PREPARED = /Prepared block for proposing at (\d+) \((\d+) ms\).*?end: (\w+); extrinsics_count: (\d+)/g;

/**
 * Follows the node's log for the proposer's lines, `🎁 Prepared block for proposing at N
 * (X ms) … end: <why it stopped>; extrinsics_count: C`. `startNode` keeps the last 20,000
 * characters of the log, so it is read every 200 ms (a block logs a few hundred characters)
 * and each block kept by number. Returns `{ blocks: Map<number, {ms, end, count}>, stop() }`.
 */
export function watchProposer (node) {
  const blocks = new Map();
  const read = () => {
    for (const [, number, ms, end, count] of node.log().matchAll(PREPARED)) {
      blocks.set(Number(number), { ms: Number(ms), end, count: Number(count) });
    }
  };
  const timer = setInterval(read, 200);
  return {
    blocks,
    read,
    stop () { clearInterval(timer); read(); }
  };
}

/** Removes what `writeBenchSpec` wrote. */
export function removeSpec ({ dir } = {}) {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
