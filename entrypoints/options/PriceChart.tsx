import { fromUnits, toUnits } from '../../utils/money/money';
import { t } from '../../utils/shared/i18n';
import type { Watch } from '../../utils/watch/schema';

const WIDTH = 240;
const HEIGHT = 64;
const PAD = 4;

/** A watch's prices read over time as a small line, the target as a dashed line; summarised for screen readers. */
export function PriceChart({ watch }: { watch: Watch }) {
  const points = watch.history.filter((p): p is { at: number; price: string } => p.price !== null);
  if (points.length === 0) return null;
  const target = toUnits(watch.target.amount);
  const prices = points.map((p) => toUnits(p.price));
  const low = Math.min(target, ...prices);
  const high = Math.max(target, ...prices);
  const first = points[0]!.at;
  const span = Math.max(1, points[points.length - 1]!.at - first);
  const x = (at: number) => PAD + ((at - first) / span) * (WIDTH - 2 * PAD);
  const y = (units: number) => (high === low ? HEIGHT / 2 : PAD + ((high - units) / (high - low)) * (HEIGHT - 2 * PAD));
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(prices[i]!).toFixed(1)}`).join(' ');
  const currency = watch.target.currency;
  const label = t('watchChartLabel', points.length, `${fromUnits(Math.min(...prices))} ${currency}`, `${fromUnits(Math.max(...prices))} ${currency}`, `${watch.target.amount} ${currency}`);
  return (
    <svg className="price-chart" role="img" aria-label={label} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
      <line x1={PAD} x2={WIDTH - PAD} y1={y(target)} y2={y(target)} className="price-chart__target" />
      {points.length > 1 ? <path d={line} className="price-chart__line" /> : null}
      {points.map((p, i) => (
        <circle key={p.at} cx={x(p.at)} cy={y(prices[i]!)} r={2.5} className="price-chart__point" />
      ))}
    </svg>
  );
}
