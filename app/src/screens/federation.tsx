// The federation: every cooperative (status, members, its currency's circulation, exchange
// rate, federation position and limit, reserve buckets), a chart of each currency's circulation
// and federation position (hand-written SVG), the federation's polls in words, and the
// validators. Anyone can read it; no account is needed.
import type { ApiPromise } from '@polkadot/api';
import type { Call } from '@polkadot/types/interfaces';
import { encodeAddress } from '@polkadot/util-crypto';
import { useEffect, useRef, useState } from 'preact/hooks';

import { describeCall, genericCall } from '../calls';
import { Card, Notice } from '../components/ui';
import { fmt } from '../i18n';
import type { Messages } from '../i18n/en';
import { nameOf, useChainData, useMessages, useStore } from '../store';
import { FIXED, formatConf, formatFixed, formatHours, formatPrice } from '../units';

interface CoopRow {
  id: number; name: string; status: string; members: number; account: string;
  circulation: bigint; rate: bigint; position: bigint; limit: bigint; writtenOff: bigint;
  subsistence: bigint; commons: bigint; redemptionRate: bigint;
}

async function loadCoops (api: ApiPromise): Promise<CoopRow[]> {
  const entries = await api.query.cooperatives.registry.entries();
  const rows = await Promise.all(entries.map(async ([key, value]) => {
    const id = (key.args[0] as any).toNumber() as number;
    const c = (value as any).unwrap();
    const [members, currency, reserve, account] = await Promise.all([
      api.call.cooperativesApi.members(id) as Promise<any>,
      api.call.mutualCreditApi.currency(id) as Promise<any>,
      api.call.redemptionApi.reserve(id) as Promise<any>,
      api.call.cooperativesApi.cooperativeAccount(id) as Promise<any>
    ]);
    return {
      id, name: c.name.toUtf8() as string, status: c.status.type as string, members: members.length as number,
      account: account.toString() as string,
      circulation: currency.circulation.toBigInt() as bigint, rate: currency.exchangeRate.toBigInt() as bigint,
      position: currency.federationPosition.toBigInt() as bigint, limit: currency.federationLimit.toBigInt() as bigint,
      writtenOff: currency.writtenOff.toBigInt() as bigint,
      subsistence: reserve.subsistence.toBigInt() as bigint, commons: reserve.commons.toBigInt() as bigint,
      redemptionRate: reserve.rate.toBigInt() as bigint
    };
  }));
  return rows.sort((a, b) => a.id - b.id);
}

async function loadFederationPolls (api: ApiPromise, m: Messages, coops: CoopRow[]) {
  const entries = await api.query.governance.polls.entries();
  const polls = [];
  for (const [key, value] of entries) {
    const poll: any = (value as any).unwrap();
    if (!poll.scope.isFederation) continue;
    const id = (key.args[0] as any).toNumber() as number;
    const scope: any = poll.scope.asFederation;
    // The scope names the proposing cooperative; should it not, its account does.
    const track: string = scope.track ? scope.track.type : scope.type;
    let proposerCoop: number | undefined = scope.proposer !== undefined ? scope.proposer.toNumber() : undefined;
    if (proposerCoop === undefined) proposerCoop = coops.find((c) => c.account === (poll.proposer ?? poll.depositor)?.toString())?.id;
    let what: string;
    try {
      const call = api.createType('Call', poll.proposal.toU8a(true)) as Call;
      try { what = await describeCall(api, m, call); } catch { what = genericCall(call); }
    } catch { what = `${poll.proposal.length} bytes`; }
    const tallyOpt: any = await api.call.governanceApi.pollTally(id);
    const tally = tallyOpt.isSome ? tallyOpt.unwrap() : poll.tally;
    polls.push({
      id, track, proposerCoop, what, end: poll.end.toNumber() as number, electorate: poll.electorate.toNumber() as number,
      ayes: tally.ayes.toNumber() as number, nays: tally.nays.toNumber() as number, voters: tally.voters.toNumber() as number
    });
  }
  return polls.sort((a, b) => a.id - b.id);
}

async function loadValidators (api: ApiPromise) {
  const hasValidatorSet = !!(api.query as any).validatorSet;
  let list: string[] = [];
  let source: 'validatorSet' | 'session' | 'aura' = 'aura';
  if (hasValidatorSet) {
    const q: any = (api.query as any).validatorSet;
    const fn = q.validators ?? q.approvedValidators ?? Object.values(q)[0];
    try {
      const value: any = await fn();
      // ValidatorSet keeps a map from validator to the cooperative that runs it.
      const validators: any[] = value instanceof Map ? [...value.keys()] : value;
      list = validators.map((v: any) => v.toString());
      source = 'validatorSet';
    } catch { /* below */ }
  }
  if (list.length === 0 && api.query.session?.validators) {
    list = ((await api.query.session.validators()) as any).map((v: any) => v.toString());
    source = 'session';
  }
  if (list.length === 0 && api.query.aura?.authorities) {
    list = ((await api.query.aura.authorities()) as any).map((k: any) => encodeAddress(k.toU8a(), 42));
    source = 'aura';
  }
  return { list, source, hasValidatorSet };
}

