// The app in Chromium with a wallet extension, against real nodes. Only the extension's window is
// stood in for: an init script defines `window.injectedWeb3['polkadot-js']` as an extension
// does, and its `signPayload` calls a function exposed from Node that signs the very payload the
// page built with @polkadot/keyring (the key never enters the page). On a dev chain, Walter — a
// member of the bakery whose key no development account has — connects his wallet, pays Bob,
// and the chain has the payment; on a live chain (`--chain federation`) the page offers no
// development account, only the wallet's.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { chooseAccount, openApp, openScreen, signAndWait } from '../lib/browser.mjs';
import { creditBalance } from '../lib/credit.mjs';
import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { decideInCooperative } from '../lib/governance.mjs';
import { connect, startNode, submitFinalized } from '../lib/node.mjs';
import { HOUR, UNIT } from '../lib/units.mjs';

const WALLET_NAME = 'Walter (wallet)';

/**
 * Installs the stand-in extension in the app's page (then reloads it): `api` is a Node API of
 * the same chain (its registry encodes the payload), `pair` the wallet's key. Returns the
 * payloads signed so far.
 */
async function installWallet (app, api, pair) {
  const signed = [];
  await app.page.exposeFunction('__walletSignPayload', (payload) => {
    assert.equal(payload.address, pair.address, 'the page asks the wallet to sign for its own account');
    const extrinsicPayload = api.registry.createType('ExtrinsicPayload', payload, { version: payload.version });
    const { signature } = extrinsicPayload.sign(pair);
    signed.push(payload);
    return { id: signed.length, signature };
  });
  await app.page.addInitScript(({ address, name }) => {
    const accounts = [{ address, name, type: 'sr25519' }];
    window.injectedWeb3 = {
      'polkadot-js': {
        version: '0.63.1',
        enable: async () => ({
          accounts: {
            get: async () => accounts,
            subscribe: (callback) => { callback(accounts); return () => {}; }
          },
          signer: {
            signPayload: (payload) => window.__walletSignPayload(payload)
          }
        })
      }
    };
  }, { address: pair.address, name: WALLET_NAME });
  await app.page.reload();
  await app.page.getByTestId('node-status').filter({ hasText: /block #\d+/ }).waitFor({ timeout: 60_000 });
  return signed;
}

/** The labels of the account picker's options, by group ('' for those outside a group). */
const accountOptions = (page) => page.locator('#account').evaluate((select) =>
  [...select.options].map((o) => ({ group: o.parentElement.tagName === 'OPTGROUP' ? o.parentElement.label : '', label: o.label })));

describe('the app with a wallet extension', { timeout: 400_000 }, () => {
  let chain, app, walter, bob;

  before(async () => {
    chain = await startDevChain('app-wallet');
    const { api, signers, keyring } = chain;
    walter = keyring.addFromUri('//Walter');
    bob = keyring.addFromUri('//Bob');
    // Walter joins the bakery (its members decide) and holds a little CONF.
    await decideInCooperative(api, signers, 0, api.tx.cooperatives.addMember(0, walter.address));
    await submitFinalized(api, api.tx.balances.transferKeepAlive(walter.address, 10n * UNIT), keyring.addFromUri('//Ferdie'), {}, { until: 'inBlock' });
    app = await openApp(chain.node.wsUrl);
  });

  after(async () => {
    await app?.close();
    await stopDevChain(chain);
  });

  test('on a dev chain a wallet account pays a member, signed by the wallet', async () => {
    const { page } = app;
    const { api } = chain;
    const signed = await installWallet(app, api, walter);

    // Before connecting: development accounts only.
    let options = await accountOptions(page);
    assert.ok(options.some((o) => o.label === 'Alice' && o.group === 'Development accounts'));
    assert.ok(!options.some((o) => o.label === WALLET_NAME));
    await page.getByRole('button', { name: 'Connect a wallet' }).click();
    await page.locator('#account optgroup[label="Wallet accounts"] option', { hasText: WALLET_NAME }).waitFor({ state: 'attached' });
    options = await accountOptions(page);
    assert.ok(options.some((o) => o.label === WALLET_NAME && o.group === 'Wallet accounts'));
    assert.equal(await page.getByRole('button', { name: 'Connect a wallet' }).count(), 0);

    await chooseAccount(page, WALLET_NAME);
    await page.getByTestId('coop-0').getByRole('heading', { name: 'Bakery Cooperative' }).waitFor();
    await openScreen(page, 'Pay');
    await page.getByLabel('Pay to').fill('Bob');
    await page.getByLabel('Amount (hours)').fill('1.25');
    await page.getByRole('button', { name: 'Review' }).click();
    assert.equal(await page.getByTestId('tx-what').innerText(), 'Pay 1 h 15 min to Bob in Bakery Cooperative credit.');
    assert.equal(await page.getByTestId('tx-flow').getByText(WALLET_NAME).count(), 1, 'signed by the wallet account');
    const bobBefore = await creditBalance(api, 0, bob.address);
    await signAndWait(page);
    await app.shot('pay-wallet');

    // The wallet signed exactly once, the payment the page described; the chain has it.
    assert.equal(signed.length, 1);
    assert.equal(api.registry.createType('Call', signed[0].method).method, 'transfer');
    assert.equal(await creditBalance(api, 0, walter.address), -125n * HOUR / 100n);
    assert.equal(await creditBalance(api, 0, bob.address), bobBefore + 125n * HOUR / 100n);
    assert.deepEqual(app.problems.filter((p) => p.startsWith('page error')), []);
  });

  test('on a live chain only wallet accounts are offered', async () => {
    let node, api, live;
    try {
      node = await startNode({ args: ['--chain', 'federation'], name: 'app-wallet-live' });
      api = await connect(node);
      assert.equal((await api.rpc.system.chainType()).type, 'Live');
      live = await openApp(node.wsUrl);
      const { page } = live;
      await installWallet(live, api, walter);
      await page.getByTestId('node-status').filter({ hasText: /^Confoederatio, block #\d+/ }).waitFor();
      assert.deepEqual(await accountOptions(page), [{ group: '', label: '— choose —' }]);
      await page.getByRole('button', { name: 'Connect a wallet' }).click();
      await page.locator('#account option', { hasText: WALLET_NAME }).waitFor({ state: 'attached' });
      assert.deepEqual(await accountOptions(page), [{ group: '', label: '— choose —' }, { group: 'Wallet accounts', label: WALLET_NAME }]);
      assert.deepEqual(live.problems.filter((p) => p.startsWith('page error')), []);
    } finally {
      await live?.close();
      await api?.disconnect();
      await node?.stop();
    }
  });
});
