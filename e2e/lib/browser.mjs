// The app in a real browser: serves app/dist on a free loopback port with a tiny static server,
// drives Debian's Chromium (/usr/bin/chromium, never a downloaded one) through playwright-core,
// and takes screenshots at desktop and phone width into e2e/screenshots/.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = resolve(here, '../../app/dist');
export const SCREENSHOTS = resolve(here, '../screenshots');
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png', '.ico': 'image/x-icon'
};

/** Serves `root` on 127.0.0.1 at a free port: `{ url, close }`. */
export async function serveStatic (root = DIST) {
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root}/index.html not found: build the app (cd app && npm run build)`);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); })
  };
}

/**
 * Opens the app against a node: a static server, Chromium with a fresh profile, and a page at
 * `?rpc=<wsUrl>`, connected. Returns `{ page, shot, close }`; `close` stops all of it.
 */
export async function openApp (wsUrl) {
  const server = await serveStatic();
  const profile = mkdtempSync(join(tmpdir(), 'confoederatio-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: DESKTOP,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      timeout: 60_000
    });
  } catch (error) {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  await page.goto(`${server.url}?rpc=${encodeURIComponent(wsUrl)}#/`);
  await page.getByTestId('node-status').filter({ hasText: /block #\d+/ }).waitFor({ timeout: 60_000 });
  return {
    page,
    problems,
    /** Screenshots of the page now, at desktop and at phone width: <name>-desktop.png, <name>-phone.png. */
    async shot (name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
      await page.setViewportSize(PHONE);
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
      await page.setViewportSize(DESKTOP);
    },
    async close () {
      await context?.close().catch(() => {});
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  };
}

/** Picks an account in the header, as a person would (by its name). */
export async function chooseAccount (page, name) {
  await page.getByLabel('Account').selectOption({ label: name });
}

/** Opens a screen from the menu (on a phone, the menu button first opens the list). */
export async function openScreen (page, name, { menu = 'Menu' } = {}) {
  const nav = page.getByRole('navigation', { name: menu });
  const toggle = nav.locator('.menu-toggle');
  if (await toggle.isVisible() && await toggle.getAttribute('aria-expanded') !== 'true') await toggle.click();
  await nav.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/**
 * Signs the transaction under review and waits for its outcome: resolves with the status text
 * once it is finalized, rejects with the page's words if it failed.
 */
export async function signAndWait (page, { timeout = 90_000 } = {}) {
  const flow = page.getByTestId('tx-flow');
  await flow.getByTestId('tx-fee').filter({ hasNotText: 'Working out' }).waitFor();
  await flow.getByRole('button', { name: 'Sign and send' }).click();
  const status = flow.getByTestId('tx-status');
  await status.filter({ hasText: /Finalized|did not go through/ }).waitFor({ timeout });
  const text = await status.innerText();
  if (!/Finalized/.test(text)) throw new Error(`transaction failed in the app: ${text}`);
  return text;
}
