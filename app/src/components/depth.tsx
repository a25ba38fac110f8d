import { useEffect, useState } from 'preact/hooks';

// The order book's depth as a hand-written SVG step chart: cumulative hours offered against the
// price in CONF per hour, buy orders (left, green) and sell orders (right, orange).
export interface Level { price: number; hours: number }

export function DepthChart ({ bids, asks, label, priceAxis, hoursAxis }: {
  bids: Level[]; asks: Level[]; label: string; priceAxis: string; hoursAxis: string;
}) {
  // Narrow screens get a narrower drawing, so that its text stays readable when it is scaled.
  const narrow = () => window.innerWidth < 600;
  const [isNarrow, setNarrow] = useState(narrow());
  useEffect(() => {
    const on = () => setNarrow(narrow());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  const W = isNarrow ? 340 : 600; const H = 240; const L = 44; const R = 12; const T = 12; const B = 36;
  const prices = [...bids, ...asks].map((l) => l.price);
  let lo = Math.min(...prices); let hi = Math.max(...prices);
  if (lo === hi) { lo = lo * 0.5; hi = hi * 1.5 || 1; }
  const pad = (hi - lo) * 0.1; lo = Math.max(0, lo - pad); hi += pad;
  const cum = (levels: Level[]) => { let s = 0; return levels.map((l) => ({ price: l.price, total: (s += l.hours) })); };
  const cb = cum(bids); const ca = cum(asks);
  const top = Math.max(1, ...cb.map((c) => c.total), ...ca.map((c) => c.total)) * 1.1;
  const x = (p: number) => L + (p - lo) / (hi - lo) * (W - L - R);
  const y = (h: number) => T + (1 - h / top) * (H - T - B);
  // Bids: from the best (highest) price leftwards, stepping up as depth accumulates.
  const path = (levels: { price: number; total: number }[], side: 'bid' | 'ask') => {
    if (!levels.length) return '';
    let d = `M ${x(levels[0].price)} ${y(0)}`;
    let prev = 0;
    for (const l of levels) { d += ` L ${x(l.price)} ${y(prev)} L ${x(l.price)} ${y(l.total)}`; prev = l.total; }
    d += ` L ${side === 'bid' ? L : W - R} ${y(prev)} L ${side === 'bid' ? L : W - R} ${y(0)} Z`;
    return d;
  };
  const fmtNum = (n: number) => (Math.round(n * 100) / 100).toString();
  const ticks = [lo, (lo + hi) / 2, hi];
  return (
    <svg class="depth" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="depth-chart">
      <title>{label}</title>
      <line x1={L} y1={y(0)} x2={W - R} y2={y(0)} class="axis" />
      <line x1={L} y1={T} x2={L} y2={y(0)} class="axis" />
      {ticks.map((p) => <text key={p} x={x(p)} y={H - 18} class="tick" text-anchor="middle">{fmtNum(p)}</text>)}
      <text x={(L + W - R) / 2} y={H - 3} class="tick" text-anchor="middle">{priceAxis}</text>
      <text x={L - 6} y={T + 8} class="tick" text-anchor="end">{fmtNum(top / 1.1)}</text>
      <text x={L - 6} y={y(0)} class="tick" text-anchor="end">0</text>
      <text x={L + 6} y={T + 8} class="tick">{hoursAxis}</text>
      {cb.length > 0 && <path d={path(cb, 'bid')} class="bids" data-testid="depth-bids" />}
      {ca.length > 0 && <path d={path(ca, 'ask')} class="asks" data-testid="depth-asks" />}
    </svg>
  );
}
