'use client';

import type { DailyUsage } from '@/lib/api/usage-stats';
import { useFormat } from '@/lib/format/format-context';

const SERIES = [
  { key: 'ok', label: '2xx', fill: 'fill-emerald-500', swatch: 'bg-emerald-500' },
  { key: 'clientErrors', label: '4xx', fill: 'fill-amber-400', swatch: 'bg-amber-400' },
  { key: 'serverErrors', label: '5xx', fill: 'fill-red-500', swatch: 'bg-red-500' },
] as const;

const total = (d: DailyUsage) => d.ok + d.clientErrors + d.serverErrors;

/** Requests per day stacked by status class; the table beneath is for screen readers. */
export function UsageChart({ days }: { days: DailyUsage[] }) {
  const fmt = useFormat();
  const max = Math.max(1, ...days.map(total));
  const width = 600;
  const height = 160;
  const gap = 4;
  const barWidth = (width - gap * (days.length - 1)) / days.length;
  const sum = days.reduce((s, d) => s + total(d), 0);
  return (
    <figure className="flex flex-col gap-3">
      <svg viewBox={`0 0 ${width} ${height + 20}`} className="w-full" role="img" aria-label={`${fmt.number(sum)} requests in the last ${days.length} days`} data-testid="usage-chart">
        {days.map((day, index) => {
          const x = index * (barWidth + gap);
          let y = height;
          return (
            <g key={day.day}>
              <title>{`${day.day}: ${day.ok} 2xx, ${day.clientErrors} 4xx, ${day.serverErrors} 5xx`}</title>
              {SERIES.map((series) => {
                const h = (day[series.key] / max) * height;
                y -= h;
                return h > 0 ? <rect key={series.key} x={x} y={y} width={barWidth} height={h} className={series.fill} /> : null;
              })}
              <rect x={x} y={height} width={barWidth} height={2} className="fill-slate-200" />
              {index % 5 === 0 ? (
                // The first label starts at the edge so it is not cut off.
                <text x={index === 0 ? x : x + barWidth / 2} y={height + 16} textAnchor={index === 0 ? 'start' : 'middle'} className="fill-slate-500 text-[10px]">
                  {day.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex gap-4 text-xs text-slate-600">
        {SERIES.map((series) => (
          <span key={series.key} className="flex items-center gap-1">
            <span className={`inline-block h-3 w-3 rounded-sm ${series.swatch}`} aria-hidden /> {series.label}
          </span>
        ))}
        <span className="ml-auto">Days in UTC; the highest bar is {fmt.number(max)}.</span>
      </figcaption>
      {/* A table ignores a 1px width and stays as wide as its cells: the wrapper hides it. */}
      <div className="sr-only">
      <table>
        <caption>API requests per day by status class</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {SERIES.map((series) => (
              <th key={series.key} scope="col">
                {series.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <td>{day.day}</td>
              {SERIES.map((series) => (
                <td key={series.key}>{day[series.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
