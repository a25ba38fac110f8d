import { describe, expect, test } from 'vitest';

import {
  FIXED, HOUR, UNIT, convertAcross, formatConf, formatHours, formatPrice, parseConf, parseHours,
  payoutAt, pricePerHour
} from './units';

const ok = (value: bigint) => ({ ok: true, value });

describe('parseHours', () => {
  test('decimal hours', () => {
    expect(parseHours('1.5')).toEqual(ok(150n));
    expect(parseHours('1,5')).toEqual(ok(150n));
    expect(parseHours('2')).toEqual(ok(200n));
    expect(parseHours('0.25')).toEqual(ok(25n));
    expect(parseHours('.5')).toEqual(ok(50n));
    expect(parseHours(' 3 ')).toEqual(ok(300n));
  });
  test('h:mm', () => {
    expect(parseHours('1:30')).toEqual(ok(150n));
    expect(parseHours('0:45')).toEqual(ok(75n));
    expect(parseHours('2:00')).toEqual(ok(200n));
    expect(parseHours('1:20')).toEqual(ok(133n));
  });
  test('hours and minutes in words', () => {
    expect(parseHours('1h 30m')).toEqual(ok(150n));
    expect(parseHours('1 h 30 min')).toEqual(ok(150n));
    expect(parseHours('1h30')).toEqual(ok(150n));
    expect(parseHours('2h')).toEqual(ok(200n));
    expect(parseHours('45m')).toEqual(ok(75n));
    expect(parseHours('90 min')).toEqual(ok(150n));
    expect(parseHours('1.5h')).toEqual(ok(150n));
    expect(parseHours('2 horas')).toEqual(ok(200n));
  });
  test('refusals', () => {
    expect(parseHours('')).toEqual({ ok: false, error: 'empty' });
    expect(parseHours('   ')).toEqual({ ok: false, error: 'empty' });
    expect(parseHours('-1')).toEqual({ ok: false, error: 'negative' });
    expect(parseHours('−2h')).toEqual({ ok: false, error: 'negative' });
    expect(parseHours('abc')).toEqual({ ok: false, error: 'invalid' });
    expect(parseHours('1.2.3')).toEqual({ ok: false, error: 'invalid' });
    expect(parseHours('1:75')).toEqual({ ok: false, error: 'invalid' });
    expect(parseHours('1h 75m')).toEqual({ ok: false, error: 'invalid' });
    expect(parseHours('0')).toEqual({ ok: false, error: 'zero' });
    expect(parseHours('0', { allowZero: true })).toEqual(ok(0n));
    expect(parseHours('1.005')).toEqual({ ok: false, error: 'tooPrecise' });
  });
});

describe('formatHours', () => {
  test('hours and minutes, never raw units', () => {
    expect(formatHours(150n)).toBe('1 h 30 min');
    expect(formatHours(200n)).toBe('2 h');
    expect(formatHours(75n)).toBe('45 min');
    expect(formatHours(0n)).toBe('0 h');
    expect(formatHours(-150n)).toBe('−1 h 30 min');
    expect(formatHours(133n)).toBe('1 h 20 min');
    expect(formatHours(199n)).toBe('1 h 59 min');
    expect(formatHours(1n)).toBe('1 min');
  });
});

describe('CONF and prices', () => {
  test('CONF', () => {
    expect(parseConf('2.5')).toEqual(ok(2_500_000_000_000n));
    expect(parseConf('x')).toEqual({ ok: false, error: 'invalid' });
    expect(parseConf('-1')).toEqual({ ok: false, error: 'negative' });
    expect(formatConf(2_500_000_000_000n)).toBe('2.5 CONF');
    expect(formatConf(1_000_000n * UNIT)).toBe('1,000,000 CONF');
    expect(formatConf(0n)).toBe('0 CONF');
  });
  test('a price per hour is the runtime Price e2e perHour computes', () => {
    const perHour = (conf: bigint) => conf * UNIT / HOUR * FIXED; // e2e/lib/units.mjs
    expect(pricePerHour(2n * UNIT)).toBe(perHour(2n));
    expect(pricePerHour(1n * UNIT)).toBe(perHour(1n));
    expect(pricePerHour(UNIT / 2n)).toBe(5n * 10n ** 27n);
    expect(formatPrice(perHour(2n))).toBe('2 CONF/h');
  });
  test('redemption payout and conversion across currencies', () => {
    // 10 hours at 1 CONF an hour less 2%: 9.8 CONF (redemption.test.mjs).
    expect(payoutAt(10n * HOUR, pricePerHour(UNIT), 20_000_000n)).toEqual({ payout: 98n * UNIT / 10n, fee: 2n * UNIT / 10n });
    expect(convertAcross(100n, FIXED / 2n, FIXED)).toBe(50n);
    expect(convertAcross(100n, FIXED, FIXED / 2n)).toBe(200n);
    expect(convertAcross(150n, FIXED, FIXED)).toBe(150n);
  });
});
