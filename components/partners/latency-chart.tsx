'use client';

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART_COLORS, ChartDataTable, ChartFrame, ChartLegend, ChartTooltip, gridProps } from '@/components/ui/chart';
import { useFormat } from '@/lib/format/format-context';
import type { ApiCallDay } from '@/lib/partners/analytics/api-calls';

const SERIES = [
  { key: 'p50', label: 'p50 (median)', color: CHART_COLORS.brand },
  { key: 'p95', label: 'p95', color: CHART_COLORS.warning },
] as const;

/** Median and 95th percentile response time of the app's calls per UTC day; gaps on days without calls. */
export function LatencyChart({ days }: { days: ApiCallDay[] }) {
  const fmt = useFormat();
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId="latency-chart" height={200}>
        <LineChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} title="p50 and p95 latency per day">
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="day" {...axisProps} tickFormatter={(value: string) => fmt.shortDay(value)} interval="preserveStartEnd" minTickGap={20} />
          <YAxis {...axisProps} width={40} tickFormatter={(value: number) => fmt.compact(value)} />
          <Tooltip content={(props) => <ChartTooltip {...props} formatLabel={(day) => fmt.weekdayDay(day)} formatValue={(value) => fmt.milliseconds(value)} />} />
          {SERIES.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={days.length <= 31 ? { r: 2 } : false} connectNulls={false} />
          ))}
        </LineChart>
      </ChartFrame>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend series={SERIES} />
        <span className="text-xs text-slate-600">Milliseconds; days in UTC; no point on a day without calls.</span>
      </figcaption>
      <ChartDataTable
        caption="p50 and p95 latency per day"
        columns={['Day', ...SERIES.map((s) => s.label)]}
        rows={days.map((d) => ({ key: d.day, cells: [fmt.weekdayDay(d.day), fmt.milliseconds(d.p50), fmt.milliseconds(d.p95)] }))}
      />
    </figure>
  );
}
