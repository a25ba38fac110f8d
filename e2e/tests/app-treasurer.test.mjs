// The app in Chromium against a real dev node: the cooperative decides together. Charlie
// submits work with a note; Alice, on "Decide together", sees it pending with the note (kept in
// this browser) and proposes its approval as a poll, read in words before she signs; Alice, Bob
// and Charlie each vote for it in the app (switching the development account in the picker);
// the poll is closed from the app; Charlie's balance and entitlement rose, on the page and on
// chain. Then, when the node has pallet-utility, two decisions in one poll (add a member and set
// its credit limit), carried out together; without it, the screen says one decision per poll.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { chooseAccount, openApp, openScreen, signAndWait } from '../lib/browser.mjs';
import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { membersOf } from '../lib/governance.mjs';
import { HOUR } from '../lib/units.mjs';

describe('the app: a cooperative decides together', { timeout: 600_000 }, () => {
  let chain, app, charlie, dave;

  before(async () => {
    chain = await startDevChain('app-treasurer');
    [charlie, dave] = ['//Charlie', '//Dave//stash'].map((uri) => chain.keyring.addFromUri(uri));
    app = await openApp(chain.node.wsUrl);
  });

  after(async () => {
    await app?.close();
    await stopDevChain(chain);
  });

  /** Every member of the bakery votes for `poll` from the app, one after the other. */
  async function everyoneVotesFor (page, poll) {
    for (const name of ['Alice', 'Bob', 'Charlie']) {
      await chooseAccount(page, name);
      await openScreen(page, 'Polls');
      const card = page.getByTestId(`poll-${poll}`);
      await card.getByRole('button', { name: 'For', exact: true }).click();
      await signAndWait(page);
      await card.filter({ hasText: 'You voted for.' }).waitFor();
      await page.getByTestId('tx-flow').getByRole('button', { name: 'Done' }).click();
    }
  }

  /** The id of the newest poll on chain. */
  const newestPoll = async (api) => (await api.query.governance.nextPollId()).toNumber() - 1;

  test('work is approved by a poll proposed, voted and closed in the app', async () => {
    const { page } = app;
    const { api } = chain;
    await chooseAccount(page, 'Charlie');
    await openScreen(page, 'Work');
    await page.getByLabel('Hours worked').fill('3:30');
    await page.getByLabel('Kind of work').selectOption({ label: 'Commons' });
    await page.getByLabel('What you did').fill('Fixed the oven door');
    await page.getByRole('button', { name: 'Review' }).click();
    await signAndWait(page);
    const [[key]] = await api.query.mutualCredit.contributions.entries();
    const id = key.args[0].toNumber();

    // Alice proposes its approval.
    await chooseAccount(page, 'Alice');
    await openScreen(page, 'Decide together');
    const pending = page.getByTestId(`contribution-${id}`);
    await pending.filter({ hasText: `#${id} · Charlie · 3:30 h · Commons` }).waitFor();
    await pending.filter({ hasText: '“Fixed the oven door”' }).waitFor();
    await pending.filter({ hasText: /Evidence fingerprint 0x[0-9a-f]{8}…[0-9a-f]{8}/ }).waitFor();
    await app.shot('treasurer');
    await pending.getByRole('button', { name: 'Approve' }).click();
    const decisions = page.getByTestId('decisions');
    await decisions.getByText(`Approve contribution #${id} by Charlie: 3 h 30 min (Commons)`).waitFor();
    await page.getByTestId('proposal').getByRole('button', { name: 'Propose', exact: true }).click();
    assert.equal(await page.getByTestId('tx-what').innerText(),
      `Open a poll in Bakery Cooperative: Approve contribution #${id} by Charlie: 3 h 30 min (Commons)`);
    await app.shot('treasurer-review');
    await signAndWait(page);
    const poll = await newestPoll(api);
    await page.getByTestId('proposed').filter({ hasText: `Proposed as poll #${poll}. The members can vote on it now.` }).waitFor();
    const onChain = (await api.query.governance.polls(poll)).unwrap();
    assert.equal(onChain.scope.asCooperative.toNumber(), 0);
    assert.equal(api.createType('Call', onChain.proposal.toU8a(true)).method, 'approveContribution');

    const before = await api.call.mutualCreditApi.account(0, charlie.address);
    await everyoneVotesFor(page, poll);
    const card = page.getByTestId(`poll-${poll}`);
    await card.getByText('Turnout: 3 of 3 members').waitFor();
    await card.getByRole('button', { name: 'Close the poll' }).click();
    await signAndWait(page);

    const account = await api.call.mutualCreditApi.account(0, charlie.address);
    assert.equal(account.balance.toBigInt() - before.balance.toBigInt(), 350n);
    assert.equal(account.commonsEntitlement.toBigInt() - before.commonsEntitlement.toBigInt(), 350n);
    assert.equal(account.balance.toBigInt(), 3n * HOUR + 50n);
    assert.ok((await api.query.mutualCredit.contributions(id)).isNone, 'the contribution is settled');
    // On Charlie's page.
    await chooseAccount(page, 'Charlie');
    await openScreen(page, 'My cooperatives');
    await page.getByTestId('coop-0-balance').filter({ hasText: '3 h 30 min' }).waitFor();
    await page.getByTestId('coop-0-entitlements').filter({ hasText: 'Subsistence 0 h · Commons 3 h 30 min' }).waitFor();
  });

  test('two decisions in one poll, carried out together (needs pallet-utility)', async (t) => {
    const { page } = app;
    const { api } = chain;
    await chooseAccount(page, 'Alice');
    await openScreen(page, 'Decide together');
    if (!api.tx.utility?.batchAll) {
      await page.getByTestId('no-batch').waitFor();
      t.skip('this node has no utility pallet (api.tx.utility is undefined): batch not tested');
      return;
    }
    assert.equal(await page.getByTestId('no-batch').count(), 0);
    const members = page.getByTestId('form-members');
    await members.getByLabel('Add a member').fill('Dave (stash)');
    await members.getByRole('button', { name: 'Add to proposal' }).click();
    const limits = page.getByTestId('form-limits');
    await limits.getByLabel('Member', { exact: true }).fill('Dave (stash)');
    await limits.getByLabel('Their credit limit (hours)').fill('20');
    await limits.getByRole('button', { name: 'Add to proposal' }).click();
    const decisions = page.getByTestId('decisions');
    await decisions.getByText('Add Dave (stash) as a member of Bakery Cooperative').waitFor();
    await decisions.getByText('Set the credit limit of Dave (stash) in Bakery Cooperative to 20 h').waitFor();
    await page.getByRole('button', { name: 'Propose all as one poll' }).click();
    const what = await page.getByTestId('tx-what').innerText();
    assert.match(what, /^Open one poll in Bakery Cooperative on 2 decisions, carried out together: \(1\) Add Dave \(stash\) as a member of Bakery Cooperative; \(2\) Set the credit limit of Dave \(stash\) in Bakery Cooperative to 20 h$/);
    await app.shot('treasurer-batch');
    await signAndWait(page);
    const poll = await newestPoll(api);
    const proposal = api.createType('Call', (await api.query.governance.polls(poll)).unwrap().proposal.toU8a(true));
    assert.equal(`${proposal.section}.${proposal.method}`, 'utility.batchAll');

    await everyoneVotesFor(page, poll);
    await page.getByTestId(`poll-${poll}`).getByRole('button', { name: 'Close the poll' }).click();
    await signAndWait(page);
    assert.ok((await membersOf(api, 0)).includes(dave.address), 'Dave (stash) is a member of the bakery');
    assert.equal((await api.call.mutualCreditApi.account(0, dave.address)).creditLimit.toBigInt(), 20n * HOUR);
  });
});
