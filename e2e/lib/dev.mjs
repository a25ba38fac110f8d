// A `--dev` chain for one test file: its own node on free loopback ports, an API connected to
// it, a keyring and the development signers.

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { devSigners } from './governance.mjs';
import { connect, startNode } from './node.mjs';

/** Starts a `--dev` node named `name` and connects to it: `{ node, api, keyring, signers }`. */
export async function startDevChain (name) {
  await cryptoWaitReady();
  const node = await startNode({ name });
  let api;
  try {
    api = await connect(node);
  } catch (error) {
    await node.stop();
    throw error;
  }
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return { node, api, keyring, signers: devSigners(keyring) };
}

/** Disconnects and stops what `startDevChain` started (either may be missing after a failure). */
export async function stopDevChain ({ node, api } = {}) {
  await api?.disconnect();
  await node?.stop();
}
