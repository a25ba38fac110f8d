// The chain's units, as the app shows and reads them. One place for every conversion: credit is
// counted in hundredths of an hour (150 = 1 h 30 min), CONF in its 12-decimal unit, and prices
// and rates are FixedU128 (18 decimals) of native units per credit unit. The app never shows a
// raw unit.

/** Credit units per hour (the runtime's CREDIT_PER_HOUR). */
export const HOUR = 100n;
/** Native units per CONF (12 decimals). */
export const UNIT = 10n ** 12n;
/** FixedU128's one. */
export const FIXED = 10n ** 18n;
/** The decimals of CONF. */
export const CONF_DECIMALS = 12;

export type ParseError = 'empty' | 'negative' | 'invalid' | 'zero' | 'tooPrecise';
export type Parsed = { ok: true; value: bigint } | { ok: false; error: ParseError };

const fail = (error: ParseError): Parsed => ({ ok: false, error });

/** A non-negative decimal number ("1.5", "1,5", "2") as a fraction: [numerator, denominator]. */
function decimal (text: string): [bigint, bigint] | null {
  const m = /^(\d+)?(?:[.,](\d+))?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const whole = m[1] ?? '0';
  const frac = m[2] ?? '';
  return [BigInt(whole + frac), 10n ** BigInt(frac.length)];
}

/** Rounds numerator/denominator to the nearest whole number (halves up). */
const roundDiv = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);

/**
 * Reads an amount of time as credit units (hundredths of an hour), rounded to the nearest
 * hundredth. Accepts "1.5", "1,5", "1:30", "1h 30m", "1 h 30 min", "1h", "45m", "90 min".
 * Zero is an error unless `allowZero`.
 */
export function parseHours (input: string, { allowZero = false } = {}): Parsed {
  const text = input.trim().toLowerCase();
  if (text === '') return fail('empty');
  if (/^[-−–]/.test(text)) return fail('negative');
  let value: bigint | null = null;
  // h:mm
  let m = /^(\d+):([0-5]?\d)$/.exec(text);
  if (m) {
    value = BigInt(m[1]) * HOUR + roundDiv(BigInt(m[2]) * HOUR, 60n);
  }
  // 1h 30m, 1 h, 45 min, 1h30
  if (value === null) {
    m = /^(?:(\d+(?:[.,]\d+)?)\s*(?:h|hr|hrs|hour|hours|hora|horas)(?![a-z])\s*)?(?:(\d+)\s*(?:m|min|mins|minute|minutes|minuto|minutos)?)?$/.exec(text);
    if (m && m[1] !== undefined) {
      const hours = decimal(m[1]);
      if (!hours) return fail('invalid');
      const minutes = m[2] !== undefined ? BigInt(m[2]) : 0n;
      if (m[2] !== undefined && minutes >= 60n) return fail('invalid');
      value = roundDiv(hours[0] * HOUR * 60n + minutes * HOUR * hours[1], hours[1] * 60n);
    } else if (m && m[2] !== undefined && /[a-z]/.test(text)) {
      value = roundDiv(BigInt(m[2]) * HOUR, 60n);
    }
  }
  // a plain decimal number of hours
  if (value === null) {
    const d = decimal(text);
    if (!d) return fail('invalid');
    const exact = d[0] * HOUR;
    if (exact % d[1] !== 0n) return fail('tooPrecise');
    value = exact / d[1];
  }
  if (value === 0n && !allowZero) return fail('zero');
  return { ok: true, value };
}

/** Hours and minutes of a credit amount, e.g. 150 → { hours: 1, minutes: 30 }; sign apart. */
export function hoursMinutes (units: bigint): { negative: boolean; hours: bigint; minutes: bigint } {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  let hours = abs / HOUR;
  let minutes = roundDiv((abs % HOUR) * 60n, HOUR);
  if (minutes === 60n) { hours += 1n; minutes = 0n; }
  return { negative, hours, minutes };
}

/** "1 h 30 min", "45 min", "2 h", "0 h"; a negative amount starts with a minus sign. */
export function formatHours (units: bigint): string {
  const { negative, hours, minutes } = hoursMinutes(units);
  const parts: string[] = [];
  if (hours > 0n) parts.push(`${hours} h`);
  if (minutes > 0n) parts.push(`${minutes} min`);
  if (parts.length === 0) return '0 h';
  return (negative ? '−' : '') + parts.join(' ');
}

