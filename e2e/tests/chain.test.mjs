// The chain runs: a real `confoederatio --dev` node produces and finalizes blocks, accepts a
// signed transfer, rejects one it cannot pay for, and explains itself to polkadot.js with no
// custom type definitions.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';

import { connect, startNode, submitFinalized, waitForFinalized } from '../lib/node.mjs';
import { UNIT } from '../lib/units.mjs';

describe('a dev node', () => {
  let node, api, keyring, alice, bob;
  const warnings = [];
  const warn = console.warn;

  before(async () => {
    await cryptoWaitReady();
    node = await startNode({ name: 'dev' });
    // polkadot.js warns about anything it cannot decode (unknown signed extensions, missing
    // types); collect the warnings so that the metadata test can assert there are none.
    console.warn = (...args) => { warnings.push(args.join(' ')); warn(...args); };
    api = await connect(node);
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
  });

  after(async () => {
    console.warn = warn;
    await api?.disconnect();
    await node?.stop();
  });

  test('produces and finalizes blocks', async () => {
    const finalized = await waitForFinalized(api, 2);
    assert.ok(finalized >= 2);
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    assert.ok(best >= finalized, `best ${best} is behind finalized ${finalized}`);
    const health = await api.rpc.system.health();
    assert.equal(health.isSyncing.isFalse, true);
  });

  test('names the chain and its token for wallets', async () => {
    assert.equal((await api.rpc.system.chain()).toString(), 'Confoederatio Development');
    const properties = await api.rpc.system.properties();
    assert.equal(properties.ss58Format.unwrap().toNumber(), 42);
    assert.deepEqual(properties.tokenSymbol.unwrap().map(String), ['CONF']);
    assert.deepEqual(properties.tokenDecimals.unwrap().map((d) => d.toNumber()), [12]);
    assert.equal(api.runtimeVersion.specName.toString(), 'confoederatio');
  });

  test('decodes the metadata with no custom type definitions', async () => {
    assert.ok(api.runtimeMetadata.version >= 14, `metadata v${api.runtimeMetadata.version}`);
    const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
    for (const pallet of ['System', 'Timestamp', 'Aura', 'Grandpa', 'Balances', 'TransactionPayment', 'Sudo']) {
      assert.ok(pallets.includes(pallet), `pallet ${pallet} missing from ${pallets}`);
    }
    // Every type in the metadata resolves to a type definition.
    const lookup = api.registry.lookup;
    for (const { id } of lookup.types) {
      assert.ok(lookup.getTypeDef(id), `type ${id.toNumber()} does not resolve`);
    }
    // The wallet-facing transaction extensions are all known, the metadata hash check among them.
    assert.ok(api.registry.signedExtensions.includes('CheckMetadataHash'));
    // The blocks so far decode, extrinsics and events alike.
    const hash = await api.rpc.chain.getFinalizedHead();
    const block = await api.rpc.chain.getBlock(hash);
    assert.ok(block.block.extrinsics.length >= 1);
    const events = await (await api.at(hash)).query.system.events();
    assert.ok(events.length >= 1);
    // (Warnings about RPC methods newer than polkadot.js, "RPC methods not decorated", are
    // about the RPC, not the metadata, and do not count.)
    const undecodable = warnings.filter((w) => /Unknown signed extension|Unknown type|Unable to/i.test(w));
    assert.deepEqual(undecodable, [], 'polkadot.js warned while decoding');
  });

  test('a signed transfer_keep_alive is included, finalized, emits Transfer and moves balances', async () => {
    const amount = 12n * UNIT;
    const before = await api.query.system.account.multi([alice.address, bob.address]);
    const { events, blockHash } = await submitFinalized(api, api.tx.balances.transferKeepAlive(bob.address, amount), alice);

    const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event));
    assert.ok(transfer, 'no Balances.Transfer event');
    const [from, to, value] = transfer.event.data;
    assert.equal(from.toString(), alice.address);
    assert.equal(to.toString(), bob.address);
    assert.equal(value.toBigInt(), amount);
    assert.ok(events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)));
    const feeEvent = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
    assert.ok(feeEvent, 'no TransactionFeePaid event');
    const fee = feeEvent.event.data.actualFee.toBigInt();
    assert.ok(fee > 0n);

    const atBlock = await api.at(blockHash);
    const [aliceAfter, bobAfter] = await atBlock.query.system.account.multi([alice.address, bob.address]);
    assert.equal(bobAfter.data.free.toBigInt(), before[1].data.free.toBigInt() + amount);
    assert.equal(aliceAfter.data.free.toBigInt(), before[0].data.free.toBigInt() - amount - fee);
  });

  test('a transfer from an account without funds is rejected and changes nothing', async () => {
    const pauper = keyring.addFromMnemonic(mnemonicGenerate());
    const bobBefore = (await api.query.system.account(bob.address)).data.free.toBigInt();
    const issuanceBefore = (await api.query.balances.totalIssuance()).toBigInt();

    await assert.rejects(
      api.tx.balances.transferKeepAlive(bob.address, UNIT).signAndSend(pauper),
      (error) => {
        // The pool refuses it before it reaches a block: the account cannot pay the fee.
        assert.match(error.message, /1010: Invalid Transaction: Inability to pay some fees/);
        return true;
      }
    );

    const start = (await api.rpc.chain.getHeader()).number.toNumber();
    await waitForFinalized(api, start + 1);
    const pauperAccount = await api.query.system.account(pauper.address);
    assert.equal(pauperAccount.nonce.toNumber(), 0);
    assert.equal(pauperAccount.data.free.toBigInt(), 0n);
    assert.equal((await api.query.system.account(bob.address)).data.free.toBigInt(), bobBefore);
    assert.equal((await api.query.balances.totalIssuance()).toBigInt(), issuanceBefore);
  });

  test('a wallet can prove the metadata it signed with (CheckMetadataHash)', async () => {
    // What a hardware wallet does: merkleize the chain's metadata (RFC 78) and sign its digest.
    const metadata = (await api.call.metadata.metadataAtVersion(15)).unwrap().toU8a(true);
    const digest = merkleizeMetadata(metadata, { decimals: 12, tokenSymbol: 'CONF' }).digest();
    const metadataHash = u8aToHex(digest);
    const transfer = api.tx.balances.transferKeepAlive(bob.address, UNIT);
    const { events } = await submitFinalized(api, transfer, alice, { mode: 1, metadataHash });
    assert.ok(events.some(({ event }) => api.events.balances.Transfer.is(event)));

    // A transaction signed against other metadata is refused: the runtime's hash is part of
    // what the signature covers.
    const wrong = u8aToHex(new Uint8Array(32).fill(7));
    await assert.rejects(
      api.tx.balances.transferKeepAlive(bob.address, UNIT).signAndSend(alice, { mode: 1, metadataHash: wrong }),
      /1010: Invalid Transaction: Transaction has a bad signature/
    );
  });

  test('serves Prometheus metrics', async () => {
    const response = await fetch(`http://127.0.0.1:${node.prometheusPort}/metrics`);
    assert.equal(response.status, 200);
    const body = await response.text();
    assert.match(body, /substrate_block_height\{status="finalized"/);
  });
});
