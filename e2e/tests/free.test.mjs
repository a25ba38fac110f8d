// Members act without CONF, on a real dev node: a fresh account with no CONF is refused until
// the bakery adds it by poll; then it pays a member, submits work, attests care, proposes and
// votes, places and cancels an order, all free (the wallet's fee query says zero), its quota
// counting down through the runtime API and its CONF balance staying zero (its cooperative holds
// the deposits); it redeems credit it earned and receives the payout whole, finalized; a member
// with no CONF past its quota is refused at the pool, and a burst of failing free transactions
// stops at the quota.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { decideInCooperative, eventsOf } from '../lib/governance.mjs';
import { submitFinalized } from '../lib/node.mjs';
import { HOUR, UNIT, perHour } from '../lib/units.mjs';

/** What the pool says of a transaction that cannot pay its fee. */
const CANNOT_PAY = /Inability to pay some fees|1010/;

describe('members act without CONF on a dev node', () => {
  let node, api, keyring, signers, alice, charlie, ferdie, newcomer, burster;
  const inBlock = { until: 'inBlock' };

  const conf = async (who) => {
    const { data } = await api.query.system.account(who.address);
    return { free: data.free.toBigInt(), reserved: data.reserved.toBigInt() };
  };
  const quota = async (who) => api.call.memberQuotaApi.quota(0, who.address);
  const left = async (who) => (await quota(who)).left.toNumber();
  const fee = async (tx, who) => (await tx.paymentInfo(who)).partialFee.toBigInt();

  /** Submits `tx` from `who` and checks it was free: no fee event, one `FreeTransaction`. */
  async function free (tx, who, options = inBlock) {
    assert.equal(await fee(tx, who), 0n, 'the wallet is told: no fee');
    const before = await left(who);
    const { events } = await submitFinalized(api, tx, who, {}, options);
    assert.equal(eventsOf(api, events, 'transactionPayment', 'TransactionFeePaid').length, 0);
    const [counted] = eventsOf(api, events, 'memberQuota', 'FreeTransaction');
    assert.ok(counted, 'counted as free');
    assert.equal(counted.data.left.toNumber(), before - 1);
    assert.equal(await left(who), before - 1);
    return events;
  }

  before(async () => {
    ({ node, api, keyring, signers } = await startDevChain('free'));
    [alice, charlie, ferdie] = ['//Alice', '//Charlie', '//Ferdie'].map((uri) => keyring.addFromUri(uri));
    newcomer = keyring.addFromUri('//Newcomer');
    burster = keyring.addFromUri('//Burster');
    // The tests decide the bakery's polls with every member's vote, the new ones' too.
    signers.set(newcomer.address, newcomer);
    signers.set(burster.address, burster);
  });

  after(() => stopDevChain({ node, api }));

  test('an account with no CONF that belongs to no cooperative is refused', async () => {
    assert.deepEqual(await conf(newcomer), { free: 0n, reserved: 0n });
    assert.equal(await left(newcomer), 0);
    await assert.rejects(
      submitFinalized(api, api.tx.mutualCredit.transfer(0, alice.address, HOUR), newcomer, {}, inBlock),
      CANNOT_PAY);
  });

  test('the bakery adds it by poll, and membership makes it exist with no CONF', async () => {
    await decideInCooperative(api, signers, 0, api.tx.cooperatives.addMember(0, newcomer.address));
    const account = await api.query.system.account(newcomer.address);
    assert.equal(account.providers.toNumber(), 1);
    assert.equal(account.data.free.toBigInt(), 0n);
    const info = await quota(newcomer);
    assert.equal(info.perPeriod.toNumber(), 100);
    assert.equal(info.left.toNumber(), 100);
    // Its vote on the next member is its first free transaction.
    await decideInCooperative(api, signers, 0, api.tx.cooperatives.addMember(0, burster.address));
    assert.equal(await left(newcomer), 99);
    assert.deepEqual(await conf(newcomer), { free: 0n, reserved: 0n });
  });

  test('it pays a member, submits work, attests care, proposes and votes: free', async () => {
    const usedBefore = (await quota(newcomer)).used.toNumber();
    await free(api.tx.mutualCredit.transfer(0, alice.address, HOUR), newcomer);
    assert.equal((await api.call.mutualCreditApi.account(0, newcomer.address)).balance.toBigInt(), -HOUR);

    // Its work's deposit is held by the bakery's account, not by the member.
    const bakery = (await api.call.cooperativesApi.cooperativeAccount(0)).toString();
    const bakeryHeld = async () => (await api.query.system.account(bakery)).data.reserved.toBigInt();
    const heldBefore = await bakeryHeld();
    const submitted = await free(
      api.tx.mutualCredit.submitContribution(0, 3n * HOUR, 'Commons', '0x' + '0f'.repeat(32)), newcomer);
    const [{ data: { id: contribution } }] = eventsOf(api, submitted, 'mutualCredit', 'ContributionSubmitted');
    assert.equal(await bakeryHeld(), heldBefore + UNIT);

    // So are its care record's (1 CONF) and its poll's (10 CONF).
    await free(api.tx.careReputation.attest(0, charlie.address, 3, '0x' + 'ca'.repeat(32)), newcomer);
    assert.equal(await bakeryHeld(), heldBefore + 2n * UNIT);

    const proposed = await free(
      api.tx.governance.propose({ Cooperative: 0 }, api.tx.system.remark('0x66726565')), newcomer);
    assert.equal(await bakeryHeld(), heldBefore + 12n * UNIT);
    const [{ data: { poll } }] = eventsOf(api, proposed, 'governance', 'Proposed');
    await free(api.tx.governance.vote(poll, true), newcomer);

    assert.deepEqual(await conf(newcomer), { free: 0n, reserved: 0n });
    assert.equal((await quota(newcomer)).used.toNumber(), usedBefore + 5);

    // The bakery approves its work (the member votes too, free).
    await decideInCooperative(api, signers, 0, api.tx.mutualCredit.approveContribution(contribution));
    const account = await api.call.mutualCreditApi.account(0, newcomer.address);
    assert.equal(account.balance.toBigInt(), 2n * HOUR);
    assert.equal(await bakeryHeld(), heldBefore + 11n * UNIT, 'the work\'s deposit went back to the bakery');
    assert.deepEqual(await conf(newcomer), { free: 0n, reserved: 0n });
  });

  test('it places and cancels an order, then redeems credit it earned and receives the payout whole', async () => {
    // An order of its credit rests (the bakery holds its deposit), and is cancelled.
    const placed = await free(
      api.tx.dex.placeOrder({ Credit: 0 }, 'Native', HOUR / 2n, perHour(2n)), newcomer);
    const [{ data: { id } }] = eventsOf(api, placed, 'dex', 'OrderPlaced');
    assert.equal((await api.call.mutualCreditApi.account(0, newcomer.address)).offered.toBigInt(), HOUR / 2n);
    await free(api.tx.dex.cancelOrder(id), newcomer);
    assert.equal((await api.call.mutualCreditApi.account(0, newcomer.address)).offered.toBigInt(), 0n);
    assert.deepEqual(await conf(newcomer), { free: 0n, reserved: 0n });

    await submitFinalized(api, api.tx.redemption.fund(0, 100n * UNIT), ferdie, {}, inBlock);
    await decideInCooperative(api, signers, 0, api.tx.redemption.setRate(0, perHour(1n)));
    // One hour of commons work at 1 CONF an hour, less the 2% exit fee; no transaction fee.
    await free(api.tx.redemption.redeem(0, 'Commons', HOUR), newcomer, {});
    const payout = UNIT - UNIT * 2n / 100n;
    assert.deepEqual(await conf(newcomer), { free: payout, reserved: 0n });
  });

  test('past its quota a member with no CONF is refused; failing transactions use it up', async () => {
    // The bakery gives each member 15 free transactions an hour. (The burster voted in the
    // bakery's last three polls, or proposed, voted and closed them, whichever member the
    // runtime listed first: each of those was free too.)
    await decideInCooperative(api, signers, 0, api.tx.memberQuota.setQuota(0, 15, 600));
    const { used, left: remaining } = (await quota(burster)).toJSON();
    assert.ok(used >= 3 && used + remaining === 15, `used ${used}, left ${remaining}`);
    // A burst of payments far beyond its credit limit: each is included and fails, and counts.
    const tooMuch = api.tx.mutualCredit.transfer(0, alice.address, 1_000_000n * HOUR);
    for (let i = 0; i < remaining; i++) {
      await assert.rejects(submitFinalized(api, tooMuch, burster, {}, inBlock), /mutualCredit\.OverCreditLimit/);
    }
    assert.equal(await left(burster), 0);
    // The next is refused at the pool, before any block: it has no CONF to pay the fee.
    await assert.rejects(submitFinalized(api, tooMuch, burster, {}, inBlock), CANNOT_PAY);
    assert.deepEqual(await conf(burster), { free: 0n, reserved: 0n });
  });
});
