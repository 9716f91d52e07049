import type { GoalStatus } from '@/lib/goals/goal-schema';

const STYLES: Record<GoalStatus, string> = {
  active: 'bg-brand/10 text-brand-text',
  completed: 'bg-green-100 text-green-800',
  archived: 'bg-slate-200 text-slate-700',
};

export const STATUS_LABELS: Record<GoalStatus, string> = { active: 'Active', completed: 'Completed', archived: 'Archived' };

export function StatusBadge({ status }: { status: GoalStatus }) {
  return (
    <span data-testid="goal-status" className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STYLES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}
