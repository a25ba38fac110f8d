// A runtime upgrade by federation vote on a real dev node: the cooperatives vote on the
// `Upgrade` track to authorize the hash of a runtime whose spec_version is higher (built by
// scripts/test.sh as `confoederatio-runtime-upgrade-test`), anyone applies the code, and the
// chain runs the new runtime with every cooperative, member and balance made before intact.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { decideInCooperative, decideInFederation, eventsOf } from '../lib/governance.mjs';
import { rpc, submitFinalized, waitForFinalized } from '../lib/node.mjs';
import { UNIT } from '../lib/units.mjs';

const UPGRADE_WASM = process.env.CONFOEDERATIO_UPGRADE_WASM ??
  join(process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache/confoederatio/target'),
    'release/wbuild/confoederatio-runtime-upgrade-test/confoederatio_runtime_upgrade_test.compact.compressed.wasm');

/**
 * Everything the upgrade must keep: cooperatives, memberships, every account, and the validators
 * (ValidatorSet's set with operators, the session's validators and keys, Aura's authorities).
 */
async function snapshot (api) {
  const entries = async (query) => (await query.entries())
    .map(([key, value]) => [key.toHex(), value.toHex()])
    .sort(([a], [b]) => a.localeCompare(b));
  return {
    cooperatives: await entries(api.query.cooperatives.registry),
    members: await entries(api.query.cooperatives.members),
    activeCount: (await api.query.cooperatives.activeCount()).toNumber(),
    accounts: (await api.query.system.account.entries())
      .map(([key, value]) => [key.toHex(), value.data.free.toString(), value.data.reserved.toString()])
      .sort(([a], [b]) => a.localeCompare(b)),
    totalIssuance: (await api.query.balances.totalIssuance()).toString(),
    validatorSet: (await api.query.validatorSet.validators()).toHex(),
    sessionValidators: (await api.query.session.validators()).toHex(),
    sessionKeys: await entries(api.query.session.nextKeys),
    aura: (await api.query.aura.authorities()).toHex()
  };
}

describe('a runtime upgrade decided by the federation', () => {
  let node, api, keyring, signers;

  before(async () => {
    assert.ok(existsSync(UPGRADE_WASM), `upgrade runtime not built at ${UPGRADE_WASM}: run ./scripts/test.sh`);
    ({ node, api, keyring, signers } = await startDevChain('upgrade'));
  });

  after(() => stopDevChain({ node, api }));

  test('upgrades to a higher spec_version and keeps the state', async () => {
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    // State made before the upgrade: a member added by poll, a transfer.
    const newcomer = keyring.addFromUri('//Ferdie//stash').address;
    await decideInCooperative(api, signers, 1, api.tx.cooperatives.addMember(1, newcomer));
    await submitFinalized(api, api.tx.balances.transferKeepAlive(bob.address, UNIT), alice);

    const code = readFileSync(UPGRADE_WASM);
    const codeHash = blake2AsHex(code, 256);
    const before = await api.rpc.state.getRuntimeVersion();

    const { events } = await decideInFederation(api, signers, {
      proposer: 0,
      voters: [0, 1, 2],
      track: 'Upgrade',
      call: api.tx.governance.authorizeUpgrade(codeHash)
    });
    const [authorized] = eventsOf(api, events, 'governance', 'UpgradeAuthorized');
    assert.equal(authorized.data.codeHash.toHex(), codeHash);
    assert.ok(eventsOf(api, events, 'system', 'UpgradeAuthorized').length === 1);

    const state = await snapshot(api);
    // Anyone may apply the authorized code, even unsigned; other code is refused.
    await assert.rejects(
      api.tx.system.applyAuthorizedUpgrade(u8aToHex(code.subarray(0, code.length - 1))).send(),
      /1010: Invalid Transaction/
    );
    await submitFinalized(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), null);
    // The chain's code is now exactly the authorized code. (Events of the upgrade block are not
    // decoded here: polkadot.js reads them with the new runtime's metadata, but the old runtime
    // wrote them.)
    const storedCode = await api.rpc.state.getStorage(':code');
    assert.equal(blake2AsHex(storedCode.unwrap(), 256), codeHash);

    // The new runtime runs from the next block.
    const start = (await api.rpc.chain.getHeader()).number.toNumber();
    await waitForFinalized(api, start + 2);
    const version = await rpc(node.rpcPort, 'state_getRuntimeVersion');
    assert.equal(version.specName, 'confoederatio');
    assert.ok(version.specVersion > before.specVersion.toNumber(),
      `spec_version ${version.specVersion} is not above ${before.specVersion.toNumber()}`);
    assert.equal((await api.call.core.version()).specVersion.toNumber(), version.specVersion);

    // Cooperatives, members and balances are as they were.
    const after = await snapshot(api);
    assert.deepEqual(after.cooperatives, state.cooperatives);
    assert.deepEqual(after.members, state.members);
    assert.equal(after.activeCount, state.activeCount);
    // Nobody paid for the unsigned upgrade, so every account is as before it too.
    assert.deepEqual(after.accounts, state.accounts);
    assert.equal(after.totalIssuance, state.totalIssuance);
    // The validator set and the keys are as they were: Alice, run by the bakery, still validates.
    assert.equal(after.validatorSet, state.validatorSet);
    assert.equal(after.sessionValidators, state.sessionValidators);
    assert.deepEqual(after.sessionKeys, state.sessionKeys);
    assert.equal(after.aura, state.aura);
    assert.equal(state.sessionKeys.length, 1);
    // (polkadot.js 16.5 re-decorates only from metadata v14 after an upgrade, so `api.call`
    // runtime APIs are gone; storage answers the same question.)
    assert.ok((await api.query.cooperatives.members(1, newcomer)).isSome);

    // And the chain goes on: a transfer under the new runtime.
    const transfer = await submitFinalized(api, api.tx.balances.transferKeepAlive(alice.address, UNIT), bob);
    assert.equal(eventsOf(api, transfer.events, 'balances', 'Transfer').length, 1);
  });
});
