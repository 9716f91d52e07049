import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import type { TenantStatus } from '@/lib/db/generated/enums';
import { getPlatformFormatter } from '@/lib/platform/platform-format';
import type { TenantFigures } from '@/lib/platform/tenant-directory';
import { SignupsChart } from './signups-chart';
import { STATUS_KEYS } from './tenant-status';

function Stat({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold wrap-anywhere text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className="mt-1 text-xs text-slate-600">{note}</dd> : null}
    </div>
  );
}

/** The operator's numbers: workspaces by status and plan, members, MRR, and sign-ups per week. */
export async function TenantFiguresPanel({ figures, filtered = false }: { figures: TenantFigures; filtered?: boolean }) {
  const [t, format] = await Promise.all([getTranslations('operatorTenants'), getPlatformFormatter()]);
  const paying = figures.byStatus.active + figures.byStatus.past_due;
  return (
    <section aria-labelledby="figures-heading" className="flex flex-col gap-4">
      <h2 id="figures-heading" className={filtered ? 'text-sm font-medium text-slate-700' : 'sr-only'}>
        {filtered ? t('figures.headingFiltered') : t('figures.heading')}
      </h2>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label={t('figures.workspaces')} value={format.number(figures.total)} note={t('figures.onTrial', { count: format.number(figures.byStatus.trial) })} testId="figure-workspaces" />
        <Stat label={t('figures.paying')} value={format.number(paying)} note={t('figures.pastDue', { count: format.number(figures.byStatus.past_due) })} testId="figure-paying" />
        <Stat label={t('figures.members')} value={format.number(figures.members)} note={t('figures.membersNote')} testId="figure-members" />
        <Stat label={t('figures.mrr')} value={format.money(figures.mrrCents, 'usd')} note={t('figures.mrrNote')} testId="figure-mrr" />
      </dl>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card title={t('figures.newWorkspaces')} className="min-w-0 lg:col-span-2">
          <SignupsChart weeks={figures.signupsPerWeek} />
        </Card>
        <Card title={t('figures.byStatusAndPlan')} className="min-w-0">
          <div className="grid grid-cols-2 gap-4 text-sm">
            <ul aria-label={t('figures.byStatus')} className="flex flex-col gap-1" data-testid="figures-by-status">
              {Object.entries(figures.byStatus).map(([status, count]) => (
                <li key={status} className="flex justify-between gap-2">
                  <span className="text-slate-700">{t(`status.${STATUS_KEYS[status as TenantStatus]}`)}</span>
                  <span className="font-medium tabular-nums">{format.number(count)}</span>
                </li>
              ))}
            </ul>
            <ul aria-label={t('figures.byPlan')} className="flex flex-col gap-1" data-testid="figures-by-plan">
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