/**
 * Each currency's circulation (bars up) and federation position (bars up for what the federation
 * owes it, down for what it owes), in hours, scaled to the data; its federation limit as dashed
 * lines where it falls in view, else in words under its name. Drawn at the width it is shown
 * (so that its text stays readable on a phone).
 */
export function CurrencyChart ({ coops, m }: { coops: CoopRow[]; m: Messages }) {
  const box = useRef<HTMLDivElement>(null);
  const [W, setW] = useState(640);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setW(Math.max(280, Math.round(el.clientWidth)));
    measure();
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : null;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);
  const H = 280; const left = 48; const right = 8; const top = 14; const bottom = 70;
  const hours = (units: bigint) => Number(units) / 100;
  const highest = Math.max(1, ...coops.flatMap((c) => [hours(c.circulation), hours(c.position)]));
  const lowest = Math.min(0, ...coops.map((c) => hours(c.position)));
  // Round figures for the scale: 1, 2 or 5 times a power of ten.
  const nice = (v: number) => { const p = Math.pow(10, Math.floor(Math.log10(v))); return [1, 2, 5, 10].map((k) => k * p).find((x) => x >= v) ?? v; };
  const hi = nice(highest);
  const lo = lowest < 0 ? -nice(-lowest) : -hi * 0.1;
  const y = (v: number) => top + (hi - v) * (H - top - bottom) / (hi - lo);
  const band = (W - left - right) / Math.max(1, coops.length);
  const bw = Math.max(6, Math.min(36, band / 3.2));
  // The lowest tick only where it does not crowd zero's.
  const ticks = [lo, 0, hi / 2, hi].filter((v, i, all) => all.indexOf(v) === i && (v >= 0 || y(v) - y(0) >= 14));
  const chars = Math.max(6, Math.floor(band / 7.5));
  const short = (text: string) => (text.length > chars ? text.slice(0, chars - 1) + '…' : text);
  const tick = (v: number) => (Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 10) / 10);
  return (
    <div ref={box} class="chart-box">
      <svg class="chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={m.federation.chartLabel} data-testid="federation-chart">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} class={v === 0 ? 'axis' : 'grid'} />
            <text x={left - 6} y={y(v) + 4} class="tick" text-anchor="end">{tick(v)}</text>
          </g>
        ))}
        {coops.map((c, i) => {
          const x0 = left + i * band + band / 2;
          const circ = hours(c.circulation); const pos = hours(c.position); const lim = hours(c.limit);
          const limitInView = lim > 0 && lim <= hi && -lim >= lo;
          return (
            <g key={c.id}>
              <rect class="circ" x={x0 - bw - 2} width={bw} y={y(Math.max(circ, 0))} height={Math.max(circ ? 1 : 0, Math.abs(y(circ) - y(0)))}><title>{fmt(m.federation.circulation, { coop: c.name, hours: formatHours(c.circulation) })}</title></rect>
              <rect class="pos" x={x0 + 2} width={bw} y={y(Math.max(pos, 0))} height={Math.max(pos ? 1 : 0, Math.abs(y(pos) - y(0)))}><title>{fmt(m.federation.positionOf, { coop: c.name, hours: formatHours(c.position) })}</title></rect>
              {limitInView && <>
                <line class="limit" x1={x0 - bw - 6} x2={x0 + bw + 6} y1={y(lim)} y2={y(lim)} />
                <line class="limit" x1={x0 - bw - 6} x2={x0 + bw + 6} y1={y(-lim)} y2={y(-lim)} />
              </>}
              <text x={x0} y={H - bottom + 18} class="label" text-anchor="middle">{short(c.name)}</text>
              {lim > 0 && !limitInView && <text x={x0} y={H - bottom + 34} class="tick" text-anchor="middle">{fmt(m.federation.limitShort, { hours: formatHours(c.limit) })}</text>}
            </g>
          );
        })}
        <g transform={`translate(${left}, ${H - 12})`}>
          <text class="tick">{m.federation.chartAxis}:</text>
          <rect class="circ" x="48" width="10" height="10" y="-9" /><text x="62" class="tick">{m.federation.legendCirculation}</text>
          <rect class="pos" x="142" width="10" height="10" y="-9" /><text x="156" class="tick">{m.federation.legendPosition}</text>
          <line class="limit" x1="218" x2="234" y1="-4" y2="-4" /><text x="238" class="tick">{m.federation.legendLimit}</text>
        </g>
      </svg>
    </div>
  );
}

