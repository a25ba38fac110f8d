// The app in Chromium against a real dev node: the federation values Care Collective credit at
// 1.25 federation units an hour (the bakery's stays at 1), and Alice of the bakery pays Dave of
// the Care Collective. Before she signs, the page says what Dave receives, worked out here from
// both currencies' exchange rates as the chain reports them; on chain Alice's balance goes down
// by what she paid and Dave's up by what the page said.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { chooseAccount, openApp, openScreen, signAndWait } from '../lib/browser.mjs';
import { assertCurrenciesSumToZero, creditBalance } from '../lib/credit.mjs';
import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { decideInFederation } from '../lib/governance.mjs';
import { FIXED, HOUR } from '../lib/units.mjs';

/** Hundredths of an hour as the app writes them (whole minutes here). */
const hoursText = (units) => {
  const h = units / HOUR;
  const min = (units % HOUR) * 60n / HOUR;
  return [h > 0n ? `${h} h` : '', min > 0n ? `${min} min` : ''].filter(Boolean).join(' ') || '0 h';
};

describe('the app: paying a member of another cooperative', { timeout: 400_000 }, () => {
  let chain, app, alice, dave;

  before(async () => {
    chain = await startDevChain('app-pay-across');
    const { api, signers } = chain;
    [alice, dave] = ['//Alice', '//Dave'].map((uri) => chain.keyring.addFromUri(uri));
    await decideInFederation(api, signers, {
      proposer: 0, voters: [0, 1, 2], track: 'Federation', call: api.tx.mutualCredit.setExchangeRate(1, FIXED * 5n / 4n)
    });
    app = await openApp(chain.node.wsUrl);
  });

  after(async () => {
    await app?.close();
    await stopDevChain(chain);
  });

  test('Alice pays Dave 2 h; he receives what the page said', async () => {
    const { page } = app;
    const { api } = chain;
    const rate = async (coop) => (await api.call.mutualCreditApi.currency(coop)).exchangeRate.toBigInt();
    const [fromRate, toRate] = [await rate(0), await rate(1)];
    assert.equal(toRate, FIXED * 5n / 4n);
    // The runtime's conversion: into federation units, then into the payee's, rounded down each time.
    const paid = 2n * HOUR;
    const receives = (paid * fromRate / FIXED) * FIXED / toRate;
    assert.equal(receives, 160n); // 1 h 36 min
    const before = { alice: await creditBalance(api, 0, alice.address), dave: await creditBalance(api, 1, dave.address) };

    await chooseAccount(page, 'Alice');
    await openScreen(page, 'Pay');
    await page.getByLabel('Their cooperative').selectOption({ label: 'Care Collective' });
    await page.getByLabel('Pay to').fill('Dave');
    await page.getByLabel('Amount (hours)').fill('2');
    await page.getByTestId('pay-receives').filter({ hasText: `Dave receives ${hoursText(receives)} of Care Collective credit.` }).waitFor();
    await page.getByRole('button', { name: 'Review' }).click();
    assert.equal(await page.getByTestId('tx-what').innerText(),
      `Pay 2 h of Bakery Cooperative credit to Dave; they receive ${hoursText(receives)} of Care Collective credit.`);
    await app.shot('pay-across-review');
    await signAndWait(page);

    assert.equal(await creditBalance(api, 0, alice.address), before.alice - paid);
    assert.equal(await creditBalance(api, 1, dave.address), before.dave + receives);
    // Each currency still sums to zero (the cooperatives' accounts carry the other side).
    await assertCurrenciesSumToZero(api, [0, 1]);
    assert.deepEqual(app.problems.filter((p) => p.startsWith('page error')), []);
  });
});
