'use client';

import { useTranslations } from 'next-intl';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART_COLORS, ChartDataTable, ChartFrame, ChartLegend, ChartTooltip, gridProps } from '@/components/ui/chart';
import { useFormat } from '@/lib/format/format-context';
import type { ApiCallDay } from '@/lib/partners/analytics/api-calls';

/** Median and 95th percentile response time of the app's calls per UTC day; gaps on days without calls. */
export function LatencyChart({ days }: { days: ApiCallDay[] }) {
  const t = useTranslations('partnerApps.charts');
  const fmt = useFormat();
  const series = [
    { key: 'p50', label: t('p50'), color: CHART_COLORS.brand },
    { key: 'p95', label: t('p95'), color: CHART_COLORS.warning },
  ] as const;
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId="latency-chart" height={200}>
        <LineChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} title={t('latencyTitle')}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="day" {...axisProps} tickFormatter={(value: string) => fmt.shortDay(value)} interval="preserveStartEnd" minTickGap={20} />
          <YAxis {...axisProps} width={40} tickFormatter={(value: number) => fmt.compact(value)} />
          <Tooltip content={(props) => <ChartTooltip {...props} formatLabel={(day) => fmt.weekdayDay(day)} formatValue={(value) => fmt.milliseconds(value)} />} />
          {series.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={days.length <= 31 ? { r: 2 } : false} connectNulls={false} />
          ))}
        </LineChart>
      </ChartFrame>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend series={series} />
        <span className="text-xs text-slate-600">{t('latencyNote')}</span>
      </figcaption>
      <ChartDataTable
        caption={t('latencyTitle')}
        columns={[t('day'), ...series.map((s) => s.label)]}
        rows={days.map((d) => ({ key: d.day, cells: [fmt.weekdayDay(d.day), fmt.milliseconds(d.p50), fmt.milliseconds(d.p95)] }))}
      />
    </figure>
  );
}
