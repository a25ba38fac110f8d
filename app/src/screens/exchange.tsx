// The exchange of my cooperative's credit against CONF: the order book's depth, placing sell and
// buy orders with prices typed in CONF per hour (quoted by dexApi.quote before signing), and
// cancelling my orders.
import type { ApiPromise } from '@polkadot/api';
import { useState } from 'preact/hooks';

import { creditAccount, freeConf, type Tx } from '../chain';
import { DepthChart } from '../components/depth';
import { TxFlow } from '../components/tx';
import { Card, Field, Notice } from '../components/ui';
import { fmt } from '../i18n';
import { getState, useChainData } from '../store';
import {
  FIXED, HOUR, UNIT, creditFor, formatConf, formatHours, formatPrice, nativePerHourOf, parseConf, parseHours,
  pricePerHour
} from '../units';
import { AsMember, type MemberContext } from './common';
import { hoursError } from './pay';

type Entry = { id: number; owner: string; price: bigint; remaining: bigint; standing: boolean };
const toEntries = (book: any[]): Entry[] => book.map((e) => ({
  id: e.id.toNumber(), owner: e.owner.toString(), price: e.price.toBigInt(), remaining: e.remaining.toBigInt(), standing: e.standing.isTrue
}));

async function loadMarket (api: ApiPromise, coop: number, who: string) {
  const credit = { Credit: coop };
  const [asks, bids, account, conf] = await Promise.all([
    api.call.dexApi.orderBook(credit, 'Native', 50) as Promise<any>,
    api.call.dexApi.orderBook('Native', credit, 50) as Promise<any>,
    creditAccount(api, coop, who),
    freeConf(api, who)
  ]);
  return { asks: toEntries(asks), bids: toEntries(bids), account, conf };
}

const confPerHour = (price: bigint) => Number(nativePerHourOf(price)) / Number(UNIT);

