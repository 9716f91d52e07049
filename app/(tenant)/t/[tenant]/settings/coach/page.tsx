import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { CoachSwitchForm } from '@/components/coach/coach-switch-form';
import { PageHeader } from '@/components/ui/page-header';
import { featureLock, limit } from '@/lib/billing/entitlements';
import { coachStatus } from '@/lib/coach/availability';
import { getFormatter } from '@/lib/format/server';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('coach.settings');
  return { title: t('title') };
}

// Admins only (settings.manage): the workspace's switch for the AI coach, after its data-use notice.
export default async function CoachSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  await requireMember(tenant, 'settings.manage');
  const t = await getTranslations('coach.settings');
  const [status, format, tokens] = await Promise.all([coachStatus(tenant), getFormatter(tenant), limit(tenant, 'coachTokensPerMonth')]);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t('title')} description={t('description', { workspace: tenant.name })} />
      {!status.planIncludes ? <UpgradeNotice lock={await featureLock(tenant, 'ai_coaching')} /> : null}
      {!status.configured || !status.providerHost ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700" data-testid="coach-not-configured">
          {t('notConfigured')}
        </p>
      ) : status.planIncludes || status.enabledAt ? (
        <CoachSwitchForm enabled={status.enabledAt !== null} enabledLabel={status.enabledAt ? format.date(status.enabledAt) : null} host={status.providerHost} limit={format.number(tokens)} />
      ) : null}
    </div>
  );
}
