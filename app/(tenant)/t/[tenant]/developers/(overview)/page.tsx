import type { Metadata } from 'next';
import Link from 'next/link';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { TopEndpoints } from '@/components/developers/top-endpoints';
import { UsageChart } from '@/components/developers/usage-chart';
import { UsageSummary } from '@/components/developers/usage-summary';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormattedNumber } from '@/components/ui/formatted';
import { usageStatsFor } from '@/lib/api/usage-stats';
import { featureLock } from '@/lib/billing/entitlements';
import { getFormatter } from '@/lib/format/server';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Developers' };

export default async function DevelopersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const [stats, analyticsLock] = await Promise.all([usageStatsFor(tenant, member), featureLock(tenant, 'analytics')]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Developers</h1>
          <p className="mt-1 text-sm text-slate-600">
            {stats.scope === 'workspace' ? `API usage of every key in ${tenant.name}` : 'API usage of the keys you made'}, over the last 30 days.
          </p>
        </div>
        <div className="flex gap-2">
          <Link href="/developers/keys" className={buttonClass('primary')}>
            Manage API keys
          </Link>
          <Link href="/developers/docs" className={buttonClass('secondary')}>
            Read the API docs
          </Link>
        </div>
      </div>
      {analyticsLock ? (
        <>
          {/* The quota still applies (and shows); the charts are the plan's API analytics. */}
          <p className="text-sm text-slate-700" data-testid="usage-month">
            <FormattedNumber value={stats.month.requests} /> of <FormattedNumber value={stats.month.quota} /> API requests used in {(await getFormatter(tenant)).period(stats.month.period)}.
          </p>
          <UpgradeNotice lock={analyticsLock} />
        </>
      ) : (
        <>
          <UsageSummary stats={stats} />
          <Card title="Requests per day">
            <UsageChart days={stats.days} />
          </Card>
          <Card title="Top endpoints">
            <TopEndpoints endpoints={stats.topEndpoints} />
          </Card>
        </>
      )}
    </div>
  );
}
