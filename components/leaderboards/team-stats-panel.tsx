'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useLive } from '@/components/live/live-context';
import { axisProps, CHART_COLORS, ChartDataTable, ChartFrame, ChartLegend, ChartTooltip, gridProps } from '@/components/ui/chart';
import { useChartDirection } from '@/components/dashboard/chart-direction';
import { useFormat } from '@/lib/format/format-context';
import type { TeamStats } from '@/lib/leaderboards/team-stats';
import { changesLeaderboards, fetchTeamStats, leaderboardKeys } from './leaderboard-requests';

interface Props {
  initial: TeamStats;
  /** Link to the team's leaderboard (leaderboards on in the workspace). */
  showLeaderboardLink: boolean;
}

/** No figure yet (a dash, the same in every language). */
const DASH = '—';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold wrap-anywhere text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** A team's statistics: members, goals by state, and the completion rate week by week. */
export function TeamStatsPanel({ initial, showLeaderboardLink }: Props) {
  const fmt = useFormat();
  const t = useTranslations('leaderboards.stats');
  const direction = useChartDirection();
  const queryClient = useQueryClient();
  const key = leaderboardKeys.teamStats(initial.teamId);
  const { data: stats } = useQuery({ queryKey: key, queryFn: () => fetchTeamStats(initial.teamId), initialData: initial });
  useLive((message) => {
    if (!changesLeaderboards(message)) return;
    if (message.kind === 'event' && message.subject.teamId && message.subject.teamId !== initial.teamId) return;
    void queryClient.invalidateQueries({ queryKey: key });
  });

  const weeks = stats.goals?.weeks ?? [];
  const latest = weeks.at(-1);
  const data = weeks.map((w) => ({ weekStart: w.weekStart, rate: w.rate === null ? null : Math.round(w.rate * 1000) / 10 }));
  const weekOf = (weekStart: string) => t(weekStart === latest?.weekStart ? 'weekOfCurrent' : 'weekOf', { date: fmt.day(weekStart) });
  const weekCount = { weekCount: weeks.length, weeks: fmt.number(weeks.length) };
  const rate = t('rate');
  return (
    <section aria-labelledby="team-stats-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="team-stats">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="team-stats-heading" className="text-lg font-semibold text-slate-900">
          {t('heading')}
        </h2>
        {showLeaderboardLink ? (
          <Link href={`/leaderboards?team=${encodeURIComponent(stats.teamId)}`} className="text-sm font-medium text-brand-text underline">
            {t('leaderboard')}
          </Link>
        ) : null}
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure label={t('members')} value={fmt.number(stats.memberCount)} testId="stat-members" />
        {stats.goals ? (
          <>
            <Figure label={t('active')} value={fmt.number(stats.goals.active)} testId="stat-active" />
            <Figure label={t('completed')} value={fmt.number(stats.goals.completed)} testId="stat-completed" />
            <Figure label={rate} value={latest?.rate == null ? DASH : fmt.percent(latest.rate)} testId="stat-rate" />
          </>
        ) : null}
      </dl>
      {stats.goals && weeks.some((w) => w.total > 0) ? (
        <figure className="mt-6 flex min-w-0 flex-col gap-3">
          <ChartFrame testId="team-completion-chart" height={220} className={direction.frameClassName}>
            <LineChart data={data} margin={direction.margin({ top: 12, right: 12, bottom: 0, left: 0 })} title={t('chartTitle', weekCount)}>
              <CartesianGrid {...gridProps} />
              <XAxis dataKey="weekStart" {...axisProps} {...direction.xAxis} tickFormatter={(value: string) => fmt.shortDay(value)} interval="preserveStartEnd" minTickGap={16} />
              <YAxis {...axisProps} {...direction.yAxis} domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={44} tickFormatter={(value: number) => fmt.percent(value / 100)} />
              <Tooltip content={(props) => <ChartTooltip {...props} formatLabel={(value) => weekOf(String(value))} formatValue={(value) => fmt.percent(value / 100)} />} />
              <Line type="monotone" dataKey="rate" name={rate} stroke={CHART_COLORS.brand} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
            </LineChart>
          </ChartFrame>
          <figcaption>
            <ChartLegend series={[{ key: 'rate', label: t('legend'), color: CHART_COLORS.brand }]} />
          </figcaption>
          <ChartDataTable
            caption={t('tableCaption', weekCount)}
            columns={[t('weekColumn'), t('completedThatWeek'), t('completedOfAllColumn'), rate]}
            rows={weeks.map((w) => ({ key: w.weekStart, cells: [weekOf(w.weekStart), fmt.number(w.completed), t('completedOfAll', { completed: fmt.number(w.completedTotal), total: fmt.number(w.total) }), w.rate === null ? DASH : fmt.percent(w.rate)] }))}
          />
        </figure>
      ) : stats.goals ? (
        <p className="mt-4 text-sm text-slate-600">{t('none')}</p>
      ) : null}
    </section>
  );
}
