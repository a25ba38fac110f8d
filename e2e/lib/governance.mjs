// Helpers to decide things the way a federation does: members vote in their cooperative's poll,
// cooperatives vote in federation polls through polls of their own.

import assert from 'node:assert/strict';

import { submitFinalized } from './node.mjs';

/** The dev accounts by address, so a test can sign for any member. */
export function devSigners (keyring) {
  const names = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
  const pairs = names.flatMap((n) => [keyring.addFromUri(`//${n}`), keyring.addFromUri(`//${n}//stash`)]);
  return new Map(pairs.map((pair) => [pair.address, pair]));
}

/** The members of a cooperative, through the runtime API. */
export async function membersOf (api, coop) {
  const members = await api.call.cooperativesApi.members(coop);
  return members.map((m) => m.toString());
}

/** The events of one pallet/method among `events`. */
export function eventsOf (api, events, section, method) {
  return events.filter(({ event }) => event.section === section && event.method === method).map(({ event }) => event);
}

/**
 * Has cooperative `coop` decide `call`: its first member proposes, every member votes aye (in
 * parallel, each from its own account), and the proposer closes the poll. Returns the events
 * of the close, after checking the call was executed successfully.
 */
export async function decideInCooperative (api, signers, coop, call) {
  const members = await membersOf(api, coop);
  const proposer = signers.get(members[0]);
  assert.ok(proposer, `no dev key for member ${members[0]}`);
  // Steps before the last wait for inclusion only (one validator: no forks); the close waits
  // for finality.
  const included = { until: 'inBlock' };
  const proposed = await submitFinalized(api, api.tx.governance.propose({ Cooperative: coop }, call), proposer, {}, included);
  const [{ data: { poll } }] = eventsOf(api, proposed.events, 'governance', 'Proposed');
  await Promise.all(members.map((member) =>
    submitFinalized(api, api.tx.governance.vote(poll, true), signers.get(member), {}, included)));
  const closed = await submitFinalized(api, api.tx.governance.close(poll), proposer);
  const [executed] = eventsOf(api, closed.events, 'governance', 'Executed');
  assert.ok(executed, `cooperative ${coop}'s poll ${poll} was not executed`);
  const result = executed.data.result;
  if (result.isErr) {
    const error = result.asErr;
    const name = error.isModule ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(error.asModule)) : error.toString();
    assert.fail(`cooperative ${coop}'s poll ${poll} failed: ${name}`);
  }
  return closed.events;
}

/**
 * Has the federation decide `call` on `track` ('Federation' or 'Upgrade'): cooperative
 * `proposer` proposes it through its own poll, every cooperative in `voters` votes aye through
 * its own poll, and the federation poll is closed. Returns the events of that close.
 */
export async function decideInFederation (api, signers, { proposer, voters, track, call }) {
  const proposeEvents = await decideInCooperative(api, signers, proposer,
    api.tx.governance.propose({ Federation: track }, call));
  const [{ data: { poll } }] = eventsOf(api, proposeEvents, 'governance', 'Proposed');
  for (const coop of voters) {
    await decideInCooperative(api, signers, coop, api.tx.governance.vote(poll, true));
  }
  const tally = await api.call.governanceApi.pollTally(poll);
  assert.equal(tally.unwrap().voters.toNumber(), voters.length);
  const anyone = signers.values().next().value;
  const closed = await submitFinalized(api, api.tx.governance.close(poll), anyone);
  return { poll, events: closed.events };
}
