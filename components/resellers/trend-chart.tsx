import type { MonthPoint } from '@/lib/resellers/dashboard';
import { formatCents } from '@/lib/resellers/money';

const SERIES = [
  { key: 'salesCents', label: 'Client sales', fill: 'fill-slate-300', swatch: 'bg-slate-300' },
  { key: 'commissionCents', label: 'Your commission', fill: 'fill-emerald-500', swatch: 'bg-emerald-500' },
] as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const label = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;

/** Sales and commission per month, side by side; the table beneath is for screen readers. */
export function TrendChart({ points }: { points: MonthPoint[] }) {
  const max = Math.max(1, ...points.flatMap((p) => [p.salesCents, p.commissionCents]));
  const width = 600;
  const height = 160;
  const groupGap = 10;
  const groupWidth = (width - groupGap * (points.length - 1)) / points.length;
  const barWidth = groupWidth / 2;
  const total = points.reduce((sum, p) => sum + p.commissionCents, 0);
  return (
    <figure className="flex flex-col gap-3">
      <svg viewBox={`0 0 ${width} ${height + 20}`} className="w-full" role="img" aria-label={`${formatCents(total)} commission over the last ${points.length} months`} data-testid="trend-chart">
        {points.map((point, index) => {
          const x = index * (groupWidth + groupGap);
          return (
            <g key={point.month}>
              <title>{`${point.month}: sales ${formatCents(point.salesCents)}, commission ${formatCents(point.commissionCents)}`}</title>
              {SERIES.map((series, i) => {
                const value = Math.max(0, point[series.key]);
                const h = (value / max) * height;
                return h > 0 ? <rect key={series.key} x={x + i * barWidth} y={height - h} width={barWidth - 1} height={h} className={series.fill} /> : null;
              })}
              <rect x={x} y={height} width={groupWidth} height={2} className="fill-slate-200" />
              <text x={x + groupWidth / 2} y={height + 16} textAnchor="middle" className="fill-slate-500 text-[10px]">
                {label(point.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs text-slate-600">
        {SERIES.map((series) => (
          <span key={series.key} className="flex items-center gap-1">
            <span className={`inline-block h-3 w-3 rounded-sm ${series.swatch}`} aria-hidden /> {series.label}
          </span>
        ))}
        <span className="ml-auto">Months in UTC.</span>
      </figcaption>
      {/* A table ignores a 1px width and stays as wide as its cells: the wrapper hides it. */}
      <div className="sr-only">
      <table>
        <caption>Client sales and commission per month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Client sales</th>
            <th scope="col">Commission</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.month}>
              <td>{point.month}</td>
              <td>{formatCents(point.salesCents)}</td>
              <td>{formatCents(point.commissionCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
