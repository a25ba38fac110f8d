// Chain access shared by every screen: the node's address, the connection, and the queries the
// screens make, in the runtime's own types (no custom type definitions).
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { DispatchError } from '@polkadot/types/interfaces';

export const DEFAULT_RPC = 'ws://127.0.0.1:9944';
export type Tx = SubmittableExtrinsic<'promise'>;

/** The node to talk to: `?rpc=`, else the saved one, else the local default. */
export function rpcUrl (): string {
  const param = new URLSearchParams(location.search).get('rpc');
  return param || localStorage.getItem('rpc') || DEFAULT_RPC;
}

export function saveRpcUrl (url: string) {
  localStorage.setItem('rpc', url);
  const params = new URLSearchParams(location.search);
  params.delete('rpc');
  const search = params.toString();
  location.href = location.pathname + (search ? '?' + search : '') + location.hash;
}

export async function connect (url: string, onError: () => void): Promise<ApiPromise> {
  const provider = new WsProvider(url, 2500);
  provider.on('error', onError);
  return ApiPromise.create({ provider, noInitWarn: true });
}

export type CoopStatus = 'Active' | 'Pending' | 'Suspended';
export interface CoopInfo {
  id: number;
  name: string;
  status: CoopStatus;
  members: string[];
  workWeight: number;
  careWeight: number;
  weightCap: number; // Perbill parts
  careHalfLife: number; // blocks
  attestationsNeeded: number;
  votingPeriod: number;
}

/** Every cooperative in the registry, with its members (runtime API) and parameters. */
export async function loadCooperatives (api: ApiPromise): Promise<CoopInfo[]> {
  const entries = await api.query.cooperatives.registry.entries();
  const coops = await Promise.all(entries.map(async ([key, value]) => {
    const id = (key.args[0] as any).toNumber() as number;
    const coop = (value as any).unwrap();
    const members = ((await api.call.cooperativesApi.members(id)) as any).map((m: any) => m.toString()) as string[];
    const p = coop.params;
    return {
      id,
      name: coop.name.toUtf8(),
      status: coop.status.type as CoopStatus,
      members,
      workWeight: p.workWeight.toNumber(),
      careWeight: p.careWeight.toNumber(),
      weightCap: p.weightCap.toNumber(),
      careHalfLife: p.careHalfLife.toNumber(),
      attestationsNeeded: p.attestationsNeeded.toNumber(),
      votingPeriod: p.votingPeriod.toNumber()
    };
  }));
  return coops.sort((a, b) => a.id - b.id);
}

/** Milliseconds per block (Aura: twice the timestamp's minimum period). */
export function blockMs (api: ApiPromise): number {
  const min = (api.consts.timestamp?.minimumPeriod as any)?.toNumber?.();
  return min ? min * 2 : 6000;
}

export interface CreditAccount {
  balance: bigint; creditLimit: bigint; available: bigint; locked: bigint; offered: bigint;
  subsistence: bigint; commons: bigint;
}

export async function creditAccount (api: ApiPromise, coop: number, who: string): Promise<CreditAccount> {
  const a: any = await api.call.mutualCreditApi.account(coop, who);
  return {
    balance: a.balance.toBigInt(),
    creditLimit: a.creditLimit.toBigInt(),
    available: a.available.toBigInt(),
    locked: a.locked.toBigInt(),
    offered: a.offered.toBigInt(),
    subsistence: a.subsistenceEntitlement.toBigInt(),
    commons: a.commonsEntitlement.toBigInt()
  };
}

export async function exchangeRate (api: ApiPromise, coop: number): Promise<bigint> {
  const c: any = await api.call.mutualCreditApi.currency(coop);
  return c.exchangeRate.toBigInt();
}

export interface Quota { perPeriod: number; used: number; left: number; period: number; renewsAt: number }
export async function quota (api: ApiPromise, coop: number, who: string): Promise<Quota> {
  const q: any = await api.call.memberQuotaApi.quota(coop, who);
  return {
    perPeriod: q.perPeriod.toNumber(), used: q.used.toNumber(), left: q.left.toNumber(),
    period: q.period.toNumber(), renewsAt: q.renewsAt.toNumber()
  };
}

export async function reputation (api: ApiPromise, coop: number, who: string): Promise<number> {
  return Number((await api.call.careReputationApi.reputation(coop, who) as any).toBigInt());
}

export async function voteWeight (api: ApiPromise, coop: number, who: string): Promise<number> {
  return (await api.call.governanceApi.voteWeight(coop, who) as any).toNumber();
}

export async function freeConf (api: ApiPromise, who: string): Promise<bigint> {
  const account: any = await api.query.system.account(who);
  return account.data.free.toBigInt();
}

/**
 * Credit a member earned by its own work and still holds (runtime `earned_within`): the part of
 * its entitlements its balance covers, commons given up first.
 */
export function earnedWithin (balance: bigint, subsistence: bigint, commons: bigint): bigint {
  const held = balance > 0n ? balance : 0n;
  let excess = subsistence + commons - held;
  if (excess < 0n) excess = 0n;
  const fromCommons = excess < commons ? excess : commons;
  let fromSub = excess - fromCommons;
  if (fromSub > subsistence) fromSub = subsistence;
  return subsistence - fromSub + commons - fromCommons;
}

/** A module error's name and documentation. */
export function describeDispatchError (api: ApiPromise, error: DispatchError): { name: string; docs: string } {
  if (error.isModule) {
    const meta = api.registry.findMetaError(error.asModule);
    return { name: `${meta.section}.${meta.name}`, docs: meta.docs.join(' ').trim() || meta.name };
  }
  const inner: any = (error as any).value;
  const name = inner && typeof inner.type === 'string' ? `${error.type}.${inner.type}` : error.type;
  return { name, docs: name };
}
