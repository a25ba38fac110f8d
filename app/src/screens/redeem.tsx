// Redeem credit earned by work for CONF from the cooperative's reserve: what I will receive at
// the rate less the exit fee, or that the request will wait in line and my place; my requests
// waiting in line, with their places, and cancelling one (its credit comes back).
import type { ApiPromise } from '@polkadot/api';
import { useState } from 'preact/hooks';

import { creditAccount, type Tx } from '../chain';
import { TxFlow } from '../components/tx';
import { Card, Field, Notice, Row } from '../components/ui';
import { fmt } from '../i18n';
import { useChainData } from '../store';
import { formatConf, formatHours, formatPerbill, formatPrice, parseHours, payoutAt } from '../units';
import { AsMember, type MemberContext } from './common';
import { hoursError } from './pay';

type Category = 'Subsistence' | 'Commons';
const CATEGORIES: Category[] = ['Subsistence', 'Commons'];

/** A request of mine waiting in a bucket's queue: its index, and its place (1 = next paid). */
interface Waiting { category: Category; index: number; place: number; credit: bigint; payout: bigint }

/** My waiting requests: a queue is served from its lowest index, cancelled ones leave gaps. */
async function waitingOf (api: ApiPromise, coop: number, who: string): Promise<Waiting[]> {
  const mine: Waiting[] = [];
  for (const category of CATEGORIES) {
    const entries = await api.query.redemption.requests.entries([coop, category]);
    const queue = entries
      .map(([key, value]) => ({ index: (key.args[1] as any).toNumber() as number, request: (value as any).unwrap() }))
      .sort((a, b) => a.index - b.index);
    queue.forEach(({ index, request }, i) => {
      if (request.who.toString() === who) {
        mine.push({ category, index, place: i + 1, credit: request.credit.toBigInt(), payout: request.payout.toBigInt() });
      }
    });
  }
  return mine;
}

