// The open polls of my cooperative: what each decides, in words; the tally, turnout and the
// share of the largest vote; my weight; vote; close a poll that is due.
import type { ApiPromise } from '@polkadot/api';
import type { Call } from '@polkadot/types/interfaces';
import { useState } from 'preact/hooks';

import { describeCall, genericCall } from '../calls';
import { blockMs, voteWeight, type Tx } from '../chain';
import { TxFlow } from '../components/tx';
import { Card, Notice } from '../components/ui';
import { fmt } from '../i18n';
import type { Messages } from '../i18n/en';
import { nameOf, useChainData } from '../store';
import { AsMember, duration, type MemberContext } from './common';

async function loadPolls (api: ApiPromise, m: Messages, coop: number, me: string) {
  const entries = await api.query.governance.polls.entries();
  const polls = [];
  for (const [key, value] of entries) {
    const poll: any = (value as any).unwrap();
    if (!poll.scope.isCooperative || poll.scope.asCooperative.toNumber() !== coop) continue;
    const id = (key.args[0] as any).toNumber() as number;
    let what: string;
    try {
      const call = api.createType('Call', poll.proposal.toU8a(true)) as Call;
      try { what = await describeCall(api, m, call); } catch { what = genericCall(call); }
    } catch { what = `${poll.proposal.length} bytes`; }
    const [tallyOpt, votes] = await Promise.all([
      api.call.governanceApi.pollTally(id) as Promise<any>,
      api.query.governance.memberVotes.entries(id)
    ]);
    const tally = tallyOpt.isSome ? tallyOpt.unwrap() : poll.tally;
    const weights = votes.map(([, v]: any) => v.unwrap().weight.toNumber() as number);
    const mineEntry = votes.find(([k]: any) => k.args[1].toString() === me);
    polls.push({
      id, what, proposer: poll.proposer.toString() as string, end: poll.end.toNumber() as number,
      electorate: poll.electorate.toNumber() as number,
      ayes: tally.ayes.toNumber() as number, nays: tally.nays.toNumber() as number, voters: tally.voters.toNumber() as number,
      largest: weights.length ? Math.max(...weights) : 0,
      mine: mineEntry ? ((mineEntry[1] as any).unwrap().aye.isTrue ? 'aye' : 'nay') : null
    });
  }
  return { polls: polls.sort((a, b) => a.id - b.id), weight: await voteWeight(api, coop, me) };
}

function PollList ({ api, address, coop, m, block }: MemberContext) {
  const [data] = useChainData((api) => loadPolls(api, m, coop.id, address), [coop.id, address, m.polls.title]);
  const [pending, setPending] = useState<{ tx: Tx; what: string; poll: number } | null>(null);
  if (!data) return <Notice>{m.common.loading}</Notice>;
  const ms = blockMs(api);
  return (
    <>
      {/* One place for the transaction, whatever the poll: a closed poll leaves the list, and
          its outcome must stay on the page. */}
      {pending && <TxFlow tx={pending.tx} what={pending.what} coop={coop.id} onClose={() => setPending(null)} />}
      {data.polls.length === 0 && <Notice>{fmt(m.polls.none, { coop: coop.name })}</Notice>}
      {data.polls.map((p) => {
        const cast = p.ayes + p.nays;
        const due = block > p.end || p.voters >= p.electorate;
        const share = cast ? `${Math.round(p.largest * 100 / cast)}%` : '0%';
        return (
          <Card key={p.id} title={fmt(m.polls.poll, { id: p.id })} testid={`poll-${p.id}`}>
            <p class="what" data-testid={`poll-${p.id}-what`}>{p.what}</p>
            <p class="muted">{fmt(m.polls.proposedBy, { who: nameOf(p.proposer) })} · {block <= p.end
              ? fmt(m.polls.ends, { end: p.end, when: fmt(m.common.inAbout, { time: duration(m, p.end - block, ms) }) })
              : fmt(m.polls.ended, { end: p.end })}</p>
            <div class="tally" aria-label={fmt(m.polls.tally, { ayes: p.ayes, nays: p.nays })}>
              <div class="bar"><span class="aye" style={{ width: cast ? `${p.ayes * 100 / cast}%` : '0' }} /><span class="nay" style={{ width: cast ? `${p.nays * 100 / cast}%` : '0' }} /></div>
              <p>{fmt(m.polls.tally, { ayes: p.ayes, nays: p.nays })}</p>
            </div>
            <p class="muted">{fmt(m.polls.turnout, { voters: p.voters, electorate: p.electorate })} · {fmt(m.polls.largest, { share })}</p>
            <p>{fmt(m.polls.myWeight, { w: data.weight })}{p.mine && <> · {fmt(m.polls.voted, { how: p.mine === 'aye' ? m.polls.votedAye : m.polls.votedNay })}</>}</p>
            {!pending && (
              <div class="actions">
                {!p.mine && block <= p.end && <>
                  <button class="primary" onClick={() => setPending({ poll: p.id, tx: api.tx.governance.vote(p.id, true), what: fmt(m.polls.describeVote, { how: m.polls.votedAye, id: p.id, what: p.what }) })}>{m.polls.aye}</button>
                  <button onClick={() => setPending({ poll: p.id, tx: api.tx.governance.vote(p.id, false), what: fmt(m.polls.describeVote, { how: m.polls.votedNay, id: p.id, what: p.what }) })}>{m.polls.nay}</button>
                </>}
                {due && <button onClick={() => setPending({ poll: p.id, tx: api.tx.governance.close(p.id), what: fmt(m.polls.describeClose, { id: p.id }) })}>{m.polls.close}</button>}
              </div>
            )}
          </Card>
        );
      })}
    </>
  );
}

export function Polls () {
  return (
    <AsMember>{(ctx) => (
      <div class="screen">
        <h1>{ctx.m.polls.title}</h1>
        <PollList key={`${ctx.coop.id}-${ctx.address}`} {...ctx} />
      </div>
    )}</AsMember>
  );
}
