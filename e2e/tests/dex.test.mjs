// The exchange on a real dev node, with redemption: the Bakery Cooperative funds its reserve and
// decides a rate and a price band by poll; Alice redeems subsistence credit she earned and
// receives CONF; Dave (Care Collective) buys Alice's credit for CONF inside the band and trades
// his cooperative's credit for hers; an order outside the band is refused; the runtime API shows
// the book and quotes; a fee in credit goes back to its cooperative's account; the
// cooperative's standing buy order buys back only credit earned by work (a friend's gift is
// passed over), and received credit gives no vote weight; credit still sums to zero.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { stringToU8a, u8aConcat } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

import { assertCurrenciesSumToZero, creditBalance } from '../lib/credit.mjs';
import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { decideInCooperative, eventsOf, membersOf } from '../lib/governance.mjs';
import { submitFinalized } from '../lib/node.mjs';
import { FIXED, HOUR, UNIT, perHour } from '../lib/units.mjs';

const FEE = (amount) => (amount * 3n + 999n) / 1_000n; // 0.3%, rounded up: never nothing

/** The federation's account: PalletId `conf/fed` as a keyless account. */
const FEDERATION = encodeAddress(u8aConcat(stringToU8a('modlconf/fed'), new Uint8Array(20)), 42);

