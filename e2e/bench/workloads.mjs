// What the benchmark measures: six workloads, each a call the senders (members of the bakery)
// make `perSender` times, and the setup they need, done by extrinsics and the bakery's own
// polls the way a cooperative decides (every member votes, then the poll is closed).

import { stringToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { membersOf } from '../lib/governance.mjs';
import { UNIT, perHour } from '../lib/units.mjs';
import { BAKERY, CARE } from './chain.mjs';
import { errorName } from './submit.mjs';

/** The bakery's quota of free transactions in the benchmark: the most the runtime allows (`MaxQuota`). */
export const QUOTA = 1_000;
/** Its period, in blocks: 30 days, the runtime's default. */
export const QUOTA_PERIOD = 30 * 24 * 600;
/** Credit the exchange's takers buy each time: 10 units, a tenth of an hour. */
export const LOT = 10n;
/** The price on the exchange and the redemption rate: 1 CONF per hour. */
export const PRICE = perHour(1n);
/** What one unit of credit costs in native units at `PRICE` (0.01 CONF). */
const UNIT_PRICE = UNIT / 100n;
/** The most one contribution may claim (the runtime's `MaxContribution`: 200 hours). */
const MAX_CONTRIBUTION = 20_000n;
/** What the bakery may issue until it sets a limit of its own (`DefaultIssuanceLimit`: 10,000 hours). */
const ISSUANCE_LIMIT = 1_000_000n;
/** How far the bakery's federation position may go on the dev chain (500 hours). */
const FEDERATION_LIMIT = 50_000n;
/** Decisions one setup poll carries at most: well within a poll's quarter of a block. */
const CALLS_PER_POLL = 400;

/**
 * The workloads, in the order they run. Each has the call it measures, whether it is a
 * member's own act (free within the quota), what setup it needs, the transaction sender `i`
 * makes the `r`-th time, and optionally a check of each included transaction's events (an
 * error message, or null).
 */
export const WORKLOADS = {
  transfer: {
    call: 'balances.transferKeepAlive',
    memberAct: false,
    needs: [],
    // 0.01 CONF to the next sender: the token transfer every other workload is compared to.
    tx: ({ api, senders }, i) => api.tx.balances.transferKeepAlive(senders[(i + 1) % senders.length].address, UNIT / 100n)
  },
  credit: {
    call: 'mutualCredit.transfer',
    memberAct: true,
    needs: [],
    // A hundredth of an hour to the next sender, within the bakery.
    tx: ({ api, senders }, i) => api.tx.mutualCredit.transfer(BAKERY, senders[(i + 1) % senders.length].address, 1n)
  },
  across: {
    call: 'mutualCredit.transferAcross',
    memberAct: true,
    needs: [],
    // A hundredth of an hour to a member of the care collective, cleared through the federation.
    tx: ({ api, receivers }, i) => api.tx.mutualCredit.transferAcross(BAKERY, CARE, receivers[i].address, 1n)
  },
  dex: {
    call: 'dex.placeOrder',
    memberAct: true,
    needs: ['asks'],
    // A bid of 0.1 CONF for bakery credit at the asks' price: it buys exactly one lot from the
    // best resting ask, whose size is a whole number of lots, and so trades with one order.
    tx: ({ api }) => api.tx.dex.placeOrder('Native', { Credit: BAKERY }, LOT * UNIT_PRICE, PRICE),
    check: ({ events }) => {
      const trades = events.filter((e) => e === 'dex.Trade').length;
      return trades === 1 ? null : `${trades} trades`;
    }
  },
  redeem: {
    call: 'redemption.redeem',
    memberAct: true,
    needs: ['entitlement', 'reserve'],
    // A hundredth of an hour of subsistence work redeemed, paid at once from the reserve.
    tx: ({ api }) => api.tx.redemption.redeem(BAKERY, 'Subsistence', 1n),
    check: ({ events }) => events.includes('redemption.Redeemed') ? null : 'not paid (queued?)'
  },
  vote: {
    call: 'governance.vote',
    memberAct: true,
    needs: ['polls'],
    // Aye in the `r`-th of the bakery's open polls.
    tx: ({ api, setup }, i, r) => api.tx.governance.vote(setup.polls[r], true)
  }
};

export const WORKLOAD_NAMES = Object.keys(WORKLOADS);

/**
 * Credit each sender earns for the redemption workload (in units, a hundredth of an hour):
 * enough to redeem a unit `perSender` times after paying away up to `2 · perSender` units in
 * the credit and across phases (credit paid away takes its entitlement with it).
 */
export const entitlementOf = (perSender) => BigInt(Math.max(100, 4 * perSender));

/** The first event `section.method` among an included transaction's events. */
const eventOf = (outcome, name) => outcome.raw.find((e) => `${e.section}.${e.method}` === name);

/**
 * Checks that the workloads fit the chain's limits for these numbers before anything starts:
 * the bakery's issuance limit, its federation position, a contribution's maximum.
 */
export function checkLimits ({ senders, perSender, workloads }) {
  const txs = BigInt(senders * perSender);
  const problems = [];
  if (senders < 2) problems.push('at least 2 senders (each pays the next)');
  let issued = 0n;
  if (workloads.includes('redeem')) {
    if (entitlementOf(perSender) > MAX_CONTRIBUTION) problems.push('PER_SENDER too large for one contribution each');
    issued += BigInt(senders) * entitlementOf(perSender);
  }
  if (workloads.includes('dex')) issued += txs * LOT;
  if (issued > ISSUANCE_LIMIT) problems.push(`the setup would issue ${issued} units of bakery credit (limit ${ISSUANCE_LIMIT})`);
  if (workloads.includes('across') && txs > FEDERATION_LIMIT) {
    problems.push(`${txs} payments across exceed the bakery's federation limit of ${FEDERATION_LIMIT} units`);
  }
  if (problems.length) throw new Error(`the benchmark does not fit the chain: ${problems.join('; ')}`);
  const acts = perSender * workloads.filter((w) => WORKLOADS[w].memberAct).length + 4;
  return acts > QUOTA ? [`each sender makes ${acts} member acts, more than the quota of ${QUOTA}: the rest pay fees`] : [];
}

/**
 * Sets up what the selected workloads need, in as few rounds as it can (each round signed
 * beforehand, sent at once, and waited for; any failure stops the benchmark):
 *
 * 1. every sender submits work (redemption), the makers — Alice, Bob and Charlie — submit the
 *    work whose credit they will offer (exchange), Ferdie funds the bakery's reserve
 *    (redemption), senders open the polls the vote workload votes in;
 * 2. Alice proposes the bakery's decisions: the quota of free transactions (the most the
 *    runtime allows, so that every member act of the benchmark is free), the redemption rate,
 *    and the approval of all that work, a batch of at most `CALLS_PER_POLL` per poll;
 * 3. every member of the bakery votes aye in each; 4. Alice closes them;
 * 5. the makers rest their asks, each a whole number of lots at `PRICE`.
 *
 * `bench.must(jobs, label)` runs a round. Returns `{ polls, rounds, ms }`.
 */
export async function setUp (bench, workloads) {
  const { api, senders, makers, funder, perSender } = bench;
  const started = Date.now();
  const needs = new Set(workloads.flatMap((w) => WORKLOADS[w].needs));
  const memberActs = workloads.some((w) => WORKLOADS[w].memberAct);
  const setup = { polls: [], rounds: [] };
  const round = async (jobs, label) => {
    if (jobs.length === 0) return [];
    const t = Date.now();
    const outcomes = await bench.must(jobs, `setup: ${label}`);
    setup.rounds.push({ label, txs: jobs.length, ms: Date.now() - t });
    return outcomes;
  };

  // 1. Work submitted, the reserve funded, the vote workload's polls opened.
  const jobs = [];
  const evidence = (tag, n) => blake2AsHex(`bench ${tag} ${n}`);
  if (needs.has('entitlement')) {
    senders.forEach((pair, i) => jobs.push({
      pair, tx: api.tx.mutualCredit.submitContribution(BAKERY, entitlementOf(perSender), 'Subsistence', evidence('work', i))
    }));
  }
  const asks = [];
  if (needs.has('asks')) {
    // Enough credit on offer for every taker's lot, in contributions (and asks) of at most
    // `MAX_CONTRIBUTION`, each a whole number of lots, spread over the makers.
    let left = BigInt(senders.length * perSender) * LOT;
    for (let k = 0; left > 0n; k++) {
      const amount = left < MAX_CONTRIBUTION ? left : MAX_CONTRIBUTION;
      left -= amount;
      const pair = makers[k % makers.length];
      asks.push({ pair, amount });
      jobs.push({ pair, tx: api.tx.mutualCredit.submitContribution(BAKERY, amount, 'Commons', evidence('offer', k)) });
    }
  }
  if (needs.has('reserve')) {
    // Twice what the redemptions pay, over the subsistence bucket's 75% share.
    const payouts = BigInt(senders.length * perSender) * UNIT_PRICE;
    jobs.push({ pair: funder, tx: api.tx.redemption.fund(BAKERY, payouts * 8n / 3n + 10n * UNIT) });
  }
  if (needs.has('polls')) {
    for (let r = 0; r < perSender; r++) {
      jobs.push({
        pair: senders[r % senders.length],
        tx: api.tx.governance.propose({ Cooperative: BAKERY }, api.tx.system.remark(stringToHex(`bench poll ${r}`)))
      });
    }
  }
  const submitted = await round(jobs, 'work, reserve, polls');
  const contributions = [];
  for (const outcome of submitted) {
    const work = eventOf(outcome, 'mutualCredit.ContributionSubmitted');
    if (work) contributions.push(work.data.id.toNumber());
    const proposed = eventOf(outcome, 'governance.Proposed');
    if (proposed) setup.polls.push(proposed.data.poll.toNumber());
  }
  setup.polls.sort((a, b) => a - b);

  // 2–4. The bakery decides: quota, rate, approvals.
  const decisions = [];
  if (memberActs) decisions.push(api.tx.memberQuota.setQuota(BAKERY, QUOTA, QUOTA_PERIOD));
  if (needs.has('reserve')) decisions.push(api.tx.redemption.setRate(BAKERY, PRICE));
  decisions.push(...contributions.sort((a, b) => a - b).map((id) => api.tx.mutualCredit.approveContribution(id)));
  if (decisions.length > 0) {
    const proposer = makers[0];
    const batches = [];
    for (let k = 0; k < decisions.length; k += CALLS_PER_POLL) batches.push(decisions.slice(k, k + CALLS_PER_POLL));
    const proposed = await round(batches.map((calls) => ({
      pair: proposer,
      tx: api.tx.governance.propose({ Cooperative: BAKERY }, api.tx.utility.batchAll(calls))
    })), `${batches.length} decision poll(s)`);
    const polls = proposed.map((outcome) => eventOf(outcome, 'governance.Proposed').data.poll.toNumber());
    const signers = new Map([...senders, ...makers].map((pair) => [pair.address, pair]));
    const members = await membersOf(api, BAKERY);
    const voteJobs = [];
    for (const member of members) {
      const pair = signers.get(member);
      if (!pair) throw new Error(`no key for bakery member ${member}`);
      for (const poll of polls) voteJobs.push({ pair, tx: api.tx.governance.vote(poll, true) });
    }
    await round(voteJobs, `${members.length} members vote`);
    const closed = await round(polls.map((poll) => ({ pair: proposer, tx: api.tx.governance.close(poll) })), 'close');
    for (const outcome of closed) {
      const executed = eventOf(outcome, 'governance.Executed');
      if (!executed) throw new Error('a setup poll was not executed');
      if (executed.data.result.isErr) throw new Error(`a setup poll failed: ${errorName(api, executed.data.result.asErr)}`);
    }
  }

  // 5. The makers' asks rest on the book.
  if (asks.length > 0) {
    const placed = await round(asks.map(({ pair, amount }) => ({
      pair, tx: api.tx.dex.placeOrder({ Credit: BAKERY }, 'Native', amount, PRICE)
    })), 'asks');
    if (placed.some((outcome) => outcome.events.includes('dex.Trade'))) throw new Error('an ask traded instead of resting');
  }
  return { ...setup, ms: Date.now() - started };
}
