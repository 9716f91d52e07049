'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { UsageStats } from '@/lib/api/usage-stats';
import { useFormat } from '@/lib/format/format-context';

function Tile({ label, value, testId, children }: { label: string; value: string; testId: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold text-slate-900" data-testid={testId}>
        {value}
      </dd>
      {children}
    </div>
  );
}

/** The headline numbers: requests and errors of the window, latency, and the monthly quota. */
export function UsageSummary({ stats }: { stats: UsageStats }) {
  const fmt = useFormat();
  const t = useTranslations('developers.usage');
  const { totals, latency, month } = stats;
  const used = Math.min(1, month.quota === 0 ? 0 : month.requests / month.quota);
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Tile label={t('requestsLast30Days')} value={fmt.number(totals.requests)} testId="usage-total-requests">
        <dd className="text-xs text-slate-500">{t('errors', { count: totals.errors, errors: fmt.number(totals.errors) })}</dd>
      </Tile>
      <Tile label={t('errorRate')} value={fmt.percent(totals.errorRate)} testId="usage-error-rate" />
      <Tile label={t('latencyP50')} value={fmt.milliseconds(latency.p50)} testId="usage-latency">
        <dd className="text-xs text-slate-500">
          {t('latencyTail', { p95: fmt.milliseconds(latency.p95), p99: fmt.milliseconds(latency.p99) })}
        </dd>
      </Tile>
      <Tile label={t('requestsInPeriod', { period: fmt.period(month.period) })} value={fmt.number(month.requests)} testId="usage-month">
        <dd className="text-xs text-slate-500">
          {t('quota', { quota: fmt.number(month.quota), percent: fmt.percent(month.requests / Math.max(1, month.quota)) })}
          <span className="mt-2 block h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden>
            <span className={`block h-full ${used >= 0.9 ? 'bg-red-500' : 'bg-brand'}`} style={{ width: `${used * 100}%` }} />
          </span>
        </dd>
      </Tile>
    </dl>
  );
}
