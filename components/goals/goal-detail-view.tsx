'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { CommentThread } from '@/components/comments/comment-thread';
import { Button } from '@/components/ui/button';
import { term, type Terminology } from '@/lib/branding/terminology';
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

interface Props {
  initial: GoalDetail;
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
  const goals = term(terminology, 'goals');

  return (
    <article className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/goals" className="font-medium text-brand-text underline">
          All {goals}
        </Link>
        {goal.teamId ? (
          <>
            {' · '}
            <Link href={`/teams/${goal.teamId}`} className="font-medium text-brand-text underline">
              {goal.teamName}
            </Link>
          </>
        ) : null}
      </nav>

      {editing ? (
        <GoalDetailsForm goal={goal} terminology={terminology} onDone={() => setEditing(false)} />
      ) : (
        <header className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-3xl font-bold text-slate-900">{goal.title}</h1>
            <StatusBadge status={goal.status} />
          </div>
          {goal.description ? <p className="max-w-3xl whitespace-pre-line text-slate-700">{goal.description}</p> : null}
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
            <div className="flex gap-1">
              <dt>{term(terminology, 'team', true)}:</dt>
              <dd className="font-medium text-slate-800">{goal.teamName ?? 'Personal'}</dd>
            </div>
            <div className="flex gap-1">
              <dt>Target date:</dt>
              <dd className="font-medium text-slate-800">{goal.targetDate ? fmt.day(goal.targetDate) : 'None'}</dd>
            </div>
            <div className="flex gap-1">
              <dt>Created by:</dt>
              <dd className="font-medium text-slate-800">{goal.ownerName}</dd>
            </div>
            {goal.completedAt ? (
              <div className="flex gap-1" data-testid="goal-completed">
                <dt>Completed:</dt>
                <dd className="font-medium text-slate-800">
                  {fmt.date(goal.completedAt)}
                  {goal.completedByName ? ` by ${goal.completedByName}` : ''}
                </dd>
              </div>
            ) : null}
          </dl>
          {goal.access.canEdit && goal.status !== 'archived' ? (
            <div>
              <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
                Edit details
              </Button>
            </div>
          ) : null}
        </header>
      )}

      <GoalActions goal={goal} terminology={terminology} viewerId={viewerId} />
      <ProgressPanel goal={goal} terminology={terminology} />
      <ProgressChart goal={goal} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <MilestoneList goal={goal} terminology={terminology} />
        <ContributionsTable goal={goal} terminology={terminology} />
      </div>
      {goal.teamId ? <AssigneesPanel goal={goal} terminology={terminology} viewerId={viewerId} /> : null}
      <ProgressLog goal={goal} />
      <CommentThread goalId={goal.id} milestones={goal.milestoneList.map((m) => ({ id: m.id, title: m.title }))} terminology={terminology} />
    </article>
  );
}
