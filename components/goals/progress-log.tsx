'use client';

import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/format/format-context';
import type { GoalDetail } from '@/lib/goals/goal-schema';

/** The latest progress changes, newest first. */
export function ProgressLog({ goal }: { goal: GoalDetail }) {
  const fmt = useFormat();
  const t = useTranslations('goalDetail.log');
  if (goal.recentProgress.length === 0) return null;
  return (
    <section aria-labelledby="progress-log-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="progress-log-heading" className="text-lg font-semibold text-slate-900">
        {t('heading')}
      </h2>
      <ul className="mt-4 flex flex-col divide-y divide-slate-100 text-sm">
        {goal.recentProgress.map((entry) => (
          <li key={entry.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
            <span className="font-medium text-slate-900">{entry.name}</span>
            <span className={`tabular-nums ${entry.delta < 0 ? 'text-red-700' : 'text-slate-800'}`}>{fmt.signed(entry.delta)}</span>
            {entry.note ? <span className="text-slate-700">{entry.note}</span> : null}
            <span className="ms-auto text-xs text-slate-500">{fmt.dateTime(entry.createdAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
