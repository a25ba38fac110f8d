// The federation changes its validators on a real network of nodes on loopback:
// - the four validators of chain-specs/local.json (Alice, Bob, Charlie, Dave) finalize;
// - a further node (Eve's) joins as a full node and syncs; its operator rotates keys on it with
//   Eve's account as owner and registers them with `Session.set_keys`, then restarts it as a
//   validator;
// - the Care Collective proposes `ValidatorSet.add_validator(Eve, Care Collective)` and the
//   federation votes it; from the second session after, Eve's node is the Aura author of
//   finalized blocks and casts GRANDPA votes;
// - while that change waits for its session, a signed account, a cooperative alone, and a
//   federation poll removing validators below the minimum (three) are refused with their errors
//   and change nothing;
// - the federation votes to remove Bob, who then stops authoring and voting;
// - finalized blocks keep coming all the way through.
// Sessions on the local chain are 5 blocks (30 s). Every wait is bounded (the whole file runs in
// about 8 minutes, within the suite's 10 per file), and every node is stopped in `after`,
// whatever happened. The cooperatives vote on a federation poll at the same time, each through
// its own poll (their members are distinct accounts).

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToBn, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';

import { decideInCooperative, devSigners, eventsOf } from '../lib/governance.mjs';
import { connect, finalizedNumber, nodeKey, peerId, rpc, startNode, submitFinalized } from '../lib/node.mjs';

