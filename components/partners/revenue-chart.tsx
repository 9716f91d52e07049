'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART_COLORS, ChartDataTable, ChartFrame, ChartLegend, ChartTooltip, gridProps } from '@/components/ui/chart';
import { useFormat } from '@/lib/format/format-context';
import type { RevenueMonth } from '@/lib/partners/analytics/revenue';

/**
 * The partner's net revenue share per month (refunds already taken off; a month can be
 * negative), in one currency (`currency`, ISO 4217): revenue in several currencies gets one
 * chart each. Without a currency (no revenue yet) the amounts, all zero, show as plain numbers.
 */
export function RevenueChart({ months, currency }: { months: RevenueMonth[]; currency: string | null }) {
  const t = useTranslations('partnerApps.charts');
  const fmt = useFormat();
  const series = [{ key: 'netCents', label: t('netRevenue'), color: CHART_COLORS.ok }] as const;
  const total = months.reduce((sum, m) => sum + m.netCents, 0);
  const money = (cents: number) => (currency ? fmt.money(cents, currency) : fmt.number(cents / 100));
  // Axis ticks in whole units, short: "$1.2K".
  const compact = new Intl.NumberFormat(fmt.settings.locale, { ...(currency ? { style: 'currency', currency: currency.toUpperCase() } : {}), notation: 'compact', maximumFractionDigits: 1 });
  const axisMoney = (cents: number) => compact.format(Math.round(cents / 100));
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId="revenue-chart" height={220}>
        <BarChart data={months} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} title={t('revenueTitle', { total: money(total), months: months.length })}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="month" {...axisProps} tickFormatter={(value: string) => fmt.month(value)} interval="preserveStartEnd" minTickGap={16} />
          <YAxis {...axisProps} width={56} tickFormatter={axisMoney} />
          <ReferenceLine y={0} stroke={CHART_COLORS.muted} />
          <Tooltip cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.6 }} content={(props) => <ChartTooltip {...props} formatLabel={(month) => fmt.month(month)} formatValue={(value) => money(value)} />} />
          <Bar dataKey="netCents" name={t('netRevenue')} fill={CHART_COLORS.ok} radius={[2, 2, 0, 0]} />
        </BarChart>
      </ChartFrame>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend series={series} />
        <span className="text-xs text-slate-600">{t('revenueNote')}</span>
      </figcaption>
      <ChartDataTable
        caption={t('revenueCaption')}
        columns={[t('month'), t('appSales'), t('refunds'), t('netRevenue')]}
        rows={months.map((m) => ({ key: m.month, cells: [fmt.month(m.month), money(m.grossSalesCents), money(m.reversedCents), money(m.netCents)] }))}
      />
    </figure>
  );
}
