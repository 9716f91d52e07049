'use client';

import { Bar, BarChart, CartesianGrid, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART_COLORS, ChartDataTable, ChartFrame, ChartLegend, ChartTooltip, gridProps } from '@/components/ui/chart';
import { useFormat } from '@/lib/format/format-context';
import type { MonthPoint } from '@/lib/resellers/dashboard';

const SERIES = [
  { key: 'salesCents', label: 'Client sales', color: CHART_COLORS.muted },
  { key: 'commissionCents', label: 'Your commission', color: CHART_COLORS.ok },
] as const;

/** Sales and commission per month, side by side; the current month (the last) is marked. */
export function TrendChart({ points }: { points: MonthPoint[] }) {
  const fmt = useFormat();
  const total = points.reduce((sum, p) => sum + p.commissionCents, 0);
  const current = points.at(-1)?.month;
  const monthLabel = (month: string) => `${fmt.month(month)}${month === current ? ' (this month)' : ''}`;
  // Axis ticks in whole dollars, short: "$1.2K".
  const axisMoney = (cents: number) => `$${fmt.compact(Math.round(cents / 100))}`;
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId="trend-chart" height={240}>
        <BarChart data={points} margin={{ top: 22, right: 4, bottom: 0, left: 0 }} title={`${fmt.money(total, 'usd')} commission over the last ${points.length} months`}>
          <CartesianGrid {...gridProps} />
          {current ? <ReferenceArea x1={current} x2={current} fill={CHART_COLORS.muted} fillOpacity={0.15} label={{ value: 'This month', position: 'top', fontSize: 12, fill: CHART_COLORS.text }} /> : null}
          <XAxis dataKey="month" {...axisProps} tickFormatter={(value: string) => fmt.month(value)} interval="preserveStartEnd" minTickGap={16} />
          <YAxis {...axisProps} width={48} tickFormatter={axisMoney} />
          <Tooltip
            cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.6 }}
            content={(props) => <ChartTooltip {...props} formatLabel={monthLabel} formatValue={(value) => fmt.money(value, 'usd')} />}
          />
          {SERIES.map((series) => (
            <Bar key={series.key} dataKey={series.key} name={series.label} fill={series.color} radius={[2, 2, 0, 0]} />
          ))}
        </BarChart>
      </ChartFrame>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend series={SERIES} />
        <span className="text-xs text-slate-600">Months in UTC.</span>
      </figcaption>
      <ChartDataTable
        caption="Client sales and commission per month"
        columns={['Month', 'Client sales', 'Commission']}
        rows={points.map((point) => ({ key: point.month, cells: [monthLabel(point.month), fmt.money(point.salesCents, 'usd'), fmt.money(point.commissionCents, 'usd')] }))}
      />
    </figure>
  );
}
