import type { SupportSummary } from '@/lib/support/ticket-summary';

/** How the answering side does against its targets (last 90 days) and its queue now. */
export function SupportSummaryView({ summary }: { summary: SupportSummary }) {
  const items = [
    { label: 'Open now', value: String(summary.open) },
    { label: 'Overdue first responses', value: String(summary.overdue) },
    { label: 'Median first response', value: summary.medianFirstResponse ?? '—' },
    { label: 'First response within target', value: summary.firstResponseWithinTargetPct === null ? '—' : `${summary.firstResponseWithinTargetPct}%` },
    { label: 'Resolved within target', value: summary.resolutionWithinTargetPct === null ? '—' : `${summary.resolutionWithinTargetPct}%` },
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
        Over the {summary.opened} {summary.opened === 1 ? 'ticket' : 'tickets'} opened in the last {summary.days} days; an unanswered ticket past its target counts as missed.
      </p>
    </div>
  );
}
