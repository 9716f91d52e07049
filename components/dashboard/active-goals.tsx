import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ProgressBar } from '@/components/goals/progress-bar';
import type { Formatter } from '@/lib/format/formatter';
import type { GoalSummary } from '@/lib/goals/goal-schema';

export async function ActiveGoals({ goals, fmt }: { goals: GoalSummary[]; fmt: Formatter }) {
  const t = await getTranslations('dashboard.goals');
  if (goals.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        {t.rich('none', {
          link: (chunks) => (
            <Link href="/goals?new=1" className="font-semibold text-brand-text underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-4">
      {goals.map((goal) => (
        <li key={goal.id}>
          <div className="flex items-baseline justify-between gap-3">
            <Link href={`/goals/${goal.id}`} className="font-medium text-slate-900 hover:underline">
              {goal.title}
            </Link>
            <span className="text-sm font-semibold text-slate-700">{fmt.percent(goal.progress / 100)}</span>
          </div>
          <ProgressBar value={goal.progress} label={t('progressOf', { title: goal.title })} className="mt-1" />
          <p className="mt-1 text-xs text-slate-500">
            {[
              goal.teamName,
              goal.targetDate ? t('due', { date: fmt.day(goal.targetDate) }) : null,
              goal.milestones.total ? t('milestones', { completed: fmt.number(goal.milestones.completed), total: fmt.number(goal.milestones.total) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </li>
      ))}
    </ul>
  );
}
