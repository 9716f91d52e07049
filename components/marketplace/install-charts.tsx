'use client';

import { Bar, BarChart, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART_COLORS, ChartDataTable, ChartFrame, ChartLegend, ChartTooltip, gridProps } from '@/components/ui/chart';
import { useFormat } from '@/lib/format/format-context';
import type { DailyInstallStats } from '@/lib/marketplace/install-stats';

const INSTALL_SERIES = [
  { key: 'installs', label: 'Installs', color: CHART_COLORS.ok },
  { key: 'uninstalls', label: 'Uninstalls', color: CHART_COLORS.error },
  { key: 'active', label: 'Active installs', color: CHART_COLORS.marker },
] as const;

const REQUEST_SERIES = [
  { key: 'succeeded', label: 'Succeeded', color: CHART_COLORS.ok },
  { key: 'errors', label: 'Errors (4xx/5xx)', color: CHART_COLORS.warning },
] as const;

/** Installs and uninstalls per UTC day (bars) and the active installs at each day's end (line). */
export function InstallsChart({ days }: { days: Pick<DailyInstallStats, 'day' | 'installs' | 'uninstalls' | 'active'>[] }) {
  const fmt = useFormat();
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId="installs-chart" height={240}>
        <ComposedChart data={days} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} title="Installs, uninstalls and active installs per day">
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="day" {...axisProps} tickFormatter={(value: string) => fmt.shortDay(value)} interval="preserveStartEnd" minTickGap={20} />
          <YAxis {...axisProps} allowDecimals={false} width={40} tickFormatter={(value: number) => fmt.compact(value)} />
          <Tooltip cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.6 }} content={(props) => <ChartTooltip {...props} formatLabel={(day) => fmt.weekdayDay(day)} formatValue={(value) => fmt.number(value)} />} />
          <Bar dataKey="installs" name="Installs" fill={CHART_COLORS.ok} radius={[2, 2, 0, 0]} />
          <Bar dataKey="uninstalls" name="Uninstalls" fill={CHART_COLORS.error} radius={[2, 2, 0, 0]} />
          <Line dataKey="active" name="Active installs" stroke={CHART_COLORS.marker} strokeWidth={2} dot={false} type="stepAfter" />
        </ComposedChart>
      </ChartFrame>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend series={INSTALL_SERIES} />
        <span className="text-xs text-slate-600">Days in UTC.</span>
      </figcaption>
      <ChartDataTable
        caption="Installs, uninstalls and active installs per day"
        columns={['Day', ...INSTALL_SERIES.map((s) => s.label)]}
        rows={days.map((day) => ({ key: day.day, cells: [fmt.weekdayDay(day.day), ...INSTALL_SERIES.map((s) => fmt.number(day[s.key]))] }))}
      />
    </figure>
  );
}

/** API requests made with the app's installation tokens per UTC day, split by outcome. */
export function RequestsChart({ days }: { days: DailyInstallStats[] }) {
  const fmt = useFormat();
  const data = days.map((day) => ({ day: day.day, succeeded: day.requests - day.errors, errors: day.errors }));
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId="requests-chart" height={200}>
        <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} barCategoryGap="15%" title="API requests per day">
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="day" {...axisProps} tickFormatter={(value: string) => fmt.shortDay(value)} interval="preserveStartEnd" minTickGap={20} />
          <YAxis {...axisProps} allowDecimals={false} width={40} tickFormatter={(value: number) => fmt.compact(value)} />
          <Tooltip cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.6 }} content={(props) => <ChartTooltip {...props} formatLabel={(day) => fmt.weekdayDay(day)} formatValue={(value) => fmt.number(value)} />} />
          {REQUEST_SERIES.map((series, index) => (
            <Bar key={series.key} dataKey={series.key} name={series.label} stackId="requests" fill={series.color} radius={index === REQUEST_SERIES.length - 1 ? [2, 2, 0, 0] : undefined} />
          ))}
        </BarChart>
      </ChartFrame>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <ChartLegend series={REQUEST_SERIES} />
        <span className="text-xs text-slate-600">Days in UTC.</span>
      </figcaption>
      <ChartDataTable
        caption="API requests per day"
        columns={['Day', ...REQUEST_SERIES.map((s) => s.label)]}
        rows={data.map((day) => ({ key: day.day, cells: [fmt.weekdayDay(day.day), ...REQUEST_SERIES.map((s) => fmt.number(day[s.key]))] }))}
      />
    </figure>
  );
}
