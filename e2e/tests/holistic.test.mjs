// Care reputation and holistic vote weights on a real dev node: care work is attested and
// confirmed by two members, a poll is decided with weights 1 + sqrt(work hours) + sqrt(care),
// and credit that voted cannot be handed to another member to vote again.

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

  test('a poll is decided with holistic weights, and credit that voted cannot vote twice', async () => {
    const included = { until: 'inBlock' };
    const proposed = await submitFinalized(api,
      api.tx.governance.propose({ Cooperative: 0 }, api.tx.system.remark('0x686f6c6973746963')), bob, {}, included);
    const [{ data: { poll } }] = eventsOf(api, proposed.events, 'governance', 'Proposed');

    const voted = await submitFinalized(api, api.tx.governance.vote(poll, true), alice, {}, included);
    const [aliceVote] = eventsOf(api, voted.events, 'governance', 'Voted');
    assert.equal(aliceVote.data.weight.toNumber(), 11);

    // Alice tries to hand her 100 hours to Bob so that they vote again: refused, nothing moves.
    await assert.rejects(
      submitFinalized(api, api.tx.mutualCredit.transfer(0, bob.address, 100n * HOUR), alice, {}, included),
      /mutualCredit\.CreditLocked/);
    const aliceAccount = await api.call.mutualCreditApi.account(0, alice.address);
    assert.equal(aliceAccount.balance.toBigInt(), 100n * HOUR);
    assert.equal(aliceAccount.locked.toBigInt(), 100n * HOUR);
    assert.equal(await weightOf(0, bob), 1);

    const bobVoted = await submitFinalized(api, api.tx.governance.vote(poll, false), bob, {}, included);
    assert.equal(eventsOf(api, bobVoted.events, 'governance', 'Voted')[0].data.weight.toNumber(), 1);
    const charlieVoted = await submitFinalized(api, api.tx.governance.vote(poll, false), charlie, {}, included);
    assert.equal(eventsOf(api, charlieVoted.events, 'governance', 'Voted')[0].data.weight.toNumber(), 4);

    const tally = (await api.call.governanceApi.pollTally(poll)).unwrap();
    assert.deepEqual([tally.ayes.toNumber(), tally.nays.toNumber(), tally.voters.toNumber()], [11, 5, 3]);
    const closed = await submitFinalized(api, api.tx.governance.close(poll), bob);
    const [approved] = eventsOf(api, closed.events, 'governance', 'Approved');
    assert.ok(approved, 'the weighted ayes carry it, 11 to 5, though two of three members voted nay');
    assert.equal(approved.data.tally.ayes.toNumber(), 11);
  });
});
