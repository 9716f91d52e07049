'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { GoalCard } from '@/components/goals/goal-card';
import { fetchGoals, goalKeys } from '@/components/goals/goal-requests';
import { buttonClass } from '@/components/ui/button';
import type { GoalSummary } from '@/lib/goals/goal-schema';

/** The team's goals, for its members and admins; fetched here when the viewer has just joined. */
export function TeamGoals({ teamId, initial, canCreate }: { teamId: string; initial: GoalSummary[] | null; canCreate: boolean }) {
  const t = useTranslations('teamDetail.goals');
  const { data: goals, isError } = useQuery({ queryKey: goalKeys.team(teamId), queryFn: () => fetchGoals({ teamId }), initialData: initial ?? undefined });
  return (
    <section aria-labelledby="team-goals-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="team-goals-heading" className="text-lg font-semibold text-slate-900">
          {t('heading')}
        </h2>
        {canCreate ? (
          <Link href={`/goals?new=1&team=${encodeURIComponent(teamId)}`} className={buttonClass('secondary')}>
            {t('new')}
          </Link>
        ) : null}
      </div>
      {!goals ? (
        <p className="text-sm text-slate-600">{isError ? t('loadFailed') : t('loading')}</p>
      ) : goals.length ? (
        <ul aria-label={t('heading')} className="flex flex-col gap-3">
          {goals.map((goal) => (
            <GoalCard key={goal.id} goal={goal} />
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">{t('empty')}</p>
      )}
    </section>
  );
}
