import { useTranslations } from 'next-intl';
import type { SupportSummary } from '@/lib/support/ticket-summary';
import { useDuration } from './duration';

/** How the answering side does against its targets (last 90 days) and its queue now. */
export function SupportSummaryView({ summary }: { summary: SupportSummary }) {
  const t = useTranslations('support.summary');
  const duration = useDuration();
  const percent = (value: number | null) => (value === null ? t('none') : t('percent', { value: value / 100 }));
  const items = [
    { label: t('open'), value: String(summary.open) },
    { label: t('overdue'), value: String(summary.overdue) },
    { label: t('median'), value: summary.medianFirstResponseMs === null ? t('none') : duration(summary.medianFirstResponseMs) },
    { label: t('firstWithinTarget'), value: percent(summary.firstResponseWithinTargetPct) },
    { label: t('resolvedWithinTarget'), value: percent(summary.resolutionWithinTargetPct) },
  ];
  return (
    <div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5" data-testid="support-summary">
        {items.map((item) => (
          <div key={item.label} className="flex flex-col-reverse gap-1">
            <dt className="text-xs text-slate-600">{item.label}</dt>
            <dd className="text-xl font-semibold text-slate-900">{item.value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-600">
        {t('over', { opened: summary.opened, days: summary.days })}
      </p>
    </div>
  );
}
