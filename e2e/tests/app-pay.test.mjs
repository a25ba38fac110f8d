// The app in Chromium against a real dev node: a member pays another (the page says what it
// does and that it is free, then that it is finalized; the chain agrees), and bad inputs — an
// amount over what the member can spend, a negative number, letters, a non-member payee, empty
// fields — each show a clear message next to the field and send nothing (the nonce and the
// balances do not change).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { chooseAccount, openApp, openScreen, signAndWait } from '../lib/browser.mjs';
import { creditBalance } from '../lib/credit.mjs';
import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { HOUR } from '../lib/units.mjs';

describe('the app: paying a member, and refusing bad inputs', { timeout: 300_000 }, () => {
  let chain, app, alice, bob, dave;

  before(async () => {
    chain = await startDevChain('app-pay');
    [alice, bob, dave] = ['//Alice', '//Bob', '//Dave'].map((uri) => chain.keyring.addFromUri(uri));
    app = await openApp(chain.node.wsUrl);
  });

  after(async () => {
    await app?.close();
    await stopDevChain(chain);
  });

  test('Alice sees her cooperative, and pays Bob 1 h 30 min', async () => {
    const { page } = app;
    await chooseAccount(page, 'Alice');
    const card = page.getByTestId('coop-0');
    await card.getByRole('heading', { name: 'Bakery Cooperative' }).waitFor();
    await card.getByTestId('coop-0-balance').filter({ hasText: '0 h' }).waitFor();
    await app.shot('home');

    await openScreen(page, 'Pay');
    await page.getByLabel('Pay to').fill('Bob');
    await page.getByLabel('Amount (hours)').fill('1:30');
    await page.getByRole('button', { name: 'Review' }).click();
    const flow = page.getByTestId('tx-flow');
    assert.equal(await flow.getByTestId('tx-what').innerText(), 'Pay 1 h 30 min to Bob in Bakery Cooperative credit.');
    await flow.getByTestId('tx-fee').filter({ hasText: /^Free \(\d+ of your \d+ free actions left this period\)$/ }).waitFor();
    await app.shot('pay-review');
    await signAndWait(page);
    await app.shot('pay-done');

    // On chain: Bob holds 1.5 hours more, Alice owes them.
    assert.equal(await creditBalance(chain.api, 0, bob.address), 3n * HOUR / 2n);
    assert.equal(await creditBalance(chain.api, 0, alice.address), -3n * HOUR / 2n);
    // On the page: Alice's balance says she owes 1 h 30 min.
    await openScreen(page, 'My cooperatives');
    await page.getByTestId('coop-0-balance').filter({ hasText: 'owes 1 h 30 min' }).waitFor();
  });

  test('bad inputs show a message next to the field and send nothing', async () => {
    const { page } = app;
    const nonce = async () => (await chain.api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const before = { nonce: await nonce(), alice: await creditBalance(chain.api, 0, alice.address) };
    await openScreen(page, 'Pay');
    const payee = page.getByLabel('Pay to');
    const amount = page.getByLabel('Amount (hours)');
    const review = page.getByRole('button', { name: 'Review' });
    const amountError = page.getByTestId('pay-amount-error');
    const payeeError = page.getByTestId('pay-to-error');

    // Empty fields.
    await review.click();
    assert.equal(await payeeError.innerText(), 'Please fill this in.');
    assert.equal(await amountError.innerText(), 'Please fill this in.');

    await payee.fill('Bob');
    for (const [typed, message] of [
      ['100000', /^That is more than you can spend: \d+ h( \d+ min)?\.$/],
      ['-2', /^The amount cannot be negative\.$/],
      ['two hours', /^This is not an amount\./]
    ]) {
      await amount.fill(typed);
      await review.click();
      assert.match(await amountError.innerText(), message, `for ${typed}`);
      assert.equal(await page.getByTestId('tx-flow').count(), 0, `nothing to sign for ${typed}`);
    }
    await app.shot('pay-bad-amount');

    // Dave is in the Care Collective, not the bakery.
    await amount.fill('1');
    await payee.fill('Dave');
    await review.click();
    assert.equal(await payeeError.innerText(), 'Dave is not a member of Bakery Cooperative.');
    await payee.fill('nobody');
    await review.click();
    assert.match(await payeeError.innerText(), /^Nobody by that name or address/);
    assert.equal(await page.getByTestId('tx-flow').count(), 0);
    await app.shot('pay-bad-payee');

    // Nothing was sent: same nonce, same balance, and Dave received nothing.
    assert.equal(await nonce(), before.nonce);
    assert.equal(await creditBalance(chain.api, 0, alice.address), before.alice);
    assert.equal(await creditBalance(chain.api, 0, dave.address), 0n);
    assert.deepEqual(app.problems.filter((p) => p.startsWith('page error')), []);
  });
});
