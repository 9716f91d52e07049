import { useTranslations } from 'next-intl';
import type { GoalStatus } from '@/lib/goals/goal-schema';

const STYLES: Record<GoalStatus, string> = {
  active: 'bg-brand/10 text-brand-text',
  completed: 'bg-green-100 text-green-800',
  archived: 'bg-slate-200 text-slate-700',
};

export function StatusBadge({ status }: { status: GoalStatus }) {
  const t = useTranslations('goals.status');
  return (
    <span data-testid="goal-status" className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STYLES[status]}`}>
      {t(status)}
    </span>
  );
}
