import type { Metadata } from 'next';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { DomainsPanel } from '@/components/settings/domains-panel';
import { Card } from '@/components/ui/card';
import { featureLock } from '@/lib/billing/entitlements';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';
import { listDomains } from '@/lib/tenancy/domains';

export const metadata: Metadata = { title: 'Custom domain' };

export default async function DomainsSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  await requireMember(tenant, 'settings.manage');
  const lock = await featureLock(tenant, 'custom_domain');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-slate-900">Custom domain</h1>
      <UpgradeNotice lock={lock} />
      <Card description={<>Serve {tenant.name} on your own domain, such as coach.example.com. Only verified domains are served.</>}>
        <DomainsPanel initial={await listDomains(tenant.id)} locked={lock !== null} />
      </Card>
    </div>
  );
}
