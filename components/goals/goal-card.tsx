'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/format/format-context';
import type { GoalSummary } from '@/lib/goals/goal-schema';
import { ProgressBar } from './progress-bar';
import { StatusBadge } from './status-badge';
import { PENDING_PREFIX } from './optimistic';

/** One goal in a list: title (a link once saved), team, status, progress, date, milestones. */
export function GoalCard({ goal }: { goal: GoalSummary }) {
  const fmt = useFormat();
  const t = useTranslations('goals.card');
  const pending = goal.id.startsWith(PENDING_PREFIX);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-busy={pending || undefined}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-base font-semibold text-slate-900">
          {pending ? (
            goal.title
          ) : (
            <Link href={`/goals/${goal.id}`} className="rounded-sm hover:text-brand-text hover:underline">
              {goal.title}
            </Link>
          )}
        </h3>
        <div className="flex items-center gap-2">
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{goal.teamName ?? t('personal')}</span>
          <StatusBadge status={goal.status} />
        </div>
      </div>
      <div className="mt-3 flex items-center gap-3">
        <ProgressBar value={goal.progress} label={t('progressOf', { title: goal.title })} />
        <span className="w-12 text-end text-sm font-semibold text-slate-800">{fmt.percent(goal.progress / 100)}</span>
      </div>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {pending ? <span>{t('saving')}</span> : null}
        {goal.targetDate ? <span>{t('target', { date: fmt.day(goal.targetDate) })}</span> : <span>{t('noTargetDate')}</span>}
        {goal.milestones.total > 0 ? <span>{t('milestones', { completed: fmt.number(goal.milestones.completed), total: fmt.number(goal.milestones.total) })}</span> : null}
        {goal.teamId && goal.assignees.length > 0 ? <span>{goal.assignees.map((a) => a.name).join(', ')}</span> : null}
        {goal.status === 'completed' && goal.completedByName ? <span>{t('completedBy', { name: goal.completedByName })}</span> : null}
      </p>
    </li>
  );
}
