// Pay a member: of my cooperative (MutualCredit.transfer) or of another (transfer_across, with
// what the payee receives at the two exchange rates shown before signing).
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { useState } from 'preact/hooks';

import { creditAccount, exchangeRate, type Tx } from '../chain';
import { TxFlow } from '../components/tx';
import { Card, Field } from '../components/ui';
import { fmt } from '../i18n';
import type { Messages } from '../i18n/en';
import { coopName, getState, nameOf, useChainData } from '../store';
import { convertAcross, formatHours, parseHours } from '../units';
import { AsMember, type MemberContext } from './common';

/** An address from what a person typed: a known account's name, or an address. */
export function resolveAccount (text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  const known = getState().accounts.find((a) => a.name.toLowerCase() === t.toLowerCase());
  if (known) return known.address;
  try { return encodeAddress(decodeAddress(t), 42); } catch { return null; }
}

/** The message for an amount of hours, or null if it is fine. */
export function hoursError (m: Messages, text: string, max?: bigint, overMessage?: string): string | null {
  const parsed = parseHours(text);
  if (!parsed.ok) return m.validation[parsed.error];
  if (max !== undefined && parsed.value > max) return fmt(overMessage ?? m.validation.overAvailable, { available: formatHours(max), max: formatHours(max) });
  return null;
}

function PayForm ({ api, address, coop, m }: MemberContext) {
  const s = getState();
  const [toCoop, setToCoop] = useState(coop.id);
  const [payee, setPayee] = useState('');
  const [amount, setAmount] = useState('');
  const [touched, setTouched] = useState({ payee: false, amount: false });
  const [pending, setPending] = useState<{ tx: Tx; what: string } | null>(null);
  const [data] = useChainData(async (api) => ({
    account: await creditAccount(api, coop.id, address),
    fromRate: await exchangeRate(api, coop.id),
    toRate: await exchangeRate(api, toCoop)
  }), [coop.id, address, toCoop]);

  const target = s.coops.find((c) => c.id === toCoop);
  const payeeAddress = resolveAccount(payee);
  let payeeError: string | null = null;
  if (!payee.trim()) payeeError = m.validation.empty;
  else if (!payeeAddress) payeeError = m.validation.unknownPayee;
  else if (payeeAddress === address && toCoop === coop.id) payeeError = m.validation.self;
  else if (!target?.members.includes(payeeAddress)) payeeError = fmt(m.validation.notMember, { who: payee.trim(), coop: coopName(toCoop) });
  const amountError = hoursError(m, amount, data?.account.available);
  const parsed = parseHours(amount);
  const across = toCoop !== coop.id;
  const received = parsed.ok && data ? (across ? convertAcross(parsed.value, data.fromRate, data.toRate) : parsed.value) : null;

  function review (e: Event) {
    e.preventDefault();
    setTouched({ payee: true, amount: true });
    if (payeeError || amountError || !parsed.ok || !payeeAddress || !data) return;
    const tx = across
      ? api.tx.mutualCredit.transferAcross(coop.id, toCoop, payeeAddress, parsed.value)
      : api.tx.mutualCredit.transfer(coop.id, payeeAddress, parsed.value);
    const what = across
      ? fmt(m.pay.describeAcross, { amount: formatHours(parsed.value), from: coop.name, who: nameOf(payeeAddress), received: formatHours(received ?? 0n), to: coopName(toCoop) })
      : fmt(m.pay.describe, { amount: formatHours(parsed.value), who: nameOf(payeeAddress), coop: coop.name });
    setPending({ tx, what });
  }

  const members = (target?.members ?? []).filter((a) => a !== address);
  return (
    <Card>
      <form onSubmit={review} noValidate>
        <Field id="pay-coop" label={m.pay.toCoop}>
          <select id="pay-coop" value={toCoop} onChange={(e) => setToCoop(Number((e.target as HTMLSelectElement).value))}>
            {s.coops.filter((c) => c.status === 'Active').map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <Field id="pay-to" label={m.pay.payee} hint={m.pay.payeeHint} error={touched.payee && !pending ? payeeError : null}>
          <input id="pay-to" list="pay-members" autocomplete="off" value={payee}
            aria-invalid={touched.payee && !!payeeError}
            onInput={(e) => setPayee((e.target as HTMLInputElement).value)}
            onBlur={() => setTouched((t) => ({ ...t, payee: true }))} />
          <datalist id="pay-members">{members.map((a) => <option key={a} value={nameOf(a)} />)}</datalist>
        </Field>
        <Field id="pay-amount" label={m.pay.amount} hint={data ? `${m.pay.amountHint} · ${fmt(m.pay.availableNow, { available: formatHours(data.account.available) })}` : m.pay.amountHint}
          error={touched.amount && !pending ? amountError : null}>
          <input id="pay-amount" inputMode="decimal" autocomplete="off" value={amount}
            aria-invalid={touched.amount && !!amountError}
            onInput={(e) => { setAmount((e.target as HTMLInputElement).value); setTouched((t) => ({ ...t, amount: true })); }} />
        </Field>
        {across && received !== null && payeeAddress && !payeeError && !amountError && (
          <p class="notice info" data-testid="pay-receives">{fmt(m.pay.receives, { who: nameOf(payeeAddress), amount: formatHours(received), coop: coopName(toCoop) })}</p>
        )}
        {!pending && <div class="actions"><button class="primary" type="submit">{m.common.review}</button></div>}
      </form>
      {pending && <TxFlow tx={pending.tx} what={pending.what} coop={coop.id} onClose={() => setPending(null)} />}
    </Card>
  );
}

export function Pay () {
  return (
    <AsMember>{(ctx) => (
      <div class="screen">
        <h1>{ctx.m.pay.title}</h1>
        <p class="intro">{ctx.m.pay.intro}</p>
        <PayForm key={`${ctx.coop.id}-${ctx.address}`} {...ctx} />
      </div>
    )}</AsMember>
  );
}
