'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useLive } from '@/components/live/live-context';
import { cn } from '@/components/ui/cn';
import { SelectField } from '@/components/ui/select-field';
import { useFormat } from '@/lib/format/format-context';
import type { Leaderboard } from '@/lib/leaderboards/leaderboards';
import { PERIODS, type Period } from '@/lib/leaderboards/periods';
import { METRICS, type BoardRow, type Metric } from '@/lib/leaderboards/ranking';
import { changesLeaderboards, fetchLeaderboard, leaderboardKeys } from './leaderboard-requests';

/** What a board shows where there is no figure or no rank (a dash, the same in every language). */
const DASH = '—';

export interface BoardChoice {
  /** null: the whole workspace. */
  teamId: string | null;
  label: string;
}

interface Props {
  initial: Leaderboard;
  /** The workspace and the teams the viewer can see. */
  choices: BoardChoice[];
  initialMetric?: Metric;
}

/** The workspace's or a team's leaderboard: pick the board, the period and what to rank by. */
export function LeaderboardView({ initial, choices, initialMetric = 'goalsCompleted' }: Props) {
  const fmt = useFormat();
  const t = useTranslations('leaderboards');
  const queryClient = useQueryClient();
  const [teamId, setTeamId] = useState<string | null>(initial.scope.kind === 'team' ? initial.scope.teamId : null);
  const [period, setPeriod] = useState<Period>(initial.period);
  const [metric, setMetric] = useState<Metric>(initialMetric);
  const initialKey = leaderboardKeys.board(initial.scope.kind === 'team' ? initial.scope.teamId : null, initial.period);
  const key = leaderboardKeys.board(teamId, period);
  const { data, isFetching, isError } = useQuery({
    queryKey: key,
    queryFn: () => fetchLeaderboard(teamId, period),
    initialData: JSON.stringify(key) === JSON.stringify(initialKey) ? initial : undefined,
    placeholderData: keepPreviousData,
    // Events the viewer may not see (a private habit logged) move figures too: refetch now and then.
    refetchInterval: 60_000,
  });
  useLive((message) => {
    if (changesLeaderboards(message)) void queryClient.invalidateQueries({ queryKey: leaderboardKeys.all });
  });

  const label = (m: Metric) => t(`metrics.${m}`);
  const board = data?.boards[metric];
  const choiceLabel = choices.find((c) => c.teamId === teamId)?.label ?? t('workspace');
  const caption = t('caption', { metric: label(metric), period, board: choiceLabel });

  function value(row: BoardRow): string {
    switch (metric) {
      case 'goalsCompleted':
        return fmt.number(row.goalsCompleted);
      case 'contribution':
        return t('points', { points: fmt.signed(row.contribution) });
      case 'consistency':
        return row.consistency === null ? DASH : fmt.percent(row.consistency);
      case 'streak':
        return row.streak ? t('streak', { unit: row.streak.unit, count: row.streak.current, n: fmt.number(row.streak.current) }) : DASH;
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
        {choices.length > 1 ? (
          <SelectField
            label={t('board')}
            name="board"
            value={teamId ?? ''}
            onChange={(e) => setTeamId(e.target.value || null)}
            options={choices.map((c) => ({ value: c.teamId ?? '', label: c.label }))}
            className="sm:w-56"
          />
        ) : null}
        <SelectField label={t('rankBy')} name="metric" value={metric} onChange={(e) => setMetric(e.target.value as Metric)} options={METRICS.map((m) => ({ value: m, label: label(m) }))} className="sm:w-64" />
        <div role="group" aria-label={t('period')} className="inline-flex w-full rounded-md border border-slate-300 bg-white p-0.5 shadow-sm sm:w-auto">
          {PERIODS.map((p) => (
            <button
              key={p}
              type="button"
              aria-pressed={p === period}
              onClick={() => setPeriod(p)}
              className={cn('flex-1 rounded px-3 py-1.5 text-sm font-medium whitespace-nowrap sm:flex-none', p === period ? 'bg-brand text-brand-fg' : 'text-slate-700 hover:bg-slate-100')}
            >
              {t(`periods.${p}`)}
            </button>
          ))}
        </div>
      </div>

      {data?.viewerOptedOut ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" data-testid="opted-out-note">
          {t.rich('optedOut', {
            link: (chunks) => (
              <Link href="/account" className="font-medium text-brand-text underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}

      {isError ? <p className="text-sm text-red-600">{t('loadFailed')}</p> : null}

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" aria-busy={isFetching || undefined}>
        <table className="w-full text-start text-sm" data-testid="leaderboard-table">
          <caption className="px-4 pt-3 pb-1 text-start text-sm font-semibold text-slate-900">{caption}</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase">
            <tr>
              <th scope="col" className="w-14 px-4 py-2 font-semibold">
                {t('rank')}
              </th>
              <th scope="col" className="px-2 py-2 font-semibold">
                {t('member')}
              </th>
              <th scope="col" className="px-4 py-2 text-end font-semibold" aria-sort="descending">
                {label(metric)}
              </th>
            </tr>
          </thead>
          <tbody>
            {board && board.rows.length > 0 ? (
              board.rows.map((row) => (
                <tr key={row.userId} className={cn('border-b border-slate-100 last:border-0', row.isViewer && 'bg-brand/5')} data-testid="leaderboard-row" data-user-id={row.userId}>
                  <td className="px-4 py-2 font-semibold text-slate-900 tabular-nums" data-rank={row.rank ?? ''}>
                    {row.rank != null ? fmt.number(row.rank) : (
                      <>
                        <span aria-hidden>{DASH}</span>
                        <span className="sr-only">{t('notRanked')}</span>
                      </>
                    )}
                  </td>
                  <th scope="row" className="min-w-0 px-2 py-2 font-medium text-slate-900">
                    <span className="break-words">{row.name}</span>
                    {row.isViewer ? <span className="ms-1 font-normal text-slate-600">{t('you')}</span> : null}
                    {row.isViewer && row.optedOut ? <span className="block text-xs font-normal text-slate-600">{t('onlyYou')}</span> : null}
                    {metric === 'streak' && row.streak && row.streak.current > 0 ? (
                      <span className="block text-xs font-normal text-slate-600">{row.streak.habitName ?? (row.isViewer ? t('oneOfYourHabits') : t('aHabit'))}</span>
                    ) : null}
                  </th>
                  <td className="px-4 py-2 text-end font-semibold whitespace-nowrap text-slate-900 tabular-nums" data-testid="leaderboard-value">
                    {value(row)}
                  </td>
                </tr>
              ))
            ) : (
              <tr>
                <td colSpan={3} className="px-4 py-6 text-center text-slate-600">
                  {t('empty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {data ? (
        <p className="text-xs text-slate-500">
          {data.from ? t('since', { from: fmt.day(data.from), today: fmt.day(data.today) }) : t('allTime', { today: fmt.day(data.today) })}{' '}
          {t('onBoard', { count: data.memberCount, n: fmt.number(data.memberCount) })}{' '}
          {metric === 'consistency' ? t('consistencyNote') : null}
          {metric === 'contribution' ? t('contributionNote') : null}
        </p>
      ) : null}
    </div>
  );
}
