'use client';

import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/format/format-context';
import type { GoalDetail } from '@/lib/goals/goal-schema';

/** Each member's contribution (their summed progress changes) and share of the positive total. */
export function ContributionsTable({ goal }: { goal: GoalDetail }) {
  const fmt = useFormat();
  const t = useTranslations('goalDetail.contributions');
  return (
    <section aria-labelledby="contributions-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="contributions-heading" className="text-lg font-semibold text-slate-900">
        {t('heading')}
      </h2>
      {goal.contributions.length ? (
        <table className="mt-4 w-full text-start text-sm">
          <caption className="sr-only">{t('caption')}</caption>
          <thead className="text-xs tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="py-2 font-medium">
                {t('member')}
              </th>
              <th scope="col" className="py-2 text-end font-medium">
                {t('contribution')}
              </th>
              <th scope="col" className="py-2 ps-6 font-medium">
                {t('share')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {goal.contributions.map((row) => (
              <tr key={row.userId}>
                <th scope="row" className="py-2 font-medium text-slate-900">
                  {row.name}
                </th>
                <td className={`py-2 text-end tabular-nums ${row.contribution < 0 ? 'text-red-700' : 'text-slate-800'}`}>{t('points', { points: fmt.signed(row.contribution) })}</td>
                <td className="py-2 ps-6">
                  <span className="flex items-center gap-2">
                    <span className="h-2 w-24 overflow-hidden rounded-full bg-slate-200" aria-hidden>
                      <span className="block h-full bg-brand" style={{ width: `${row.sharePercent}%` }} />
                    </span>
                    <span className="tabular-nums">{fmt.percent(row.sharePercent / 100)}</span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{t('none')}</p>
      )}
    </section>
  );
}
