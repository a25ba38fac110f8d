// What a phase measured, summed up per workload, and the table printed side by side.

/** Seconds per block: Aura slots of 6 s. */
export const BLOCK_SECONDS = 6;

const mean = (values) => values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
const tally = (items) => items.reduce((counts, item) => ({ ...counts, [item]: (counts[item] ?? 0) + 1 }), {});

/**
 * Sums up one phase. Its blocks are those from the first to the last that hold one of its
 * transactions. Its full blocks are those whose normal class is at least 90% full, and those
 * before the last whose proposer stopped on a limit (weight, size, time) rather than because
 * the pool had nothing more for it (`NoMoreTransactions`: the burst was still arriving, or
 * this is what was left); never a block that starts a session (its weight all went to the
 * rotation: it holds no transaction, whatever the load). The rates are averages over the full
 * blocks, counting the workload's own call in each.
 *
 * `phase`: `{ name, call, submitted, rejected, blocks, outcomes, missing, unexpected, ms }`;
 * `proposer`: block number → `{ ms, end, count }` from the node's log.
 */
export function summarize (phase, proposer) {
  const first = phase.blocks.findIndex((b) => b.ours > 0);
  const last = phase.blocks.findLastIndex((b) => b.ours > 0);
  const blocks = first < 0 ? [] : phase.blocks.slice(first, last + 1).map((b) => ({
    number: b.number,
    extrinsics: b.extrinsics,
    ours: b.calls[phase.call] ?? 0,
    fill: b.fill,
    length: b.length,
    sessionChange: b.sessionChange,
    proposerMs: proposer.get(b.number)?.ms ?? null,
    end: proposer.get(b.number)?.end ?? null
  }));
  const full = blocks.filter((b, i) => !b.sessionChange &&
    (b.fill >= 0.9 || (i < blocks.length - 1 && b.end !== 'NoMoreTransactions')));
  const outcomes = [...phase.outcomes.values()];
  const perBlock = mean(full.map((b) => b.ours));
  const proposerMs = mean(full.map((b) => b.proposerMs).filter((ms) => ms !== null));
  return {
    workload: phase.name,
    call: phase.call,
    submitted: phase.submitted,
    rejected: phase.rejected.length,
    rejectedErrors: tally(phase.rejected.map(({ error }) => error)),
    included: outcomes.length,
    missing: phase.missing.length,
    succeeded: outcomes.filter((o) => o.ok).length,
    failed: outcomes.filter((o) => !o.ok).length,
    errors: tally(outcomes.filter((o) => !o.ok).map((o) => o.error)),
    unexpected: tally(phase.unexpected),
    free: outcomes.filter((o) => o.free).length,
    paid: outcomes.filter((o) => !o.free && o.fee > 0n).length,
    blocks: blocks.length,
    fullBlocks: full.length,
    sessionBlocks: blocks.filter((b) => b.sessionChange).length,
    // What the chain sustained over the whole phase, session blocks and the last one included.
    sustainedPerSecond: blocks.length ? outcomes.length / (blocks.length * BLOCK_SECONDS) : null,
    perBlock,
    perSecond: perBlock === null ? null : perBlock / BLOCK_SECONDS,
    fill: mean(full.map((b) => b.fill)),
    proposerMs,
    endReasons: tally(full.map((b) => b.end ?? 'unknown')),
    ratio: null,
    ms: phase.ms,
    perBlockDetail: blocks
  };
}

/** Sets each summary's rate relative to the token transfer's (if it ran). */
export function relate (summaries) {
  const transfer = summaries.find((s) => s.workload === 'transfer')?.perBlock;
  for (const s of summaries) s.ratio = transfer && s.perBlock !== null ? s.perBlock / transfer : null;
  return summaries;
}

const fixed = (value, digits = 0) => value === null || value === undefined ? 'n/a' : value.toFixed(digits);

/** The table of the summaries, one column per workload. */
export function formatTable (summaries) {
  const rows = [
    ['', ...summaries.map((s) => s.workload)],
    ['call', ...summaries.map((s) => s.call)],
    ['extrinsics per full block', ...summaries.map((s) => fixed(s.perBlock))],
    ['per second (6 s blocks)', ...summaries.map((s) => fixed(s.perSecond, 1))],
    ['block fill, % of normal weight', ...summaries.map((s) => s.fill === null ? 'n/a' : `${fixed(s.fill * 100, 1)}%`)],
    ['proposer time per block, ms', ...summaries.map((s) => fixed(s.proposerMs))],
    ['ratio to token transfer', ...summaries.map((s) => s.ratio === null ? 'n/a' : `${fixed(s.ratio, 2)}x`)],
    ['sustained per second, whole phase', ...summaries.map((s) => fixed(s.sustainedPerSecond, 1))],
    ['full / session-change / all blocks', ...summaries.map((s) => `${s.fullBlocks} / ${s.sessionBlocks} / ${s.blocks}`)],
    ['proposer stopped on', ...summaries.map((s) => Object.entries(s.endReasons).map(([k, n]) => `${k}×${n}`).join(' ') || 'n/a')],
    ['included / submitted', ...summaries.map((s) => `${s.included} / ${s.submitted}`)],
    ['failed (dispatch error)', ...summaries.map((s) => String(s.failed))],
    ['refused by pool / never included', ...summaries.map((s) => `${s.rejected} / ${s.missing}`)],
    ['workload check failed', ...summaries.map((s) => String(Object.values(s.unexpected).reduce((a, b) => a + b, 0)))],
    ['free / paid', ...summaries.map((s) => `${s.free} / ${s.paid}`)]
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row) => row.map((cell, c) => c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])).join(' | ');
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

/** JSON with bigints as strings. */
export const toJson = (value) => JSON.stringify(value, (_, v) => typeof v === 'bigint' ? v.toString() : v, 2);
