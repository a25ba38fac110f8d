// My cooperatives: for each cooperative the account belongs to, its balance in hours, credit
// limit, what it can spend, redeemable work, care reputation and how it decays, vote weight
// and what makes it up, and the free actions left.
import type { ApiPromise } from '@polkadot/api';

import {
  type CoopInfo, blockMs, creditAccount, earnedWithin, freeConf, quota, reputation, voteWeight
} from '../chain';
import { Card, Notice, Row } from '../components/ui';
import { AsMember } from './common';
import { fmt } from '../i18n';
import type { Messages } from '../i18n/en';
import { myCoops, nameOf, useChainData, useMessages, useStore } from '../store';
import { HOUR, decayed, formatConf, formatHours, formatPerbill } from '../units';

async function loadCoop (api: ApiPromise, coop: CoopInfo, who: string) {
  const [account, care, weight, q] = await Promise.all([
    creditAccount(api, coop.id, who), reputation(api, coop.id, who), voteWeight(api, coop.id, who), quota(api, coop.id, who)
  ]);
  return { account, care, weight, quota: q };
}

/** A balance in words: "2 h" or "owes 1 h 30 min". */
export function balanceText (m: Messages, balance: bigint): string {
  return balance < 0n ? fmt(m.common.owes, { amount: formatHours(-balance) }) : formatHours(balance);
}

function CoopCard ({ coop, who }: { coop: CoopInfo; who: string }) {
  const m = useMessages();
  const { api } = useStore();
  const [data] = useChainData((api) => loadCoop(api, coop, who), [coop.id, who]);
  if (!data || !api) return <Card title={coop.name}><p>{m.common.loading}</p></Card>;
  const { account, care, weight } = data;
  const perDay = 86_400_000 / blockMs(api);
  const halfLifeDays = Math.round(coop.careHalfLife / perDay);
  const at = (days: number) => String(Math.round(decayed(care, days * perDay, coop.careHalfLife) * 10) / 10);
  const work = earnedWithin(account.balance, account.subsistence, account.commons) / HOUR;
  const approx = 1 + coop.workWeight * Math.sqrt(Number(work)) + coop.careWeight * Math.sqrt(care);
  const testid = `coop-${coop.id}`;
  return (
    <Card title={coop.name} testid={testid}>
      <dl>
        <Row label={m.home.balance} testid={`${testid}-balance`}>
          <span class={account.balance < 0n ? 'owing big' : 'big'}>{balanceText(m, account.balance)}</span>
        </Row>
        <Row label={m.home.creditLimit} testid={`${testid}-limit`}>{formatHours(account.creditLimit)}</Row>
        <Row label={m.home.available} testid={`${testid}-available`}>{formatHours(account.available)}</Row>
        <Row label={m.home.entitlements} testid={`${testid}-entitlements`}>
          {fmt(m.home.entitlementLine, { sub: formatHours(account.subsistence), com: formatHours(account.commons) })}
        </Row>
        <Row label={m.home.care} testid={`${testid}-care`}>
          <span>{fmt(m.home.carePoints, { n: care })}</span>
          <small class="sub">{fmt(m.home.careDecay, { days: halfLifeDays, d30: at(30), d90: at(90), d180: at(180) })}</small>
        </Row>
        <Row label={m.home.voteWeight} testid={`${testid}-weight`}>
          <span>{weight}</span>
          <small class="sub">
            {fmt(m.home.voteFormula, { a: coop.workWeight, work: work.toString(), b: coop.careWeight, care, approx: approx.toFixed(2) })}
          </small>
          <small class="sub">{fmt(m.home.voteCapped, { cap: formatPerbill(coop.weightCap) })}</small>
        </Row>
        <Row label={m.home.quota} testid={`${testid}-quota`}>
          {fmt(m.home.quotaLine, { left: data.quota.left, total: data.quota.perPeriod })}
        </Row>
        <Row label={m.home.members}>{coop.members.map(nameOf).join(', ')}</Row>
      </dl>
    </Card>
  );
}

export function Home () {
  const s = useStore();
  const m = useMessages();
  const [conf] = useChainData((api) => s.address ? freeConf(api, s.address) : Promise.resolve(undefined), [s.address]);
  if (!s.api || !s.address) return <AsMember>{() => null}</AsMember>;
  const mine = myCoops(s);
  return (
    <div class="screen">
      <h1>{m.home.title}</h1>
      {mine.length === 0 && <Notice>{s.coops.length ? m.common.notMemberAnywhere : m.common.loading}</Notice>}
      <div class="cards">
        {mine.map((coop) => <CoopCard key={`${coop.id}-${s.address}`} coop={coop} who={s.address!} />)}
      </div>
      {conf !== undefined && <p class="muted" data-testid="conf-balance">{m.home.conf}: {formatConf(conf)}</p>}
    </div>
  );
}
