// Cooperatives decide through their members and the federation through its cooperatives, on a
// real dev node: a cooperative admits a member by poll, and three cooperatives admit a fourth
// by a federation poll in which each votes through a poll of its own.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';


import { startDevChain, stopDevChain } from '../lib/dev.mjs';
import { decideInCooperative, decideInFederation, eventsOf, membersOf } from '../lib/governance.mjs';
import { submitFinalized } from '../lib/node.mjs';

describe('governance on a dev node', () => {
  let node, api, keyring, signers;

  before(async () => {
    ({ node, api, keyring, signers } = await startDevChain('governance'));
  });

  after(() => stopDevChain({ node, api }));

  test('the dev chain starts with three active cooperatives and no sudo over them', async () => {
    for (const coop of [0, 1, 2]) {
      const info = (await api.query.cooperatives.registry(coop)).unwrap();
      assert.equal(info.status.toString(), 'Active');
      assert.ok(info.memberCount.toNumber() >= 3);
      assert.equal((await membersOf(api, coop)).length, info.memberCount.toNumber());
    }
    assert.equal((await api.query.cooperatives.activeCount()).toNumber(), 3);
  });

  test('a member proposes adding a new member, the members vote, and the new member exists', async () => {
    const newcomer = keyring.addFromUri('//Dave//stash').address;
    assert.ok(!(await membersOf(api, 0)).includes(newcomer));
    const events = await decideInCooperative(api, signers, 0, api.tx.cooperatives.addMember(0, newcomer));
    const [added] = eventsOf(api, events, 'cooperatives', 'MemberAdded');
    assert.equal(added.data.coop.toNumber(), 0);
    assert.equal(added.data.who.toString(), newcomer);
    assert.ok((await membersOf(api, 0)).includes(newcomer));
    assert.ok((await api.query.cooperatives.members(0, newcomer)).isSome);
    const weight = await api.call.governanceApi.voteWeight(0, newcomer);
    assert.equal(weight.toNumber(), 1, 'one member, one vote');
  });

  test('a non-member cannot vote and a member cannot vote twice', async () => {
    const members = await membersOf(api, 1);
    const proposer = signers.get(members[0]);
    const proposed = await submitFinalized(api,
      api.tx.governance.propose({ Cooperative: 1 }, api.tx.system.remark('0x00')), proposer);
    const [{ data: { poll } }] = eventsOf(api, proposed.events, 'governance', 'Proposed');
    const outsider = [...signers.values()].find((pair) => !members.includes(pair.address));
    await assert.rejects(submitFinalized(api, api.tx.governance.vote(poll, true), outsider), /governance\.NotMember/);
    await submitFinalized(api, api.tx.governance.vote(poll, true), proposer);
    await assert.rejects(submitFinalized(api, api.tx.governance.vote(poll, false), proposer), /governance\.AlreadyVoted/);
    await assert.rejects(submitFinalized(api, api.tx.governance.close(poll), proposer), /governance\.TooEarly/);
    const tally = (await api.call.governanceApi.pollTally(poll)).unwrap();
    assert.equal(tally.ayes.toNumber(), 1);
    assert.equal(tally.voters.toNumber(), 1);
  });

  test('three cooperatives vote a federation poll that admits a fourth cooperative', async () => {
    const applicant = signers.get(keyring.addFromUri('//Eve//stash').address);
    const founders = [applicant.address, keyring.addFromUri('//Ferdie//stash').address, keyring.addFromUri('//Bob//stash').address];
    const applied = await submitFinalized(api, api.tx.cooperatives.apply('Fourth Cooperative', founders), applicant);
    const [{ data: { coop } }] = eventsOf(api, applied.events, 'cooperatives', 'Applied');
    assert.equal((await api.query.cooperatives.registry(coop)).unwrap().status.toString(), 'Pending');
    // Every named founder consents before the federation may admit (the applicant did by applying).
    for (const uri of ['//Ferdie//stash', '//Bob//stash']) {
      const founder = signers.get(keyring.addFromUri(uri).address);
      await submitFinalized(api, api.tx.cooperatives.confirmFounding(coop), founder, {}, { until: 'inBlock' });
    }

    const { events } = await decideInFederation(api, signers, {
      proposer: 0,
      voters: [0, 1, 2],
      track: 'Federation',
      call: api.tx.cooperatives.admit(coop)
    });
    const [approved] = eventsOf(api, events, 'governance', 'Approved');
    assert.equal(approved.data.tally.ayes.toNumber(), 3);
    const [admitted] = eventsOf(api, events, 'cooperatives', 'Admitted');
    assert.equal(admitted.data.coop.toNumber(), coop.toNumber());
    assert.equal((await api.query.cooperatives.registry(coop)).unwrap().status.toString(), 'Active');
    assert.equal((await api.query.cooperatives.activeCount()).toNumber(), 4);
  });

  test('nobody can admit a cooperative by signing alone', async () => {
    await assert.rejects(
      submitFinalized(api, api.tx.cooperatives.admit(0), signers.values().next().value),
      /BadOrigin/
    );
  });
});
