// The cooperative's common decisions, proposed by any member as a poll of its cooperative
// (`governance.propose({ Cooperative: coop }, call)`): approve or reject pending work, add or
// remove a member, credit limits, the redemption rate, the price band and standing orders, the
// cooperative's rules, the free-action quota and the deposit budget. Several decisions collected
// here go into one poll as `utility.batchAll`, carried out together or not at all (when the
// runtime has pallet-utility; without it, one decision per poll). Voting and closing are on the
// Polls screen.
import type { ApiPromise } from '@polkadot/api';
import type { Call } from '@polkadot/types/interfaces';
import { useState } from 'preact/hooks';

import { describeCall, genericCall } from '../calls';
import { blockMs, type Tx } from '../chain';
import { TxFlow } from '../components/tx';
import { Card, Field, Notice } from '../components/ui';
import { fmt } from '../i18n';
import type { Messages } from '../i18n/en';
import { nameOf, useChainData } from '../store';
import { formatHours, formatPrice, hoursMinutes, parseConf, parseHours, pricePerHour } from '../units';
import { AsMember, type MemberContext } from './common';
import { resolveAccount } from './pay';
import { savedNotes } from './work';

/** A decision waiting to be proposed: the call and what it does in words. */
interface Decision { call: Call; what: string }

/** "1:30" of an amount of credit (h:mm). */
export function hmm (units: bigint): string {
  const { negative, hours, minutes } = hoursMinutes(units);
  return `${negative ? '−' : ''}${hours}:${minutes.toString().padStart(2, '0')}`;
}

/** Whether the runtime can run several calls as one (`utility.batchAll`). */
export const canBatch = (api: ApiPromise) => !!api.tx.utility?.batchAll;

/** A percentage ("50", "66.7") as Perbill parts, or null. */
export function parsePercent (text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,7})?$/.test(t)) return null;
  const value = Number(t);
  if (value > 100) return null;
  return Math.round(value * 10_000_000);
}
const percentOf = (parts: number) => String(Math.round(parts / 1e5) / 100);

/** A whole number ≥ min, or null. */
function parseWhole (text: string, min = 0): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= 4_294_967_295 ? n : null;
}

