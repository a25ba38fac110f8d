// The app's shared state: connection, chain, accounts, the chosen account and cooperative, the
// language, and the block number every screen refreshes on.
import type { ApiPromise } from '@polkadot/api';
import { useEffect, useState } from 'preact/hooks';

import { type Account, devAccounts, extensionAccounts } from './accounts';
import { type CoopInfo, connect, loadCooperatives, rpcUrl } from './chain';
import { type Lang, initialLang, messagesOf } from './i18n';

export interface State {
  url: string;
  status: 'connecting' | 'connected' | 'error';
  api?: ApiPromise;
  chain: string;
  version: string;
  isDev: boolean;
  block: number;
  accounts: Account[];
  walletMissing: boolean;
  address?: string;
  coops: CoopInfo[];
  coop?: number;
  lang: Lang;
}

let state: State = {
  url: rpcUrl(), status: 'connecting', chain: '', version: '', isDev: false, block: 0,
  accounts: [], walletMissing: false, coops: [], lang: initialLang(),
  address: localStorage.getItem('account') ?? undefined,
  coop: localStorage.getItem('coop') !== null ? Number(localStorage.getItem('coop')) : undefined
};
const listeners = new Set<() => void>();

export const getState = () => state;
export function setState (patch: Partial<State>) {
  state = { ...state, ...patch };
  if (patch.lang) { localStorage.setItem('lang', patch.lang); document.documentElement.lang = patch.lang; }
  if ('address' in patch && patch.address) localStorage.setItem('account', patch.address);
  if ('coop' in patch && patch.coop !== undefined) localStorage.setItem('coop', String(patch.coop));
  fixCoop();
  listeners.forEach((l) => l());
}

/** The state, re-rendering on change. */
export function useStore (): State {
  const [, force] = useState(0);
  useEffect(() => {
    const l = () => force((n) => n + 1);
    listeners.add(l);
    return () => { listeners.delete(l); };
  }, []);
  return state;
}

export const useMessages = () => messagesOf(useStore().lang);

/** The cooperatives the chosen account belongs to. */
export const myCoops = (s: State): CoopInfo[] => s.address ? s.coops.filter((c) => c.members.includes(s.address!)) : [];

/** The chosen cooperative must be one of the account's. */
function fixCoop () {
  const mine = myCoops(state);
  if (mine.length > 0 && !mine.some((c) => c.id === state.coop)) {
    state = { ...state, coop: mine[0].id };
  }
}

/** A person-readable name for an address: a known account's name, else a short address. */
export function nameOf (address: string): string {
  const known = state.accounts.find((a) => a.address === address);
  return known ? known.name : `${address.slice(0, 6)}…${address.slice(-4)}`;
}

export const coopName = (id: number) => state.coops.find((c) => c.id === id)?.name ?? `#${id}`;

let refreshing = false;
async function refreshCoops () {
  if (!state.api || refreshing) return;
  refreshing = true;
  try { setState({ coops: await loadCooperatives(state.api) }); } catch { /* next block */ } finally { refreshing = false; }
}

export async function enableWallet () {
  const found = await extensionAccounts();
  localStorage.setItem('wallet', '1');
  if (!found) { setState({ walletMissing: true }); return; }
  const dev = state.accounts.filter((a) => a.source === 'dev');
  setState({ accounts: [...dev, ...found], walletMissing: false });
}

export async function start () {
  document.documentElement.lang = state.lang;
  try {
    const api = await connect(state.url, () => { if (!state.api) setState({ status: 'error' }); });
    const [chain, version, chainType] = await Promise.all([api.rpc.system.chain(), api.rpc.state.getRuntimeVersion(), api.rpc.system.chainType()]);
    // The well-known development keys only on a development or local test chain (whose specs
    // give them funds and seats); never on a live chain, even though its runtime has sudo.
    const isDev = chainType.isDevelopment || chainType.isLocal;
    const accounts = isDev ? await devAccounts() : [];
    setState({ api, chain: chain.toString(), version: `${version.specName} ${version.specVersion}`, isDev, accounts, status: 'connected' });
    if (localStorage.getItem('wallet') === '1') enableWallet().catch(() => {});
    await refreshCoops();
    await api.rpc.chain.subscribeNewHeads((header) => {
      setState({ block: header.number.toNumber() });
      refreshCoops();
    });
    api.on('disconnected', () => setState({ status: 'error' }));
    api.on('connected', () => setState({ status: 'connected' }));
  } catch {
    setState({ status: 'error' });
  }
}

/**
 * Data loaded from the chain, loaded again at every new block and whenever `deps` change;
 * undefined until first loaded (and after `deps` change). `reload` loads it at once.
 */
export function useChainData<T> (load: (api: ApiPromise) => Promise<T>, deps: unknown[]): [T | undefined, () => void] {
  const { api, block } = useStore();
  const [data, setData] = useState<T | undefined>(undefined);
  const [nonce, setNonce] = useState(0);
  const key = JSON.stringify(deps);
  useEffect(() => { setData(undefined); }, [key]);
  useEffect(() => {
    if (!api) return;
    let live = true;
    load(api).then((value) => { if (live) setData(value); }, () => {});
    return () => { live = false; };
  }, [api, block, key, nonce]);
  return [data, () => setNonce((n) => n + 1)];
}
