// The app in Chromium against a real dev node: Alice submits work with a note; the bakery's
// poll on it shows in words, she votes for it and closes it from the app (the others vote
// through the API); then, with the reserve funded and the rate set by the cooperative (done with
// @polkadot/api, as free.test.mjs does), she redeems part of it: the app says what she will
// receive before she signs, and the chain pays exactly that.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { chooseAccount, openApp, openScreen, signAndWait } from '../lib/browser.mjs';
import { creditBalance } from '../lib/credit.mjs';
import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { decideInCooperative, eventsOf } from '../lib/governance.mjs';
import { submitFinalized } from '../lib/node.mjs';
import { HOUR, UNIT, perHour } from '../lib/units.mjs';

describe('the app: work, a poll, and redemption', { timeout: 400_000 }, () => {
  let chain, app, alice, bob, charlie, ferdie;
  const inBlock = { until: 'inBlock' };

  before(async () => {
    chain = await startDevChain('app-redeem');
    [alice, bob, charlie, ferdie] = ['//Alice', '//Bob', '//Charlie', '//Ferdie'].map((uri) => chain.keyring.addFromUri(uri));
    app = await openApp(chain.node.wsUrl);
  });

  after(async () => {
    await app?.close();
    await stopDevChain(chain);
  });

  test('a member submits work, and votes for and closes the poll that approves it', async () => {
    const { page } = app;
    const { api } = chain;
    await chooseAccount(page, 'Alice');
    await openScreen(page, 'Work');
    await page.getByLabel('Hours worked').fill('10');
    await page.getByLabel('Kind of work').selectOption({ label: 'Subsistence' });
    await page.getByLabel('What you did').fill('Baked bread for the week');
    await page.getByRole('button', { name: 'Review' }).click();
    assert.equal(await page.getByTestId('tx-what').innerText(), 'Submit 10 h of Subsistence work for approval by Bakery Cooperative.');
    await signAndWait(page);
    const [[key, value]] = await api.query.mutualCredit.contributions.entries();
    const id = key.args[0].toNumber();
    assert.equal(value.unwrap().amount.toBigInt(), 10n * HOUR);
    await page.getByRole('listitem').filter({ hasText: `#${id}: 10 h (Subsistence)` }).filter({ hasText: 'Baked bread for the week' }).waitFor();

    // Bob proposes its approval; Alice reads it in words and votes for it.
    const proposed = await submitFinalized(api, api.tx.governance.propose({ Cooperative: 0 }, api.tx.mutualCredit.approveContribution(id)), bob, {}, inBlock);
    const [{ data: { poll } }] = eventsOf(api, proposed.events, 'governance', 'Proposed');
    await openScreen(page, 'Polls');
    const card = page.getByTestId(`poll-${poll}`);
    await card.getByTestId(`poll-${poll}-what`).filter({ hasText: `Approve contribution #${id} by Alice: 10 h (Subsistence)` }).waitFor();
    await card.getByRole('button', { name: 'For', exact: true }).click();
    await signAndWait(page);
    await card.filter({ hasText: 'You voted for.' }).waitFor();
    await app.shot('polls');
    await page.getByTestId('tx-flow').getByRole('button', { name: 'Done' }).click();

    // Bob and Charlie vote; everyone has voted, so Alice can close it.
    await Promise.all([bob, charlie].map((who) => submitFinalized(api, api.tx.governance.vote(poll, true), who, {}, inBlock)));
    await card.getByText('Turnout: 3 of 3 members').waitFor();
    await card.getByRole('button', { name: 'Close the poll' }).click();
    assert.equal(await page.getByTestId('tx-what').innerText(), `Close poll #${poll} and carry out its decision if approved.`);
    await signAndWait(page);
    // The poll is decided: it leaves the list.
    await card.waitFor({ state: 'detached' });
    const account = await api.call.mutualCreditApi.account(0, alice.address);
    assert.equal(account.balance.toBigInt(), 10n * HOUR);
    assert.equal(account.subsistenceEntitlement.toBigInt(), 10n * HOUR);
  });

  test('a member redeems credit and receives what the app said', async () => {
    const { page } = app;
    const { api } = chain;
    await submitFinalized(api, api.tx.redemption.fund(0, 100n * UNIT), ferdie, {}, inBlock);
    await decideInCooperative(api, chain.signers, 0, api.tx.redemption.setRate(0, perHour(1n)));

    await openScreen(page, 'Redeem');
    await page.getByTestId('redeem-rate').filter({ hasText: 'Rate: 1 CONF/h; exit fee 2%.' }).waitFor();
    await page.getByLabel('From which work').selectOption({ label: 'Subsistence' });
    // More than she earned: refused on the page.
    await page.getByLabel('Hours to redeem').fill('12');
    await page.getByRole('button', { name: 'Review' }).click();
    assert.equal(await page.getByTestId('redeem-amount-error').innerText(), 'That is more than you can redeem in this category: 10 h.');
    assert.equal(await page.getByTestId('tx-flow').count(), 0);

    await page.getByLabel('Hours to redeem').fill('2');
    // 2 hours at 1 CONF, less 2%: 1.96 CONF.
    assert.equal(await page.getByTestId('redeem-quote').innerText(), 'You will receive 1.96 CONF (after the exit fee of 0.04 CONF).');
    await page.getByRole('button', { name: 'Review' }).click();
    assert.equal(await page.getByTestId('tx-what').innerText(), 'Redeem 2 h of Subsistence work for 1.96 CONF.');
    await page.getByTestId('tx-fee').filter({ hasText: /^Free/ }).waitFor();
    await app.shot('redeem-review');
    const free = async () => (await api.query.system.account(alice.address)).data.free.toBigInt();
    const before = await free();
    await signAndWait(page);
    await app.shot('redeem-done');
    // The payout, whole: the transaction was free.
    assert.equal(await free(), before + 196n * UNIT / 100n);
    assert.equal(await creditBalance(api, 0, alice.address), 8n * HOUR);
    await page.getByText('Subsistence 8 h · Commons 0 h').waitFor();
  });
});
