'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART_COLORS, ChartDataTable, ChartFrame, ChartLegend, ChartTooltip, gridProps, type ChartSeries } from '@/components/ui/chart';
import { useFormat } from '@/lib/format/format-context';

// One series or a few per UTC day, as bars (side by side or stacked) or lines, for the
// operator's analytics; the table after it carries the same figures for screen readers.

export function DailyChart<T extends { day: string }>({
  rows,
  series,
  kind = 'bar',
  stacked = false,
  money = false,
  title,
  testId,
}: {
  rows: T[];
  series: readonly ChartSeries<Extract<keyof T, string>>[];
  kind?: 'bar' | 'line';
  stacked?: boolean;
  /** Values are cents (USD). */
  money?: boolean;
  /** What the chart shows: its SVG title and the table's caption. */
  title: string;
  testId: string;
}) {
  const t = useTranslations('operatorAnalytics.chart');
  const fmt = useFormat();
  const value = (n: number) => (money ? fmt.money(n, 'usd') : fmt.number(n));
  const tick = (n: number) => (money ? `$${fmt.compact(Math.round(n / 100))}` : fmt.compact(n));
  const axes = (
    <>
      <CartesianGrid {...gridProps} />
      <XAxis dataKey="day" {...axisProps} tickFormatter={(day: string) => fmt.shortDay(day)} interval="preserveStartEnd" minTickGap={20} />
      <YAxis {...axisProps} allowDecimals={false} width={money ? 52 : 40} tickFormatter={tick} />
      <Tooltip cursor={kind === 'bar' ? { fill: CHART_COLORS.grid, fillOpacity: 0.6 } : { stroke: CHART_COLORS.muted }} content={(props) => <ChartTooltip {...props} formatLabel={(day) => fmt.weekdayDay(day)} formatValue={(n) => value(n)} />} />
    </>
  );
  const margin = { top: 8, right: 8, bottom: 0, left: 0 };
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId={testId} height={220}>
        {kind === 'bar' ? (
          <BarChart data={rows} margin={margin} barCategoryGap="15%" title={title}>
            {axes}
            {series.map((s, index) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? 'stack' : undefined} radius={!stacked || index === series.length - 1 ? [2, 2, 0, 0] : undefined} />
            ))}
          </BarChart>
        ) : (
          <LineChart data={rows} margin={margin} title={title}>
            {axes}
            {series.map((s) => (
              <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={false} type="monotone" isAnimationActive={false} />
            ))}
          </LineChart>
        )}
      </ChartFrame>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend series={series} />
        <span className="text-xs text-slate-600">{t('utcDays')}</span>
      </figcaption>
      <ChartDataTable caption={title} columns={[t('day'), ...series.map((s) => s.label)]} rows={rows.map((row) => ({ key: row.day, cells: [fmt.weekdayDay(row.day), ...series.map((s) => value(Number(row[s.key])))] }))} />
    </figure>
  );
}
