'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, CHART_COLORS, ChartDataTable, ChartFrame, ChartLegend, ChartTooltip, EndMarkerLabel, gridProps } from '@/components/ui/chart';
import { StartMarkerLabel, useChartDirection } from '@/components/dashboard/chart-direction';
import { useFormat } from '@/lib/format/format-context';
import type { GoalDetail } from '@/lib/goals/goal-schema';

/** Progress over time: a step line from 0 at creation through every logged change, with today marked. */
export function ProgressChart({ goal }: { goal: GoalDetail }) {
  const fmt = useFormat();
  const t = useTranslations('goalDetail.chart');
  const direction = useChartDirection();
  // Read once per mount: the chart is drawn in the browser only (Recharts measures it there).
  const [now] = useState(() => Date.now());
  const points = goal.progressHistory.map((p) => ({ t: new Date(p.at).getTime(), progress: p.progress }));
  if (points.length < 2) return null;
  // The line runs on to today at the latest value, so a stalled goal reads as flat, not ended.
  const last = points[points.length - 1];
  const data = now > last.t ? [...points, { t: now, progress: last.progress }] : points;
  // Within two days the ticks say the time, beyond that the day.
  const short = data[data.length - 1].t - data[0].t < 2 * 86_400_000;
  const series = [{ key: 'progress', label: t('series'), color: CHART_COLORS.brand }];
  const today = t('today');
  return (
    <section aria-labelledby="progress-chart-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="progress-chart-heading" className="text-lg font-semibold text-slate-900">
        {t('heading')}
      </h2>
      <figure className="mt-4 flex min-w-0 flex-col gap-3">
        <ChartFrame testId="progress-chart" height={220} className={direction.frameClassName}>
          <LineChart data={data} margin={direction.margin({ top: 22, right: 12, bottom: 0, left: 0 })} title={t('title', { title: goal.title, progress: fmt.percent(goal.progress / 100) })}>
            <CartesianGrid {...gridProps} />
            <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} {...axisProps} {...direction.xAxis} tickFormatter={(value: number) => (short ? fmt.time(new Date(value)) : fmt.shortDate(new Date(value)))} minTickGap={24} />
            <YAxis {...axisProps} {...direction.yAxis} domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={44} tickFormatter={(value: number) => fmt.percent(value / 100)} />
            <ReferenceLine x={data[data.length - 1].t} stroke={CHART_COLORS.marker} strokeDasharray="4 3" label={direction.rtl ? <StartMarkerLabel value={today} /> : <EndMarkerLabel value={today} />} />
            <Tooltip
              content={(props) => <ChartTooltip {...props} formatLabel={(value) => fmt.dateTime(new Date(Number(value)))} formatValue={(value) => fmt.percent(value / 100)} />}
            />
            <Line type="stepAfter" dataKey="progress" name={t('series')} stroke={CHART_COLORS.brand} strokeWidth={2} dot={{ r: 3 }} activeDot={{ r: 5 }} isAnimationActive={false} />
          </LineChart>
        </ChartFrame>
        <figcaption>
          <ChartLegend series={series} />
        </figcaption>
        <ChartDataTable
          caption={t('tableCaption', { title: goal.title })}
          columns={[t('when'), t('progress')]}
          rows={points.map((p, index) => ({ key: `${p.t}-${index}`, cells: [fmt.dateTime(new Date(p.t)), fmt.percent(p.progress / 100)] }))}
        />
      </figure>
    </section>
  );
}
