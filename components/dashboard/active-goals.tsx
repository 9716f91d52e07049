import Link from 'next/link';
import { ProgressBar } from '@/components/goals/progress-bar';
import type { Formatter } from '@/lib/format/formatter';
import type { GoalSummary } from '@/lib/goals/goal-schema';

export function ActiveGoals({ goals, labels, fmt }: { goals: GoalSummary[]; labels: { goals: string; goal: string }; fmt: Formatter }) {
  if (goals.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No active {labels.goals}.{' '}
        <Link href="/goals?new=1" className="font-semibold text-brand-text underline">
          Create a {labels.goal}
        </Link>
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
            <span className="text-sm font-semibold text-slate-700">{goal.progress}%</span>
          </div>
          <ProgressBar value={goal.progress} label={`${goal.title} progress`} className="mt-1" />
          <p className="mt-1 text-xs text-slate-500">
            {[goal.teamName, goal.targetDate ? `due ${fmt.day(goal.targetDate)}` : null, goal.milestones.total ? `${goal.milestones.completed} of ${goal.milestones.total} milestones` : null].filter(Boolean).join(' · ')}
          </p>
        </li>
      ))}
    </ul>
  );
}
