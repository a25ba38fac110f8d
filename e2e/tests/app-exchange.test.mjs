// The app in Chromium against a real dev node: Alice (bakery) offers credit she holds for CONF
// with a price typed in CONF per hour; the book's depth chart shows it; Dave (Care Collective)
// buys part of it, with the quote shown before he signs; the chain's book and balances agree.
// Then Alice cancels what is left of her order from "My orders": the order leaves the book and
// the credit it offered is released.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { chooseAccount, openApp, openScreen, signAndWait } from '../lib/browser.mjs';
import { creditBalance } from '../lib/credit.mjs';
import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { submitFinalized } from '../lib/node.mjs';
import { HOUR, perHour } from '../lib/units.mjs';

const FEE = (amount) => (amount * 3n + 999n) / 1_000n; // the exchange's 0.3%, rounded up

describe('the app: two members trade on the exchange', { timeout: 300_000 }, () => {
  let chain, app, alice, bob, dave;

  before(async () => {
    chain = await startDevChain('app-exchange');
    [alice, bob, dave] = ['//Alice', '//Bob', '//Dave'].map((uri) => chain.keyring.addFromUri(uri));
    // Alice holds 5 hours of bakery credit: Bob paid her.
    await submitFinalized(chain.api, chain.api.tx.mutualCredit.transfer(0, alice.address, 5n * HOUR), bob, {}, { until: 'inBlock' });
    app = await openApp(chain.node.wsUrl);
  });

  after(async () => {
    await app?.close();
    await stopDevChain(chain);
  });

  test('one member sells credit, another buys it', async () => {
    const { page } = app;
    const { api } = chain;
    const asks = async () => (await api.call.dexApi.orderBook({ Credit: 0 }, 'Native', 10)).map((e) => e.toJSON());

    await chooseAccount(page, 'Alice');
    await openScreen(page, 'Exchange');
    await page.getByText('You hold 5 h you can offer').waitFor();
    await page.getByLabel('Hours', { exact: true }).fill('6');
    await page.getByLabel('Lowest price (CONF per hour)').fill('2');
    await page.getByRole('button', { name: 'Review' }).click();
    assert.equal(await page.getByTestId('ex-hours-error').innerText(), 'You can offer at most 5 h (credit you hold above zero).');
    await page.getByLabel('Hours', { exact: true }).fill('3');
    await page.getByTestId('ex-quote').filter({ hasText: 'Nothing trades at this price now' }).waitFor();
    await page.getByRole('button', { name: 'Review' }).click();
    assert.equal(await page.getByTestId('tx-what').innerText(), 'Offer 3 h of Bakery Cooperative credit at 2 CONF/h or more.');
    await signAndWait(page);
    const [ask] = await asks();
    assert.equal(BigInt(ask.remaining), 3n * HOUR);
    assert.equal(BigInt(ask.price), perHour(2n));
    await page.getByTestId('book-asks').filter({ hasText: '3 h @ 2 CONF/h' }).waitFor();
    await page.getByTestId('depth-asks').waitFor();
    await page.getByTestId('my-orders').filter({ hasText: 'Selling 3 h at 2 CONF/h' }).waitFor();
    await app.shot('exchange-ask');

    await chooseAccount(page, 'Dave');
    await page.getByLabel('Market').selectOption({ label: 'Bakery Cooperative credit for CONF' });
    await page.getByRole('tab', { name: 'Buy hours' }).click();
    await page.getByLabel('Hours', { exact: true }).fill('2');
    await page.getByLabel('Highest price (CONF per hour)').fill('2');
    // 4 CONF buy 2 hours, less the fee in credit (1 hundredth of an hour).
    await page.getByTestId('ex-quote').filter({ hasText: 'Now this trades 4 CONF for 1 h 59 min (fee 1 min).' }).waitFor();
    await page.getByRole('button', { name: 'Review' }).click();
    assert.equal(await page.getByTestId('tx-what').innerText(), 'Buy up to 2 h of Bakery Cooperative credit at 2 CONF/h or less, paying at most 4 CONF.');
    await app.shot('exchange-buy-review');
    await signAndWait(page);

    assert.equal(await creditBalance(api, 0, dave.address), 2n * HOUR - FEE(2n * HOUR));
    const [left] = await asks();
    assert.equal(BigInt(left.remaining), HOUR);
    await page.getByTestId('book-asks').filter({ hasText: '1 h @ 2 CONF/h' }).waitFor();
    await app.shot('exchange-traded');
  });

  test('the seller cancels what is left of her order, and her credit is no longer on offer', async () => {
    const { page } = app;
    const { api } = chain;
    const [left] = (await api.call.dexApi.orderBook({ Credit: 0 }, 'Native', 10)).map((e) => e.toJSON());
    const offered = async () => (await api.call.mutualCreditApi.account(0, alice.address)).offered.toBigInt();
    assert.equal(await offered(), HOUR);

    await chooseAccount(page, 'Alice');
    await page.getByText('You hold 2 h you can offer').waitFor(); // 3 h held, 1 h of it on offer
    const mine = page.getByTestId('my-orders').getByRole('listitem').filter({ hasText: 'Selling 1 h at 2 CONF/h' });
    await mine.getByRole('button', { name: 'Cancel order' }).click();
    assert.equal(await page.getByTestId('tx-what').innerText(), `Cancel order #${left.id}: Selling 1 h at 2 CONF/h`);
    await signAndWait(page);
    await app.shot('exchange-cancelled');

    // On chain: the order is gone and the credit it offered is released.
    assert.equal((await api.query.dex.orders(left.id)).isNone, true);
    assert.deepEqual(await (await api.call.dexApi.orderBook({ Credit: 0 }, 'Native', 10)).map((e) => e.toJSON()), []);
    assert.equal(await offered(), 0n);
    assert.equal(await creditBalance(api, 0, alice.address), 3n * HOUR);
    // On the page: no order left, and the 3 hours she holds can be offered again.
    await page.getByTestId('my-orders').getByRole('listitem').first().waitFor({ state: 'detached' });
    await page.getByText('You have no orders.').waitFor();
    await page.getByText('You hold 3 h you can offer').waitFor();
  });
});
