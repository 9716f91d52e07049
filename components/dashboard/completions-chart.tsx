'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART_COLORS, ChartDataTable, ChartFrame, EndMarkerLabel, ChartLegend, ChartTooltip, gridProps } from '@/components/ui/chart';
import { useFormat } from '@/lib/format/format-context';
import { StartMarkerLabel, useChartDirection } from './chart-direction';

export interface WeekBar {
  /** The week's Monday, YYYY-MM-DD; the last week is the current one. */
  weekStart: string;
  habits: number;
  goals: number;
}

/** Stacked bars of habit logs and completed goals per week, with this week marked. */
export function CompletionsChart({ weeks, habitLabel, goalLabel }: { weeks: WeekBar[]; habitLabel: string; goalLabel: string }) {
  const fmt = useFormat();
  const t = useTranslations('dashboard.chart');
  const direction = useChartDirection();
  const series = [
    { key: 'habits', label: habitLabel, color: CHART_COLORS.brand },
    { key: 'goals', label: goalLabel, color: CHART_COLORS.accent },
  ] as const;
  const current = weeks.at(-1)?.weekStart;
  const total = weeks.reduce((sum, w) => sum + w.habits + w.goals, 0);
  const weekCount = { weekCount: weeks.length, weeks: fmt.number(weeks.length) };
  const weekOf = (weekStart: string) => t(weekStart === current ? 'weekOfCurrent' : 'weekOf', { date: fmt.day(weekStart) });
  const thisWeek = t('thisWeek');
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ChartFrame testId="completions-chart" height={240} className={direction.frameClassName}>
        <BarChart data={weeks} margin={direction.margin({ top: 22, right: 16, bottom: 0, left: 0 })} title={t('title', { count: total, total: fmt.number(total), ...weekCount })}>
          <CartesianGrid {...gridProps} />
          {current ? (
            <ReferenceArea
              x1={current}
              x2={current}
              fill={CHART_COLORS.muted}
              fillOpacity={0.18}
              label={direction.rtl ? <StartMarkerLabel value={thisWeek} /> : <EndMarkerLabel value={thisWeek} />}
              data-testid="this-week-marker"
            />
          ) : null}
          <XAxis dataKey="weekStart" {...axisProps} {...direction.xAxis} tickFormatter={(value: string) => fmt.shortDay(value)} interval="preserveStartEnd" minTickGap={16} />
          <YAxis {...axisProps} {...direction.yAxis} allowDecimals={false} width={36} tickFormatter={(value: number) => fmt.compact(value)} />
          <Tooltip
            cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.6 }}
            content={(props) => <ChartTooltip {...props} formatLabel={weekOf} formatValue={(value) => fmt.number(value)} />}
          />
          <Bar dataKey="habits" name={habitLabel} stackId="done" fill={series[0].color} />
          <Bar dataKey="goals" name={goalLabel} stackId="done" fill={series[1].color} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ChartFrame>
      <figcaption>
        <ChartLegend series={series}>
          <span className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-3 rounded-sm bg-slate-400/30" aria-hidden /> {thisWeek}
          </span>
        </ChartLegend>
      </figcaption>
      <ChartDataTable
        caption={t('tableCaption', weekCount)}
        columns={[t('weekColumn'), habitLabel, goalLabel]}
        rows={weeks.map((week) => ({ key: week.weekStart, cells: [weekOf(week.weekStart), fmt.number(week.habits), fmt.number(week.goals)] }))}
      />
    </figure>
  );
}