const SPEC = fileURLToPath(new URL('../../chain-specs/local.json', import.meta.url));
const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];
const CARE_COLLECTIVE = 1;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it returns something truthy; fails after `timeoutMs`. */
async function until (what, check, { timeoutMs = 180_000, everyMs = 2000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await sleep(everyMs);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

/** A GRANDPA counter of a node's Prometheus metrics (votes it cast itself). */
async function metric (node, name) {
  const response = await fetch(`http://127.0.0.1:${node.prometheusPort}/metrics`, { signal: AbortSignal.timeout(3000) });
  const text = await response.text();
  const match = text.match(new RegExp(`^${name}(?:\\{[^}]*\\})?\\s+([0-9.e+]+)$`, 'm'));
  return match ? Number(match[1]) : 0;
}
const precommits = (node) => metric(node, 'substrate_finality_grandpa_precommits_total');

describe('the federation changes its validators on a live network', () => {
  const nodes = new Map();
  let eveBasePath;
  let api, keyring, signers, names;
  let eve, eveKeys;
  let unsubscribeFinalized = () => {};
  const finalized = [];

  /** The account of each dev validator by name, and the names of Aura keys. */
  const auraNames = new Map();

  /** The Aura author of the canonical block `number`: the authority of its slot. */
  async function authorOf (number) {
    const hash = await api.rpc.chain.getBlockHash(number);
    const header = await api.rpc.chain.getHeader(hash);
    const log = header.digest.logs.find((item) => item.isPreRuntime && item.asPreRuntime[0].toString() === 'aura');
    const slot = u8aToBn(log.asPreRuntime[1].toU8a(true), { isLe: true });
    // The block's author is checked against the authorities of its parent's state.
    const authorities = await (await api.at(header.parentHash)).query.aura.authorities();
    const key = authorities[slot.modn(authorities.length)].toHex();
    return auraNames.get(key) ?? key;
  }

  /** The authors of the finalized blocks `from..=to`. */
  async function authorsOf (from, to) {
    const authors = [];
    for (let n = from; n <= to; n++) authors.push(await authorOf(n));
    return authors;
  }

  async function finalizedHead () {
    return (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  }

  /** The set ValidatorSet keeps, through the runtime API: name → info. */
  async function validatorInfo () {
    const list = await api.call.validatorSetApi.validators();
    return new Map(list.map((info) => [names.get(info.validator.toString()) ?? info.validator.toString(), {
      operator: info.operator.toNumber(),
      hasKeys: info.hasKeys.isTrue,
      active: info.active.isTrue,
      next: info.next.isTrue,
      leaving: info.leaving.isTrue
    }]));
  }

  /** The names of the validators in the set (not leaving), sorted. */
  async function theSet () {
    return [...(await validatorInfo()).entries()].filter(([, info]) => !info.leaving).map(([name]) => name).sort();
  }

  /**
   * The federation decides `call`: cooperative `proposer` proposes it by its own poll, then the
   * cooperatives in `voters` each vote aye by a poll of their own, all at once, and Alice closes
   * the federation poll. Returns the events of that close.
   */
  async function federationDecides ({ proposer, voters, call }) {
    const proposed = await decideInCooperative(api, signers, proposer,
      api.tx.governance.propose({ Federation: 'Federation' }, call));
    const [{ data: { poll } }] = eventsOf(api, proposed, 'governance', 'Proposed');
    await Promise.all(voters.map((coop) =>
      decideInCooperative(api, signers, coop, api.tx.governance.vote(poll, true))));
    const tally = await api.call.governanceApi.pollTally(poll);
    assert.equal(tally.unwrap().voters.toNumber(), voters.length);
    const closed = await submitFinalized(api, api.tx.governance.close(poll), keyring.addFromUri('//Alice'));
    return { poll, events: closed.events };
  }

  before(async () => {
    await cryptoWaitReady();
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    signers = devSigners(keyring);
    eve = keyring.addFromUri('//Eve');
    names = new Map(['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie'].map((name) => {
      const pair = keyring.addFromUri(`//${name[0].toUpperCase()}${name.slice(1)}`);
      // A dev validator's Aura key is its sr25519 account key (`--alice` and so on).
      auraNames.set(u8aToHex(pair.publicKey), name);
      return [pair.address, name];
    }));
    // Alice first, so the others can use her as their bootnode.
    nodes.set('alice', await startNode({ name: 'alice', args: ['--chain', SPEC, '--alice', '--validator'], nodeKey: nodeKey(0) }));
    const bootnode = `/ip4/127.0.0.1/tcp/${nodes.get('alice').p2pPort}/p2p/${peerId(nodeKey(0))}`;
    nodes.bootnode = bootnode;
    for (const [i, name] of VALIDATORS.entries()) {
      if (i === 0) continue;
      nodes.set(name, await startNode({
        name,
        args: ['--chain', SPEC, `--${name}`, '--validator', '--bootnodes', bootnode],
        nodeKey: nodeKey(i)
      }));
    }
    api = await connect(nodes.get('alice'));
    unsubscribeFinalized = await api.rpc.chain.subscribeFinalizedHeads((header) => {
      finalized.push({ at: Date.now(), number: header.number.toNumber() });
    });
  });

  after(async () => {
    try { unsubscribeFinalized(); } catch { /* already gone */ }
    await api?.disconnect();
    await Promise.all([...nodes.values()].map((node) => node.stop()));
    if (eveBasePath) rmSync(eveBasePath, { recursive: true, force: true });
  });

  test('the local chain\'s four validators finalize, each run by a cooperative', { timeout: 300_000 }, async () => {
    await until('all four finalize #3', async () =>
      (await Promise.all([...nodes.values()].map(finalizedNumber))).every((n) => n >= 3));
    const info = await validatorInfo();
    assert.deepEqual([...info.keys()].sort(), ['alice', 'bob', 'charlie', 'dave']);
    assert.deepEqual(Object.fromEntries([...info].map(([name, { operator }]) => [name, operator])),
      { alice: 0, bob: 0, charlie: 2, dave: 1 });
    for (const [name, { hasKeys, active, next, leaving }] of info) {
      assert.ok(hasKeys && active && next && !leaving, `${name}: ${JSON.stringify(info.get(name))}`);
    }
    assert.equal((await api.call.validatorSetApi.sessionLength()).toNumber(), 5);
    assert.equal((await api.query.session.validators()).length, 4);
  });

  test('a further node joins as a full node and syncs', { timeout: 300_000 }, async () => {
    eveBasePath = mkdtempSync(join(tmpdir(), 'confoederatio-e2e-eve-'));
    const node = await startNode({
      name: 'eve',
      basePath: eveBasePath,
      args: ['--chain', SPEC, '--name', 'eve', '--bootnodes', nodes.bootnode],
      nodeKey: nodeKey(4)
    });
    nodes.set('eve', node);
    assert.deepEqual(await rpc(node.rpcPort, 'system_nodeRoles'), ['Full']);
    const target = await finalizedNumber(nodes.get('alice'));
    await until(`eve finalizes #${target}`, async () => (await finalizedNumber(node)) >= target);
    const health = await rpc(node.rpcPort, 'system_health');
    assert.ok(health.peers >= 1, `eve has ${health.peers} peers`);
  });

  test('its operator rotates keys with the owner, registers them, and restarts as a validator', { timeout: 300_000 }, async () => {
    const node = nodes.get('eve');
    // Keys made in the node's keystore, with the proof that they belong to Eve's account.
    const owner = u8aToHex(decodeAddress(eve.address));
    const generated = await rpc(node.rpcPort, 'author_rotateKeysWithOwner', [owner]);
    assert.ok(generated?.keys && generated?.proof, `rotateKeysWithOwner: ${JSON.stringify(generated)}`);
    const keys = hexToU8a(generated.keys);
    assert.equal(keys.length, 64, 'an Aura (sr25519) and a GRANDPA (ed25519) public key');
    eveKeys = { aura: u8aToHex(keys.subarray(0, 32)), grandpa: u8aToHex(keys.subarray(32)) };
    auraNames.set(eveKeys.aura, 'eve');
    assert.equal(await rpc(node.rpcPort, 'author_hasSessionKeys', [generated.keys]), true);

    // A proof made for another owner is refused.
    await assert.rejects(
      submitFinalized(api, api.tx.session.setKeys(generated.keys, generated.proof), keyring.addFromUri('//Ferdie')),
      /session\.InvalidProof/);
    const { events } = await submitFinalized(api, api.tx.session.setKeys(generated.keys, generated.proof), eve);
    assert.equal(eventsOf(api, events, 'system', 'ExtrinsicSuccess').length, 1);
    const registered = await api.query.session.nextKeys(eve.address);
    assert.equal(registered.unwrap().toHex(), generated.keys);
    // Keys alone make nobody a validator.
    assert.ok(!(await validatorInfo()).has('eve'));

    // The same node, on its own database and keystore, as a validator.
    await node.stop({ keepBasePath: true });
    nodes.delete('eve');
    const validator = await startNode({
      name: 'eve',
      basePath: eveBasePath,
      args: ['--chain', SPEC, '--name', 'eve', '--validator', '--bootnodes', nodes.bootnode],
      nodeKey: nodeKey(4)
    });
    nodes.set('eve', validator);
    assert.deepEqual(await rpc(validator.rpcPort, 'system_nodeRoles'), ['Authority']);
    assert.equal(await rpc(validator.rpcPort, 'author_hasSessionKeys', [generated.keys]), true);
    const target = await finalizedNumber(nodes.get('alice'));
    await until('eve syncs again', async () => (await finalizedNumber(validator)) >= target);
    assert.equal(await precommits(validator), 0, 'not in the GRANDPA set: no votes');
  });

  test('a cooperative proposes and the federation votes add_validator', { timeout: 480_000 }, async () => {
    const { events } = await federationDecides({
      proposer: CARE_COLLECTIVE,
      voters: [CARE_COLLECTIVE, 0],
      call: api.tx.validatorSet.addValidator(eve.address, CARE_COLLECTIVE)
    });
    const [executed] = eventsOf(api, events, 'governance', 'Executed');
    assert.ok(executed.data.result.isOk, `add_validator: ${executed.data.result.toString()}`);
    const [added] = eventsOf(api, events, 'validatorSet', 'ValidatorAdded');
    assert.equal(added.data.validator.toString(), eve.address);
    assert.equal(added.data.operator.toNumber(), CARE_COLLECTIVE);
    const info = (await validatorInfo()).get('eve');
    assert.equal(info.operator, CARE_COLLECTIVE);
    assert.ok(info.hasKeys && !info.leaving);
  });

  test('meanwhile, a non-federation origin and a removal below the minimum are refused and change nothing', { timeout: 300_000 }, async () => {
    const before = await theSet();
    assert.deepEqual(before, ['alice', 'bob', 'charlie', 'dave', 'eve']);
    const ferdie = keyring.addFromUri('//Ferdie');
    const [bob, charlie, dave] = ['//Bob', '//Charlie', '//Dave'].map((uri) => keyring.addFromUri(uri));
    // A signed account cannot add or remove validators.
    await assert.rejects(
      submitFinalized(api, api.tx.validatorSet.addValidator(ferdie.address, 0), keyring.addFromUri('//Alice')),
      /BadOrigin/);
    await assert.rejects(
      submitFinalized(api, api.tx.validatorSet.removeValidator(charlie.address), ferdie),
      /BadOrigin/);
    // Nor can a cooperative by its own poll, without the federation.
    await assert.rejects(
      decideInCooperative(api, signers, 2, api.tx.validatorSet.removeValidator(charlie.address)),
      /failed: .*badOrigin/i);
    assert.deepEqual(await theSet(), before);

    // Five validators, at least three: the federation's poll to remove three of them fails as a
    // whole (the third removal would leave two).
    const { events } = await federationDecides({
      proposer: 2,
      voters: [2, 0],
      call: api.tx.utility.batchAll([bob, charlie, dave].map(({ address }) =>
        api.tx.validatorSet.removeValidator(address)))
    });
    const [executed] = eventsOf(api, events, 'governance', 'Executed');
    const result = executed.data.result;
    assert.ok(result.isErr, 'removing below the minimum was refused');
    const { section, name } = api.registry.findMetaError(result.asErr.asModule);
    assert.equal(`${section}.${name}`, 'validatorSet.TooFewValidators');
    assert.equal(eventsOf(api, events, 'validatorSet', 'ValidatorRemoved').length, 0);
    assert.deepEqual(await theSet(), before);
    const info = await validatorInfo();
    for (const name of before) assert.ok(!info.get(name).leaving, `${name} is not leaving`);
  });

  test('from the second session after, the new node authors finalized blocks and votes in GRANDPA', { timeout: 480_000 }, async () => {
    const node = nodes.get('eve');
    await until('eve validates in the current session', async () => (await validatorInfo()).get('eve').active,
      { timeoutMs: 200_000 });
    const from = await finalizedHead();
    assert.ok((await api.query.session.validators()).map(String).includes(eve.address));
    // Aura's and GRANDPA's authorities have Eve's keys from her node.
    const aura = (await api.query.aura.authorities()).map((key) => key.toHex());
    assert.ok(aura.includes(eveKeys.aura), 'Eve\'s Aura key is an authority');
    const grandpa = (await api.call.grandpaApi.grandpaAuthorities()).map(([key]) => key.toHex());
    assert.ok(grandpa.includes(eveKeys.grandpa), 'Eve\'s GRANDPA key is an authority');
    assert.equal(grandpa.length, 5);
    // Eve authors one slot in five: she is the author of some finalized block soon.
    const authored = await until('eve authors a finalized block', async () => {
      const to = await finalizedHead();
      const authors = await authorsOf(from + 1, to);
      const at = authors.indexOf('eve');
      return at >= 0 ? { number: from + 1 + at, authors } : null;
    }, { timeoutMs: 180_000, everyMs: 6000 });
    assert.ok(authored.number > from);
    // And she votes: her node casts precommits, and finality goes on with five voters.
    const votes = await until('eve casts GRANDPA precommits', async () => (await precommits(node)) || null,
      { timeoutMs: 120_000 });
    const later = await until('eve keeps voting', async () => {
      const now = await precommits(node);
      return now > votes ? now : null;
    }, { timeoutMs: 120_000 });
    assert.ok(later > votes);
  });

  test('the federation removes another validator, which stops authoring and voting', { timeout: 540_000 }, async () => {
    const bob = keyring.addFromUri('//Bob');
    const { events } = await federationDecides({
      proposer: 0,
      voters: [0, 2],
      call: api.tx.validatorSet.removeValidator(bob.address)
    });
    const [executed] = eventsOf(api, events, 'governance', 'Executed');
    assert.ok(executed.data.result.isOk, `remove_validator: ${executed.data.result.toString()}`);
    assert.equal(eventsOf(api, events, 'validatorSet', 'ValidatorRemoved').length, 1);
    assert.deepEqual(await theSet(), ['alice', 'charlie', 'dave', 'eve']);
    assert.ok((await validatorInfo()).get('bob').leaving, 'bob validates until the planned sessions are over');

    // Once no session has Bob, the API no longer lists him and Aura has not his key.
    await until('bob is gone from the sessions', async () => !(await validatorInfo()).has('bob'),
      { timeoutMs: 240_000 });
    const bobAura = u8aToHex(bob.publicKey);
    const aura = (await api.query.aura.authorities()).map((key) => key.toHex());
    assert.ok(!aura.includes(bobAura));
    assert.equal(aura.length, 4);
    // From the first block with authorities without Bob, eight slots (two turns of four).
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    await until(`#${best + 8} finalized`, async () => (await finalizedHead()) >= best + 8, { timeoutMs: 180_000 });
    const authors = await authorsOf(best + 1, best + 8);
    assert.ok(!authors.includes('bob'), `bob authored after his removal: ${authors}`);
    assert.ok(authors.includes('eve'), `authors: ${authors}`);
    // Bob's node is no longer in the GRANDPA set: its vote count stands still while the chain
    // finalizes.
    const grandpa = (await api.call.grandpaApi.grandpaAuthorities()).map(([key]) => key.toHex());
    assert.equal(grandpa.length, 4);
    const bobNode = nodes.get('bob');
    const votes = await precommits(bobNode);
    const head = await finalizedHead();
    await until(`#${head + 3} finalized`, async () => (await finalizedHead()) >= head + 3, { timeoutMs: 120_000 });
    assert.equal(await precommits(bobNode), votes, 'bob still votes');
  });

  test('blocks were finalized all the way through', async () => {
    assert.ok(finalized.length > 20, `${finalized.length} finalized heads seen`);
    let longest = 0;
    for (let i = 1; i < finalized.length; i++) {
      assert.ok(finalized[i].number > finalized[i - 1].number, 'finality never goes back');
      longest = Math.max(longest, finalized[i].at - finalized[i - 1].at);
    }
    // Blocks are 6 s apart; a GRANDPA round or a set change may take a few of them.
    assert.ok(longest < 60_000, `no new finalized block for ${Math.round(longest / 1000)} s`);
    const stillNow = (await finalizedHead());
    await until('finality goes on', async () => (await finalizedHead()) > stillNow, { timeoutMs: 60_000 });
  });
});
