// Starts real confoederatio nodes on free loopback ports and always stops them.
//
// The binary is $CONFOEDERATIO_BIN, or the release build in $CARGO_TARGET_DIR
// (default ~/.cache/confoederatio/target). Nothing here mocks the chain: tests talk to the node
// over its WebSocket RPC through @polkadot/api.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiPromise, WsProvider } from '@polkadot/api';

export const BINARY = process.env.CONFOEDERATIO_BIN ??
  join(process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache/confoederatio/target'), 'release/confoederatio');

const running = new Set();
// However the test process ends, no node outlives it.
for (const signal of ['exit', 'SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    if (signal !== 'exit') process.exit(1);
  });
}

/** A free TCP port on 127.0.0.1. */
export async function freePort () {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The fixed libp2p secret key of the `i`th node of a network (so its peer id is known). */
export const nodeKey = (i) => (i + 1).toString(16).padStart(64, '0');

/** The peer id of the node with libp2p secret `key`, as the binary derives it. */
export function peerId (key) {
  const dir = mkdtempSync(join(tmpdir(), 'confoederatio-key-'));
  try {
    writeFileSync(join(dir, 'key'), key);
    return execFileSync(BINARY, ['key', 'inspect-node-key', '--file', join(dir, 'key')]).toString().trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The number of `node`'s finalized head; 0 if it does not answer. */
export async function finalizedNumber (node) {
  const hash = await rpc(node.rpcPort, 'chain_getFinalizedHead');
  if (!hash) return 0;
  const header = await rpc(node.rpcPort, 'chain_getHeader', [hash]);
  return header ? Number.parseInt(header.number, 16) : 0;
}

/** Calls a JSON-RPC method over HTTP; null if the node does not answer. */
export async function rpc (port, method, params = []) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
      signal: AbortSignal.timeout(2000)
    });
    return (await response.json()).result ?? null;
  } catch {
    return null;
  }
}

/**
 * Starts a node. `args` replace the default `--dev` (for example a chain spec and a validator
 * name); loopback-only networking and fresh ports are always added, and a temporary base path
 * unless `basePath` names one (to start a node again on its own database and keystore).
 * Resolves once the RPC answers `system_health`.
 */
export async function startNode (options = {}) {
  // Test files run concurrently, each picking free ports: another process may take a port
  // between the pick and the node's bind. Such a node exits at once; it is started again on
  // fresh ports.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startNodeOnce(options);
    } catch (error) {
      if (attempt >= 3 || !/in use/i.test(error.message)) throw error;
    }
  }
}

async function startNodeOnce ({ args = ['--dev'], name = 'node', nodeKey, basePath: givenBasePath, timeoutMs = 120_000 } = {}) {
  if (!existsSync(BINARY)) {
    throw new Error(`node binary not found at ${BINARY}: run ./scripts/test.sh (it builds it)`);
  }
  const [rpcPort, p2pPort, prometheusPort] = [await freePort(), await freePort(), await freePort()];
  const basePath = givenBasePath ?? mkdtempSync(join(tmpdir(), `confoederatio-e2e-${name}-`));
  const fullArgs = [
    ...args,
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--prometheus-port', String(prometheusPort),
    '--no-mdns', '--no-telemetry', '--allow-private-ip'
  ];
  if (nodeKey) {
    const keyFile = join(basePath, 'node.key');
    writeFileSync(keyFile, nodeKey);
    fullArgs.push('--node-key-file', keyFile);
  }
  const child = spawn(BINARY, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let log = '';
  const keep = (chunk) => { log = (log + chunk.toString()).slice(-20_000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', (code) => { exited = true; running.delete(child); resolve(code); }));

  const node = {
    name,
    rpcPort,
    p2pPort,
    prometheusPort,
    basePath,
    wsUrl: `ws://127.0.0.1:${rpcPort}`,
    log: () => log,
    /**
     * Stops the node (SIGTERM, then SIGKILL after 10 s) and removes its base path, unless
     * `keepBasePath` (the node is to be started again on it).
     */
    async stop ({ keepBasePath = false } = {}) {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exit;
        clearTimeout(timer);
      }
      if (!keepBasePath) rmSync(basePath, { recursive: true, force: true });
    }
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} exited before its RPC answered:\n${log}`);
    if (await rpc(rpcPort, 'system_health')) return node;
    await sleep(250);
  }
  await node.stop({ keepBasePath: givenBasePath !== undefined });
  throw new Error(`${name}: RPC did not answer within ${timeoutMs} ms:\n${log}`);
}

/** An ApiPromise connected to a node, with no custom type definitions. */
export async function connect (node) {
  const provider = new WsProvider(node.wsUrl, 1000, {}, 30_000);
  return ApiPromise.create({ provider, noInitWarn: false, throwOnConnect: true });
}

/** Waits until the node's finalized head reaches `number`; returns that head's number. */
export async function waitForFinalized (api, number, timeoutMs = 120_000) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => { unsubscribe(); reject(new Error(`block #${number} not finalized within ${timeoutMs} ms`)); }, timeoutMs);
    api.rpc.chain.subscribeFinalizedHeads((header) => {
      if (header.number.toNumber() >= number) {
        clearTimeout(timer);
        unsubscribe();
        resolve(header.number.toNumber());
      }
    }).then((u) => { unsubscribe = u; }, reject);
  });
}

/**
 * Signs and submits a transaction and resolves when its block is finalized (or, with
 * `until: 'inBlock'`, included), with the events of the transaction and the block hash. Rejects if the pool refuses it, or if it fails
 * on chain (with the decoded module error, e.g. `balances.InsufficientBalance`). Without a
 * signer the transaction is sent unsigned; `signOptions` go to `signAndSend` (e.g. the
 * metadata hash mode).
 */
export async function submitFinalized (api, tx, signer, signOptions = {}, { until = 'finalized', timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => { unsubscribe(); reject(new Error('not finalized in time')); }, timeoutMs);
    const finish = (fn, value) => { clearTimeout(timer); unsubscribe(); fn(value); };
    const watch = ({ status, events, dispatchError }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        finish(reject, new Error(`transaction ${status.type}`));
      } else if (status.isFinalized || (until === 'inBlock' && status.isInBlock)) {
        if (dispatchError) {
          let message = dispatchError.type;
          const inner = dispatchError.value;
          if (inner && typeof inner.type === 'string') message = `${dispatchError.type}.${inner.type}`;
          if (dispatchError.isModule) {
            const { section, name } = api.registry.findMetaError(dispatchError.asModule);
            message = `${section}.${name}`;
          }
          const error = new Error(message);
          error.events = events;
          finish(reject, error);
        } else {
          finish(resolve, { events, blockHash: status.isFinalized ? status.asFinalized : status.asInBlock });
        }
      }
    };
    (signer ? tx.signAndSend(signer, signOptions, watch) : tx.send(watch))
      .then((u) => { unsubscribe = u; }, (error) => finish(reject, error));
  });
}
