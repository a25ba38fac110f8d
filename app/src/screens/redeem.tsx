// Redeem credit earned by work for CONF from the cooperative's reserve: what I will receive at
// the rate less the exit fee, or that the request will wait in line and my place.
import { useState } from 'preact/hooks';

import { creditAccount, type Tx } from '../chain';
import { TxFlow } from '../components/tx';
import { Card, Field, Notice, Row } from '../components/ui';
import { fmt } from '../i18n';
import { useChainData } from '../store';
import { formatConf, formatHours, formatPerbill, formatPrice, parseHours, payoutAt } from '../units';
import { AsMember, type MemberContext } from './common';
import { hoursError } from './pay';

function RedeemForm ({ api, address, coop, m }: MemberContext) {
  const exitFee = BigInt((api.consts.redemption?.exitFee as any)?.toNumber?.() ?? 0);
  const [category, setCategory] = useState<'Subsistence' | 'Commons'>('Subsistence');
  const [amount, setAmount] = useState('');
  const [touched, setTouched] = useState(false);
  const [pending, setPending] = useState<{ tx: Tx; what: string } | null>(null);
  const [data] = useChainData(async (api) => {
    const [account, r] = await Promise.all([creditAccount(api, coop.id, address), api.call.redemptionApi.reserve(coop.id) as Promise<any>]);
    return {
      account,
      reserve: {
        subsistence: r.subsistence.toBigInt() as bigint, commons: r.commons.toBigInt() as bigint, rate: r.rate.toBigInt() as bigint,
        subsistenceQueue: r.subsistenceQueue.toNumber() as number, commonsQueue: r.commonsQueue.toNumber() as number
      }
    };
  }, [coop.id, address]);
  if (!data) return <Notice>{m.common.loading}</Notice>;

  const { account, reserve } = data;
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

  return (
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
        {quote && (
          <p class={`notice ${queued ? 'warn' : 'info'}`} data-testid="redeem-quote">
            {queued ? fmt(m.redeem.queue, { place: queue + 1 }) : fmt(m.redeem.receive, { payout: formatConf(quote.payout), fee: formatConf(quote.fee) })}
          </p>
        )}
        {!pending && <div class="actions"><button class="primary" type="submit">{m.common.review}</button></div>}
      </form>
      {pending && <TxFlow tx={pending.tx} what={pending.what} coop={coop.id} onClose={() => setPending(null)} />}
    </Card>
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
