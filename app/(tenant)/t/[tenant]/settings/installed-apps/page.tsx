import type { Metadata } from 'next';
import { InstalledIntegrations } from '@/components/integrations/installed-integrations';
import { InstalledAppsPanel } from '@/components/marketplace/installed-apps-panel';
import { PageHeader } from '@/components/ui/page-header';
import { installedIntegrations } from '@/lib/integrations/installed-integrations';
import { listInstalledApps } from '@/lib/marketplace/installations';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Installed apps' };

// Admins only (integrations.manage).
export default async function InstalledAppsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'integrations.manage');
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Installed apps" description={`Marketplace apps and built-in integrations installed for all of ${tenant.name}. Uninstalling one stops its access at once.`} />
      <InstalledAppsPanel initial={await listInstalledApps(tenant, member)} />
      <div className="mt-6">
        <InstalledIntegrations integrations={await installedIntegrations(tenant.id)} />
      </div>
    </div>
  );
}
