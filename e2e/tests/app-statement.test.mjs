// The app in Chromium against a real dev node: a member's statement and the federation.
// Alice earns credit by approved work, pays and is paid in her cooperative, pays a member of
// another, sells credit on the exchange (as the resting order) and buys some (as the taker,
// paying the fee in credit) — all through @polkadot/api. Her statement, read from the chain's
// events block by block, lists those rows and reconciles (opening + rows = closing, both read
// from the chain); the CSV downloads, its rows sum from the opening to the closing, and the
// closing is her balance on chain. Then the federation screen shows the cooperatives, the
// currency chart, a federation poll on a runtime upgrade in words, and the validators.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { blake2AsHex } from '@polkadot/util-crypto';

import { chooseAccount, openApp, openScreen } from '../lib/browser.mjs';
import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { decideInCooperative, eventsOf } from '../lib/governance.mjs';
import { submitFinalized } from '../lib/node.mjs';
import { HOUR, UNIT, perHour } from '../lib/units.mjs';

/** Decimal hours ("-1.50") of a CSV cell as credit units. */
const units = (text) => {
  const m = /^(-)?(\d+)\.(\d\d)$/.exec(text);
  assert.ok(m, `hours in the CSV: ${text}`);
  return (m[1] ? -1n : 1n) * (BigInt(m[2]) * 100n + BigInt(m[3]));
};

/** A CSV line's fields (quoted fields may hold commas). */
const fields = (line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));

