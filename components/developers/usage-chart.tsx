'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART_COLORS, ChartDataTable, EndMarkerLabel, ChartFrame, ChartLegend, ChartTooltip, gridProps } from '@/components/ui/chart';
import type { DailyUsage } from '@/lib/api/usage-stats';
import { useFormat } from '@/lib/format/format-context';

const SERIES = [
  { key: 'ok', label: '2xx', color: CHART_COLORS.ok },
  { key: 'clientErrors', label: '4xx', color: CHART_COLORS.warning },
  { key: 'serverErrors', label: '5xx', color: CHART_COLORS.error },
] as const;

const total = (d: DailyUsage) => d.ok + d.clientErrors + d.serverErrors;

/** Requests per UTC day, one bar each, stacked by status class; today (the last day) is marked. */
export function UsageChart({ days }: { days: DailyUsage[] }) {
  const fmt = useFormat();
  const t = useTranslations('developers.usageChart');
  const sum = days.reduce((s, d) => s + total(d), 0);
  const today = days.at(-1)?.day;
  const dayLabel = (day: string) => (day === today ? t('todayLabel', { day: fmt.weekdayDay(day) }) : fmt.weekdayDay(day));
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId="usage-chart" height={240}>
        <BarChart data={days} margin={{ top: 22, right: 16, bottom: 0, left: 0 }} barCategoryGap="15%" title={t('title', { count: sum, total: fmt.number(sum), days: days.length })}>
          <CartesianGrid {...gridProps} />
          {today ? <ReferenceArea x1={today} x2={today} fill={CHART_COLORS.muted} fillOpacity={0.18} label={<EndMarkerLabel value={t('today')} />} /> : null}
          <XAxis dataKey="day" {...axisProps} tickFormatter={(value: string) => fmt.shortDay(value)} interval="preserveStartEnd" minTickGap={20} />
          <YAxis {...axisProps} allowDecimals={false} width={40} tickFormatter={(value: number) => fmt.compact(value)} />
          <Tooltip
            cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.6 }}
            content={(props) => <ChartTooltip {...props} formatLabel={dayLabel} formatValue={(value) => fmt.number(value)} />}
          />
          {SERIES.map((series, index) => (
            <Bar key={series.key} dataKey={series.key} name={series.label} stackId="requests" fill={series.color} radius={index === SERIES.length - 1 ? [2, 2, 0, 0] : undefined} />
          ))}
        </BarChart>
      </ChartFrame>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend series={SERIES} />
        <span className="text-xs text-slate-600">{t('utcNote')}</span>
      </figcaption>
      <ChartDataTable
        caption={t('tableCaption')}
        columns={[t('day'), ...SERIES.map((s) => s.label)]}
        rows={days.map((day) => ({ key: day.day, cells: [dayLabel(day.day), ...SERIES.map((s) => fmt.number(day[s.key]))] }))}
      />
    </figure>
  );
}
