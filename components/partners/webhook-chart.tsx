'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART_COLORS, ChartDataTable, ChartFrame, ChartLegend, ChartTooltip, gridProps } from '@/components/ui/chart';
import { useFormat } from '@/lib/format/format-context';
import type { WebhookDay } from '@/lib/partners/analytics/webhooks';

/** Webhook deliveries to the app per UTC day, stacked by outcome. */
export function WebhookChart({ days }: { days: WebhookDay[] }) {
  const t = useTranslations('partnerApps.charts');
  const fmt = useFormat();
  const series = [
    { key: 'succeeded', label: t('delivered'), color: CHART_COLORS.ok },
    { key: 'retrying', label: t('retrying'), color: CHART_COLORS.warning },
    { key: 'failed', label: t('failed'), color: CHART_COLORS.error },
  ] as const;
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId="webhook-chart" height={200}>
        <BarChart data={days} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} barCategoryGap="15%" title={t('webhooksTitle')}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="day" {...axisProps} tickFormatter={(value: string) => fmt.shortDay(value)} interval="preserveStartEnd" minTickGap={20} />
          <YAxis {...axisProps} allowDecimals={false} width={40} tickFormatter={(value: number) => fmt.compact(value)} />
          <Tooltip cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.6 }} content={(props) => <ChartTooltip {...props} formatLabel={(day) => fmt.weekdayDay(day)} formatValue={(value) => fmt.number(value)} />} />
          {series.map((s, index) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="deliveries" fill={s.color} radius={index === series.length - 1 ? [2, 2, 0, 0] : undefined} />
          ))}
        </BarChart>
      </ChartFrame>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend series={series} />
        <span className="text-xs text-slate-600">{t('daysUtc')}</span>
      </figcaption>
      <ChartDataTable
        caption={t('webhooksTitle')}
        columns={[t('day'), ...series.map((s) => s.label)]}
        rows={days.map((d) => ({ key: d.day, cells: [fmt.weekdayDay(d.day), ...series.map((s) => fmt.number(d[s.key]))] }))}
      />
    </figure>
  );
}
