// Mutual credit on a real dev node: a member submits work, its cooperative approves it by poll,
// the member pays another member, a member pays a member of another cooperative across, and the
// runtime API shows every currency (and the federation) summing to zero.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';


import { assertCurrenciesSumToZero } from '../lib/credit.mjs';
import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { decideInCooperative, eventsOf, membersOf } from '../lib/governance.mjs';
import { submitFinalized } from '../lib/node.mjs';
import { HOUR } from '../lib/units.mjs';

describe('mutual credit on a dev node', () => {
  let node, api, keyring, signers, alice, bob, dave;

  /** `who`'s account in `coop`'s currency, as numbers/bigints. */
  async function account (coop, who) {
    const info = await api.call.mutualCreditApi.account(coop, who);
    return {
      balance: info.balance.toBigInt(),
      creditLimit: info.creditLimit.toBigInt(),
      available: info.available.toBigInt(),
      subsistence: info.subsistenceEntitlement.toBigInt(),
      commons: info.commonsEntitlement.toBigInt(),
    };
  }

  before(async () => {
    ({ node, api, keyring, signers } = await startDevChain('credit'));
    [alice, bob, dave] = ['//Alice', '//Bob', '//Dave'].map((uri) => keyring.addFromUri(uri));
  });

  after(() => stopDevChain({ node, api }));

  test('every genesis member has an account with the default credit limit', async () => {
    for (const coop of [0, 1, 2]) {
      for (const member of await membersOf(api, coop)) {
        const info = await account(coop, member);
        assert.equal(info.balance, 0n);
        assert.equal(info.creditLimit, 20n * HOUR);
        assert.equal(info.available, 20n * HOUR);
      }
      const currency = await api.call.mutualCreditApi.currency(coop);
      assert.equal(currency.federationLimit.toBigInt(), 500n * HOUR);
      assert.equal(currency.federationPosition.toBigInt(), 0n);
    }
  });

  test('a member submits work and the cooperative approves it by poll', async () => {
    const evidence = '0x' + 'ab'.repeat(32);
    const reservedBefore = (await api.query.system.account(alice.address)).data.reserved.toBigInt();
    const submitted = await submitFinalized(api,
      api.tx.mutualCredit.submitContribution(0, 250n, 'Subsistence', evidence), alice);
    const [event] = eventsOf(api, submitted.events, 'mutualCredit', 'ContributionSubmitted');
    const id = event.data.id.toNumber();
    assert.equal(event.data.hours.toBigInt(), 250n);
    assert.equal(event.data.evidence.toHex(), evidence);
    assert.ok((await api.query.system.account(alice.address)).data.reserved.toBigInt() > reservedBefore,
      'the deposit is held');

    const events = await decideInCooperative(api, signers, 0, api.tx.mutualCredit.approveContribution(id));
    const [approved] = eventsOf(api, events, 'mutualCredit', 'ContributionApproved');
    assert.equal(approved.data.amount.toBigInt(), 250n);
    assert.equal(approved.data.category.toString(), 'Subsistence');
    assert.equal((await api.query.system.account(alice.address)).data.reserved.toBigInt(), reservedBefore,
      'the deposit is released');
    const info = await account(0, alice.address);
    assert.equal(info.balance, 250n);
    assert.equal(info.subsistence, 250n);
    assert.equal(info.commons, 0n);
    const coopAccount = (await api.call.cooperativesApi.cooperativeAccount(0)).toString();
    assert.equal((await account(0, coopAccount)).balance, -250n, 'the cooperative issued it');
    // Approved once only: a second poll on the same contribution fails.
    await assert.rejects(
      decideInCooperative(api, signers, 0, api.tx.mutualCredit.approveContribution(id)),
      /mutualCredit\.UnknownContribution/);
  });

  test('a member pays another member, within its credit limit only', async () => {
    const paid = await submitFinalized(api, api.tx.mutualCredit.transfer(0, bob.address, 100n), alice);
    const [event] = eventsOf(api, paid.events, 'mutualCredit', 'Transferred');
    assert.equal(event.data.from.toString(), alice.address);
    assert.equal(event.data.to.toString(), bob.address);
    assert.equal(event.data.amount.toBigInt(), 100n);
    assert.equal((await account(0, alice.address)).balance, 150n);
    assert.equal((await account(0, bob.address)).balance, 100n);

    // Bob holds 100 and may owe 2,000: 2,101 is one too many, and nothing changes.
    await assert.rejects(
      submitFinalized(api, api.tx.mutualCredit.transfer(0, alice.address, 2_101n), bob, {}, { until: 'inBlock' }),
      /mutualCredit\.OverCreditLimit/);
    assert.equal((await account(0, bob.address)).balance, 100n);
    // Dave is not a member of the Bakery: he cannot be paid in its credit.
    await assert.rejects(
      submitFinalized(api, api.tx.mutualCredit.transfer(0, dave.address, 1n), bob, {}, { until: 'inBlock' }),
      /mutualCredit\.NotMember/);
  });

  test('a member pays a member of another cooperative across the federation', async () => {
    const paid = await submitFinalized(api,
      api.tx.mutualCredit.transferAcross(0, 1, dave.address, 3n * HOUR), bob);
    const [event] = eventsOf(api, paid.events, 'mutualCredit', 'TransferredAcross');
    assert.equal(event.data.paid.toBigInt(), 300n);
    assert.equal(event.data.federationUnits.toBigInt(), 300n);
    assert.equal(event.data.received.toBigInt(), 300n);
    assert.equal((await account(0, bob.address)).balance, -200n);
    assert.equal((await account(1, dave.address)).balance, 300n);
    const positions = await Promise.all([0, 1, 2].map(async (coop) =>
      (await api.call.mutualCreditApi.currency(coop)).federationPosition.toBigInt()));
    assert.deepEqual(positions, [-300n, 300n, 0n]);
    // The payee must be a member of the other cooperative; a refused payment changes nothing.
    await assert.rejects(
      submitFinalized(api, api.tx.mutualCredit.transferAcross(0, 1, alice.address, 1n), bob, {}, { until: 'inBlock' }),
      /mutualCredit\.NotMember/);
    assert.equal((await account(0, bob.address)).balance, -200n);
  });

  test('every currency and the federation sum to zero', async () => {
    const balances = await assertCurrenciesSumToZero(api, [0, 1, 2]);
    let positions = 0n;
    for (const coop of [0, 1, 2]) {
      positions += (await api.call.mutualCreditApi.currency(coop)).federationPosition.toBigInt();
    }
    assert.equal(positions, 0n, 'the federation positions sum to zero');
    // And credit did move: this is not the sum of nothing.
    assert.ok(balances.get(0).some((b) => b !== 0n));
    assert.ok(balances.get(1).some((b) => b !== 0n));
  });
});
