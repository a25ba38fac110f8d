// Mutual credit as the runtime API reports it: balances, and the check every test that moves
// credit ends with — each currency sums to zero over everyone who holds it.

import assert from 'node:assert/strict';

import { membersOf } from './governance.mjs';

/** `who`'s balance in `coop`'s currency, a bigint (negative when it owes). */
export async function creditBalance (api, coop, who) {
  return (await api.call.mutualCreditApi.account(coop, who)).balance.toBigInt();
}

/**
 * Asserts that each currency of `coops` sums to zero over its holders: the cooperative's
 * members, its own account, and `alsoHolding` (accounts from outside that may hold it, such as
 * members of other cooperatives or the federation's account; each holder counts once).
 * Returns the balances each currency summed, by cooperative.
 */
export async function assertCurrenciesSumToZero (api, coops, { alsoHolding = [] } = {}) {
  const balances = new Map();
  for (const coop of coops) {
    const holders = new Set([
      ...await membersOf(api, coop),
      (await api.call.cooperativesApi.cooperativeAccount(coop)).toString(),
      ...alsoHolding,
    ]);
    const held = await Promise.all([...holders].map((who) => creditBalance(api, coop, who)));
    assert.equal(held.reduce((a, b) => a + b, 0n), 0n, `currency ${coop} sums to zero`);
    balances.set(coop, held);
  }
  return balances;
}
