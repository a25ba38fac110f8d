// Care reputation and holistic vote weights on a real dev node: care work is attested and
// confirmed by two members; votes weigh 1 + sqrt(work hours) + sqrt(care), under the
// cooperative's weight cap whatever its size (in three members under the default 10% cap they
// count equally, and by capped weights once the cooperative raises its cap by poll); and
// credit that voted cannot be handed to another member to vote again.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';


import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { decideInCooperative, eventsOf } from '../lib/governance.mjs';
import { submitFinalized } from '../lib/node.mjs';
import { HOUR } from '../lib/units.mjs';

describe('care reputation and holistic weights on a dev node', () => {
  let node, api, keyring, signers, alice, bob, charlie;

  const weightOf = async (coop, who) => (await api.call.governanceApi.voteWeight(coop, who.address)).toNumber();

  before(async () => {
    ({ node, api, keyring, signers } = await startDevChain('holistic'));
    [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((uri) => keyring.addFromUri(uri));
  });

  after(() => stopDevChain({ node, api }));

  test('care work is attested by two members and confirmed', async () => {
    const note = '0x' + 'c4'.repeat(32);
    // Nobody attests their own care work.
    await assert.rejects(
      submitFinalized(api, api.tx.careReputation.attest(0, charlie.address, 9, note), charlie, {}, { until: 'inBlock' }),
      /careReputation\.SelfAttestation/);
    const first = await submitFinalized(api, api.tx.careReputation.attest(0, charlie.address, 9, note), alice);
    const [attested] = eventsOf(api, first.events, 'careReputation', 'Attested');
    assert.equal(attested.data.attestations.toNumber(), 1);
    assert.equal(eventsOf(api, first.events, 'careReputation', 'Confirmed').length, 0);
    assert.equal((await api.call.careReputationApi.reputation(0, charlie.address)).toBigInt(), 0n);

    const second = await submitFinalized(api, api.tx.careReputation.attest(0, charlie.address, 9, note), bob);
    const [confirmed] = eventsOf(api, second.events, 'careReputation', 'Confirmed');
    assert.equal(confirmed.data.points.toNumber(), 9);
    assert.equal(confirmed.data.member.toString(), charlie.address);
    assert.equal((await api.call.careReputationApi.reputation(0, charlie.address)).toBigInt(), 9n);
    // There is no call to move it.
    assert.deepEqual(Object.keys(api.tx.careReputation).sort(), ['attest', 'confirm', 'revoke', 'withdraw']);
  });

  test('work credit and care weigh in: 1 + sqrt(hours) + sqrt(points)', async () => {
    const submitted = await submitFinalized(api,
      api.tx.mutualCredit.submitContribution(0, 100n * HOUR, 'Commons', '0x' + '01'.repeat(32)), alice);
    const [{ data: { id } }] = eventsOf(api, submitted.events, 'mutualCredit', 'ContributionSubmitted');
    await decideInCooperative(api, signers, 0, api.tx.mutualCredit.approveContribution(id));
    assert.equal(await weightOf(0, alice), 11, 'Alice: 1 + sqrt(100 hours)');
    assert.equal(await weightOf(0, charlie), 4, 'Charlie: 1 + sqrt(9 care points)');
    assert.equal(await weightOf(0, bob), 1, 'Bob: neither');
  });

  test('the weight cap binds in a cooperative of three, and credit that voted cannot vote twice', async () => {
    const included = { until: 'inBlock' };
    const weightCap = async () => (await api.query.cooperatives.registry(0)).unwrap().params.weightCap.toNumber();
    const lockedOf = async (who) => (await api.call.mutualCreditApi.account(0, who.address)).locked.toBigInt();

    // Bob proposes a remark; Alice (weight 11) votes aye, then `meanwhile` runs, then Bob (1) and
    // Charlie (4) vote nay, and Bob closes the poll. `Voted` reports each weight as cast; returns
    // the decisive (capped) tally `pollTally` reported before the close, and the close's events.
    const heavyAyeAgainstTwoNays = async (remark, meanwhile = async () => {}) => {
      const proposed = await submitFinalized(api,
        api.tx.governance.propose({ Cooperative: 0 }, api.tx.system.remark(remark)), bob, {}, included);
      const [{ data: { poll } }] = eventsOf(api, proposed.events, 'governance', 'Proposed');
      const voted = await submitFinalized(api, api.tx.governance.vote(poll, true), alice, {}, included);
      assert.equal(eventsOf(api, voted.events, 'governance', 'Voted')[0].data.weight.toNumber(), 11);
      await meanwhile();
      for (const [member, weight] of [[bob, 1], [charlie, 4]]) {
        const nay = await submitFinalized(api, api.tx.governance.vote(poll, false), member, {}, included);
        assert.equal(eventsOf(api, nay.events, 'governance', 'Voted')[0].data.weight.toNumber(), weight);
      }
      const tally = (await api.call.governanceApi.pollTally(poll)).unwrap();
      const closed = await submitFinalized(api, api.tx.governance.close(poll), bob);
      return {
        tally: [tally.ayes.toNumber(), tally.nays.toNumber(), tally.voters.toNumber()],
        events: closed.events,
      };
    };

    // The default cap, 10%: three votes are too few for any cap level, so they count equally.
    assert.equal(await weightCap(), 100_000_000, 'the default weight cap: 10% (a Perbill)');
    const equal = await heavyAyeAgainstTwoNays('0x686f6c6973746963', async () => {
      // Alice tries to hand her 100 hours to Bob so that they vote again: refused, nothing moves.
      await assert.rejects(
        submitFinalized(api, api.tx.mutualCredit.transfer(0, bob.address, 100n * HOUR), alice, {}, included),
        /mutualCredit\.CreditLocked/);
      const aliceAccount = await api.call.mutualCreditApi.account(0, alice.address);
      assert.equal(aliceAccount.balance.toBigInt(), 100n * HOUR);
      assert.equal(aliceAccount.locked.toBigInt(), 100n * HOUR);
      assert.equal(await weightOf(0, bob), 1);
    });
    assert.deepEqual(equal.tally, [1, 2, 3]);
    const [rejected] = eventsOf(api, equal.events, 'governance', 'Rejected');
    assert.ok(rejected, 'one member, one vote under the 10% cap: two of three nays carry it');
    assert.deepEqual([rejected.data.tally.ayes.toNumber(), rejected.data.tally.nays.toNumber()], [1, 2]);
    assert.equal(eventsOf(api, equal.events, 'governance', 'Approved').length, 0);
    assert.equal(await lockedOf(alice), 0n, 'closing the poll released the credit it locked');

    // The bakery decides, by poll, to let work and care weigh more: a cap of 60%.
    const params = (await api.query.cooperatives.registry(0)).unwrap().params;
    await decideInCooperative(api, signers, 0,
      api.tx.cooperatives.setParameters(0, { ...params.toPrimitive(), weightCap: 600_000_000 }));
    assert.equal(await weightCap(), 600_000_000);

    // The same votes: Alice's 11 are capped at 7 (7 of 12 is within 60%), enough to carry it.
    const weighed = await heavyAyeAgainstTwoNays('0x686f6c697374696332');
    assert.deepEqual(weighed.tally, [7, 5, 3]);
    const [approved] = eventsOf(api, weighed.events, 'governance', 'Approved');
    assert.ok(approved, 'under a 60% cap the capped weights decide, 7 to 5');
    assert.deepEqual([approved.data.tally.ayes.toNumber(), approved.data.tally.nays.toNumber()], [7, 5]);
    assert.equal(await lockedOf(alice), 0n);
  });
});