function Market ({ api, address, coop: mine0, m }: MemberContext) {
  const s = getState();
  const [marketId, setMarketId] = useState(mine0.id);
  const coop = s.coops.find((c) => c.id === marketId) ?? mine0;
  const [side, setSide] = useState<'sell' | 'buy'>('sell');
  const [hours, setHours] = useState('');
  const [price, setPrice] = useState('');
  const [touched, setTouched] = useState(false);
  const [pending, setPending] = useState<{ tx: Tx; what: string } | null>(null);
  const [data] = useChainData((api) => loadMarket(api, coop.id, address), [coop.id, address]);

  const parsedHours = parseHours(hours);
  const parsedPrice = parseConf(price);
  const priceFixed = parsedPrice.ok ? pricePerHour(parsedPrice.value) : 0n;
  // Credit is offered only out of a positive balance not already on offer or locked by a vote.
  const offerable = data ? (() => { const v = data.account.balance - data.account.offered - data.account.locked; return v > 0n ? v : 0n; })() : undefined;
  const cost = parsedHours.ok && parsedPrice.ok ? (parsedHours.value * priceFixed + FIXED - 1n) / FIXED : 0n;
  let hoursErr = side === 'sell' ? hoursError(m, hours, offerable, m.validation.overOffer) : hoursError(m, hours);
  const priceErr = parsedPrice.ok ? null : (parsedPrice.error === 'invalid' ? m.validation.invalidConf : m.validation[parsedPrice.error]);
  if (!hoursErr && !priceErr && side === 'buy' && data && cost > data.conf) hoursErr = fmt(m.validation.overConf, { cost: formatConf(cost), free: formatConf(data.conf) });

  const give = side === 'sell' ? { Credit: coop.id } : 'Native';
  const get = side === 'sell' ? 'Native' : { Credit: coop.id };
  const amount = side === 'sell' ? (parsedHours.ok ? parsedHours.value : 0n) : cost;
  const valid = !hoursErr && !priceErr && amount > 0n;
  const [quote] = useChainData(async (api) => {
    if (!valid) return null;
    const q: any = await api.call.dexApi.quote(address, give, get, amount);
    return { spent: q.spent.toBigInt() as bigint, received: q.received.toBigInt() as bigint, fee: q.fee.toBigInt() as bigint };
  }, [side, amount.toString(), valid, address, coop.id]);
  const show = (units: bigint, credit: boolean) => credit ? formatHours(units) : formatConf(units);

  function review (e: Event) {
    e.preventDefault();
    setTouched(true);
    if (!valid || !parsedHours.ok) return;
    const vars = { hours: formatHours(parsedHours.value), coop: coop.name, price: formatPrice(priceFixed), cost: formatConf(cost) };
    setPending({
      tx: api.tx.dex.placeOrder(give, get, amount, priceFixed),
      what: fmt(side === 'sell' ? m.exchange.describeSell : m.exchange.describeBuy, vars)
    });
  }

  function cancel (o: Entry, sell: boolean) {
    const what = sell ? fmt(m.exchange.orderSell, { remaining: formatHours(o.remaining), price: formatPrice(o.price) })
      : fmt(m.exchange.orderBuy, { remaining: formatConf(o.remaining), price: formatPrice(o.price) });
    setPending({ tx: api.tx.dex.cancelOrder(o.id), what: fmt(m.exchange.describeCancel, { id: o.id, what }) });
  }

  if (!data) return <Notice>{m.common.loading}</Notice>;
  const bids = data.bids.map((b) => ({ price: confPerHour(b.price), hours: Number(creditFor(b.remaining, b.price)) / Number(HOUR) }));
  const asks = data.asks.map((a) => ({ price: confPerHour(a.price), hours: Number(a.remaining) / Number(HOUR) }));
  const mineOrders = [...data.asks.map((o) => ({ o, sell: true })), ...data.bids.map((o) => ({ o, sell: false }))].filter(({ o }) => o.owner === address);

  return (
    <>
      <Field id="ex-market" label={m.exchange.market}>
        <select id="ex-market" value={marketId} onChange={(e) => { setMarketId(Number((e.target as HTMLSelectElement).value)); setPending(null); }}>
          {s.coops.filter((c) => c.status === 'Active').map((c) => <option key={c.id} value={c.id}>{fmt(m.exchange.marketOf, { coop: c.name })}</option>)}
        </select>
      </Field>
      <Card title={m.exchange.depth}>
        {bids.length + asks.length === 0 ? <p class="muted">{m.exchange.emptyBook}</p>
          : <DepthChart bids={bids} asks={asks} label={m.exchange.depthLabel} priceAxis={m.exchange.priceAxis} hoursAxis={m.exchange.hoursAxis} />}
        <div class="book">
          <div>
            <h3>{m.exchange.bids}</h3>
            <ul class="list compact" data-testid="book-bids">{data.bids.map((b) => <li key={b.id}>{formatHours(creditFor(b.remaining, b.price))} @ {formatPrice(b.price)}</li>)}</ul>
          </div>
          <div>
            <h3>{m.exchange.asks}</h3>
            <ul class="list compact" data-testid="book-asks">{data.asks.map((a) => <li key={a.id}>{formatHours(a.remaining)} @ {formatPrice(a.price)}</li>)}</ul>
          </div>
        </div>
      </Card>
      <Card>
        <div class="tabs" role="tablist">
          <button role="tab" aria-selected={side === 'sell'} class={side === 'sell' ? 'on' : ''} onClick={() => setSide('sell')}>{m.exchange.sell}</button>
          <button role="tab" aria-selected={side === 'buy'} class={side === 'buy' ? 'on' : ''} onClick={() => setSide('buy')}>{m.exchange.buy}</button>
        </div>
        <p class="muted">{fmt(m.exchange.spendable, { hours: formatHours(offerable ?? 0n), conf: formatConf(data.conf) })}</p>
        <form onSubmit={review} noValidate>
          <Field id="ex-hours" label={m.exchange.hours} hint={m.pay.amountHint} error={touched && !pending ? hoursErr : null}>
            <input id="ex-hours" inputMode="decimal" autocomplete="off" value={hours} onInput={(e) => { setHours((e.target as HTMLInputElement).value); }} />
          </Field>
          <Field id="ex-price" label={side === 'sell' ? m.exchange.minPrice : m.exchange.maxPrice} error={touched && !pending ? priceErr : null}>
            <input id="ex-price" inputMode="decimal" autocomplete="off" value={price} onInput={(e) => { setPrice((e.target as HTMLInputElement).value); }} />
          </Field>
          {valid && quote !== undefined && (
            <p class="notice info" data-testid="ex-quote">
              {quote && quote.spent > 0n
                ? fmt(m.exchange.quote, { spent: show(quote.spent, side === 'sell'), received: show(quote.received, side === 'buy'), fee: show(quote.fee, side === 'buy') }) + (quote.spent < amount ? ' ' + m.exchange.quoteRests : '')
                : m.exchange.quoteNone}
            </p>
          )}
          {!pending && <div class="actions"><button class="primary" type="submit">{m.common.review}</button></div>}
        </form>
        {pending && <TxFlow tx={pending.tx} what={pending.what} coop={coop.id} onClose={() => setPending(null)} />}
      </Card>
      <Card title={m.exchange.mine}>
        {mineOrders.length === 0 && <p class="muted">{m.exchange.noOrders}</p>}
        <ul class="list" data-testid="my-orders">
          {mineOrders.map(({ o, sell }) => (
            <li key={o.id}>
              {sell ? fmt(m.exchange.orderSell, { remaining: formatHours(o.remaining), price: formatPrice(o.price) })
                : fmt(m.exchange.orderBuy, { remaining: formatConf(o.remaining), price: formatPrice(o.price) })}
              {!pending && <> <button onClick={() => cancel(o, sell)}>{m.exchange.cancel}</button></>}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}

export function Exchange () {
  return (
    <AsMember>{(ctx) => (
      <div class="screen">
        <h1>{ctx.m.exchange.title}</h1>
        <p class="intro">{ctx.m.exchange.intro}</p>
        <Market key={`${ctx.coop.id}-${ctx.address}`} {...ctx} />
      </div>
    )}</AsMember>
  );
}
