// Care: attest another member's care (points and a note whose hash goes on chain), and attest
// care others attested (the same record: same member, points and note) so that it counts.
import { blake2AsHex } from '@polkadot/util-crypto';
import { useState } from 'preact/hooks';

import { reputation, type Tx } from '../chain';
import { TxFlow } from '../components/tx';
import { Card, Field } from '../components/ui';
import { fmt } from '../i18n';
import { nameOf, useChainData } from '../store';
import { AsMember, type MemberContext } from './common';
import { resolveAccount } from './pay';
import { saveNote, savedNotes } from './work';

function CareScreen ({ api, address, coop, m }: MemberContext) {
  const maxPoints = (api.consts.careReputation?.maxPointsPerAttestation as any)?.toNumber?.() ?? 10;
  const [member, setMember] = useState('');
  const [points, setPoints] = useState('');
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const [pending, setPending] = useState<{ tx: Tx; what: string; save?: () => void } | null>(null);
  const [data] = useChainData(async (api) => {
    const entries = await api.query.careReputation.records.entries();
    const records = entries.map(([key, value]) => ({ id: (key.args[0] as any).toNumber() as number, r: (value as any).unwrap() }))
      .filter(({ r }) => r.coop.toNumber() === coop.id)
      .map(({ id, r }) => ({
        id, member: r.member.toString() as string, points: r.points.toNumber() as number, note: r.note.toHex() as string,
        attesters: r.attesters.map((a: any) => a.toString()) as string[]
      }));
    return { records, mine: await reputation(api, coop.id, address) };
  }, [coop.id, address]);

  const others = coop.members.filter((a) => a !== address);
  const who = resolveAccount(member);
  let memberErr: string | null = null;
  if (!member.trim()) memberErr = m.validation.empty;
  else if (!who) memberErr = m.validation.unknownPayee;
  else if (who === address) memberErr = m.validation.self;
  else if (!coop.members.includes(who)) memberErr = fmt(m.validation.notMember, { who: member.trim(), coop: coop.name });
  const n = Number(points.trim());
  const pointsErr = !points.trim() ? m.validation.empty
    : (!/^\d+$/.test(points.trim()) || n < 1 || n > maxPoints) ? fmt(m.validation.points, { max: maxPoints }) : null;
  const noteErr = note.trim() ? null : m.validation.empty;

  function review (e: Event) {
    e.preventDefault();
    setTouched(true);
    if (memberErr || pointsErr || noteErr || !who) return;
    const hash = blake2AsHex(note.trim(), 256);
    setPending({
      tx: api.tx.careReputation.attest(coop.id, who, n, hash),
      what: fmt(m.care.describe, { points: n, who: nameOf(who), coop: coop.name }),
      save: () => saveNote(hash, { text: note.trim(), coop: coop.id, hours: '', category: String(n), at: Date.now(), kind: 'care' })
    });
  }

  function attestToo (r: { member: string; points: number; note: string }) {
    setPending({
      tx: api.tx.careReputation.attest(coop.id, r.member, r.points, r.note),
      what: fmt(m.care.describe, { points: r.points, who: nameOf(r.member), coop: coop.name })
    });
  }

  const notes = savedNotes();
  return (
    <>
      <p class="big" data-testid="care-mine">{fmt(m.care.mine, { points: data?.mine ?? '…' })}</p>
      <Card title={m.care.pending}>
        {data && data.records.length === 0 && <p class="muted">{m.care.noPending}</p>}
        <ul class="list">
          {data?.records.map((r) => (
            <li key={r.id} data-testid={`care-record-${r.id}`}>
              {fmt(m.care.pendingLine, { points: r.points, who: r.member === address ? m.care.yourOwn : nameOf(r.member), by: r.attesters.map(nameOf).join(', ') })}
              {notes[r.note] && <div class="muted">“{notes[r.note].text}”</div>}
              {r.member !== address && !r.attesters.includes(address) && !pending && (
                <div><button onClick={() => attestToo(r)}>{m.care.attestToo}</button></div>
              )}
            </li>
          ))}
        </ul>
      </Card>
      <Card title={m.care.attest}>
        <form onSubmit={review} noValidate>
          <Field id="care-member" label={m.care.member} hint={m.pay.payeeHint} error={touched && !pending ? memberErr : null}>
            <input id="care-member" list="care-members" autocomplete="off" value={member} onInput={(e) => setMember((e.target as HTMLInputElement).value)} />
            <datalist id="care-members">{others.map((a) => <option key={a} value={nameOf(a)} />)}</datalist>
          </Field>
          <Field id="care-points" label={m.care.points} hint={fmt(m.care.pointsHint, { max: maxPoints })} error={touched && !pending ? pointsErr : null}>
            <input id="care-points" inputMode="numeric" autocomplete="off" value={points} onInput={(e) => setPoints((e.target as HTMLInputElement).value)} />
          </Field>
          <Field id="care-note" label={m.care.note} hint={m.work.noteHint} error={touched && !pending ? noteErr : null}>
            <textarea id="care-note" rows={3} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
          </Field>
          {!pending && <div class="actions"><button class="primary" type="submit">{m.common.review}</button></div>}
        </form>
      </Card>
      {pending && <TxFlow tx={pending.tx} what={pending.what} coop={coop.id} onClose={() => setPending(null)} onDone={pending.save} />}
    </>
  );
}

export function Care () {
  return (
    <AsMember>{(ctx) => (
      <div class="screen">
        <h1>{ctx.m.care.title}</h1>
        <p class="intro">{fmt(ctx.m.care.intro, { n: ctx.coop.attestationsNeeded })}</p>
        <CareScreen key={`${ctx.coop.id}-${ctx.address}`} {...ctx} />
      </div>
    )}</AsMember>
  );
}
