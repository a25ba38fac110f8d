// The shell: header (node status, account, cooperative, language), the menu of registered
// screens, and the screen the hash route names.
import { useEffect, useState } from 'preact/hooks';

import { fmt, LANGUAGES, type Lang } from './i18n';
import { screens } from './screens';
import { enableWallet, myCoops, setState, useMessages, useStore } from './store';

const currentPath = () => location.hash.replace(/^#\/?/, '').split('?')[0];

export function App () {
  const s = useStore();
  const m = useMessages();
  const [path, setPath] = useState(currentPath());
  // On a phone the menu is one button naming the current screen; it opens the list of screens.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    const on = () => { setPath(currentPath()); setMenuOpen(false); };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const screen = screens.find((x) => x.path === path) ?? screens[0];
  const Screen = screen.component;
  const mine = myCoops(s);
  const dev = s.accounts.filter((a) => a.source === 'dev');
  const wallet = s.accounts.filter((a) => a.source === 'extension');

  return (
    <>
      <header class="top">
        <div class="brand">
          <a href="#/" class="logo" aria-label={m.common.appName}>
            <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true"><circle cx="11" cy="16" r="8" /><circle cx="21" cy="16" r="8" /></svg>
            <span>{m.common.appName}</span>
          </a>
          <span class={`status ${s.status}`} data-testid="node-status" title={s.url}>
            {s.status === 'connecting' && fmt(m.header.connecting, { url: s.url })}
            {s.status === 'connected' && fmt(m.header.connected, { chain: s.chain, block: s.block })}
            {s.status === 'error' && fmt(m.header.disconnected, { url: s.url })}
          </span>
        </div>
        <div class="pickers">
          <label>
            <span>{m.header.account}</span>
            <select id="account" value={s.address ?? ''} onChange={(e) => setState({ address: (e.target as HTMLSelectElement).value || undefined })}>
              <option value="">{m.header.noAccount}</option>
              {wallet.length > 0 && <optgroup label={m.header.walletAccounts}>{wallet.map((a) => <option key={a.address} value={a.address}>{a.name}</option>)}</optgroup>}
              {dev.length > 0 && <optgroup label={m.header.devAccounts}>{dev.map((a) => <option key={a.address} value={a.address}>{a.name}</option>)}</optgroup>}
            </select>
          </label>
          {mine.length > 0 && (
            <label>
              <span>{m.header.cooperative}</span>
              <select id="coop" value={s.coop ?? ''} onChange={(e) => setState({ coop: Number((e.target as HTMLSelectElement).value) })}>
                {mine.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            </label>
          )}
          <label>
            <span>{m.header.language}</span>
            <select id="lang" value={s.lang} onChange={(e) => setState({ lang: (e.target as HTMLSelectElement).value as Lang })}>
              {Object.entries(LANGUAGES).map(([code, l]) => <option key={code} value={code}>{l.name}</option>)}
            </select>
          </label>
          {wallet.length === 0 && (
            <button class="link" onClick={() => enableWallet()}>{m.header.connectWallet}</button>
          )}
        </div>
        {s.walletMissing && <p class="muted small">{m.header.noWallet}</p>}
      </header>
      <nav class={'menu' + (menuOpen ? ' open' : '')} aria-label={m.header.menu}>
        <button type="button" class="menu-toggle" aria-expanded={menuOpen} aria-controls="menu-links" onClick={() => setMenuOpen(!menuOpen)}>
          <span class="burger" aria-hidden="true" />
          <span>{m.header.menu}</span>
          <span class="menu-current">{screen.label(m)}</span>
        </button>
        <div class="menu-links" id="menu-links">
          {screens.map((x) => (
            <a key={x.path} href={`#/${x.path}`} aria-current={x === screen ? 'page' : undefined} onClick={() => setMenuOpen(false)}>{x.label(m)}</a>
          ))}
        </div>
      </nav>
      <main>
        <Screen />
      </main>
    </>
  );
}
