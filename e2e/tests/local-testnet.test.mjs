// Four validators of chain-specs/local.json on loopback finalize blocks, and keep finalizing
// when one of them stops (GRANDPA needs 3 of 4 votes). Bounded: a few minutes at most, then
// every node is stopped.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { finalizedNumber, nodeKey, peerId, rpc, startNode } from '../lib/node.mjs';

const SPEC = fileURLToPath(new URL('../../chain-specs/local.json', import.meta.url));
const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];

/** Waits until every node has finalized at least `number`; returns their heights. */
async function allFinalize (nodes, number, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  let heights = [];
  while (Date.now() < deadline) {
    heights = await Promise.all(nodes.map(finalizedNumber));
    if (heights.every((h) => h >= number)) return heights;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  throw new Error(`not all nodes finalized #${number} in time: ${heights}`);
}

describe('a local testnet of four validators', () => {
  const nodes = [];

  before(async () => {
    // Alice first, so the others can use her as their bootnode.
    nodes.push(await startNode({ name: 'alice', args: ['--chain', SPEC, '--alice', '--validator'], nodeKey: nodeKey(0) }));
    const bootnode = `/ip4/127.0.0.1/tcp/${nodes[0].p2pPort}/p2p/${peerId(nodeKey(0))}`;
    for (const [i, name] of VALIDATORS.entries()) {
      if (i === 0) continue;
      nodes.push(await startNode({
        name,
        args: ['--chain', SPEC, `--${name}`, '--validator', '--bootnodes', bootnode],
        nodeKey: nodeKey(i)
      }));
    }
  });

  after(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
  });

  test('all four connect and finalize', async () => {
    const heights = await allFinalize(nodes, 3);
    assert.equal(heights.length, 4);
    for (const node of nodes) {
      const health = await rpc(node.rpcPort, 'system_health');
      assert.equal(health.peers, 3, `${node.name} has ${health.peers} peers`);
    }
    const authorities = await rpc(nodes[0].rpcPort, 'state_call', ['GrandpaApi_grandpa_authorities', '0x']);
    assert.ok(authorities, 'GRANDPA authorities readable');
  });

  test('finality goes on with one validator down', async () => {
    const dave = nodes.pop();
    await dave.stop();
    const before = Math.max(...(await Promise.all(nodes.map(finalizedNumber))));
    const heights = await allFinalize(nodes, before + 3);
    assert.ok(heights.every((h) => h >= before + 3));
  });
});
