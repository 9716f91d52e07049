import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { DomainsPanel } from '@/components/settings/domains-panel';
import { Card } from '@/components/ui/card';
import { featureLock } from '@/lib/billing/entitlements';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';
import { listDomains } from '@/lib/tenancy/domains';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('domains');
  return { title: t('title') };
}

export default async function DomainsSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  await requireMember(tenant, 'settings.manage');
  const lock = await featureLock(tenant, 'custom_domain');
  const t = await getTranslations('domains');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
      <UpgradeNotice lock={lock} />
      <Card description={t('description', { name: tenant.name })}>
        <DomainsPanel initial={await listDomains(tenant.id)} locked={lock !== null} />
      </Card>
    </div>
  );
}
