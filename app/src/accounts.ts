// Accounts and signing: a browser wallet extension (polkadot.js, Talisman, SubWallet) through
// @polkadot/extension-dapp, and on a development chain the well-known development accounts,
// held in the page.
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import type { Signer } from '@polkadot/api/types';

export interface Account { address: string; name: string; source: 'dev' | 'extension' }

const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
const devPairs = new Map<string, KeyringPair>();

/** Alice … Ferdie and their stash accounts (the members of the dev chain's demo cooperatives). */
export async function devAccounts (): Promise<Account[]> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const accounts: Account[] = [];
  for (const suffix of ['', '//stash']) {
    for (const name of DEV_NAMES) {
      const pair = keyring.addFromUri(`//${name}${suffix}`);
      devPairs.set(pair.address, pair);
      accounts.push({ address: pair.address, name: suffix ? `${name} (stash)` : name, source: 'dev' });
    }
  }
  return accounts;
}

/** The accounts of the installed wallet extensions (asks the extensions' permission). */
export async function extensionAccounts (): Promise<Account[] | null> {
  const { web3Enable, web3Accounts } = await import('@polkadot/extension-dapp');
  const extensions = await web3Enable('Confoederatio');
  if (extensions.length === 0) return null;
  const accounts = await web3Accounts({ ss58Format: 42 });
  return accounts.map((a) => ({ address: a.address, name: a.meta.name ?? a.address.slice(0, 8), source: 'extension' as const }));
}

/** What `signAndSend` needs for `address`: a dev key pair, or the extension's signer. */
export async function signerFor (address: string): Promise<{ pair: KeyringPair } | { signer: Signer }> {
  const pair = devPairs.get(address);
  if (pair) return { pair };
  const { web3FromAddress } = await import('@polkadot/extension-dapp');
  const injector = await web3FromAddress(address);
  return { signer: injector.signer };
}
