// What member screens share: the chosen account and cooperative, or a notice why there is none.
import type { ApiPromise } from '@polkadot/api';
import type { ComponentChildren } from 'preact';

import type { CoopInfo } from '../chain';
import { Notice } from '../components/ui';
import { fmt } from '../i18n';
import type { Messages } from '../i18n/en';
import { myCoops, useMessages, useStore } from '../store';

export interface MemberContext { api: ApiPromise; address: string; coop: CoopInfo; m: Messages; block: number }

/** Renders `children(ctx)` for a member of a cooperative, or a notice. */
export function AsMember ({ children }: { children: (ctx: MemberContext) => ComponentChildren }) {
  const s = useStore();
  const m = useMessages();
  if (!s.api) return <Notice>{s.status === 'error' ? <>{fmt(m.header.disconnected, { url: s.url })} <a href="#/settings">{m.nav.settings}</a></> : m.common.loading}</Notice>;
  if (!s.address) return <Notice>{m.common.pickAccount}</Notice>;
  const coop = myCoops(s).find((c) => c.id === s.coop);
  if (!coop) return <Notice>{s.coops.length ? m.common.notMemberAnywhere : m.common.loading}</Notice>;
  return <>{children({ api: s.api, address: s.address, coop, m, block: s.block })}</>;
}

/** About how long `blocks` blocks take, in words. */
export function duration (m: Messages, blocks: number, msPerBlock: number): string {
  const minutes = Math.round(Math.abs(blocks) * msPerBlock / 60000);
  if (minutes < 90) return m.common.minutes.replace('{n}', String(minutes));
  const hours = Math.round(minutes / 60);
  if (hours < 48) return m.common.hoursShort.replace('{n}', String(hours));
  return m.common.days.replace('{n}', String(Math.round(hours / 24)));
}
