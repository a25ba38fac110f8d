// The load benchmark's smoke test: every phase of e2e/bench/load.mjs with tiny numbers (16
// senders × 4 transactions) on a node of its own. Every workload's transactions are all
// included and succeed, the member acts are free and the token transfers paid, the exchange's
// orders each trade with one resting order, and the table and the JSON have every workload.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

import { runBenchmark } from '../bench/load.mjs';
import { WORKLOAD_NAMES, WORKLOADS } from '../bench/workloads.mjs';

describe('the load benchmark, small', () => {
  const dir = mkdtempSync(join(tmpdir(), 'confoederatio-bench-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('every workload runs, and all its transactions are included and succeed', { timeout: 240_000 }, async () => {
    const out = join(dir, 'results.json');
    const lines = [];
    const { summaries, table } = await runBenchmark({
      senders: 16, perSender: 4, out, timeoutMs: 200_000, log: (line) => lines.push(line)
    });
    assert.deepEqual(summaries.map((s) => s.workload), WORKLOAD_NAMES, lines.join('\n'));
    for (const s of summaries) {
      const what = `${s.workload}: ${JSON.stringify({ ...s, perBlockDetail: undefined })}`;
      assert.equal(s.call, WORKLOADS[s.workload].call);
      assert.equal(s.submitted, 64, what);
      assert.equal(s.rejected, 0, what);
      assert.equal(s.missing, 0, what);
      assert.equal(s.included, 64, what);
      assert.equal(s.succeeded, 64, what);
      assert.equal(s.failed, 0, what);
      assert.deepEqual(s.unexpected, {}, what);
      // Member acts are free within the bakery's quota; a token transfer pays its fee.
      if (WORKLOADS[s.workload].memberAct) assert.deepEqual([s.free, s.paid], [64, 0], what);
      else assert.deepEqual([s.free, s.paid], [0, 64], what);
      assert.ok(s.blocks >= 1, what);
      // Each column of the table is a workload.
      assert.match(table.split('\n')[0], new RegExp(`\\b${s.workload}\\b`));
    }
    const results = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(results.summaries.map((s) => s.workload), WORKLOAD_NAMES);
    assert.equal(results.senders, 16);
  });
});
