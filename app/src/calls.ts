// A proposed call in words: the calls a cooperative decides on, rendered as a sentence
// ("Approve contribution #3 by Bob: 2 h (Commons)"); any other as section.method(args), readable.
import type { ApiPromise } from '@polkadot/api';
import type { Call } from '@polkadot/types/interfaces';
import { hexToString, isHex } from '@polkadot/util';

import { fmt } from './i18n';
import type { Messages } from './i18n/en';
import { coopName, nameOf } from './store';
import { formatConf, formatFixed, formatHours, formatPrice } from './units';

const big = (v: any): bigint => v.toBigInt();
const num = (v: any): number => v.toNumber();

/** A readable value of an argument: addresses by name, no hex blobs. */
function readable (value: any): string {
  const human = value.toHuman?.() ?? String(value);
  const text = typeof human === 'string' ? human : JSON.stringify(human);
  if (value.toRawType?.() === 'AccountId32' || value.toRawType?.() === 'AccountId') return nameOf(value.toString());
  return text.length > 80 ? text.slice(0, 77) + '…' : text;
}

export function genericCall (call: Call): string {
  const args = call.args.map((a, i) => `${call.meta.args[i]?.name.toString() ?? i}: ${readable(a)}`);
  return `${call.section}.${call.method}(${args.join(', ')})`;
}

export async function describeCall (api: ApiPromise, m: Messages, call: Call): Promise<string> {
  const a: any[] = call.args as any[];
  const key = `${call.section}.${call.method}`;
  switch (key) {
    case 'mutualCredit.approveContribution':
    case 'mutualCredit.rejectContribution': {
      const id = num(a[0]);
      const c: any = await api.query.mutualCredit.contributions(id);
      if (c.isNone) return fmt(m.calls.contributionGone, { id });
      const x = c.unwrap();
      const category = x.category.type === 'Commons' ? m.common.commons : m.common.subsistence;
      return fmt(key.endsWith('approveContribution') ? m.calls.approveContribution : m.calls.rejectContribution,
        { id, who: nameOf(x.who.toString()), hours: formatHours(big(x.amount)), category });
    }
    case 'cooperatives.addMember': return fmt(m.calls.addMember, { who: nameOf(a[1].toString()), coop: coopName(num(a[0])) });
    case 'cooperatives.removeMember': return fmt(m.calls.removeMember, { who: nameOf(a[1].toString()), coop: coopName(num(a[0])) });
    case 'cooperatives.setParameters': return fmt(m.calls.setParameters, { coop: coopName(num(a[0])) });
    case 'mutualCredit.setCreditLimit': return fmt(m.calls.setCreditLimit, { who: nameOf(a[1].toString()), coop: coopName(num(a[0])), amount: formatHours(big(a[2])) });
    case 'mutualCredit.setDefaultCreditLimit': return fmt(m.calls.setDefaultCreditLimit, { coop: coopName(num(a[0])), amount: formatHours(big(a[1])) });
    case 'mutualCredit.transfer': return fmt(m.calls.transfer, { coop: coopName(num(a[0])), who: nameOf(a[1].toString()), amount: formatHours(big(a[2])) });
    case 'redemption.setRate': return fmt(m.calls.setRate, { coop: coopName(num(a[0])), price: formatPrice(big(a[1])) });
    case 'redemption.fund': return fmt(m.calls.fund, { coop: coopName(num(a[0])), amount: formatConf(big(a[1])) });
    case 'dex.setPriceBand': return fmt(m.calls.setPriceBand, { coop: coopName(num(a[0])), floor: formatPrice(big(a[1])), ceiling: formatPrice(big(a[2])) });
    case 'memberQuota.setQuota': return fmt(m.calls.setQuota, { coop: coopName(num(a[0])), n: num(a[1]), blocks: num(a[2]) });
    case 'careReputation.confirm': return fmt(m.calls.confirmCare, { id: num(a[0]) });
    case 'careReputation.revoke': return fmt(m.calls.revokeCare, { coop: coopName(num(a[0])), who: nameOf(a[1].toString()), points: a[2].toString() });
    case 'system.remark':
    case 'system.remarkWithEvent': {
      const hex = a[0].toHex();
      const text = isHex(hex) ? hexToString(hex) : '';
      return fmt(m.calls.remark, { text: /^[\x20-\x7e\u00a0-\uffff]*$/.test(text) ? text : `${a[0].length} bytes` });
    }
    case 'utility.batch':
    case 'utility.batchAll':
    case 'utility.forceBatch': {
      const parts = await Promise.all((a[0] as Call[]).map((c) => describeCall(api, m, c)));
      return fmt(m.calls.batch, { list: parts.join('; ') });
    }
    case 'governance.propose': {
      const inner = await describeCall(api, m, a[1] as Call);
      if (a[0].isCooperative) return fmt(m.calls.proposeInCoop, { coop: coopName(num(a[0].asCooperative)), what: inner });
      return fmt(m.calls.propose, { what: inner });
    }
    case 'governance.authorizeUpgrade': return fmt(m.calls.authorizeUpgrade, { hash: a[0].toHex() });
    case 'memberQuota.setDepositBudget': return fmt(m.calls.setDepositBudget, {
      coop: coopName(num(a[0])), budget: formatConf(big(a[1])), perMember: a[2] !== undefined ? formatConf(big(a[2])) : formatConf(big(a[1]))
    });
    case 'dex.setStandingOrders': return fmt(m.calls.setStandingOrders, { coop: coopName(num(a[0])), sell: formatHours(big(a[1])), buy: formatConf(big(a[2])) });
    case 'mutualCredit.setExchangeRate': return fmt(m.calls.setExchangeRate, { coop: coopName(num(a[0])), rate: formatFixed(big(a[1]), 18, 4) });
    case 'mutualCredit.setFederationLimit': return fmt(m.calls.setFederationLimit, { coop: coopName(num(a[0])), amount: formatHours(big(a[1])) });
    case 'mutualCredit.writeOff': return fmt(m.calls.writeOff, { coop: coopName(num(a[0])), who: nameOf(a[1].toString()) });
    case 'cooperatives.admit': return fmt(m.calls.admit, { coop: coopName(num(a[0])) });
    case 'cooperatives.suspend': return fmt(m.calls.suspend, { coop: coopName(num(a[0])) });
    case 'cooperatives.reinstate': return fmt(m.calls.reinstate, { coop: coopName(num(a[0])) });
    case 'governance.vote': return fmt(m.calls.vote, { id: num(a[0]), how: a[1].isTrue ? m.polls.votedAye : m.polls.votedNay });
    default: return genericCall(call);
  }
}
