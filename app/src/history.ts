// A member's history in one cooperative's currency, read from the events of recent blocks.
//
// Two parts. The pure part (no chain): `rowsOfBlock` turns one block's events, as plain objects,
// into statement rows (each with the change to the member's balance in that currency);
// `reconcile` checks opening + rows = closing; `statementCsv` writes the same rows with the
// opening and closing lines. The reading part (`readHistory`) fetches the events block by block
// over RPC (one `system.events` read per block, at that block's hash) and the balances at the
// parent of the first block and at the last one (`MutualCreditApi::account` at those states).
// See app/README.md for what it costs and why there is no index on chain.
import type { ApiPromise } from '@polkadot/api';

/** An event as plain data: fields by camelCase name, numbers as bigint-able primitives. */
export interface PlainEvent {
  section: string;
  method: string;
  data: Record<string, any>;
}

export type RowKind =
  | 'paid' | 'received' | 'paidAcross' | 'receivedAcross' | 'work' | 'redeemed' | 'redeemCancelled'
  | 'redeemServed' | 'sold' | 'bought' | 'writtenOff' | 'care' | 'careRevoked';

export interface Row {
  block: number;
  /** The event's index in its block (orders rows inside a block). */
  index: number;
  kind: RowKind;
  /** The change to the member's balance in the cooperative's currency (credit units, signed). */
  credit: bigint;
  /** CONF (native units, signed) the member received or paid with it, where there is some. */
  conf?: bigint;
  /** A fee paid with it: in credit units of this currency, or in CONF. */
  fee?: { amount: bigint; asset: 'credit' | 'conf' };
  /** The other party (an address), if any. */
  counterparty?: string;
  /** The other cooperative, for payments across. */
  otherCoop?: number;
  /** Credit of the other cooperative paid or received across, or care points. */
  other?: bigint;
  /** A contribution, poll or record id, where the row has one. */
  ref?: number;
}

const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(v as any));
const num = (v: unknown): number => Number(v);

/** The cooperative of a `Credit(coop)` asset (as `toPrimitive` gives it), else null. */
export function creditCoopOf (asset: any): number | null {
  if (asset && typeof asset === 'object') {
    const key = Object.keys(asset).find((k) => k.toLowerCase() === 'credit');
    if (key !== undefined) return num(asset[key]);
  }
  return null;
}

/**
 * The rows of one block for `who` in `coop`'s currency. A dex `Trade` needs to know which side
 * the taker was on: from the taker's `OrderPlaced` in the same block, or from
 * `data.takerGivesBase`, which the reader adds when the taker's order was placed in no event of
 * this block (a cooperative's standing order).
 */
