// The app in Chromium against a real dev node, at a phone's width (375×812) and a desktop's
// (1280×800): every screen opens from the menu; on a phone the menu is one button naming the
// current screen that opens the list of screens, and no screen scrolls sideways; on a desktop
// every screen's link is in view at once. Then the language: switched to Español in the page,
// the pay screen and its validation messages read Spanish.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { DESKTOP, PHONE, chooseAccount, openApp, openScreen } from '../lib/browser.mjs';
import { startDevChain, stopDevChain } from '../lib/dev.mjs';

const SCREENS = [
  ['My cooperatives', 'home'], ['Pay', 'pay'], ['Work', 'work'], ['Care', 'care'], ['Polls', 'polls'],
  ['Redeem', 'redeem'], ['Exchange', 'exchange'], ['Statement', 'statement'], ['Decide together', 'treasurer'],
  ['Federation', 'federation'], ['Settings', 'settings']
];

/** How far the page is wider than the window (0 when nothing scrolls sideways). */
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the app: every screen at phone and desktop width, and in Spanish', { timeout: 300_000 }, () => {
  let chain, app;

  before(async () => {
    chain = await startDevChain('app-layout');
    app = await openApp(chain.node.wsUrl);
  });

  after(async () => {
    await app?.close();
    await stopDevChain(chain);
  });

  test('on a desktop every screen is in the menu at once; on a phone the menu button opens it', async () => {
    const { page } = app;
    await chooseAccount(page, 'Alice');
    await page.getByTestId('coop-0').waitFor();
    const nav = page.getByRole('navigation', { name: 'Menu' });
    const toggle = nav.getByRole('button', { name: /Menu/ });

    // Desktop: no menu button, every link visible inside the window.
    assert.equal(await toggle.isVisible(), false);
    for (const [label] of SCREENS) {
      const box = await nav.getByRole('link', { name: label, exact: true }).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= DESKTOP.width, `${label} is in view on a desktop`);
    }

    // Phone: the button names the current screen; the list opens, and a link in it opens a screen.
    await page.setViewportSize(PHONE);
    await toggle.waitFor();
    assert.match(await toggle.innerText(), /Menu\s+My cooperatives/);
    assert.equal(await nav.getByRole('link', { name: 'Redeem', exact: true }).isVisible(), false);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    for (const [label] of SCREENS) {
      const box = await nav.getByRole('link', { name: label, exact: true }).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `${label} is in view on a phone`);
    }
    await page.screenshot({ path: new URL('../screenshots/menu-open-phone.png', import.meta.url).pathname, fullPage: true });
    await nav.getByRole('link', { name: 'Redeem', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Redeem credit' }).waitFor();
    // The list closes; the button names the screen now open.
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.match(await toggle.innerText(), /Menu\s+Redeem/);
    await page.setViewportSize(DESKTOP);
  });

  test('no screen scrolls sideways on a phone', async () => {
    const { page } = app;
    for (const [label, name] of SCREENS) {
      await openScreen(page, label);
      await page.waitForTimeout(1500); // its chain data
      await app.shot(`screen-${name}`);
      await page.setViewportSize(PHONE);
      await page.waitForTimeout(200);
      assert.ok(await overflow(page) <= 0, `${label} fits a phone's width`);
      await page.setViewportSize(DESKTOP);
    }
  });

  test('in Spanish the pay screen and its messages read Spanish', async () => {
    const { page } = app;
    await page.setViewportSize(PHONE);
    await page.locator('#lang').selectOption({ label: 'Español' });
    await openScreen(page, 'Pagar', { menu: 'Menú' });
    await page.getByRole('heading', { level: 1, name: 'Pagar a una socia' }).waitFor();
    await page.getByRole('button', { name: 'Revisar' }).click();
    assert.equal(await page.getByTestId('pay-to-error').innerText(), 'Rellena este campo.');
    await page.getByLabel('Pagar a').fill('Bob');
    await page.getByLabel('Cantidad (horas)').fill('dos horas');
    await page.getByRole('button', { name: 'Revisar' }).click();
    assert.equal(await page.getByTestId('pay-amount-error').innerText(), 'Esto no es una cantidad. Escríbela como 1,5, 1:30 o 1h 30m.');
    await page.getByLabel('Cantidad (horas)').fill('100000');
    await page.getByRole('button', { name: 'Revisar' }).click();
    assert.match(await page.getByTestId('pay-amount-error').innerText(), /^Es más de lo que puedes gastar: \d+ h( \d+ min)?\.$/);
    assert.equal(await page.getByTestId('tx-flow').count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    await page.screenshot({ path: new URL('../screenshots/pay-es-phone.png', import.meta.url).pathname, fullPage: true });
    await page.locator('#lang').selectOption({ label: 'English' });
    await page.setViewportSize(DESKTOP);
    assert.deepEqual(app.problems.filter((p) => p.startsWith('page error')), []);
  });
});