function RedeemForm ({ api, address, coop, m }: MemberContext) {
  const exitFee = BigInt((api.consts.redemption?.exitFee as any)?.toNumber?.() ?? 0);
  const deposit = BigInt((api.consts.redemption?.requestDeposit as any)?.toString?.() ?? 0);
  const maxWaiting = (api.consts.redemption?.maxRequestsPerMember as any)?.toNumber?.() as number | undefined;
  const [category, setCategory] = useState<'Subsistence' | 'Commons'>('Subsistence');
  const [amount, setAmount] = useState('');
  const [touched, setTouched] = useState(false);
  const [pending, setPending] = useState<{ tx: Tx; what: string; cancel?: boolean } | null>(null);
  const [data, reload] = useChainData(async (api) => {
    const [account, r, waiting] = await Promise.all([
      creditAccount(api, coop.id, address), api.call.redemptionApi.reserve(coop.id) as Promise<any>, waitingOf(api, coop.id, address)
    ]);
    return {
      account,
      waiting,
      reserve: {
        subsistence: r.subsistence.toBigInt() as bigint, commons: r.commons.toBigInt() as bigint, rate: r.rate.toBigInt() as bigint,
        subsistenceQueue: r.subsistenceQueue.toNumber() as number, commonsQueue: r.commonsQueue.toNumber() as number
      }
    };
  }, [coop.id, address]);
  if (!data) return <Notice>{m.common.loading}</Notice>;

  const { account, reserve, waiting } = data;
  const categoryName = category === 'Commons' ? m.common.commons : m.common.subsistence;
  const max = category === 'Commons' ? account.commons : account.subsistence;
  const bucket = category === 'Commons' ? reserve.commons : reserve.subsistence;
  const queue = category === 'Commons' ? reserve.commonsQueue : reserve.subsistenceQueue;
  let amountErr = hoursError(m, amount, max, m.validation.overEntitlement);
  if (!amountErr && reserve.rate === 0n) amountErr = m.validation.noRate;
  const parsed = parseHours(amount);
  const quote = parsed.ok && !amountErr ? payoutAt(parsed.value, reserve.rate, exitFee) : null;
  // A request waits when the bucket cannot pay it, or others already wait (first in, first out).
  const queued = quote ? (queue > 0 || bucket < quote.payout) : false;
  const mineHere = waiting.filter((w) => w.category === category).length;
  if (!amountErr && queued && maxWaiting !== undefined && mineHere >= maxWaiting) amountErr = fmt(m.redeem.tooMany, { max: maxWaiting });

  function review (e: Event) {
    e.preventDefault();
    setTouched(true);
    if (amountErr || !parsed.ok || !quote) return;
    const vars = { hours: formatHours(parsed.value), category: categoryName, payout: formatConf(quote.payout), place: queue + 1 };
    setPending({
      tx: api.tx.redemption.redeem(coop.id, category, parsed.value),
      what: fmt(queued ? m.redeem.describeQueued : m.redeem.describe, vars)
    });
  }

  function cancel (w: Waiting) {
    const vars = { hours: formatHours(w.credit), category: w.category === 'Commons' ? m.common.commons : m.common.subsistence, place: w.place };
    setPending({ tx: api.tx.redemption.cancel(coop.id, w.category, w.index), what: fmt(m.redeem.describeCancel, vars), cancel: true });
  }
  const flow = pending && <TxFlow tx={pending.tx} what={pending.what} coop={coop.id} onClose={() => setPending(null)} onDone={reload} />;

  return (
    <>
      <Card>
        <dl>
          <Row label={m.home.entitlements}>{fmt(m.home.entitlementLine, { sub: formatHours(account.subsistence), com: formatHours(account.commons) })}</Row>
        </dl>
        <p class="muted" data-testid="redeem-rate">{reserve.rate === 0n ? m.validation.noRate : fmt(m.redeem.rate, { price: formatPrice(reserve.rate), fee: formatPerbill(Number(exitFee)) })}</p>
        <p class="muted">{fmt(m.redeem.reserve, { category: categoryName, amount: formatConf(bucket) })}</p>
        <form onSubmit={review} noValidate>
          <Field id="redeem-category" label={m.redeem.category}>
            <select id="redeem-category" value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value as 'Commons')}>
              <option value="Subsistence">{m.common.subsistence}</option>
              <option value="Commons">{m.common.commons}</option>
            </select>
          </Field>
          <Field id="redeem-amount" label={m.redeem.amount} hint={fmt(m.redeem.canRedeem, { max: formatHours(max), category: categoryName })}
            error={touched && !pending ? amountErr : null}>
            <input id="redeem-amount" inputMode="decimal" autocomplete="off" value={amount}
              onInput={(e) => { setAmount((e.target as HTMLInputElement).value); setTouched(true); }} />
          </Field>
          {quote && !amountErr && (
            <p class={`notice ${queued ? 'warn' : 'info'}`} data-testid="redeem-quote">
              {queued ? fmt(m.redeem.queue, { place: queue + 1 }) : fmt(m.redeem.receive, { payout: formatConf(quote.payout), fee: formatConf(quote.fee) })}
              {queued && deposit > 0n && <span class="sub">{fmt(m.redeem.queueDeposit, { deposit: formatConf(deposit) })}</span>}
            </p>
          )}
          {!pending && <div class="actions"><button class="primary" type="submit">{m.common.review}</button></div>}
        </form>
        {pending && !pending.cancel && flow}
      </Card>
      <Card title={m.redeem.waiting} testid="redeem-waiting">
        {waiting.length === 0 && <p class="muted">{m.redeem.noneWaiting}</p>}
        <ul class="list">
          {waiting.map((w) => (
            <li key={`${w.category}-${w.index}`} data-testid={`waiting-${w.category}-${w.index}`}>
              {fmt(m.redeem.waitingItem, {
                hours: formatHours(w.credit), category: w.category === 'Commons' ? m.common.commons : m.common.subsistence,
                payout: formatConf(w.payout), place: w.place
              })}
              {!pending && <> <button onClick={() => cancel(w)}>{m.redeem.cancel}</button></>}
            </li>
          ))}
        </ul>
        {pending?.cancel && flow}
      </Card>
    </>
  );
}

export function Redeem () {
  return (
    <AsMember>{(ctx) => (
      <div class="screen">
        <h1>{ctx.m.redeem.title}</h1>
        <p class="intro">{ctx.m.redeem.intro}</p>
        <RedeemForm key={`${ctx.coop.id}-${ctx.address}`} {...ctx} />
      </div>
    )}</AsMember>
  );
}
