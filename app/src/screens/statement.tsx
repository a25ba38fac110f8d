// My statement in my cooperative: payments in and out (across cooperatives too), work approved,
// care confirmed, redemptions, exchange trades and their fees, write-offs — read from the events
// of the blocks I choose (src/history.ts), with the opening and closing balances read from the
// chain at both ends, whether they reconcile, and a CSV of the same rows.
import { useRef, useState } from 'preact/hooks';

import { Card, Field, Notice } from '../components/ui';
import { type History, type Row, readHistory, statementCsv } from '../history';
import { fmt } from '../i18n';
import type { Messages } from '../i18n/en';
import { coopName, nameOf } from '../store';
import { formatConf, formatHours } from '../units';
import { AsMember, type MemberContext } from './common';

/** What a row is, in words. */
export function describeRow (m: Messages, row: Row): string {
  const k = m.statement.kinds;
  const who = row.counterparty ? nameOf(row.counterparty) : '';
  const vars = {
    who, coop: row.otherCoop !== undefined ? coopName(row.otherCoop) : '', id: row.ref ?? '',
    other: row.other !== undefined ? (row.kind === 'care' || row.kind === 'careRevoked' ? String(row.other) : formatHours(row.other)) : '',
    conf: row.conf !== undefined ? formatConf(row.conf < 0n ? -row.conf : row.conf) : '',
    fee: row.fee ? (row.fee.asset === 'conf' ? formatConf(row.fee.amount, 6) : formatHours(row.fee.amount)) : ''
  };
  let text = fmt(k[row.kind], vars);
  if (row.kind === 'redeemed' && row.conf !== undefined) text += ' ' + fmt(k.redeemedPaid, vars);
  if ((row.kind === 'sold' || row.kind === 'bought') && row.conf !== undefined) text += ' ' + fmt(row.kind === 'sold' ? k.forConf : k.withConf, vars);
  if (row.fee && row.kind !== 'redeemed') text += ' ' + fmt(k.fee, vars);
  return text;
}

const signed = (units: bigint) => (units > 0n ? '+' : '') + formatHours(units);

function StatementView ({ api, address, coop, m, block }: MemberContext) {
  const [from, setFrom] = useState(String(Math.max(1, block - 200)));
  const [fromError, setFromError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef(false);
  const t = m.statement;

  async function read (e: Event) {
    e.preventDefault();
    const start = Number(from.trim());
    const head = block;
    if (!/^\d+$/.test(from.trim()) || start < 1 || start > head) { setFromError(fmt(t.fromInvalid, { head })); return; }
    setFromError(null); setError(null); setHistory(null);
    stop.current = false;
    setProgress({ done: 0, total: head - start + 1 });
    try {
      const h = await readHistory(api, coop.id, address, start, head, { onProgress: setProgress, shouldStop: () => stop.current });
      setHistory(h);
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      setError(/State already discarded|not found|pruned|Unknown block/i.test(text) ? fmt(t.pruned, { error: text }) : fmt(t.failed, { error: text }));
    } finally {
      setProgress(null);
    }
  }

  function download () {
    if (!history) return;
    const csv = statementCsv(history.rows, history.rec, { from: history.from, to: history.to }, (r) => describeRow(m, r), nameOf);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `statement-${coop.name.replace(/\W+/g, '-').toLowerCase()}-${nameOf(address).replace(/\W+/g, '-').toLowerCase()}-${history.from}-${history.to}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  let balance = history?.rec.opening ?? 0n;
  return (
    <>
      <Card>
        <form onSubmit={read} noValidate>
          <Field id="st-from" label={t.from} hint={fmt(t.fromHint, { head: block })} error={fromError}>
            <input id="st-from" inputMode="numeric" autocomplete="off" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
          </Field>
          <div class="actions">
            {!progress && <button class="primary" type="submit">{t.read}</button>}
            {progress && <button type="button" onClick={() => { stop.current = true; }}>{t.stop}</button>}
          </div>
        </form>
        {progress && (
          <div class="progress" data-testid="statement-progress">
            <progress max={progress.total} value={progress.done} aria-label={t.reading} />
            <span class="muted small">{fmt(t.progress, { done: progress.done, total: progress.total })}</span>
          </div>
        )}
        <p class="hint">{t.cost}</p>
        {error && <Notice kind="warn">{error}</Notice>}
      </Card>
      {history && (
        <Card title={fmt(t.heading, { from: history.from, to: history.to })} testid="statement">
          <dl>
            <div class="row"><dt>{t.opening}</dt><dd data-testid="statement-opening">{formatHours(history.rec.opening)}</dd></div>
          </dl>
          {history.rows.length === 0 && <p class="muted">{t.noRows}</p>}
          {history.rows.length > 0 && (
            <table class="statement">
              <thead><tr><th>{t.block}</th><th>{t.what}</th><th class="num">{t.change}</th><th class="num">{t.balance}</th></tr></thead>
              <tbody>
                {history.rows.map((row, i) => {
                  balance += row.credit;
                  return (
                    <tr key={i} data-testid="statement-row">
                      <td>#{row.block}</td>
                      <td>{describeRow(m, row)}</td>
                      <td class={'num' + (row.credit < 0n ? ' owing' : '')}>{row.credit === 0n ? '—' : signed(row.credit)}</td>
                      <td class="num">{formatHours(balance)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <dl>
            <div class="row"><dt>{t.closing}</dt><dd data-testid="statement-closing">{formatHours(history.rec.closing)}</dd></div>
          </dl>
          <p data-testid="statement-check" class={history.rec.reconciles ? 'ok' : 'bad'}>
            {history.rec.reconciles
              ? `✓ ${fmt(t.reconciles, { opening: formatHours(history.rec.opening), sum: signed(history.rec.sum), closing: formatHours(history.rec.closing) })}`
              : fmt(t.difference, { difference: signed(history.rec.difference) })}
          </p>
          <div class="actions"><button onClick={download}>{t.csv}</button></div>
        </Card>
      )}
    </>
  );
}

export function Statement () {
  return (
    <AsMember>{(ctx) => (
      <div class="screen">
        <h1>{ctx.m.statement.title}</h1>
        <p class="intro">{fmt(ctx.m.statement.intro, { coop: ctx.coop.name })}</p>
        <StatementView key={`${ctx.coop.id}-${ctx.address}`} {...ctx} />
      </div>
    )}</AsMember>
  );
}
