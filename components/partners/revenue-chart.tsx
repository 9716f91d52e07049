'use client';

import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART_COLORS, ChartDataTable, ChartFrame, ChartLegend, ChartTooltip, gridProps } from '@/components/ui/chart';
import { useFormat } from '@/lib/format/format-context';
import type { RevenueMonth } from '@/lib/partners/analytics/revenue';

const SERIES = [{ key: 'netCents', label: 'Your net revenue', color: CHART_COLORS.ok }] as const;

/** The partner's net revenue share per month (refunds already taken off; a month can be negative). */
export function RevenueChart({ months }: { months: RevenueMonth[] }) {
  const fmt = useFormat();
  const total = months.reduce((sum, m) => sum + m.netCents, 0);
  // Axis ticks in whole dollars, short: "$1.2K".
  const axisMoney = (cents: number) => `$${fmt.compact(Math.round(cents / 100))}`;
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId="revenue-chart" height={220}>
        <BarChart data={months} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} title={`${fmt.money(total, 'usd')} net revenue over the last ${months.length} months`}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="month" {...axisProps} tickFormatter={(value: string) => fmt.month(value)} interval="preserveStartEnd" minTickGap={16} />
          <YAxis {...axisProps} width={52} tickFormatter={axisMoney} />
          <ReferenceLine y={0} stroke={CHART_COLORS.muted} />
          <Tooltip cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.6 }} content={(props) => <ChartTooltip {...props} formatLabel={(month) => fmt.month(month)} formatValue={(value) => fmt.money(value, 'usd')} />} />
          <Bar dataKey="netCents" name="Your net revenue" fill={CHART_COLORS.ok} radius={[2, 2, 0, 0]} />
        </BarChart>
      </ChartFrame>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend series={SERIES} />
        <span className="text-xs text-slate-600">Months in UTC, by the day each invoice was paid or refunded.</span>
      </figcaption>
      <ChartDataTable
        caption="Revenue per month"
        columns={['Month', 'App sales', 'Refunds', 'Your net revenue']}
        rows={months.map((m) => ({ key: m.month, cells: [fmt.month(m.month), fmt.money(m.grossSalesCents, 'usd'), fmt.money(m.reversedCents, 'usd'), fmt.money(m.netCents, 'usd')] }))}
      />
    </figure>
  );
}
