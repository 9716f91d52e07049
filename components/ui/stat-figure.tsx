import type { ReactNode } from 'react';

/** One headline figure of a dashboard (inside a <dl>): its label, its value, and an optional note under it. */
export function Figure({ label, value, testId, children }: { label: string; value: string; testId: string; children?: ReactNode }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-1 text-xl font-semibold wrap-anywhere text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {children ? <dd className="mt-0.5 text-xs text-slate-600">{children}</dd> : null}
    </div>
  );
}
