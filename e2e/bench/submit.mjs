// Signing, submitting and following transactions in bulk: every transaction is signed before
// any is sent (explicit nonces, immortal), sent over several WebSocket connections without
// waiting for inclusion, and then found in the blocks that follow, with its outcome.

import { WsProvider } from '@polkadot/api';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The next nonce of each account, kept here: transactions are signed long before the pool sees
 * them, so nothing can be asked of the node between one and the next.
 */
export class Nonces {
  #next = new Map();

  /** Reads the accounts' nonces from the chain (once, before anything is signed for them). */
  async load (api, addresses) {
    const unknown = [...new Set(addresses)].filter((address) => !this.#next.has(address));
    if (unknown.length === 0) return;
    const infos = await api.query.system.account.multi(unknown);
    unknown.forEach((address, i) => this.#next.set(address, infos[i].nonce.toNumber()));
  }

  /** Takes `address`'s next nonce. */
  take (address) {
    const nonce = this.#next.get(address);
    if (nonce === undefined) throw new Error(`nonce of ${address} not loaded`);
    this.#next.set(address, nonce + 1);
    return nonce;
  }

  /** Forgets every nonce, to read them from the chain again (after transactions were lost). */
  clear () { this.#next.clear(); }
}

/**
 * Signs `jobs` (`{ pair, tx }`, in the order each account is to send them) offline: immortal,
 * no tip, the account's next nonces. Returns them as rounds: round `r` holds every account's
 * `r`-th transaction, so that sending the rounds one after the other hands the pool each
 * account's transactions in nonce order (each ready as it arrives, none waiting in the pool's
 * small future queue). Each signed transaction is `{ who, nonce, hex, hash, call }`.
 */
export async function signRounds (api, nonces, jobs) {
  await nonces.load(api, jobs.map(({ pair }) => pair.address));
  const options = {
    blockHash: api.genesisHash,
    genesisHash: api.genesisHash,
    runtimeVersion: api.runtimeVersion,
    signedExtensions: api.registry.signedExtensions,
    version: api.extrinsicType
  };
  const byAccount = new Map();
  for (const { pair, tx } of jobs) {
    const nonce = nonces.take(pair.address);
    tx.sign(pair, { ...options, nonce });
    const signed = {
      who: pair.address,
      nonce,
      hex: tx.toHex(),
      hash: tx.hash.toHex(),
      call: `${tx.method.section}.${tx.method.method}`
    };
    if (!byAccount.has(pair.address)) byAccount.set(pair.address, []);
    byAccount.get(pair.address).push(signed);
  }
  const rounds = [];
  for (const list of byAccount.values()) {
    list.forEach((signed, r) => { (rounds[r] ??= []).push(signed); });
  }
  return rounds;
}

/** Several WebSocket connections to a node, to submit over all of them at once. */
export class Submitter {
  #providers = [];

  static async open (wsUrl, connections = 8) {
    const submitter = new Submitter();
    for (let i = 0; i < connections; i++) {
      const provider = new WsProvider(wsUrl, false, {}, 120_000);
      await provider.connect();
      await provider.isReady;
      submitter.#providers.push(provider);
    }
    return submitter;
  }

  /**
   * Submits the rounds (`author_submitExtrinsic`, no watching), each round's transactions
   * spread over the connections at once, a round after the previous one was answered. Returns
   * `{ accepted, rejected: [{ tx, error }], ms }`.
   */
  async submit (rounds) {
    const started = Date.now();
    const accepted = [];
    const rejected = [];
    for (const round of rounds) {
      const answers = await Promise.allSettled(round.map((tx, i) =>
        this.#providers[i % this.#providers.length].send('author_submitExtrinsic', [tx.hex])));
      answers.forEach((answer, i) => {
        if (answer.status === 'fulfilled') accepted.push(round[i]);
        else rejected.push({ tx: round[i], error: answer.reason?.message ?? String(answer.reason) });
      });
    }
    return { accepted, rejected, ms: Date.now() - started };
  }

  async close () {
    await Promise.all(this.#providers.map((provider) => provider.disconnect().catch(() => {})));
  }
}

/** The name of a dispatch error: `pallet.Error` for a module error, else its kind. */
export function errorName (api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  const inner = dispatchError.value;
  return inner && typeof inner.type === 'string' ? `${dispatchError.type}.${inner.type}` : dispatchError.type;
}

/**
 * Reads block `number`: its extrinsics, and for those in `pending` (hash → signed transaction)
 * their outcome from the block's events, which it records in `outcomes` and removes from
 * `pending`; the block's normal-class weight (`system.blockWeight` at the block) as a share of
 * the class's maximum, and the extrinsics' length in bytes.
 */
export async function readBlock (api, number, pending, outcomes) {
  const hash = await api.rpc.chain.getBlockHash(number);
  const [signedBlock, events, weight] = await Promise.all([
    api.rpc.chain.getBlock(hash),
    api.query.system.events.at(hash),
    api.query.system.blockWeight.at(hash)
  ]);
  // The events of each extrinsic, by its index in the block.
  const byIndex = new Map();
  for (const record of events) {
    if (!record.phase.isApplyExtrinsic) continue;
    const index = record.phase.asApplyExtrinsic.toNumber();
    if (!byIndex.has(index)) byIndex.set(index, []);
    byIndex.get(index).push(record.event);
  }
  const normalMax = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
  const normal = weight.normal.refTime.toBigInt();
  const block = {
    number,
    hash: hash.toHex(),
    extrinsics: signedBlock.block.extrinsics.length,
    ours: 0,
    calls: {},
    succeeded: 0,
    failed: 0,
    free: 0,
    paid: 0,
    normalWeight: normal,
    // A block that starts a session: pallet-session's `on_initialize` claims the whole block's
    // weight for the rotation, so no transaction fits (every 10 blocks on the dev chain).
    sessionChange: events.some(({ event }) => event.section === 'session' && event.method === 'NewSession'),
    fill: Number(normal * 1_000_000n / normalMax) / 1_000_000,
    length: signedBlock.block.extrinsics.reduce((sum, extrinsic) => sum + extrinsic.encodedLength, 0)
  };
  signedBlock.block.extrinsics.forEach((extrinsic, index) => {
    const txHash = extrinsic.hash.toHex();
    const tx = pending.get(txHash);
    if (!tx) return;
    pending.delete(txHash);
    const own = byIndex.get(index) ?? [];
    const failed = own.find((e) => e.section === 'system' && e.method === 'ExtrinsicFailed');
    const free = own.some((e) => e.section === 'memberQuota' && e.method === 'FreeTransaction');
    const fee = own.filter((e) => e.section === 'transactionPayment' && e.method === 'TransactionFeePaid')
      .reduce((sum, e) => sum + e.data.actualFee.toBigInt(), 0n);
    const outcome = {
      tx,
      block: number,
      index,
      ok: !failed,
      error: failed ? errorName(api, failed.data.dispatchError) : null,
      free,
      fee,
      // The events of the call itself, for the workload's own checks (`dex.Trade`, ...).
      events: own.map((e) => `${e.section}.${e.method}`),
      raw: own
    };
    outcomes.set(txHash, outcome);
    block.ours++;
    block.calls[tx.call] = (block.calls[tx.call] ?? 0) + 1;
    if (outcome.ok) block.succeeded++; else block.failed++;
    if (free) block.free++; else if (fee > 0n) block.paid++;
  });
  return block;
}

/**
 * Follows the best chain from block `from + 1` until every transaction of `txs` is in a block
 * or `deadline` (a `Date.now()` value) passes. Returns `{ blocks, outcomes, missing }`: every
 * block read, each transaction's outcome by hash, and those never included.
 */
export async function follow (api, txs, { from, deadline, onBlock = () => {} }) {
  const pending = new Map(txs.map((tx) => [tx.hash, tx]));
  const outcomes = new Map();
  const blocks = [];
  let next = from + 1;
  while (pending.size > 0 && Date.now() < deadline) {
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    if (best < next) { await sleep(300); continue; }
    for (; next <= best && pending.size > 0; next++) {
      const block = await readBlock(api, next, pending, outcomes);
      blocks.push(block);
      onBlock(block);
    }
  }
  return { blocks, outcomes, missing: [...pending.values()] };
}

/** The best block's number. */
export async function bestNumber (api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/**
 * Waits until a new best block was imported, and then `settleMs` more: the transaction pool
 * has built its view of that block by then, and a burst sent now has until the next block's
 * import (about 6 s) to land.
 *
 * Why: the node's fork-aware pool builds a new view at every block. Transactions that arrive
 * while it does may reach the new view only at the next block, after those with later nonces
 * of the same accounts; those wait in the view's future queue, which holds a tenth of
 * `--pool-limit` (2,000), and what overflows it is dropped for good, with every later nonce of
 * its account. A burst of 10,240 transactions of 20 nonces per account that straddles a block
 * import loses thousands that way.
 */
export async function afterNextBlock (api, settleMs = 500) {
  const start = await bestNumber(api);
  while (await bestNumber(api) === start) await sleep(100);
  await sleep(settleMs);
}
