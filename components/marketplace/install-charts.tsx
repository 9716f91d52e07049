'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART_COLORS, ChartDataTable, ChartFrame, ChartLegend, ChartTooltip, gridProps } from '@/components/ui/chart';
import { useFormat } from '@/lib/format/format-context';
import type { DailyInstallStats } from '@/lib/marketplace/install-stats';

const INSTALL_SERIES = [
  { key: 'installs', label: 'installs', color: CHART_COLORS.ok },
  { key: 'uninstalls', label: 'uninstalls', color: CHART_COLORS.error },
  { key: 'active', label: 'active', color: CHART_COLORS.marker },
] as const;

const REQUEST_SERIES = [
  { key: 'succeeded', label: 'succeeded', color: CHART_COLORS.ok },
  { key: 'errors', label: 'errors', color: CHART_COLORS.warning },
] as const;

type ChartWords = ReturnType<typeof useTranslations<'marketplacePartner.charts'>>;

/** The series with their names in the reader's words. */
const named = (series: readonly { key: string; label: 'installs' | 'uninstalls' | 'active' | 'succeeded' | 'errors'; color: string }[], t: ChartWords) =>
  series.map((entry) => ({ ...entry, label: t(entry.label) }));

/** Installs and uninstalls per UTC day (bars) and the active installs at each day's end (line). */
export function InstallsChart({ days }: { days: Pick<DailyInstallStats, 'day' | 'installs' | 'uninstalls' | 'active'>[] }) {
  const t = useTranslations('marketplacePartner.charts');
  const fmt = useFormat();
  const series = named(INSTALL_SERIES, t);
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId="installs-chart" height={240}>
        <ComposedChart data={days} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} title={t('installsTitle')}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="day" {...axisProps} tickFormatter={(value: string) => fmt.shortDay(value)} interval="preserveStartEnd" minTickGap={20} />
          <YAxis {...axisProps} allowDecimals={false} width={40} tickFormatter={(value: number) => fmt.compact(value)} />
          <Tooltip cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.6 }} content={(props) => <ChartTooltip {...props} formatLabel={(day) => fmt.weekdayDay(day)} formatValue={(value) => fmt.number(value)} />} />
          <Bar dataKey="installs" name={t('installs')} fill={CHART_COLORS.ok} radius={[2, 2, 0, 0]} />
          <Bar dataKey="uninstalls" name={t('uninstalls')} fill={CHART_COLORS.error} radius={[2, 2, 0, 0]} />
          <Line dataKey="active" name={t('active')} stroke={CHART_COLORS.marker} strokeWidth={2} dot={false} type="stepAfter" />
        </ComposedChart>
      </ChartFrame>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend series={series} />
        <span className="text-xs text-slate-600">{t('utcDays')}</span>
      </figcaption>
      <ChartDataTable
        caption={t('installsTitle')}
        columns={[t('day'), ...series.map((s) => s.label)]}
        rows={days.map((day) => ({ key: day.day, cells: [fmt.weekdayDay(day.day), ...INSTALL_SERIES.map((s) => fmt.number(day[s.key]))] }))}
      />
    </figure>
  );
}

/** API requests made with the app's installation tokens per UTC day, split by outcome. */
export function RequestsChart({ days }: { days: DailyInstallStats[] }) {
  const t = useTranslations('marketplacePartner.charts');
  const fmt = useFormat();
  const series = named(REQUEST_SERIES, t);
  const data = days.map((day) => ({ day: day.day, succeeded: day.requests - day.errors, errors: day.errors }));
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId="requests-chart" height={200}>
        <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} barCategoryGap="15%" title={t('requestsTitle')}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="day" {...axisProps} tickFormatter={(value: string) => fmt.shortDay(value)} interval="preserveStartEnd" minTickGap={20} />
          <YAxis {...axisProps} allowDecimals={false} width={40} tickFormatter={(value: number) => fmt.compact(value)} />
          <Tooltip cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.6 }} content={(props) => <ChartTooltip {...props} formatLabel={(day) => fmt.weekdayDay(day)} formatValue={(value) => fmt.number(value)} />} />
          {series.map((entry, index) => (
            <Bar key={entry.key} dataKey={entry.key} name={entry.label} stackId="requests" fill={entry.color} radius={index === series.length - 1 ? [2, 2, 0, 0] : undefined} />
          ))}
        </BarChart>
      </ChartFrame>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend series={series} />
        <span className="text-xs text-slate-600">{t('utcDays')}</span>
      </figcaption>
      <ChartDataTable
        caption={t('requestsTitle')}
        columns={[t('day'), ...series.map((s) => s.label)]}
        rows={data.map((day) => ({ key: day.day, cells: [fmt.weekdayDay(day.day), ...REQUEST_SERIES.map((s) => fmt.number(day[s.key]))] }))}
      />
    </figure>
  );
}