/** A number of days (decimals allowed), or null. */
function parseDays (text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

async function loadCoop (api: ApiPromise, coop: number) {
  const [registry, contributions, reserve, band, quotaInfo, currency] = await Promise.all([
    api.query.cooperatives.registry(coop) as Promise<any>,
    api.query.mutualCredit.contributions.entries(),
    api.call.redemptionApi.reserve(coop) as Promise<any>,
    api.query.dex.priceBands(coop) as Promise<any>,
    // The quota in force (the cooperative's own, or the runtime's default), as any member reads it.
    api.call.memberQuotaApi.quota(coop, (await api.call.cooperativesApi.cooperativeAccount(coop)).toString()) as Promise<any>,
    api.call.mutualCreditApi.currency(coop) as Promise<any>
  ]);
  const p = registry.unwrap().params;
  const pending = contributions
    .map(([key, value]) => ({ id: (key.args[0] as any).toNumber() as number, c: (value as any).unwrap() }))
    .filter(({ c }) => c.coop.toNumber() === coop)
    .map(({ id, c }) => ({
      id, who: c.who.toString() as string, amount: c.amount.toBigInt() as bigint,
      category: c.category.type as 'Commons' | 'Subsistence', evidence: c.evidence.toHex() as string
    }))
    .sort((a, b) => a.id - b.id);
  return {
    params: {
      votingPeriod: p.votingPeriod.toNumber() as number, quorum: p.quorum.toNumber() as number,
      approval: p.approval.toNumber() as number, workWeight: p.workWeight.toNumber() as number,
      careWeight: p.careWeight.toNumber() as number, weightCap: p.weightCap.toNumber() as number,
      careHalfLife: p.careHalfLife.toNumber() as number, attestationsNeeded: p.attestationsNeeded.toNumber() as number,
      reserveSplit: p.reserveSplit.toNumber() as number
    },
    pending,
    rate: reserve.rate.toBigInt() as bigint,
    band: band.isSome ? { floor: band.unwrap().floor.toBigInt() as bigint, ceiling: band.unwrap().ceiling.toBigInt() as bigint } : null,
    quota: { perPeriod: quotaInfo.perPeriod.toNumber() as number, period: quotaInfo.period.toNumber() as number },
    defaultLimit: currency.defaultCreditLimit.toBigInt() as bigint
  };
}
type CoopData = Awaited<ReturnType<typeof loadCoop>>;

/** One form: its fields' texts, an error per field, and "Add to proposal". */
function Form ({ title, testid, children, onAdd, m, error }: {
  title: string; testid: string; children: any; onAdd: () => void; m: Messages; error?: string | null;
}) {
  return (
    <Card title={title} testid={testid}>
      <form noValidate onSubmit={(e) => { e.preventDefault(); onAdd(); }}>
        {children}
        {error && <p class="error" role="alert">{error}</p>}
        <div class="actions"><button type="submit">{m.treasurer.add}</button></div>
      </form>
    </Card>
  );
}

function Decisions (ctx: MemberContext) {
  const { api, coop, m } = ctx;
  const [data] = useChainData((api) => loadCoop(api, coop.id), [coop.id]);
  const [decisions, setDecisions] = useState<Decision[]>([]);
  const [pending, setPending] = useState<{ tx: Tx; what: string } | null>(null);
  // The poll the last proposal opened (the next poll id before it, if the chain's grew past it).
  const [proposed, setProposed] = useState<number | null>(null);
  const [before, setBefore] = useState<number | null>(null);
  const batch = canBatch(api);

  async function add (tx: Tx) {
    const call = tx.method as unknown as Call;
    let what: string;
    try { what = await describeCall(api, m, call); } catch { what = genericCall(call); }
    // A new proposal starts once the last one is on chain: its outcome makes way.
    if (proposed !== null) setPending(null);
    setProposed(null);
    setDecisions((list) => [...list, { call, what }]);
  }

  async function propose () {
    if (decisions.length === 0) return;
    setBefore(((await api.query.governance.nextPollId()) as any).toNumber());
    const calls = decisions.map((d) => d.call);
    const inner = calls.length === 1 ? calls[0] : api.tx.utility.batchAll(calls);
    const tx = api.tx.governance.propose({ Cooperative: coop.id }, inner);
    const what = decisions.length === 1
      ? fmt(m.treasurer.describePropose, { coop: coop.name, what: decisions[0].what })
      : fmt(m.treasurer.describeProposeAll, { coop: coop.name, n: decisions.length, what: decisions.map((d, i) => `(${i + 1}) ${d.what}`).join('; ') });
    setPending({ tx, what });
  }

  const tooMany = decisions.length > 1 && !batch;
  return (
    <>
      <Card title={fmt(m.treasurer.proposal, { n: decisions.length })} testid="proposal">
        {decisions.length === 0 && <p class="muted">{proposed !== null ? <span data-testid="proposed">{fmt(m.treasurer.proposed, { id: proposed })} <a href="#/polls">{m.treasurer.toPolls}</a></span> : m.treasurer.empty}</p>}
        <ol class="list decisions" data-testid="decisions">
          {decisions.map((d, i) => (
            <li key={i}>
              <span>{d.what}</span>
              {!pending && <button class="link" onClick={() => setDecisions((list) => list.filter((_, j) => j !== i))}>{m.treasurer.remove}</button>}
            </li>
          ))}
        </ol>
        {!batch && <p class="hint" data-testid="no-batch">{m.treasurer.noBatch}</p>}
        {tooMany && <Notice kind="warn">{m.treasurer.tooMany}</Notice>}
        {!pending && decisions.length > 0 && (
          <div class="actions">
            <button class="primary" disabled={tooMany} onClick={propose}>{decisions.length > 1 ? m.treasurer.proposeAll : m.treasurer.propose}</button>
          </div>
        )}
        {pending && <TxFlow tx={pending.tx} what={pending.what} coop={coop.id}
          onClose={() => setPending(null)}
          onDone={async () => {
            // Included: cleared once the chain has the poll (a refused proposal keeps the list).
            const next = ((await api.query.governance.nextPollId()) as any).toNumber();
            if (before !== null && next > before) { setDecisions([]); setProposed(before); }
          }} />}
      </Card>
      {!data ? <Notice>{m.common.loading}</Notice> : <Forms {...ctx} data={data} add={add} />}
    </>
  );
}

function Forms ({ api, coop, m, data, add }: MemberContext & { data: CoopData; add: (tx: Tx) => void }) {
  const notes = savedNotes();
  const perDay = Math.max(1, Math.round(86_400_000 / blockMs(api)));
  const members = coop.members;
  const t = m.treasurer;

  // Members
  const [newMember, setNewMember] = useState('');
  const [memberError, setMemberError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState('');
  // Credit limits
  const [limitWho, setLimitWho] = useState('');
  const [limit, setLimit] = useState('');
  const [defaultLimit, setDefaultLimit] = useState('');
  const [limitError, setLimitError] = useState<string | null>(null);
  // Rate, band, standing orders
  const [rate, setRate] = useState('');
  const [floor, setFloor] = useState('');
  const [ceiling, setCeiling] = useState('');
  const [sell, setSell] = useState('');
  const [buy, setBuy] = useState('');
  const [moneyError, setMoneyError] = useState<string | null>(null);
  // Parameters
  const p = data.params;
  const [params, setParams] = useState({
    votingDays: String(Math.floor(p.votingPeriod / perDay)),
    votingHours: String(Math.round((p.votingPeriod % perDay) * 24 / perDay * 100) / 100),
    quorum: percentOf(p.quorum), approval: percentOf(p.approval), weightCap: percentOf(p.weightCap),
    workWeight: String(p.workWeight), careWeight: String(p.careWeight),
    attestations: String(p.attestationsNeeded), halfLife: String(Math.round(p.careHalfLife / perDay * 100) / 100),
    reserveSplit: percentOf(p.reserveSplit)
  });
  const [paramsError, setParamsError] = useState<string | null>(null);
  // Quota and deposits
  const [quotaN, setQuotaN] = useState(String(data.quota.perPeriod));
  const [quotaDays, setQuotaDays] = useState(String(Math.round(data.quota.period / perDay * 100) / 100));
  const quotaChanged = quotaN.trim() !== String(data.quota.perPeriod) || quotaDays.trim() !== String(Math.round(data.quota.period / perDay * 100) / 100);
  const [budget, setBudget] = useState('');
  const [perMember, setPerMember] = useState('');
  const [quotaError, setQuotaError] = useState<string | null>(null);

  const budgetArgs = (api.tx.memberQuota?.setDepositBudget?.meta.args.length ?? 2) as number;
  const conf = (text: string, allowZero = true) => parseConf(text, { allowZero });
  const hours = (text: string) => parseHours(text, { allowZero: true });

  return (
    <>
      <Card title={t.pendingWork} testid="pending-work">
        {data.pending.length === 0 && <p class="muted">{t.noPendingWork}</p>}
        <ul class="list">
          {data.pending.map((c) => (
            <li key={c.id} data-testid={`contribution-${c.id}`}>
              <div>{fmt(t.contribution, { id: c.id, who: nameOf(c.who), hours: hmm(c.amount), category: c.category === 'Commons' ? m.common.commons : m.common.subsistence })}</div>
              <div class="muted small mono">{fmt(t.evidence, { hash: `${c.evidence.slice(0, 10)}…${c.evidence.slice(-8)}` })}</div>
              {notes[c.evidence] ? <div class="muted">“{notes[c.evidence].text}”</div> : <div class="muted small">{t.noNote}</div>}
              <div class="actions">
                <button onClick={() => add(api.tx.mutualCredit.approveContribution(c.id))}>{t.approve}</button>
                <button onClick={() => add(api.tx.mutualCredit.rejectContribution(c.id))}>{t.reject}</button>
              </div>
            </li>
          ))}
        </ul>
      </Card>

      <div class="cards">
        <Form title={t.members} testid="form-members" m={m} error={memberError} onAdd={() => {
          const who = resolveAccount(newMember);
          if (newMember.trim()) {
            if (!who) { setMemberError(m.validation.unknownPayee); return; }
            if (members.includes(who)) { setMemberError(fmt(t.alreadyMember, { who: nameOf(who) })); return; }
            setMemberError(null); add(api.tx.cooperatives.addMember(coop.id, who)); setNewMember('');
          }
          if (leaving) { add(api.tx.cooperatives.removeMember(coop.id, leaving)); setLeaving(''); }
          if (!newMember.trim() && !leaving) setMemberError(m.validation.empty);
        }}>
          <Field id="t-add-member" label={t.addMember} hint={m.pay.payeeHint}>
            <input id="t-add-member" autocomplete="off" value={newMember} onInput={(e) => setNewMember((e.target as HTMLInputElement).value)} />
          </Field>
          <Field id="t-remove-member" label={t.removeMember}>
            <select id="t-remove-member" value={leaving} onChange={(e) => setLeaving((e.target as HTMLSelectElement).value)}>
              <option value="">{t.nobody}</option>
              {members.map((a) => <option key={a} value={a}>{nameOf(a)}</option>)}
            </select>
          </Field>
        </Form>

        <Form title={t.creditLimits} testid="form-limits" m={m} error={limitError} onAdd={() => {
          const l = hours(limit); const d = hours(defaultLimit);
          const who = resolveAccount(limitWho);
          if (!limit.trim() && !defaultLimit.trim()) { setLimitError(m.validation.empty); return; }
          if (limit.trim() && !who) { setLimitError(m.validation.unknownPayee); return; }
          if ((limit.trim() && !l.ok) || (defaultLimit.trim() && !d.ok)) { setLimitError(m.validation.invalid); return; }
          setLimitError(null);
          if (limit.trim() && l.ok && who) add(api.tx.mutualCredit.setCreditLimit(coop.id, who, l.value));
          if (defaultLimit.trim() && d.ok) add(api.tx.mutualCredit.setDefaultCreditLimit(coop.id, d.value));
          setLimit(''); setDefaultLimit('');
        }}>
          <Field id="t-limit-who" label={t.limitOf} hint={m.pay.payeeHint}>
            <input id="t-limit-who" list="t-members" autocomplete="off" value={limitWho} onInput={(e) => setLimitWho((e.target as HTMLInputElement).value)} />
            <datalist id="t-members">{members.map((a) => <option key={a} value={nameOf(a)} />)}</datalist>
          </Field>
          <Field id="t-limit" label={t.limit} hint={m.pay.amountHint}>
            <input id="t-limit" inputMode="decimal" autocomplete="off" value={limit} onInput={(e) => setLimit((e.target as HTMLInputElement).value)} />
          </Field>
          <Field id="t-default-limit" label={t.defaultLimit} hint={fmt(t.now, { value: formatHours(data.defaultLimit) })}>
            <input id="t-default-limit" inputMode="decimal" autocomplete="off" value={defaultLimit} onInput={(e) => setDefaultLimit((e.target as HTMLInputElement).value)} />
          </Field>
        </Form>

        <Form title={t.money} testid="form-money" m={m} error={moneyError} onAdd={() => {
          const fields = [rate, floor, ceiling, sell, buy];
          if (fields.every((f) => !f.trim())) { setMoneyError(m.validation.empty); return; }
          const r = conf(rate); const f = conf(floor); const c = conf(ceiling); const s = hours(sell); const b = conf(buy);
          if ((rate.trim() && !r.ok) || (floor.trim() && !f.ok) || (ceiling.trim() && !c.ok) || (buy.trim() && !b.ok)) { setMoneyError(m.validation.invalidConf); return; }
          if (sell.trim() && !s.ok) { setMoneyError(m.validation.invalid); return; }
          if (!!floor.trim() !== !!ceiling.trim()) { setMoneyError(t.bandBoth); return; }
          if (f.ok && c.ok && floor.trim() && f.value > c.value) { setMoneyError(t.bandOrder); return; }
          setMoneyError(null);
          if (rate.trim() && r.ok) add(api.tx.redemption.setRate(coop.id, pricePerHour(r.value)));
          if (floor.trim() && f.ok && c.ok) add(api.tx.dex.setPriceBand(coop.id, pricePerHour(f.value), pricePerHour(c.value)));
          if ((sell.trim() || buy.trim())) add(api.tx.dex.setStandingOrders(coop.id, s.ok && sell.trim() ? s.value : 0n, b.ok && buy.trim() ? b.value : 0n));
          setRate(''); setFloor(''); setCeiling(''); setSell(''); setBuy('');
        }}>
          <Field id="t-rate" label={t.rate} hint={fmt(t.now, { value: data.rate ? formatPrice(data.rate) : m.common.none })}>
            <input id="t-rate" inputMode="decimal" autocomplete="off" value={rate} onInput={(e) => setRate((e.target as HTMLInputElement).value)} />
          </Field>
          <Field id="t-floor" label={t.floor} hint={data.band ? fmt(t.bandNow, { floor: formatPrice(data.band.floor), ceiling: formatPrice(data.band.ceiling) }) : t.noBand}>
            <input id="t-floor" inputMode="decimal" autocomplete="off" value={floor} onInput={(e) => setFloor((e.target as HTMLInputElement).value)} />
          </Field>
          <Field id="t-ceiling" label={t.ceiling}>
            <input id="t-ceiling" inputMode="decimal" autocomplete="off" value={ceiling} onInput={(e) => setCeiling((e.target as HTMLInputElement).value)} />
          </Field>
          <Field id="t-sell" label={t.standingSell} hint={t.standingSellHint}>
            <input id="t-sell" inputMode="decimal" autocomplete="off" value={sell} onInput={(e) => setSell((e.target as HTMLInputElement).value)} />
          </Field>
          <Field id="t-buy" label={t.standingBuy} hint={t.standingBuyHint}>
            <input id="t-buy" inputMode="decimal" autocomplete="off" value={buy} onInput={(e) => setBuy((e.target as HTMLInputElement).value)} />
          </Field>
        </Form>

        <Form title={t.rules} testid="form-rules" m={m} error={paramsError} onAdd={() => {
          const days = parseDays(params.votingDays); const hrs = parseDays(params.votingHours);
          const quorum = parsePercent(params.quorum); const approval = parsePercent(params.approval);
          const weightCap = parsePercent(params.weightCap); const reserveSplit = parsePercent(params.reserveSplit);
          const a = parseWhole(params.workWeight); const b = parseWhole(params.careWeight);
          const att = parseWhole(params.attestations, 1); const half = parseDays(params.halfLife);
          if ([days, hrs, quorum, approval, weightCap, reserveSplit, a, b, att, half].some((x) => x === null)) { setParamsError(t.paramsInvalid); return; }
          const votingPeriod = Math.round(days! * perDay + hrs! * perDay / 24);
          if (votingPeriod < 1) { setParamsError(t.paramsInvalid); return; }
          setParamsError(null);
          add(api.tx.cooperatives.setParameters(coop.id, {
            votingPeriod, quorum, approval, workWeight: a, careWeight: b, weightCap,
            careHalfLife: Math.round(half! * perDay), attestationsNeeded: att, reserveSplit
          }));
        }}>
          <div class="two">
            <Field id="t-voting-days" label={t.votingDays}><input id="t-voting-days" inputMode="decimal" value={params.votingDays} onInput={(e) => setParams({ ...params, votingDays: (e.target as HTMLInputElement).value })} /></Field>
            <Field id="t-voting-hours" label={t.votingHours}><input id="t-voting-hours" inputMode="decimal" value={params.votingHours} onInput={(e) => setParams({ ...params, votingHours: (e.target as HTMLInputElement).value })} /></Field>
            <Field id="t-quorum" label={t.quorum}><input id="t-quorum" inputMode="decimal" value={params.quorum} onInput={(e) => setParams({ ...params, quorum: (e.target as HTMLInputElement).value })} /></Field>
            <Field id="t-approval" label={t.approval}><input id="t-approval" inputMode="decimal" value={params.approval} onInput={(e) => setParams({ ...params, approval: (e.target as HTMLInputElement).value })} /></Field>
            <Field id="t-work-weight" label={t.workWeight}><input id="t-work-weight" inputMode="numeric" value={params.workWeight} onInput={(e) => setParams({ ...params, workWeight: (e.target as HTMLInputElement).value })} /></Field>
            <Field id="t-care-weight" label={t.careWeight}><input id="t-care-weight" inputMode="numeric" value={params.careWeight} onInput={(e) => setParams({ ...params, careWeight: (e.target as HTMLInputElement).value })} /></Field>
            <Field id="t-weight-cap" label={t.weightCap}><input id="t-weight-cap" inputMode="decimal" value={params.weightCap} onInput={(e) => setParams({ ...params, weightCap: (e.target as HTMLInputElement).value })} /></Field>
            <Field id="t-attestations" label={t.attestations}><input id="t-attestations" inputMode="numeric" value={params.attestations} onInput={(e) => setParams({ ...params, attestations: (e.target as HTMLInputElement).value })} /></Field>
            <Field id="t-half-life" label={t.halfLife}><input id="t-half-life" inputMode="decimal" value={params.halfLife} onInput={(e) => setParams({ ...params, halfLife: (e.target as HTMLInputElement).value })} /></Field>
            <Field id="t-reserve-split" label={t.reserveSplit}><input id="t-reserve-split" inputMode="decimal" value={params.reserveSplit} onInput={(e) => setParams({ ...params, reserveSplit: (e.target as HTMLInputElement).value })} /></Field>
          </div>
          <p class="hint">{t.weightFormula}</p>
        </Form>

        <Form title={t.quota} testid="form-quota" m={m} error={quotaError} onAdd={() => {
          if (!quotaChanged && ![budget, perMember].some((x) => x.trim())) { setQuotaError(t.nothingChanged); return; }
          const n = parseWhole(quotaN); const d = parseDays(quotaDays);
          const bg = conf(budget); const pm = conf(perMember);
          if (quotaChanged && (n === null || d === null)) { setQuotaError(t.paramsInvalid); return; }
          if (budget.trim() && !bg.ok) { setQuotaError(m.validation.invalidConf); return; }
          if (budgetArgs > 2 && budget.trim() && (!perMember.trim() || !pm.ok)) { setQuotaError(t.perMemberNeeded); return; }
          if (bg.ok && pm.ok && budget.trim() && perMember.trim() && pm.value > bg.value) { setQuotaError(t.perMemberOver); return; }
          setQuotaError(null);
          if (quotaChanged && n !== null && d !== null) add(api.tx.memberQuota.setQuota(coop.id, n, Math.max(1, Math.round(d * perDay))));
          if (budget.trim() && bg.ok) {
            add(budgetArgs > 2
              ? api.tx.memberQuota.setDepositBudget(coop.id, bg.value, pm.ok ? pm.value : 0n)
              : api.tx.memberQuota.setDepositBudget(coop.id, bg.value));
          }
          setBudget(''); setPerMember('');
        }}>
          <div class="two">
            <Field id="t-quota" label={t.quotaN}><input id="t-quota" inputMode="numeric" value={quotaN} onInput={(e) => setQuotaN((e.target as HTMLInputElement).value)} /></Field>
            <Field id="t-quota-days" label={t.quotaDays}><input id="t-quota-days" inputMode="decimal" value={quotaDays} onInput={(e) => setQuotaDays((e.target as HTMLInputElement).value)} /></Field>
          </div>
          <Field id="t-budget" label={t.budget} hint={t.budgetHint}><input id="t-budget" inputMode="decimal" value={budget} onInput={(e) => setBudget((e.target as HTMLInputElement).value)} /></Field>
          {budgetArgs > 2 && <Field id="t-per-member" label={t.perMember}><input id="t-per-member" inputMode="decimal" value={perMember} onInput={(e) => setPerMember((e.target as HTMLInputElement).value)} /></Field>}
        </Form>
      </div>
    </>
  );
}

export function Treasurer () {
  return (
    <AsMember>{(ctx) => (
      <div class="screen">
        <h1>{ctx.m.treasurer.title}</h1>
        <p class="intro">{fmt(ctx.m.treasurer.intro, { coop: ctx.coop.name })}</p>
        <Decisions key={`${ctx.coop.id}-${ctx.address}`} {...ctx} />
      </div>
    )}</AsMember>
  );
}
