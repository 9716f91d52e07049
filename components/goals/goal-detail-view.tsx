'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CommentThread } from '@/components/comments/comment-thread';
import { Button } from '@/components/ui/button';
import type { Terminology } from '@/lib/branding/terminology';
import { useFormat } from '@/lib/format/format-context';
import type { GoalDetail } from '@/lib/goals/goal-schema';
import { AssigneesPanel } from './assignees-panel';
import { ContributionsTable } from './contributions-table';
import { GoalActions } from './goal-actions';
import { GoalDetailsForm } from './goal-details-form';
import { fetchGoal, goalKeys } from './goal-requests';
import { MilestoneList } from './milestone-list';
import { ProgressChart } from './progress-chart';
import { ProgressLog } from './progress-log';
import { ProgressPanel } from './progress-panel';
import { StatusBadge } from './status-badge';

/** Between the breadcrumb's links: punctuation, the same in every language. */
const SEPARATOR = ' · ';

interface Props {
  initial: GoalDetail;
  /** Only for the comment thread (components/comments), which still takes it. */
  terminology: Terminology;
  viewerId: string;
}

/** A goal's page: details, progress, actions, milestones, assignees and contributions. */
export function GoalDetailView({ initial, terminology, viewerId }: Props) {
  const fmt = useFormat();
  // The server-rendered goal is treated as stale at once (updatedAt 0), so the page revalidates
  // on mount: a team goal changes under other members' hands, and a page rendered just before
  // a change (even this viewer's own, still committing) must not show the old state for long.
  const { data: goal } = useQuery({ queryKey: goalKeys.detail(initial.id), queryFn: () => fetchGoal(initial.id), initialData: initial, initialDataUpdatedAt: 0 });
  const [editing, setEditing] = useState(false);
  const t = useTranslations('goalDetail');

  return (
    <article className="flex flex-col gap-6">
      <nav aria-label={t('breadcrumb')} className="text-sm">
        <Link href="/goals" className="font-medium text-brand-text underline">
          {t('allGoals')}
        </Link>
        {goal.teamId ? (
          <>
            {SEPARATOR}
            <Link href={`/teams/${goal.teamId}`} className="font-medium text-brand-text underline">
              {goal.teamName}
            </Link>
          </>
        ) : null}
      </nav>

      {editing ? (
        <GoalDetailsForm goal={goal} onDone={() => setEditing(false)} />
      ) : (
        <header className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-3xl font-bold text-slate-900">{goal.title}</h1>
            <StatusBadge status={goal.status} />
          </div>
          {goal.description ? <p className="max-w-3xl whitespace-pre-line text-slate-700">{goal.description}</p> : null}
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
            <div className="flex gap-1">
              <dt>{t('team')}</dt>
              <dd className="font-medium text-slate-800">{goal.teamName ?? t('personal')}</dd>
            </div>
            <div className="flex gap-1">
              <dt>{t('targetDate')}</dt>
              <dd className="font-medium text-slate-800">{goal.targetDate ? fmt.day(goal.targetDate) : t('none')}</dd>
            </div>
            <div className="flex gap-1">
              <dt>{t('createdBy')}</dt>
              <dd className="font-medium text-slate-800">{goal.ownerName}</dd>
            </div>
            {goal.completedAt ? (
              <div className="flex gap-1" data-testid="goal-completed">
                <dt>{t('completed')}</dt>
                <dd className="font-medium text-slate-800">
                  {goal.completedByName ? t('completedBy', { date: fmt.date(goal.completedAt), name: goal.completedByName }) : fmt.date(goal.completedAt)}
                </dd>
              </div>
            ) : null}
          </dl>
          {goal.access.canEdit && goal.status !== 'archived' ? (
            <div>
              <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
                {t('editDetails')}
              </Button>
            </div>
          ) : null}
        </header>
      )}

      <GoalActions goal={goal} viewerId={viewerId} />
      <ProgressPanel goal={goal} />
      <ProgressChart goal={goal} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <MilestoneList goal={goal} />
        <ContributionsTable goal={goal} />
      </div>
      {goal.teamId ? <AssigneesPanel goal={goal} viewerId={viewerId} /> : null}
      <ProgressLog goal={goal} />
      <CommentThread goalId={goal.id} milestones={goal.milestoneList.map((m) => ({ id: m.id, title: m.title }))} terminology={terminology} />
    </article>
  );
}
