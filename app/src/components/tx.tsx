// The one transaction flow every screen uses: what it does in words and its fee (or that it is
// free, and how many free actions are left) before signing; after, whether it was included,
// finalized, or refused, in words.
import { useEffect, useRef, useState } from 'preact/hooks';

import { signerFor } from '../accounts';
import { type Tx, describeDispatchError, quota } from '../chain';
import { fmt } from '../i18n';
import { getState, nameOf, useMessages } from '../store';
import { formatConf } from '../units';

type Phase =
  | { kind: 'review' }
  | { kind: 'signing' }
  | { kind: 'sent' }
  | { kind: 'inBlock'; block: number }
  | { kind: 'finalized'; block: number }
  | { kind: 'failed'; message: string };

/** Pool and signer refusals, in words. */
function poolMessage (m: ReturnType<typeof useMessages>, error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/Inability to pay some fees|balance too low/i.test(text)) return m.tx.poolCannotPay;
  if (/Cancelled|Rejected by user|rejected/i.test(text)) return m.tx.rejected;
  return fmt(m.tx.poolOther, { reason: text.replace(/^\d+:\s*/, '').replace(/^Invalid Transaction:\s*/, '') });
}

export function TxFlow ({ tx, what, coop, onClose, onDone }: {
  tx: Tx; what: string; coop?: number; onClose: () => void; onDone?: () => void;
}) {
  const m = useMessages();
  const { api, address } = getState();
  const [fee, setFee] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'review' });
  const box = useRef<HTMLDivElement>(null);
  // It may open far from the button that asked for it (a long list, a phone): bring it into view.
  useEffect(() => { box.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' }); }, []);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const info = await tx.paymentInfo(address!);
        const partial = info.partialFee.toBigInt();
        let text = formatConf(partial, 6);
        if (partial === 0n && coop !== undefined && api) {
          const q = await quota(api, coop, address!);
          text = fmt(m.tx.free, { left: q.left, total: q.perPeriod });
        }
        if (live) setFee(text);
      } catch (error) {
        if (live) setFee(fmt(m.tx.feeUnknown, { error: error instanceof Error ? error.message : String(error) }));
      }
    })();
    return () => { live = false; };
  }, [tx, address, coop, m]);

  async function send () {
    if (!api || !address) return;
    setPhase({ kind: 'signing' });
    let unsubscribe: (() => void) | undefined;
    let settled = false;
    const fail = (message: string) => { settled = true; setPhase({ kind: 'failed', message }); unsubscribe?.(); };
    try {
      const how = await signerFor(address);
      const callback = async ({ status, dispatchError }: any) => {
        if (settled) return;
        if (status.isReady || status.isBroadcast) setPhase({ kind: 'sent' });
        else if (status.isInBlock || status.isFinalized) {
          const hash = status.isInBlock ? status.asInBlock : status.asFinalized;
          const block = (await api.rpc.chain.getHeader(hash)).number.toNumber();
          if (dispatchError) {
            const { docs, name } = describeDispatchError(api, dispatchError);
            fail(fmt(m.tx.chainError, { docs }) + ` (${name})`);
            onDone?.();
            return;
          }
          if (status.isFinalized) {
            settled = true;
            setPhase({ kind: 'finalized', block });
            unsubscribe?.();
          } else {
            setPhase({ kind: 'inBlock', block });
          }
          onDone?.();
        } else if (status.isInvalid || status.isDropped || status.isUsurped) {
          fail(m.tx.dropped);
        }
      };
      unsubscribe = 'pair' in how
        ? await tx.signAndSend(how.pair, callback)
        : await tx.signAndSend(address, { signer: how.signer }, callback);
      if (settled) unsubscribe();
    } catch (error) {
      fail(poolMessage(m, error));
    }
  }

  const busy = phase.kind === 'signing' || phase.kind === 'sent' || phase.kind === 'inBlock';
  const over = phase.kind === 'finalized' || phase.kind === 'failed';
  return (
    <div class="tx" ref={box} role="region" aria-label={m.tx.title} data-testid="tx-flow">
      <h3>{m.tx.title}</h3>
      <dl>
        <div class="row"><dt>{m.tx.what}</dt><dd data-testid="tx-what">{what}</dd></div>
        <div class="row"><dt>{m.tx.from}</dt><dd>{address ? nameOf(address) : ''}</dd></div>
        <div class="row"><dt>{m.tx.fee}</dt><dd data-testid="tx-fee">{fee ?? m.tx.feeLoading}</dd></div>
      </dl>
      <div class="tx-status" role="status" aria-live="polite" data-testid="tx-status">
        {phase.kind === 'signing' && <p>{m.tx.signing}</p>}
        {phase.kind === 'sent' && <p>{m.tx.sent}</p>}
        {(phase.kind === 'inBlock' || phase.kind === 'finalized') && <p class="ok">✓ {fmt(m.tx.inBlock, { n: phase.block })}</p>}
        {phase.kind === 'finalized' && <p class="ok">✓ {m.tx.finalized}</p>}
        {phase.kind === 'failed' && <p class="bad"><strong>{m.tx.failed}</strong> {phase.message}</p>}
      </div>
      <div class="actions">
        {phase.kind === 'review' && <button class="primary" onClick={send} disabled={fee === null}>{m.tx.sign}</button>}
        {!busy && <button onClick={onClose}>{over ? m.tx.close : m.common.cancel}</button>}
      </div>
    </div>
  );
}
