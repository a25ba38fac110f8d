// Submit work: hours, kind, and a note whose BLAKE2 hash goes on chain as the evidence; the text
// stays in this browser (localStorage) for the member's own statement.
import { blake2AsHex } from '@polkadot/util-crypto';
import { useState } from 'preact/hooks';

import type { Tx } from '../chain';
import { TxFlow } from '../components/tx';
import { Card, Field } from '../components/ui';
import { fmt } from '../i18n';
import { useChainData } from '../store';
import { formatHours, parseHours } from '../units';
import { AsMember, type MemberContext } from './common';
import { hoursError } from './pay';

export interface SavedNote { text: string; coop: number; hours: string; category: string; at: number; kind: 'work' | 'care' }

/** Notes kept in this browser, by the hash that went on chain. */
export function savedNotes (): Record<string, SavedNote> {
  try { return JSON.parse(localStorage.getItem('notes') ?? '{}'); } catch { return {}; }
}
export function saveNote (hash: string, note: SavedNote) {
  localStorage.setItem('notes', JSON.stringify({ ...savedNotes(), [hash]: note }));
}

function WorkForm ({ api, address, coop, m }: MemberContext) {
  const [hours, setHours] = useState('');
  const [category, setCategory] = useState<'Commons' | 'Subsistence'>('Commons');
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const [pending, setPending] = useState<{ tx: Tx; what: string; save: () => void } | null>(null);
  const [mine] = useChainData(async (api) => {
    const entries = await api.query.mutualCredit.contributions.entries();
    return entries.map(([key, value]) => ({ id: (key.args[0] as any).toNumber(), c: (value as any).unwrap() }))
      .filter(({ c }) => c.who.toString() === address && c.coop.toNumber() === coop.id)
      .map(({ id, c }) => ({ id, amount: c.amount.toBigInt() as bigint, category: c.category.type as string, evidence: c.evidence.toHex() as string }));
  }, [coop.id, address]);

  const hoursErr = hoursError(m, hours);
  const noteErr = note.trim() ? null : m.validation.empty;
  const categoryName = category === 'Commons' ? m.common.commons : m.common.subsistence;

  function review (e: Event) {
    e.preventDefault();
    setTouched(true);
    const parsed = parseHours(hours);
    if (hoursErr || noteErr || !parsed.ok) return;
    const hash = blake2AsHex(note.trim(), 256);
    const tx = api.tx.mutualCredit.submitContribution(coop.id, parsed.value, category, hash);
    setPending({
      tx,
      what: fmt(m.work.describe, { hours: formatHours(parsed.value), category: categoryName, coop: coop.name }),
      save: () => saveNote(hash, { text: note.trim(), coop: coop.id, hours: formatHours(parsed.value), category, at: Date.now(), kind: 'work' })
    });
  }

  const notes = savedNotes();
  return (
    <>
      <Card>
        <form onSubmit={review} noValidate>
          <Field id="work-hours" label={m.work.hours} hint={m.pay.amountHint} error={touched && !pending ? hoursErr : null}>
            <input id="work-hours" inputMode="decimal" autocomplete="off" value={hours} onInput={(e) => setHours((e.target as HTMLInputElement).value)} />
          </Field>
          <Field id="work-category" label={m.work.category}>
            <select id="work-category" value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value as 'Commons')}>
              <option value="Commons">{m.common.commons}</option>
              <option value="Subsistence">{m.common.subsistence}</option>
            </select>
          </Field>
          <Field id="work-note" label={m.work.note} hint={m.work.noteHint} error={touched && !pending ? noteErr : null}>
            <textarea id="work-note" rows={3} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
          </Field>
          {!pending && <div class="actions"><button class="primary" type="submit">{m.common.review}</button></div>}
        </form>
        {pending && <TxFlow tx={pending.tx} what={pending.what} coop={coop.id} onClose={() => setPending(null)} onDone={pending.save} />}
      </Card>
      <Card title={m.work.mine}>
        {mine && mine.length === 0 && <p class="muted">{m.work.noneWaiting}</p>}
        <ul class="list">
          {mine?.map((c) => (
            <li key={c.id}>
              {fmt(m.work.entry, { id: c.id, hours: formatHours(c.amount), category: c.category === 'Commons' ? m.common.commons : m.common.subsistence })}
              {notes[c.evidence] && <div class="muted">“{notes[c.evidence].text}”</div>}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}

export function Work () {
  return (
    <AsMember>{(ctx) => (
      <div class="screen">
        <h1>{ctx.m.work.title}</h1>
        <p class="intro">{ctx.m.work.intro}</p>
        <WorkForm key={`${ctx.coop.id}-${ctx.address}`} {...ctx} />
      </div>
    )}</AsMember>
  );
}