describe('the exchange and redemption on a dev node', () => {
  let node, api, signers, alice, bob, charlie, dave, ferdie;

  const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
  const credit = (coop, who) => creditBalance(api, coop, who);
  const fees = (events) => events.filter(({ event: e }) => e.section === 'transactionPayment')
    .reduce((sum, { event: e }) => sum + e.data.actualFee.toBigInt(), 0n);
  const inBlock = { until: 'inBlock' };

  async function earn (coop, who, hours, category) {
    const submitted = await submitFinalized(api,
      api.tx.mutualCredit.submitContribution(coop, hours * HOUR, category, '0x' + 'de'.repeat(32)), who, {}, inBlock);
    const [{ data: { id } }] = eventsOf(api, submitted.events, 'mutualCredit', 'ContributionSubmitted');
    await decideInCooperative(api, signers, coop, api.tx.mutualCredit.approveContribution(id));
  }

  before(async () => {
    let keyring;
    ({ node, api, keyring, signers } = await startDevChain('dex'));
    [alice, bob, charlie, dave, ferdie] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Ferdie']
      .map((uri) => keyring.addFromUri(uri));
  });

  after(() => stopDevChain({ node, api }));

  test('the cooperative funds its reserve, sets a rate and a band; a member redeems', async () => {
    await submitFinalized(api, api.tx.redemption.fund(0, 1_000n * UNIT), ferdie, {}, inBlock);
    await decideInCooperative(api, signers, 0, api.tx.redemption.setRate(0, perHour(1n)));
    const banded = await decideInCooperative(api, signers, 0, api.tx.dex.setPriceBand(0, perHour(1n), perHour(3n)));
    const [band] = eventsOf(api, banded, 'dex', 'PriceBandSet');
    assert.equal(band.data.ceiling.toBigInt(), perHour(3n));

    await earn(0, alice, 40n, 'Subsistence');
    const before = await free(alice);
    const redeemed = await submitFinalized(api, api.tx.redemption.redeem(0, 'Subsistence', 10n * HOUR), alice);
    const [event] = eventsOf(api, redeemed.events, 'redemption', 'Redeemed');
    assert.equal(event.data.payout.toBigInt(), 98n * UNIT / 10n);
    assert.equal(await free(alice), before + 98n * UNIT / 10n - fees(redeemed.events));
    assert.equal(await credit(0, alice.address), 30n * HOUR);
  });

  test('a member of another cooperative buys credit for CONF inside the band', async () => {
    // Alice offers 10 hours at 2 CONF an hour; it rests, and the runtime API shows it.
    const placed = await submitFinalized(api,
      api.tx.dex.placeOrder({ Credit: 0 }, 'Native', 10n * HOUR, perHour(2n)), alice, {}, inBlock);
    const [{ data: { id: ask } }] = eventsOf(api, placed.events, 'dex', 'OrderPlaced');
    const book = await api.call.dexApi.orderBook({ Credit: 0 }, 'Native', 10);
    assert.equal(book.length, 1);
    assert.equal(book[0].id.toNumber(), ask.toNumber());
    assert.equal(book[0].remaining.toBigInt(), 10n * HOUR);
    assert.equal((await api.call.mutualCreditApi.account(0, alice.address)).offered.toBigInt(), 10n * HOUR);

    // Outside the band: refused, nothing changes.
    await assert.rejects(
      submitFinalized(api, api.tx.dex.placeOrder('Native', { Credit: 0 }, 10n * UNIT, perHour(4n)), dave, {}, inBlock),
      /dex\.OutsideBand/);
    await assert.rejects(
      submitFinalized(api, api.tx.dex.placeOrder({ Credit: 0 }, 'Native', HOUR, perHour(1n) - FIXED), alice, {}, inBlock),
      /dex\.OutsideBand/);

    // The quote says what Dave's 10 CONF buy; then he buys it.
    const bakery = (await api.call.cooperativesApi.cooperativeAccount(0)).toString();
    const bakeryBefore = await credit(0, bakery);
    const quote = await api.call.dexApi.quote(dave.address, 'Native', { Credit: 0 }, 10n * UNIT);
    assert.equal(quote.spent.toBigInt(), 10n * UNIT);
    assert.equal(quote.received.toBigInt(), 5n * HOUR - FEE(5n * HOUR));
    const aliceBefore = await free(alice);
    const bought = await submitFinalized(api, api.tx.dex.placeOrder('Native', { Credit: 0 }, 10n * UNIT, perHour(2n)), dave);
    const [trade] = eventsOf(api, bought.events, 'dex', 'Trade');
    assert.equal(trade.data.baseAmount.toBigInt(), 5n * HOUR);
    assert.equal(trade.data.quoteAmount.toBigInt(), 10n * UNIT);
    assert.equal(trade.data.fee.toBigInt(), FEE(5n * HOUR));
    assert.equal(await free(alice), aliceBefore + 10n * UNIT);
    // Dave is no member of the bakery: he holds its credit without a credit limit.
    const daves = await api.call.mutualCreditApi.account(0, dave.address);
    assert.equal(daves.balance.toBigInt(), 5n * HOUR - FEE(5n * HOUR));
    assert.equal(daves.creditLimit.toBigInt(), 0n);
    // The fee, in the bakery's credit, went back to the bakery's account, not to a keyless
    // account that could never spend it.
    assert.equal(await credit(0, bakery), bakeryBefore + FEE(5n * HOUR));
    assert.equal(await credit(0, FEDERATION), 0n);
    // The runtime API names the federation's account.
    assert.equal((await api.call.cooperativesApi.federationAccount()).toString(), FEDERATION);
    assert.equal((await api.call.dexApi.orderBook({ Credit: 0 }, 'Native', 10))[0].remaining.toBigInt(), 5n * HOUR);
  });

  test('members of two cooperatives trade credit for credit', async () => {
    await earn(1, dave, 20n, 'Commons');
    // Bakery credit is the base, Care Collective credit the quote: one for one.
    await submitFinalized(api, api.tx.dex.placeOrder({ Credit: 1 }, { Credit: 0 }, 4n * HOUR, FIXED), dave, {}, inBlock);
    const traded = await submitFinalized(api, api.tx.dex.placeOrder({ Credit: 0 }, { Credit: 1 }, 4n * HOUR, FIXED), alice);
    const [trade] = eventsOf(api, traded.events, 'dex', 'Trade');
    assert.equal(trade.data.baseAmount.toBigInt(), 4n * HOUR);
    assert.equal(await credit(1, alice.address), 4n * HOUR - FEE(4n * HOUR));
    assert.equal(await credit(1, dave.address), 16n * HOUR);
  });

  test('only the owner cancels an order, and everything held comes back', async () => {
    const dexHolds = async (who) => (await api.query.balances.holds(who.address))
      .filter((hold) => Object.keys(hold.id.toHuman()).includes('Dex'))
      .reduce((sum, hold) => sum + hold.amount.toBigInt(), 0n);
    // The resting ask's deposit: 0.01 CONF.
    assert.equal(await dexHolds(alice), UNIT / 100n);
    const [{ id }] = await api.call.dexApi.orderBook({ Credit: 0 }, 'Native', 1);
    await assert.rejects(submitFinalized(api, api.tx.dex.cancelOrder(id), dave, {}, inBlock), /dex\.NotOwner/);
    const cancelled = await submitFinalized(api, api.tx.dex.cancelOrder(id), alice);
    const [event] = eventsOf(api, cancelled.events, 'dex', 'OrderCancelled');
    assert.equal(event.data.released.toBigInt(), 5n * HOUR);
    assert.equal((await api.call.mutualCreditApi.account(0, alice.address)).offered.toBigInt(), 0n);
    assert.equal((await api.call.dexApi.orderBook({ Credit: 0 }, 'Native', 10)).length, 0);
    assert.equal(await dexHolds(alice), 0n);
  });

  test('the standing buy order buys back only earned credit, and received credit gives no weight', async () => {
    const weight = async (who) => (await api.call.governanceApi.voteWeight(0, who.address)).toNumber();
    const earned = async (who) => {
      const account = await api.call.mutualCreditApi.account(0, who.address);
      return account.subsistenceEntitlement.toBigInt() + account.commonsEntitlement.toBigInt();
    };
    // Alice gives her friend Bob 2 hours: he holds them, but did not earn them.
    await submitFinalized(api, api.tx.mutualCredit.transfer(0, bob.address, 2n * HOUR), alice, {}, inBlock);
    assert.equal(await credit(0, bob.address), 2n * HOUR);
    assert.equal(await earned(bob), 0n);
    assert.equal(await weight(bob), 1, 'credit received adds no vote weight');

    // The bakery rests a standing buy order at its floor (1 CONF an hour) for 10 CONF.
    await decideInCooperative(api, signers, 0, api.tx.dex.setStandingOrders(0, 0, 10n * UNIT));
    const earmarked = async () => (await api.call.redemptionApi.reserve(0)).earmarked.toBigInt();
    assert.equal(await earmarked(), 10n * UNIT);

    // Bob offers his 2 hours at the floor: the reserve does not pay for them; his ask rests.
    assert.equal((await api.call.dexApi.quote(bob.address, { Credit: 0 }, 'Native', 2n * HOUR)).received.toBigInt(), 0n);
    const offered = await submitFinalized(api,
      api.tx.dex.placeOrder({ Credit: 0 }, 'Native', 2n * HOUR, perHour(1n)), bob, {}, inBlock);
    const [{ data: { id: bobsAsk } }] = eventsOf(api, offered.events, 'dex', 'OrderPlaced');
    assert.equal(eventsOf(api, offered.events, 'dex', 'Trade').length, 0);
    assert.equal(await earmarked(), 10n * UNIT);

    // Charlie earns 3 hours of commons work: they weigh in his vote, and the reserve buys them.
    await earn(0, charlie, 3n, 'Commons');
    assert.equal(await weight(charlie), 2, '1 + sqrt(3 hours earned)');
    const quote = await api.call.dexApi.quote(charlie.address, { Credit: 0 }, 'Native', 3n * HOUR);
    assert.equal(quote.received.toBigInt(), 3n * UNIT - FEE(3n * UNIT));
    const before = await free(charlie);
    const sold = await submitFinalized(api,
      api.tx.dex.placeOrder({ Credit: 0 }, 'Native', 3n * HOUR, perHour(1n)), charlie);
    const [trade] = eventsOf(api, sold.events, 'dex', 'Trade');
    assert.equal(trade.data.baseAmount.toBigInt(), 3n * HOUR);
    assert.equal(trade.data.quoteAmount.toBigInt(), 3n * UNIT);
    assert.equal(await free(charlie), before + 3n * UNIT - FEE(3n * UNIT) - fees(sold.events));
    assert.equal(await earmarked(), 7n * UNIT);
    // Sold earned credit is no longer earned, and no longer weighs.
    assert.equal(await earned(charlie), 0n);
    assert.equal(await weight(charlie), 1);
    // Bob's ask still rests, for any other buyer.
    const asks = await api.call.dexApi.orderBook({ Credit: 0 }, 'Native', 10);
    assert.deepEqual(asks.map((entry) => entry.id.toNumber()), [bobsAsk.toNumber()]);
  });

  test('credit still sums to zero in every currency', async () => {
    // Credit crosses cooperatives on the exchange: members of both, and the federation's
    // account (the fees), may hold either currency.
    const alsoHolding = [...await membersOf(api, 0), ...await membersOf(api, 1), FEDERATION];
    await assertCurrenciesSumToZero(api, [0, 1], { alsoHolding });
  });
});
