// Redemption on a real dev node: a cooperative's reserve is funded (75% / 25%), the cooperative
// sets its rate by poll, a member redeems subsistence credit it earned and receives CONF, the
// credit leaves circulation (every currency still sums to zero), and a request the bucket
// cannot pay waits in the queue until a deposit serves it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';


import { assertCurrenciesSumToZero } from '../lib/credit.mjs';
import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { decideInCooperative, eventsOf } from '../lib/governance.mjs';
import { submitFinalized } from '../lib/node.mjs';
import { HOUR, UNIT, perHour } from '../lib/units.mjs';

/** What a waiting request holds (the runtime's `RequestDeposit`). */
const REQUEST_DEPOSIT = UNIT / 100n;

describe('redemption on a dev node', () => {
  let node, api, keyring, signers, alice, bob, ferdie;

  const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
  const reserve = async (coop) => api.call.redemptionApi.reserve(coop);

  before(async () => {
    ({ node, api, keyring, signers } = await startDevChain('redemption'));
    [alice, bob, ferdie] = ['//Alice', '//Bob', '//Ferdie'].map((uri) => keyring.addFromUri(uri));
  });

  after(() => stopDevChain({ node, api }));

  test('anyone funds a reserve, split 75% / 25%', async () => {
    const funded = await submitFinalized(api, api.tx.redemption.fund(0, 1_000n * UNIT), ferdie);
    const [event] = eventsOf(api, funded.events, 'redemption', 'Funded');
    assert.equal(event.data.subsistence.toBigInt(), 750n * UNIT);
    assert.equal(event.data.commons.toBigInt(), 250n * UNIT);
    const info = await reserve(0);
    assert.equal(info.subsistence.toBigInt(), 750n * UNIT);
    assert.equal(info.commons.toBigInt(), 250n * UNIT);
    // The runtime API names the account that holds the reserve: it holds what was funded.
    const account = await api.call.cooperativesApi.reserveAccount(0);
    assert.equal((await api.query.system.account(account)).data.free.toBigInt(), 1_000n * UNIT);
  });

  test('the cooperative sets a rate, and a member redeems subsistence credit for CONF', async () => {
    // 1 CONF per hour: 1/100 CONF per unit of credit, a price as the exchange writes it.
    await decideInCooperative(api, signers, 0, api.tx.redemption.setRate(0, perHour(1n)));
    assert.equal((await reserve(0)).rate.toBigInt(), perHour(1n));

    const submitted = await submitFinalized(api,
      api.tx.mutualCredit.submitContribution(0, 40n * HOUR, 'Subsistence', '0x' + '5e'.repeat(32)), alice);
    const [{ data: { id } }] = eventsOf(api, submitted.events, 'mutualCredit', 'ContributionSubmitted');
    await decideInCooperative(api, signers, 0, api.tx.mutualCredit.approveContribution(id));

    // Beyond the entitlement: refused, nothing changes.
    await assert.rejects(
      submitFinalized(api, api.tx.redemption.redeem(0, 'Subsistence', 41n * HOUR), alice, {}, { until: 'inBlock' }),
      /mutualCredit\.OverEntitlement/);
    // Not a member of the bakery: refused.
    await assert.rejects(
      submitFinalized(api, api.tx.redemption.redeem(0, 'Subsistence', 1n), ferdie, {}, { until: 'inBlock' }),
      /redemption\.NotMember/);

    const before = await free(alice);
    const redeemed = await submitFinalized(api, api.tx.redemption.redeem(0, 'Subsistence', 10n * HOUR), alice);
    const [event] = eventsOf(api, redeemed.events, 'redemption', 'Redeemed');
    // 10 hours at 1 CONF, less the 2% exit fee.
    assert.equal(event.data.payout.toBigInt(), 98n * UNIT / 10n);
    assert.equal(event.data.fee.toBigInt(), 2n * UNIT / 10n);
    const fees = redeemed.events.filter(({ event: e }) => e.section === 'transactionPayment')
      .reduce((sum, { event: e }) => sum + e.data.actualFee.toBigInt(), 0n);
    assert.equal(await free(alice), before + 98n * UNIT / 10n - fees);
    const account = await api.call.mutualCreditApi.account(0, alice.address);
    assert.equal(account.balance.toBigInt(), 30n * HOUR);
    assert.equal(account.subsistenceEntitlement.toBigInt(), 30n * HOUR);
    assert.equal((await reserve(0)).subsistence.toBigInt(), 750n * UNIT - 98n * UNIT / 10n);
  });

  test('a request the bucket cannot pay waits, and the next deposit serves it', async () => {
    // The Care Collective's reserve is empty: Dave's redemption waits.
    const dave = keyring.addFromUri('//Dave');
    await decideInCooperative(api, signers, 1, api.tx.redemption.setRate(1, perHour(1n)));
    const submitted = await submitFinalized(api,
      api.tx.mutualCredit.submitContribution(1, 5n * HOUR, 'Commons', '0x' + 'da'.repeat(32)), dave);
    const [{ data: { id } }] = eventsOf(api, submitted.events, 'mutualCredit', 'ContributionSubmitted');
    await decideInCooperative(api, signers, 1, api.tx.mutualCredit.approveContribution(id));
    const queued = await submitFinalized(api, api.tx.redemption.redeem(1, 'Commons', 5n * HOUR), dave);
    const [waiting] = eventsOf(api, queued.events, 'redemption', 'Queued');
    assert.equal(waiting.data.payout.toBigInt(), 49n * UNIT / 10n);
    assert.equal((await reserve(1)).commonsQueue.toNumber(), 1);
    // Someone else cannot cancel it.
    await assert.rejects(
      submitFinalized(api, api.tx.redemption.cancel(1, 'Commons', waiting.data.index), bob, {}, { until: 'inBlock' }),
      /redemption\.NotRequester/);

    const before = await free(dave);
    const funded = await submitFinalized(api, api.tx.redemption.fund(1, 100n * UNIT), ferdie);
    const [served] = eventsOf(api, funded.events, 'redemption', 'QueueServed');
    assert.equal(served.data.who.toString(), dave.address);
    // Paid, and the request's deposit (0.01 CONF, held while it waited) comes back.
    assert.equal(await free(dave), before + 49n * UNIT / 10n + REQUEST_DEPOSIT);
    assert.equal((await reserve(1)).commonsQueue.toNumber(), 0);
  });

  test('credit still sums to zero in every currency', async () => {
    await assertCurrenciesSumToZero(api, [0, 1]);
  });
});
