'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useLive } from '@/components/live/live-context';
import { cn } from '@/components/ui/cn';
import { SelectField } from '@/components/ui/select-field';
import { term, type Terminology } from '@/lib/branding/terminology';
import { useFormat } from '@/lib/format/format-context';
import type { Leaderboard } from '@/lib/leaderboards/leaderboards';
import { PERIOD_LABELS, PERIODS, type Period } from '@/lib/leaderboards/periods';
import { METRICS, type BoardRow, type Metric } from '@/lib/leaderboards/ranking';
import { changesLeaderboards, fetchLeaderboard, leaderboardKeys } from './leaderboard-requests';

export interface BoardChoice {
  /** null: the whole workspace. */
  teamId: string | null;
  label: string;
}

interface Props {
  initial: Leaderboard;
  /** The workspace and the teams the viewer can see. */
  choices: BoardChoice[];
  terminology: Terminology;
  initialMetric?: Metric;
}

export function metricLabels(t: Terminology): Record<Metric, string> {
  return {
    goalsCompleted: `${term(t, 'goals', true)} completed`,
    contribution: `Contribution to ${term(t, 'team')} ${term(t, 'goals')}`,
    consistency: `${term(t, 'habit', true)} consistency`,
    streak: 'Longest current streak',
  };
}

const STREAK_UNITS = {
  days: { one: 'day', other: 'days' },
  occurrences: { one: 'time in a row', other: 'times in a row' },
  weeks: { one: 'week', other: 'weeks' },
} as const;

/** The workspace's or a team's leaderboard: pick the board, the period and what to rank by. */
export function LeaderboardView({ initial, choices, terminology, initialMetric = 'goalsCompleted' }: Props) {
  const fmt = useFormat();
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

  const labels = metricLabels(terminology);
  const board = data?.boards[metric];
  const choiceLabel = choices.find((c) => c.teamId === teamId)?.label ?? 'Workspace';
  const caption = `${labels[metric]}, ${PERIOD_LABELS[period].toLowerCase()}: ${choiceLabel}`;

  function value(row: BoardRow): string {
    switch (metric) {
      case 'goalsCompleted':
        return fmt.number(row.goalsCompleted);
      case 'contribution':
        return `${fmt.signed(row.contribution)} pts`;
      case 'consistency':
        return row.consistency === null ? '—' : fmt.percent(row.consistency);
      case 'streak':
        return row.streak ? fmt.plural(row.streak.current, STREAK_UNITS[row.streak.unit]) : '—';
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
        {choices.length > 1 ? (
          <SelectField
            label="Board"
            name="board"
            value={teamId ?? ''}
            onChange={(e) => setTeamId(e.target.value || null)}
            options={choices.map((c) => ({ value: c.teamId ?? '', label: c.label }))}
            className="sm:w-56"
          />
        ) : null}
        <SelectField label="Rank by" name="metric" value={metric} onChange={(e) => setMetric(e.target.value as Metric)} options={METRICS.map((m) => ({ value: m, label: labels[m] }))} className="sm:w-64" />
        <div role="group" aria-label="Period" className="inline-flex w-full rounded-md border border-slate-300 bg-white p-0.5 shadow-sm sm:w-auto">
          {PERIODS.map((p) => (
            <button
              key={p}
              type="button"
              aria-pressed={p === period}
              onClick={() => setPeriod(p)}
              className={cn('flex-1 rounded px-3 py-1.5 text-sm font-medium whitespace-nowrap sm:flex-none', p === period ? 'bg-brand text-brand-fg' : 'text-slate-700 hover:bg-slate-100')}
            >
              {PERIOD_LABELS[p]}
            </button>
          ))}
        </div>
      </div>

      {data?.viewerOptedOut ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" data-testid="opted-out-note">
          You keep out of leaderboards: nobody else sees you here, and you see your own figures unranked.{' '}
          <Link href="/account" className="font-medium text-brand-text underline">
            Change this in your account
          </Link>
          .
        </p>
      ) : null}

      {isError ? <p className="text-sm text-red-600">The leaderboard could not be loaded. It will try again.</p> : null}

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" aria-busy={isFetching || undefined}>
        <table className="w-full text-left text-sm" data-testid="leaderboard-table">
          <caption className="px-4 pt-3 pb-1 text-left text-sm font-semibold text-slate-900">{caption}</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase">
            <tr>
              <th scope="col" className="w-14 px-4 py-2 font-semibold">
                Rank
              </th>
              <th scope="col" className="px-2 py-2 font-semibold">
                Member
              </th>
              <th scope="col" className="px-4 py-2 text-right font-semibold" aria-sort="descending">
                {labels[metric]}
              </th>
            </tr>
          </thead>
          <tbody>
            {board && board.rows.length > 0 ? (
              board.rows.map((row) => (
                <tr key={row.userId} className={cn('border-b border-slate-100 last:border-0', row.isViewer && 'bg-brand/5')} data-testid="leaderboard-row" data-user-id={row.userId}>
                  <td className="px-4 py-2 font-semibold text-slate-900 tabular-nums" data-rank={row.rank ?? ''}>
                    {row.rank ?? (
                      <>
                        <span aria-hidden>—</span>
                        <span className="sr-only">Not ranked</span>
                      </>
                    )}
                  </td>
                  <th scope="row" className="min-w-0 px-2 py-2 font-medium text-slate-900">
                    <span className="break-words">{row.name}</span>
                    {row.isViewer ? <span className="ml-1 font-normal text-slate-600">(you)</span> : null}
                    {row.isViewer && row.optedOut ? <span className="block text-xs font-normal text-slate-600">Only you see this row</span> : null}
                    {metric === 'streak' && row.streak && row.streak.current > 0 ? (
                      <span className="block text-xs font-normal text-slate-600">{row.streak.habitName ?? (row.isViewer ? `One of your ${term(terminology, 'habits')}` : `A ${term(terminology, 'habit')}`)}</span>
                    ) : null}
                  </th>
                  <td className="px-4 py-2 text-right font-semibold whitespace-nowrap text-slate-900 tabular-nums" data-testid="leaderboard-value">
                    {value(row)}
                  </td>
                </tr>
              ))
            ) : (
              <tr>
                <td colSpan={3} className="px-4 py-6 text-center text-slate-600">
                  Nobody on this board yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {data ? (
        <p className="text-xs text-slate-500">
          {data.from ? `Since ${fmt.day(data.from)}` : 'All time'}, up to today ({fmt.day(data.today)}). {fmt.plural(data.memberCount, { one: 'member', other: 'members' })} on this board.{' '}
          {metric === 'consistency' ? `Share of scheduled days logged, counted from the day each ${term(terminology, 'habit')} was made; today counts once logged.` : null}
          {metric === 'contribution' ? `Progress points added to ${term(terminology, 'team')} ${term(terminology, 'goals')}.` : null}
        </p>
      ) : null}
    </div>
  );
}