/** A decimal string of `value / 10^decimals`, with at most `shown` decimals, trailing zeros cut. */
export function formatFixed (value: bigint, decimals: number, shown = 4): string {
  const negative = value < 0n;
  let abs = negative ? -value : value;
  const scale = 10n ** BigInt(decimals);
  const keep = 10n ** BigInt(Math.min(shown, decimals));
  // round to `shown` decimals
  const step = scale / keep;
  abs = ((abs + step / 2n) / step) * step;
  const whole = abs / scale;
  let frac = (abs % scale).toString().padStart(decimals, '0').slice(0, Math.min(shown, decimals));
  frac = frac.replace(/0+$/, '');
  const wholeText = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '−' : '') + wholeText + (frac ? '.' + frac : '');
}

/** "12.5 CONF" from native units. */
export const formatConf = (native: bigint, shown = 4) => `${formatFixed(native, CONF_DECIMALS, shown)} CONF`;

/** Reads an amount of CONF ("2", "2.5", "0,01") as native units; at most 12 decimals. */
export function parseConf (input: string, { allowZero = false } = {}): Parsed {
  const text = input.trim();
  if (text === '') return fail('empty');
  if (/^[-−–]/.test(text)) return fail('negative');
  const m = /^(\d+)?(?:[.,](\d+))?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return fail('invalid');
  const frac = m[2] ?? '';
  if (frac.length > CONF_DECIMALS) return fail('tooPrecise');
  const value = BigInt((m[1] ?? '0') + frac.padEnd(CONF_DECIMALS, '0'));
  if (value === 0n && !allowZero) return fail('zero');
  return { ok: true, value };
}

/**
 * The runtime's Price (FixedU128 inner value: native units per credit unit) of a price of
 * `native` native units per hour — exactly as e2e/lib/units.mjs `perHour` does for whole CONF:
 * conf · UNIT / HOUR · FIXED.
 */
export const pricePerHour = (nativePerHour: bigint): bigint => nativePerHour * FIXED / HOUR;

/** Native units per hour of a Price (rounded down). */
export const nativePerHourOf = (price: bigint): bigint => price * HOUR / FIXED;

/** "2 CONF/h" of a Price. */
export const formatPrice = (price: bigint) => `${formatFixed(nativePerHourOf(price), CONF_DECIMALS, 4)} CONF/h`;

/** Native units that `credit` units cost at `price` (rounded down). */
export const costOf = (credit: bigint, price: bigint): bigint => credit * price / FIXED;

/** Credit units that `native` units buy at `price` (rounded down; 0 at a zero price). */
export const creditFor = (native: bigint, price: bigint): bigint => price === 0n ? 0n : native * FIXED / price;

/** What a payee receives in its currency for `amount` of the payer's, at the two exchange rates
 * (both FixedU128 inner values against the federation unit), rounded down twice as the runtime
 * does (mutual-credit `math::convert`). */
export function convertAcross (amount: bigint, fromRate: bigint, toRate: bigint): bigint {
  if (toRate === 0n) return 0n;
  const units = amount * fromRate / FIXED;
  return units * FIXED / toRate;
}

/** A Perbill (parts per billion) as a percentage string: 20_000_000 → "2%". */
export const formatPerbill = (parts: number) => `${Math.round(parts / 1e5) / 100}%`;

/** A redemption's payout and exit fee, as the runtime computes them (redemption `payout_at`):
 * gross = credit · rate (rounded down), fee = exitFee · gross (rounded up). */
export function payoutAt (credit: bigint, rate: bigint, exitFeeParts: bigint): { payout: bigint; fee: bigint } {
  const gross = credit * rate / FIXED;
  const fee = (gross * exitFeeParts + 999_999_999n) / 1_000_000_000n;
  return { payout: gross - fee, fee };
}

/** What a reputation of `now` points decays to after `blocks`, with `halfLife` blocks. */
export const decayed = (now: number, blocks: number, halfLife: number): number =>
  halfLife <= 0 ? now : now * Math.pow(0.5, blocks / halfLife);
