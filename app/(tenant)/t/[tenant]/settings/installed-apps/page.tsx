import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InstalledIntegrations } from '@/components/integrations/installed-integrations';
import { InstalledAppsPanel } from '@/components/marketplace/installed-apps-panel';
import { PageHeader } from '@/components/ui/page-header';
import { installedIntegrations } from '@/lib/integrations/installed-integrations';
import { listInstalledApps } from '@/lib/marketplace/installations';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('installedApps');
  return { title: t('title') };
}

// Admins only (integrations.manage).
export default async function InstalledAppsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'integrations.manage');
  const t = await getTranslations('installedApps');
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title={t('title')} description={t('description', { workspace: tenant.name })} />
      <InstalledAppsPanel initial={await listInstalledApps(tenant, member)} />
      <div className="mt-6">
        <InstalledIntegrations integrations={await installedIntegrations(tenant.id)} />
      </div>
    </div>
  );
}
