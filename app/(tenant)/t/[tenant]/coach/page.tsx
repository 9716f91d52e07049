import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { CoachChat } from '@/components/coach/coach-chat';
import { PageHeader } from '@/components/ui/page-header';
import { featureLock } from '@/lib/billing/entitlements';
import { coachStatus } from '@/lib/coach/availability';
import { listConversations } from '@/lib/coach/conversations';
import { coachBudget } from '@/lib/coach/limits';
import { getFormatter } from '@/lib/format/server';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('coach');
  return { title: t('metaTitle') };
}

/** The member's AI coach, when the installation, the plan and the workspace's switch all allow it; else why not. */
export default async function CoachPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const t = await getTranslations('coach');
  const status = await coachStatus(tenant);
  const header = <PageHeader title={t('title')} description={t('description')} />;
  if (!status.available) {
    const isAdmin = can(member.role, 'settings.manage');
    return (
      <section className="page flex flex-col gap-4">
        {header}
        {!status.configured ? (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">{t('unavailable.notConfigured')}</p>
        ) : !status.planIncludes ? (
          <UpgradeNotice lock={await featureLock(tenant, 'ai_coaching')} />
        ) : (
          <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
            <p className="font-semibold text-slate-900">{t('unavailable.off')}</p>
            <p className="mt-1">{isAdmin ? t('unavailable.offAdmin') : t('unavailable.offMember')}</p>
            {isAdmin ? (
              <Link href="/settings/coach" className="mt-2 inline-block font-semibold text-brand underline">
                {t('unavailable.settingsLink')}
              </Link>
            ) : null}
          </div>
        )}
      </section>
    );
  }
  const [conversations, budget, format] = await Promise.all([listConversations(tenant, member), coachBudget(tenant), getFormatter(tenant)]);
  const renews = format.date(budget.resetsAt);
  const exhausted = budget.used >= budget.limit;
  return (
    <section className="page flex flex-col gap-4">
      {header}
      <p className={`text-sm ${exhausted ? 'rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900' : 'text-slate-600'}`} data-testid="coach-budget" role={exhausted ? 'status' : undefined}>
        {exhausted ? t('budgetExhausted', { date: renews }) : t('budget', { used: format.number(budget.used), limit: format.number(budget.limit), date: renews })}
      </p>
      <CoachChat initialConversations={conversations} canAsk={can(member.role, 'goals.write')} exhausted={exhausted} />
      <p className="text-xs text-slate-600">{t('privacy')}</p>
    </section>
  );
}
