// The app in Chromium against a real dev node: the bakery set a redemption rate but its reserve
// is empty, and Bob already waits in line. Alice redeems: before she signs, the page says her
// request will wait and its place (2); after, her request is listed with its place; she cancels
// it from the page, and her credit and entitlement come back (checked on chain).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { chooseAccount, openApp, openScreen, signAndWait } from '../lib/browser.mjs';
import { creditBalance } from '../lib/credit.mjs';
import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { decideInCooperative, eventsOf } from '../lib/governance.mjs';
import { submitFinalized } from '../lib/node.mjs';
import { HOUR, perHour } from '../lib/units.mjs';

describe('the app: a redemption waits in line, and is cancelled', { timeout: 400_000 }, () => {
  let chain, app, alice, bob;
  const inBlock = { until: 'inBlock' };

  before(async () => {
    chain = await startDevChain('app-redeem-queue');
    const { api } = chain;
    [alice, bob] = ['//Alice', '//Bob'].map((uri) => chain.keyring.addFromUri(uri));
    // Alice and Bob each worked 10 hours; the bakery approves both and sets a rate of 1 CONF/h
    // in one poll; nobody funds the reserve.
    const ids = [];
    for (const who of [alice, bob]) {
      const submitted = await submitFinalized(api, api.tx.mutualCredit.submitContribution(0, 10n * HOUR, 'Subsistence', '0x' + 'ab'.repeat(32)), who, {}, inBlock);
      ids.push(eventsOf(api, submitted.events, 'mutualCredit', 'ContributionSubmitted')[0].data.id.toNumber());
    }
    await decideInCooperative(api, chain.signers, 0, api.tx.utility.batchAll([
      ...ids.map((id) => api.tx.mutualCredit.approveContribution(id)),
      api.tx.redemption.setRate(0, perHour(1n))
    ]));
    // Bob redeems 1 hour: the empty fund cannot pay, so he waits first in line.
    await submitFinalized(api, api.tx.redemption.redeem(0, 'Subsistence', HOUR), bob, {}, inBlock);
    assert.equal((await api.call.redemptionApi.reserve(0)).subsistenceQueue.toNumber(), 1);
    app = await openApp(chain.node.wsUrl);
  });

  after(async () => {
    await app?.close();
    await stopDevChain(chain);
  });

  test('a member sees her place in line, then cancels and gets her credit back', async () => {
    const { page } = app;
    const { api } = chain;
    const account = async () => api.call.mutualCreditApi.account(0, alice.address);
    const requests = async () => (await api.query.redemption.requests.entries([0, 'Subsistence']))
      .map(([key, value]) => ({ index: key.args[1].toNumber(), who: value.unwrap().who.toString(), credit: value.unwrap().credit.toBigInt() }));

    await chooseAccount(page, 'Alice');
    await openScreen(page, 'Redeem');
    await page.getByTestId('redeem-rate').filter({ hasText: 'Rate: 1 CONF/h; exit fee 2%.' }).waitFor();
    await page.getByTestId('redeem-waiting').getByText('You have no requests waiting.').waitFor();
    await page.getByLabel('Hours to redeem').fill('3');
    // Before signing: the fund cannot pay, the request will wait, second in line.
    assert.match(await page.getByTestId('redeem-quote').innerText(),
      /^The fund cannot pay this now: your request will wait in line, place 2\. .*\n?While it waits, a deposit of 0\.01 CONF is held/s);
    await page.getByRole('button', { name: 'Review' }).click();
    assert.equal(await page.getByTestId('tx-what').innerText(), 'Redeem 3 h of Subsistence work: it waits in line (place 2) for 2.94 CONF.');
    await signAndWait(page);

    // On chain: her request waits behind Bob's; her 3 hours left her balance.
    const waiting = (await requests()).filter((r) => r.who === alice.address);
    assert.equal(waiting.length, 1);
    assert.equal(waiting[0].credit, 3n * HOUR);
    assert.equal(await creditBalance(api, 0, alice.address), 7n * HOUR);
    // On the page: listed, with its place.
    await page.getByTestId('tx-flow').getByRole('button', { name: 'Done' }).click();
    const item = page.getByTestId(`waiting-Subsistence-${waiting[0].index}`);
    await item.filter({ hasText: '3 h of Subsistence work for 2.94 CONF: place 2 in line' }).waitFor();
    await page.getByText('Subsistence 7 h · Commons 0 h').waitFor();
    await app.shot('redeem-queued');

    // She cancels it from the page.
    await item.getByRole('button', { name: 'Cancel request' }).click();
    assert.equal(await page.getByTestId('tx-what').innerText(),
      'Cancel your request to redeem 3 h of Subsistence work (place 2 in line): the 3 h come back to your balance.');
    await signAndWait(page);
    await app.shot('redeem-cancelled');

    // On chain: her request is gone (Bob's still waits), her credit and entitlement are back.
    assert.deepEqual((await requests()).map((r) => r.who), [bob.address]);
    const after = await account();
    assert.equal(after.balance.toBigInt(), 10n * HOUR);
    assert.equal(after.subsistenceEntitlement.toBigInt(), 10n * HOUR);
    await page.getByTestId('redeem-waiting').getByText('You have no requests waiting.').waitFor();
    await page.getByText('Subsistence 10 h · Commons 0 h').waitFor();
    assert.deepEqual(app.problems.filter((p) => p.startsWith('page error')), []);
  });
});
