// The app in Chromium against a real dev node: Alice attests Charlie's care with a note, Bob
// sees it waiting and attests the same care, and Charlie sees the reputation it gives (the
// runtime API agrees), with how it will decay.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { chooseAccount, openApp, openScreen, signAndWait } from '../lib/browser.mjs';
import { startDevChain, stopDevChain } from '../lib/dev.mjs';

describe('the app: care attested by two members', { timeout: 300_000 }, () => {
  let chain, app, charlie;

  before(async () => {
    chain = await startDevChain('app-care');
    charlie = chain.keyring.addFromUri('//Charlie');
    app = await openApp(chain.node.wsUrl);
  });

  after(async () => {
    await app?.close();
    await stopDevChain(chain);
  });

  test('two members attest care and the third sees its reputation', async () => {
    const { page } = app;
    const reputation = async () => (await chain.api.call.careReputationApi.reputation(0, charlie.address)).toNumber();

    await chooseAccount(page, 'Alice');
    await openScreen(page, 'Care');
    await page.getByLabel('Member who gave care').fill('Charlie');
    await page.getByLabel('Points').fill('5');
    await page.getByLabel('What care they gave').fill('Looked after the children on Saturday');
    await page.getByRole('button', { name: 'Review' }).click();
    assert.equal(await page.getByTestId('tx-what').innerText(), 'Attest 5 points of care by Charlie in Bakery Cooperative.');
    await signAndWait(page);
    assert.equal(await reputation(), 0, 'one attestation is not enough');

    await chooseAccount(page, 'Bob');
    const waiting = page.getByRole('listitem').filter({ hasText: '5 points for Charlie, attested by Alice' });
    await waiting.waitFor();
    await app.shot('care-waiting');
    await waiting.getByRole('button', { name: 'I saw this too: attest' }).click();
    assert.equal(await page.getByTestId('tx-what').innerText(), 'Attest 5 points of care by Charlie in Bakery Cooperative.');
    await signAndWait(page);
    assert.equal(await reputation(), 5);

    await chooseAccount(page, 'Charlie');
    await page.getByTestId('care-mine').filter({ hasText: 'My care reputation: 5 points' }).waitFor();
    await openScreen(page, 'My cooperatives');
    const care = page.getByTestId('coop-0-care');
    await care.filter({ hasText: '5 points' }).waitFor();
    assert.match(await care.innerText(), /Halves every 180 days without new care: in 30 days 4\.\d, in 90 days 3\.\d, in 180 days 2\.5\./);
    await app.shot('care-reputation');
  });
});