describe('the app: statement and federation', { timeout: 600_000 }, () => {
  let chain, app, alice, bob, dave;
  const inBlock = { until: 'inBlock' };

  before(async () => {
    chain = await startDevChain('app-statement');
    [alice, bob, dave] = ['//Alice', '//Bob', '//Dave'].map((uri) => chain.keyring.addFromUri(uri));
    app = await openApp(chain.node.wsUrl);
  });

  after(async () => {
    await app?.close();
    await stopDevChain(chain);
  });

  test('a statement of payments, work and trades reconciles, on the page and in the CSV', async () => {
    const { page } = app;
    const { api, signers } = chain;
    const tx = api.tx;
    // Work: 10 h approved by the bakery.
    const submitted = await submitFinalized(api, tx.mutualCredit.submitContribution(0, 10n * HOUR, 'Commons', blake2AsHex('bread')), alice, {}, inBlock);
    const [{ data: { id } }] = eventsOf(api, submitted.events, 'mutualCredit', 'ContributionSubmitted');
    await decideInCooperative(api, signers, 0, tx.mutualCredit.approveContribution(id));
    // Payments: to Bob, from Bob, across to Dave of the Care Collective.
    await submitFinalized(api, tx.mutualCredit.transfer(0, bob.address, 2n * HOUR), alice, {}, inBlock);
    await submitFinalized(api, tx.mutualCredit.transfer(0, alice.address, HOUR / 2n), bob, {}, inBlock);
    await submitFinalized(api, tx.mutualCredit.transferAcross(0, 1, dave.address, HOUR), alice, {}, inBlock);
    // The exchange: Alice's resting sell order of 1 h at 2 CONF/h, which Dave takes; then
    // Bob's resting sell order of 1 h at 1 CONF/h, which Alice takes (she pays its fee in credit).
    await submitFinalized(api, tx.dex.placeOrder({ Credit: 0 }, 'Native', HOUR, perHour(2n)), alice, {}, inBlock);
    const daveTook = await submitFinalized(api, tx.dex.placeOrder('Native', { Credit: 0 }, 2n * UNIT, perHour(2n)), dave, {}, inBlock);
    assert.equal(eventsOf(api, daveTook.events, 'dex', 'Trade').length, 1);
    await submitFinalized(api, tx.dex.placeOrder({ Credit: 0 }, 'Native', HOUR, perHour(1n)), bob, {}, inBlock);
    const aliceTook = await submitFinalized(api, tx.dex.placeOrder('Native', { Credit: 0 }, UNIT, perHour(1n)), alice);
    const [trade] = eventsOf(api, aliceTook.events, 'dex', 'Trade');
    const fee = trade.data.fee.toBigInt();
    assert.ok(fee > 0n);
    const onChain = (await api.call.mutualCreditApi.account(0, alice.address)).balance.toBigInt();
    assert.equal(onChain, 10n * HOUR - 2n * HOUR + HOUR / 2n - HOUR - HOUR + HOUR - fee);

    await chooseAccount(page, 'Alice');
    await openScreen(page, 'Statement');
    await page.getByLabel('From block').fill('1');
    await page.getByRole('button', { name: 'Read my history' }).click();
    const statement = page.getByTestId('statement');
    await statement.getByTestId('statement-check').waitFor({ timeout: 120_000 });
    assert.match(await statement.getByTestId('statement-check').innerText(), /^✓ Reconciles: 0 h /);
    const rows = await statement.getByTestId('statement-row').allInnerTexts();
    const expected = [
      /Work approved \(#\d+\)\s+\+10 h/,
      /Paid Bob\s+−2 h/,
      /Received from Bob\s+\+30 min/,
      /Paid Dave of Care Collective \(they received 1 h\)\s+−1 h/,
      /Sold on the exchange to Dave for 2 CONF\s+−1 h/,
      /Bought on the exchange from Bob with 1 CONF \(fee \d+ min\)\s+\+\d+ min/
    ];
    assert.equal(rows.length, expected.length, `rows: ${rows.join(' | ')}`);
    expected.forEach((pattern, i) => assert.match(rows[i], pattern));
    const closingText = await statement.getByTestId('statement-closing').innerText();
    await app.shot('statement');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      statement.getByRole('button', { name: 'Download CSV' }).click()
    ]);
    assert.match(download.suggestedFilename(), /^statement-bakery-cooperative-alice-1-\d+\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8').trim().split('\r\n').map(fields);
    assert.deepEqual(lines[0], ['block', 'kind', 'description', 'counterparty', 'hours', 'balance', 'conf', 'fee', 'fee_asset']);
    const [opening, ...rest] = lines.slice(1);
    const closing = rest.pop();
    assert.equal(opening[1], 'opening');
    assert.equal(closing[1], 'closing');
    assert.equal(rest.length, expected.length);
    const sum = rest.reduce((total, line) => total + units(line[4]), 0n);
    assert.equal(units(opening[5]) + sum, units(closing[5]), 'the rows sum from the opening to the closing');
    assert.equal(units(closing[5]), onChain, 'the closing is the balance on chain');
    assert.equal(units(rest.at(-1)[5]), onChain, 'the running balance ends there too');
    assert.deepEqual(rest.map((line) => line[1]), ['work', 'paid', 'received', 'paidAcross', 'sold', 'bought']);
    assert.deepEqual(rest.find((line) => line[1] === 'bought').slice(7), [`0.${fee.toString().padStart(2, '0')}`, 'hours']);
    assert.ok(closingText.length > 0);
  });

  test('the federation: cooperatives, currencies, a federation poll in words, validators', async () => {
    const { page } = app;
    const { api, signers } = chain;
    const hash = blake2AsHex('a new runtime');
    await decideInCooperative(api, signers, 1, api.tx.governance.propose({ Federation: 'Upgrade' }, api.tx.governance.authorizeUpgrade(hash)));
    await openScreen(page, 'Federation');
    const coops = page.getByTestId('federation-coops');
    await coops.getByTestId('federation-coop-0').filter({ hasText: 'Bakery Cooperative' }).filter({ hasText: 'active' }).waitFor();
    await coops.getByTestId('federation-coop-1').filter({ hasText: 'Care Collective' }).waitFor();
    await coops.getByTestId('federation-coop-2').filter({ hasText: 'Repair Cafe' }).waitFor();
    // The bakery owes the federation the hour Alice paid across; the care collective is owed it.
    const circulation = (await api.call.mutualCreditApi.currency(0)).circulation.toBigInt();
    assert.ok(circulation > 0n);
    await coops.getByTestId('federation-coop-0').filter({ hasText: '−1 h (±500 h)' }).waitFor();
    await coops.getByTestId('federation-coop-1').filter({ hasText: '1 h (±500 h)' }).waitFor();
    assert.equal(await page.getByTestId('federation-chart').locator('rect.circ:has(title)').count(), 3, 'one circulation bar per cooperative');
    const polls = page.getByTestId('federation-polls');
    await polls.getByText(`Authorize runtime upgrade with code hash ${hash}`).waitFor();
    await polls.getByText(/Upgrade \(two thirds of the cooperatives\) · proposed by Care Collective/).waitFor();
    await polls.getByText(/0 of 3 cooperatives voted/).waitFor();
    const validators = page.getByTestId('federation-validators');
    await validators.getByText('Alice', { exact: true }).waitFor();
    if (!api.query.validatorSet) await validators.getByTestId('validators-fixed').waitFor();
    await app.shot('federation');
  });
});
