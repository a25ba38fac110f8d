// Settings: which node to talk to, and the language.
import { useState } from 'preact/hooks';

import { saveRpcUrl } from '../chain';
import { Card, Field } from '../components/ui';
import { fmt, LANGUAGES, type Lang } from '../i18n';
import { setState, useMessages, useStore } from '../store';

export function Settings () {
  const s = useStore();
  const m = useMessages();
  const [url, setUrl] = useState(s.url);
  const error = /^wss?:\/\/\S+$/.test(url.trim()) ? null : m.validation.empty;
  return (
    <div class="screen">
      <h1>{m.settings.title}</h1>
      <Card>
        {s.status === 'connected' && <p class="muted">{fmt(m.settings.current, { url: s.url, chain: s.chain, version: s.version })}</p>}
        <form onSubmit={(e) => { e.preventDefault(); if (!error) saveRpcUrl(url.trim()); }} noValidate>
          <Field id="settings-node" label={m.settings.node} hint={m.settings.nodeHint} error={error}>
            <input id="settings-node" value={url} autocomplete="off" onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
          </Field>
          <div class="actions"><button class="primary" type="submit">{m.settings.save}</button></div>
        </form>
        <Field id="settings-lang" label={m.settings.language}>
          <select id="settings-lang" value={s.lang} onChange={(e) => setState({ lang: (e.target as HTMLSelectElement).value as Lang })}>
            {Object.entries(LANGUAGES).map(([code, l]) => <option key={code} value={code}>{l.name}</option>)}
          </select>
        </Field>
      </Card>
    </div>
  );
}
