import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { TopEndpoints } from '@/components/developers/top-endpoints';
import { UsageChart } from '@/components/developers/usage-chart';
import { UsageSummary } from '@/components/developers/usage-summary';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { usageStatsFor } from '@/lib/api/usage-stats';
import { featureLock } from '@/lib/billing/entitlements';
import { getFormatter } from '@/lib/format/server';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('developers');
  return { title: t('metaTitle') };
}

export default async function DevelopersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const [stats, analyticsLock] = await Promise.all([usageStatsFor(tenant, member), featureLock(tenant, 'analytics')]);
  const t = await getTranslations('developers.overview');
  const fmt = await getFormatter(tenant);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('intro', { scope: stats.scope === 'workspace' ? 'workspace' : 'own', workspaceName: tenant.name })}</p>
        </div>
        <div className="flex gap-2">
          <Link href="/developers/keys" className={buttonClass('primary')}>
            {t('manageKeys')}
          </Link>
          <Link href="/developers/docs" className={buttonClass('secondary')}>
            {t('readDocs')}
          </Link>
        </div>
      </div>
      {analyticsLock ? (
        <>
          {/* The quota still applies (and shows); the charts are the plan's API analytics. */}
          <p className="text-sm text-slate-700" data-testid="usage-month">
            {t('monthUsage', { requests: fmt.number(stats.month.requests), quota: fmt.number(stats.month.quota), count: stats.month.quota, period: fmt.period(stats.month.period) })}
          </p>
          <UpgradeNotice lock={analyticsLock} />
        </>
      ) : (
        <>
          <UsageSummary stats={stats} />
          <Card title={t('requestsPerDay')}>
            <UsageChart days={stats.days} />
          </Card>
          <Card title={t('topEndpoints')}>
            <TopEndpoints endpoints={stats.topEndpoints} />
          </Card>
        </>
      )}
    </div>
  );
}