const statusName = (m: Messages, status: string) =>
  status === 'Active' ? m.home.active : status === 'Pending' ? m.home.pending : status === 'Suspended' ? m.home.suspended : status;

export function Federation () {
  const s = useStore();
  const m = useMessages();
  const t = m.federation;
  const [coops] = useChainData(loadCoops, []);
  const [polls] = useChainData(async (api) => loadFederationPolls(api, m, coops ?? []), [coops?.length ?? 0, m.federation.title]);
  const [validators] = useChainData(loadValidators, []);
  if (!s.api) return <div class="screen"><h1>{t.title}</h1><Notice>{m.common.loading}</Notice></div>;
  const active = coops?.filter((c) => c.status === 'Active').length ?? 0;
  return (
    <div class="screen">
      <h1>{t.title}</h1>
      <p class="intro">{t.intro}</p>
      {!coops ? <Notice>{m.common.loading}</Notice> : (
        <>
          <Card title={t.cooperatives} testid="federation-coops">
            <div class="scroll">
              <table class="statement stack">
                <thead>
                  <tr><th>{m.common.cooperative}</th><th>{t.status}</th><th class="num">{t.members}</th><th class="num">{t.circulationH}</th>
                    <th class="num">{t.rate}</th><th class="num">{t.position}</th><th class="num">{t.reserve}</th></tr>
                </thead>
                <tbody>
                  {coops.map((c) => (
                    <tr key={c.id} data-testid={`federation-coop-${c.id}`}>
                      <td class="name">{c.name}</td>
                      <td data-label={t.status}>{statusName(m, c.status)}</td>
                      <td class="num" data-label={t.members}>{c.members}</td>
                      <td class="num" data-label={t.circulationH}>{formatHours(c.circulation)}</td>
                      <td class="num" data-label={t.rate}>{fmt(t.rateValue, { rate: formatFixed(c.rate, 18, 4) })}</td>
                      <td class={'num' + (c.position < 0n ? ' owing' : '')} data-label={t.position}>{fmt(t.positionValue, { position: formatHours(c.position), limit: formatHours(c.limit) })}</td>
                      <td class="num" data-label={t.reserve}>
                        <span>
                          {fmt(t.bucketSub, { amount: formatConf(c.subsistence, 2) })}
                          <span class="sub">{fmt(t.bucketCom, { amount: formatConf(c.commons, 2) })}</span>
                          {c.redemptionRate > 0n && <span class="sub">{fmt(t.redemptionRate, { price: formatPrice(c.redemptionRate) })}</span>}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p class="hint">{fmt(t.rateNote, { one: formatFixed(FIXED, 18) })}</p>
          </Card>
          <Card title={t.chart}>
            <CurrencyChart coops={coops} m={m} />
          </Card>
        </>
      )}
      <Card title={t.polls} testid="federation-polls">
        {!polls ? <p class="muted">{m.common.loading}</p> : polls.length === 0 ? <p class="muted">{t.noPolls}</p> : (
          <ul class="list">
            {polls.map((p) => {
              const cast = p.ayes + p.nays;
              return (
                <li key={p.id} data-testid={`federation-poll-${p.id}`}>
                  <div class="what wrap">{fmt(t.poll, { id: p.id })}: {p.what}</div>
                  <div class="muted">{fmt(t.pollMeta, {
                    track: p.track === 'Upgrade' ? t.trackUpgrade : t.trackFederation,
                    coop: p.proposerCoop !== undefined ? (coops?.find((c) => c.id === p.proposerCoop)?.name ?? `#${p.proposerCoop}`) : m.common.unknown,
                    end: p.end
                  })}</div>
                  <div class="tally">
                    <div class="bar"><span class="aye" style={{ width: cast ? `${p.ayes * 100 / cast}%` : '0' }} /><span class="nay" style={{ width: cast ? `${p.nays * 100 / cast}%` : '0' }} /></div>
                    <p>{fmt(m.polls.tally, { ayes: p.ayes, nays: p.nays })} · {fmt(t.voted, { voters: p.voters, electorate: p.electorate || active })}</p>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        <p class="hint">{t.pollsHint}</p>
      </Card>
      <Card title={t.validators} testid="federation-validators">
        {!validators ? <p class="muted">{m.common.loading}</p> : (
          <>
            <ul class="list">
              {validators.list.map((v) => <li key={v}><span>{nameOf(v)}</span> <span class="muted small mono">{v}</span></li>)}
            </ul>
            {!validators.hasValidatorSet && <p class="hint" data-testid="validators-fixed">{t.fixed}</p>}
          </>
        )}
      </Card>
    </div>
  );
}
