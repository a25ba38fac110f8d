import { describe, expect, test } from 'vitest';

import { type PlainEvent, confDecimal, hoursDecimal, reconcile, rowsOfBlock, statementCsv } from './history';

const ME = '5Me';
const BOB = '5Bob';
const COOP = 0;
const ev = (section: string, method: string, data: Record<string, any>): PlainEvent => ({ section, method, data });

describe('rowsOfBlock', () => {
  test('payments in and out of my cooperative, and others’ payments ignored', () => {
    const rows = rowsOfBlock(7, [
      ev('mutualCredit', 'Transferred', { coop: 0, from: ME, to: BOB, amount: 150 }),
      ev('mutualCredit', 'Transferred', { coop: 0, from: BOB, to: ME, amount: '25' }),
      ev('mutualCredit', 'Transferred', { coop: 1, from: ME, to: BOB, amount: 999 }),
      ev('mutualCredit', 'Transferred', { coop: 0, from: BOB, to: '5Carol', amount: 999 })
    ], COOP, ME);
    expect(rows.map((r) => [r.kind, r.credit, r.counterparty, r.block, r.index])).toEqual([
      ['paid', -150n, BOB, 7, 0], ['received', 25n, BOB, 7, 1]
    ]);
  });

  test('payments across: what I paid in mine, what I received in mine', () => {
    const across = ev('mutualCredit', 'TransferredAcross', { fromCoop: 0, toCoop: 1, from: ME, to: BOB, paid: 200, federationUnits: 200, received: 100 });
    expect(rowsOfBlock(1, [across], 0, ME).map((r) => [r.kind, r.credit, r.otherCoop, r.other])).toEqual([['paidAcross', -200n, 1, 100n]]);
    expect(rowsOfBlock(1, [across], 1, BOB).map((r) => [r.kind, r.credit, r.otherCoop, r.other])).toEqual([['receivedAcross', 100n, 0, 200n]]);
    expect(rowsOfBlock(1, [across], 1, ME)).toEqual([]);
  });

  test('work approved, write-off, care confirmed (no credit)', () => {
    const rows = rowsOfBlock(3, [
      ev('mutualCredit', 'ContributionApproved', { id: 4, coop: 0, who: ME, amount: 1000, category: 'Commons' }),
      ev('mutualCredit', 'WrittenOff', { coop: 0, who: ME, amount: 50 }),
      ev('careReputation', 'Confirmed', { record: 2, coop: 0, member: ME, points: 5, byDecision: false })
    ], COOP, ME);
    expect(rows.map((r) => [r.kind, r.credit, r.ref ?? null, r.other ?? null])).toEqual([
      ['work', 1000n, 4, null], ['writtenOff', 50n, null, null], ['care', 0n, 2, 5n]
    ]);
  });

  test('a redemption: the credit burned, with its payout and fee in CONF', () => {
    const rows = rowsOfBlock(9, [
      ev('mutualCredit', 'Burned', { coop: 0, who: ME, category: 'Subsistence', amount: 200 }),
      ev('redemption', 'Redeemed', { coop: 0, who: ME, category: 'Subsistence', credit: 200, payout: '1960000000000', fee: '40000000000' })
    ], COOP, ME);
    expect(rows).toEqual([{ block: 9, index: 0, kind: 'redeemed', credit: -200n, conf: 1_960_000_000_000n, fee: { amount: 40_000_000_000n, asset: 'conf' } }]);
  });

  test('trades: as the taker selling credit (fee in CONF), as the taker buying (fee in credit), as a maker', () => {
    const base = { credit: 0 };
    const quote = { native: null };
    const trade = { makerOrder: 1, takerOrder: 2, base, quote, baseAmount: 300, quoteAmount: 3000, price: 1, fee: 30 };
    // I place order 2 giving credit: I sell 3 h and receive 3000 − 30.
    const sold = rowsOfBlock(5, [
      ev('dex', 'OrderPlaced', { id: 2, owner: ME, give: base, get: quote, amount: 300, price: 1 }),
      ev('dex', 'Trade', { ...trade, maker: BOB, taker: ME })
    ], COOP, ME);
    expect(sold.map((r) => [r.kind, r.credit, r.conf, r.fee])).toEqual([['sold', -300n, 2970n, { amount: 30n, asset: 'conf' }]]);
    // I place order 2 giving CONF: I receive 3 h less a fee of 30 units of credit.
    const bought = rowsOfBlock(5, [
      ev('dex', 'OrderPlaced', { id: 2, owner: ME, give: quote, get: base, amount: 3000, price: 1 }),
      ev('dex', 'Trade', { ...trade, maker: BOB, taker: ME })
    ], COOP, ME);
    expect(bought.map((r) => [r.kind, r.credit, r.conf, r.fee])).toEqual([['bought', 270n, -3000n, { amount: 30n, asset: 'credit' }]]);
    // Bob's order 2 takes my resting sell order 1: I give all 3 h and receive all 3000.
    const asMaker = rowsOfBlock(5, [
      ev('dex', 'OrderPlaced', { id: 2, owner: BOB, give: quote, get: base, amount: 3000, price: 1 }),
      ev('dex', 'Trade', { ...trade, maker: ME, taker: BOB })
    ], COOP, ME);
    expect(asMaker.map((r) => [r.kind, r.credit, r.conf, r.fee])).toEqual([['sold', -300n, 3000n, undefined]]);
    // The taker's order placed in no event of the block: the reader says which side it was on.
    const standing = rowsOfBlock(5, [ev('dex', 'Trade', { ...trade, maker: ME, taker: '5Coop', takerGivesBase: false })], COOP, ME);
    expect(standing.map((r) => [r.kind, r.credit])).toEqual([['sold', -300n]]);
  });
});

describe('reconcile and CSV', () => {
  const rows = rowsOfBlock(10, [
    ev('mutualCredit', 'Transferred', { coop: 0, from: ME, to: BOB, amount: 150 }),
    ev('mutualCredit', 'ContributionApproved', { id: 1, coop: 0, who: ME, amount: 1000, category: 'Commons' })
  ], COOP, ME);

  test('opening + rows = closing, or the difference', () => {
    expect(reconcile(-200n, rows, 650n)).toEqual({ opening: -200n, closing: 650n, sum: 850n, difference: 0n, reconciles: true });
    expect(reconcile(-200n, rows, 600n)).toMatchObject({ difference: -50n, reconciles: false });
  });

  test('decimal hours and CONF, exact', () => {
    expect(hoursDecimal(150n)).toBe('1.50');
    expect(hoursDecimal(-25n)).toBe('-0.25');
    expect(hoursDecimal(0n)).toBe('0.00');
    expect(confDecimal(1_960_000_000_000n)).toBe('1.960000000000');
    expect(confDecimal(-1n)).toBe('-0.000000000001');
  });

  test('the CSV has the opening, the rows and the closing, and its rows sum from one to the other', () => {
    const rec = reconcile(-200n, rows, 650n);
    const csv = statementCsv(rows, rec, { from: 10, to: 12 }, (r) => (r.kind === 'paid' ? 'Paid "Bob", thanks' : 'Work'), (a) => (a === BOB ? 'Bob' : a));
    const lines = csv.trim().split('\r\n');
    expect(lines).toEqual([
      'block,kind,description,counterparty,hours,balance,conf,fee,fee_asset',
      '10,opening,Opening balance,,,-2.00,,,',
      '10,paid,"Paid ""Bob"", thanks",Bob,-1.50,-3.50,,,',
      '10,work,Work,,10.00,6.50,,,',
      '12,closing,Closing balance,,,6.50,,,'
    ]);
  });
});