export function rowsOfBlock (block: number, events: PlainEvent[], coop: number, who: string): Row[] {
  const rows: Row[] = [];
  const used = new Set<number>();
  events.forEach((event, index) => {
    const d = event.data;
    const row = (kind: RowKind, credit: bigint, extra: Partial<Row> = {}) => rows.push({ block, index, kind, credit, ...extra });
    switch (`${event.section}.${event.method}`) {
      case 'mutualCredit.Transferred':
        if (num(d.coop) !== coop || d.from === d.to) break;
        if (d.from === who) row('paid', -big(d.amount), { counterparty: d.to });
        else if (d.to === who) row('received', big(d.amount), { counterparty: d.from });
        break;
      case 'mutualCredit.TransferredAcross':
        if (num(d.fromCoop) === coop && d.from === who) {
          row('paidAcross', -big(d.paid), { counterparty: d.to, otherCoop: num(d.toCoop), other: big(d.received) });
        }
        if (num(d.toCoop) === coop && d.to === who) {
          row('receivedAcross', big(d.received), { counterparty: d.from, otherCoop: num(d.fromCoop), other: big(d.paid) });
        }
        break;
      case 'mutualCredit.ContributionApproved':
        if (num(d.coop) === coop && d.who === who) row('work', big(d.amount), { ref: num(d.id) });
        break;
      case 'mutualCredit.WrittenOff':
        if (num(d.coop) === coop && d.who === who) row('writtenOff', big(d.amount));
        break;
      case 'mutualCredit.Burned': {
        if (num(d.coop) !== coop || d.who !== who) break;
        // Its payout: the redemption's own event in this block, for the same member and credit.
        const paidAt = events.findIndex((e, i) => !used.has(i) && e.section === 'redemption' &&
          (e.method === 'Redeemed' || e.method === 'Queued') && num(e.data.coop) === coop && e.data.who === who &&
          big(e.data.credit) === big(d.amount));
        const extra: Partial<Row> = {};
        if (paidAt >= 0) {
          used.add(paidAt);
          const r = events[paidAt].data;
          if (events[paidAt].method === 'Redeemed') {
            extra.conf = big(r.payout);
            extra.fee = { amount: big(r.fee), asset: 'conf' };
          } else {
            extra.ref = num(r.index);
          }
        }
        row('redeemed', -big(d.amount), extra);
        break;
      }
      case 'mutualCredit.Unburned':
        if (num(d.coop) === coop && d.who === who) row('redeemCancelled', big(d.amount));
        break;
      case 'redemption.QueueServed':
        if (num(d.coop) === coop && d.who === who) row('redeemServed', 0n, { conf: big(d.payout), ref: num(d.index) });
        break;
      case 'careReputation.Confirmed':
        if (num(d.coop) === coop && d.member === who) row('care', 0n, { other: big(d.points), ref: num(d.record) });
        break;
      case 'careReputation.Revoked':
        if (num(d.coop) === coop && d.member === who) row('careRevoked', 0n, { other: big(d.points) });
        break;
      case 'dex.Trade': {
        if (d.maker !== who && d.taker !== who) break;
        const baseCoop = creditCoopOf(d.base);
        const quoteCoop = creditCoopOf(d.quote);
        if (baseCoop !== coop && quoteCoop !== coop) break;
        const placed = events.find((e) => e.section === 'dex' && e.method === 'OrderPlaced' && big(e.data.id) === big(d.takerOrder));
        const takerGivesBase: boolean | undefined = placed
          ? JSON.stringify(placed.data.give) === JSON.stringify(d.base)
          : d.takerGivesBase;
        if (takerGivesBase === undefined) break;
        const takerIsMe = d.taker === who;
        const iSell = takerIsMe === takerGivesBase; // I give the base.
        const fee = big(d.fee);
        const baseAmount = big(d.baseAmount);
        const quoteAmount = big(d.quoteAmount);
        // The taker receives what the maker gives less the fee; the maker receives all the taker gives.
        const baseIn = iSell ? 0n : baseAmount - (takerIsMe ? fee : 0n);
        const quoteIn = iSell ? quoteAmount - (takerIsMe ? fee : 0n) : 0n;
        let credit = 0n;
        if (baseCoop === coop) credit += iSell ? -baseAmount : baseIn;
        if (quoteCoop === coop) credit += iSell ? quoteIn : -quoteAmount;
        const extra: Partial<Row> = { counterparty: takerIsMe ? d.maker : d.taker };
        if (quoteCoop === null) extra.conf = iSell ? quoteIn : -quoteAmount;
        if (takerIsMe) {
          // The fee is in what the taker received.
          const feeInBase = !takerGivesBase;
          const feeCoop = feeInBase ? baseCoop : quoteCoop;
          extra.fee = feeCoop === null ? { amount: fee, asset: 'conf' } : { amount: fee, asset: 'credit' };
          if (feeCoop !== null && feeCoop !== coop) delete extra.fee;
        }
        row(iSell ? 'sold' : 'bought', credit, extra);
        break;
      }
      default:
    }
  });
  return rows;
}

export interface Reconciliation {
  opening: bigint;
  closing: bigint;
  /** The sum of the rows' credit. */
  sum: bigint;
  /** closing − (opening + sum): zero when the statement reconciles. */
  difference: bigint;
  reconciles: boolean;
}

export function reconcile (opening: bigint, rows: Row[], closing: bigint): Reconciliation {
  const sum = rows.reduce((total, r) => total + r.credit, 0n);
  const difference = closing - (opening + sum);
  return { opening, closing, sum, difference, reconciles: difference === 0n };
}

