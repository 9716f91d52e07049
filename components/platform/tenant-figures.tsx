import { Card } from '@/components/ui/card';
import { createFormatter } from '@/lib/format/formatter';
import type { TenantFigures } from '@/lib/platform/tenant-directory';
import { STATUS_LABELS } from './tenant-status';
import { SignupsChart } from './signups-chart';

const format = createFormatter();

function Stat({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className="mt-1 text-xs text-slate-600">{note}</dd> : null}
    </div>
  );
}

/** The operator's numbers: workspaces by status and plan, members, MRR, and sign-ups per week. */
export function TenantFiguresPanel({ figures, filtered = false }: { figures: TenantFigures; filtered?: boolean }) {
  const paying = figures.byStatus.active + figures.byStatus.past_due;
  return (
    <section aria-labelledby="figures-heading" className="flex flex-col gap-4">
      <h2 id="figures-heading" className={filtered ? 'text-sm font-medium text-slate-700' : 'sr-only'}>
        {filtered ? 'Figures for the workspaces that match the filters below' : 'Figures'}
      </h2>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Workspaces" value={format.number(figures.total)} note={`${format.number(figures.byStatus.trial)} on trial`} testId="figure-workspaces" />
        <Stat label="Paying" value={format.number(paying)} note={`${format.number(figures.byStatus.past_due)} past due`} testId="figure-paying" />
        <Stat label="Members" value={format.number(figures.members)} note="across all workspaces" testId="figure-members" />
        <Stat label="MRR" value={format.money(figures.mrrCents, 'usd')} note="active and past-due plans" testId="figure-mrr" />
      </dl>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card title="New workspaces" className="min-w-0 lg:col-span-2">
          <SignupsChart weeks={figures.signupsPerWeek} />
        </Card>
        <Card title="By status and plan" className="min-w-0">
          <div className="grid grid-cols-2 gap-4 text-sm">
            <ul aria-label="Workspaces by status" className="flex flex-col gap-1" data-testid="figures-by-status">
              {Object.entries(figures.byStatus).map(([status, count]) => (
                <li key={status} className="flex justify-between gap-2">
                  <span className="text-slate-700">{STATUS_LABELS[status as keyof typeof STATUS_LABELS]}</span>
                  <span className="font-medium tabular-nums">{format.number(count)}</span>
                </li>
              ))}
            </ul>
            <ul aria-label="Workspaces by plan" className="flex flex-col gap-1" data-testid="figures-by-plan">
              {figures.byPlan.map((plan) => (
                <li key={plan.plan} className="flex justify-between gap-2">
                  <span className="truncate text-slate-700">{plan.name}</span>
                  <span className="font-medium tabular-nums">{format.number(plan.count)}</span>
                </li>
              ))}
            </ul>
          </div>
        </Card>
      </div>
    </section>
  );
}
