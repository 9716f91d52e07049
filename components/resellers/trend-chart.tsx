'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART_COLORS, ChartDataTable, ChartFrame, ChartLegend, ChartTooltip, gridProps } from '@/components/ui/chart';
import { useFormat } from '@/lib/format/format-context';
import type { MonthPoint } from '@/lib/resellers/dashboard';

/**
 * Sales and commission per month, side by side; the current month (the last) is marked. All
 * in one currency (`currency`, ISO 4217): a reseller paid in several gets one chart for each.
 * Without a currency (nothing earned yet) the amounts, all zero, show as plain numbers.
 */
export function TrendChart({ points, currency }: { points: MonthPoint[]; currency: string | null }) {
  const t = useTranslations('reseller.trend');
  const fmt = useFormat();
  const series = [
    { key: 'salesCents', label: t('clientSales'), color: CHART_COLORS.muted },
    { key: 'commissionCents', label: t('yourCommission'), color: CHART_COLORS.ok },
  ] as const;
  const total = points.reduce((sum, p) => sum + p.commissionCents, 0);
  const current = points.at(-1)?.month;
  const money = (cents: number) => (currency ? fmt.money(cents, currency) : fmt.number(cents / 100));
  const monthLabel = (month: string) => (month === current ? t('thisMonthLabel', { month: fmt.month(month) }) : fmt.month(month));
  // Axis ticks in whole units, short: "$1.2K".
  const compact = new Intl.NumberFormat(fmt.settings.locale, { ...(currency ? { style: 'currency', currency: currency.toUpperCase() } : {}), notation: 'compact', maximumFractionDigits: 1 });
  const axisMoney = (cents: number) => compact.format(Math.round(cents / 100));
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId="trend-chart" height={240}>
        <BarChart data={points} margin={{ top: 22, right: 4, bottom: 0, left: 0 }} title={t('title', { total: money(total), months: points.length })}>
          <CartesianGrid {...gridProps} />
          {current ? <ReferenceArea x1={current} x2={current} fill={CHART_COLORS.muted} fillOpacity={0.15} label={{ value: t('thisMonth'), position: 'top', fontSize: 12, fill: CHART_COLORS.text }} /> : null}
          <XAxis dataKey="month" {...axisProps} tickFormatter={(value: string) => fmt.month(value)} interval="preserveStartEnd" minTickGap={16} />
          <YAxis {...axisProps} width={56} tickFormatter={axisMoney} />
          <Tooltip cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.6 }} content={(props) => <ChartTooltip {...props} formatLabel={monthLabel} formatValue={(value) => money(value)} />} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} radius={[2, 2, 0, 0]} />
          ))}
        </BarChart>
      </ChartFrame>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend series={series} />
        <span className="text-xs text-slate-600">{t('utc')}</span>
      </figcaption>
      <ChartDataTable
        caption={t('caption')}
        columns={[t('month'), t('clientSales'), t('commission')]}
        rows={points.map((point) => ({ key: point.month, cells: [monthLabel(point.month), money(point.salesCents), money(point.commissionCents)] }))}
      />
    </figure>
  );
}