/** Credit units as decimal hours with two decimals: 150 → "1.50", −25 → "-0.25". */
export function hoursDecimal (units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Native units as decimal CONF with all 12 decimals (exact). */
export function confDecimal (native: bigint): string {
  const negative = native < 0n;
  const abs = negative ? -native : native;
  const scale = 10n ** 12n;
  return `${negative ? '-' : ''}${abs / scale}.${(abs % scale).toString().padStart(12, '0')}`;
}

const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The statement as CSV: a header, an opening line (balance before the first block), one line per
 * row (its change in hours), and a closing line (balance after the last block). The changes of
 * the rows sum from the opening to the closing when the statement reconciles.
 */
export function statementCsv (
  rows: Row[],
  rec: Reconciliation,
  range: { from: number; to: number },
  describe: (row: Row) => string,
  nameOf: (address: string) => string = (a) => a
): string {
  const lines = [['block', 'kind', 'description', 'counterparty', 'hours', 'balance', 'conf', 'fee', 'fee_asset']];
  let balance = rec.opening;
  lines.push([String(range.from), 'opening', 'Opening balance', '', '', hoursDecimal(rec.opening), '', '', '']);
  for (const row of rows) {
    balance += row.credit;
    lines.push([
      String(row.block), row.kind, describe(row), row.counterparty ? nameOf(row.counterparty) : '',
      hoursDecimal(row.credit), hoursDecimal(balance),
      row.conf !== undefined ? confDecimal(row.conf) : '',
      row.fee ? (row.fee.asset === 'conf' ? confDecimal(row.fee.amount) : hoursDecimal(row.fee.amount)) : '',
      row.fee ? (row.fee.asset === 'conf' ? 'CONF' : 'hours') : ''
    ]);
  }
  lines.push([String(range.to), 'closing', 'Closing balance', '', '', hoursDecimal(rec.closing), '', '', '']);
  return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// ---- Reading from the chain ----

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A codec event as plain data (names camelCase; values by `toPrimitive`). */
export function plainEvent (event: any): PlainEvent {
  const names: (string | null)[] = event.data.names ?? event.meta.fields.map((f: any) => f.name.isSome ? f.name.unwrap().toString() : null);
  const data: Record<string, any> = {};
  event.data.forEach((value: any, i: number) => { data[camel(names[i] ?? String(i))] = value.toPrimitive(); });
  return { section: event.section, method: event.method, data };
}

export interface HistoryProgress { done: number; total: number }

export interface History {
  from: number;
  to: number;
  rows: Row[];
  rec: Reconciliation;
  /** Blocks read. */
  blocks: number;
}

/**
 * Reads `who`'s history in `coop` from block `from` to block `to` (both included): the events of
 * each block at its hash, a few blocks at a time, reporting progress; `shouldStop` ends it early
 * (the statement then ends at the last block read, and still reconciles). Throws if the node no
 * longer has the state of a block asked for (pruned: see app/README.md).
 */
export async function readHistory (
  api: ApiPromise, coop: number, who: string, from: number, to: number,
  { onProgress, shouldStop, parallel = 6 }: { onProgress?: (p: HistoryProgress) => void; shouldStop?: () => boolean; parallel?: number } = {}
): Promise<History> {
  if (from < 1) from = 1;
  const total = to - from + 1;
  const rows: Row[] = [];
  let last = from - 1;
  const openingHash = await api.rpc.chain.getBlockHash(from - 1);
  const opening = ((await (await api.at(openingHash)).call.mutualCreditApi.account(coop, who)) as any).balance.toBigInt() as bigint;
  for (let start = from; start <= to; start += parallel) {
    if (shouldStop?.()) break;
    const numbers = Array.from({ length: Math.min(parallel, to - start + 1) }, (_, i) => start + i);
    const perBlock = await Promise.all(numbers.map(async (n) => {
      const hash = await api.rpc.chain.getBlockHash(n);
      const records: any = await api.query.system.events.at(hash);
      const events = (records as any[]).map((r) => plainEvent(r.event));
      // A trade against an order placed before this block (a cooperative's standing order, or
      // any resting order when the taker is someone else): which side the taker was on.
      for (const e of events) {
        if (e.section !== 'dex' || e.method !== 'Trade' || (e.data.maker !== who && e.data.taker !== who)) continue;
        if (events.some((p) => p.section === 'dex' && p.method === 'OrderPlaced' && String(p.data.id) === String(e.data.takerOrder))) continue;
        const parent = (await api.rpc.chain.getHeader(hash)).parentHash;
        const maker: any = await (await api.at(parent)).query.dex.orders(e.data.makerOrder);
        if (maker.isSome) {
          const side = maker.unwrap().side?.type ?? '';
          e.data.takerGivesBase = side === 'Bid'; // the maker buys the base: the taker sells it
        }
      }
      return { n, hash, rows: rowsOfBlock(n, events, coop, who) };
    }));
    for (const b of perBlock) { rows.push(...b.rows); last = b.n; }
    onProgress?.({ done: last - from + 1, total });
  }
  const closingHash = await api.rpc.chain.getBlockHash(last);
  const closing = ((await (await api.at(closingHash)).call.mutualCreditApi.account(coop, who)) as any).balance.toBigInt() as bigint;
  return { from, to: last, rows, rec: reconcile(opening, rows, closing), blocks: last - from + 1 };
}
