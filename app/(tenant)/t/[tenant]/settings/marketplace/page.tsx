import type { Metadata } from 'next';
import { MarketplaceControlsForm } from '@/components/marketplace/marketplace-controls-form';
import { PageHeader } from '@/components/ui/page-header';
import { getMarketplaceControls } from '@/lib/marketplace/workspace-controls';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Marketplace' };

// Admins only (integrations.manage).
export default async function MarketplaceSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'integrations.manage');
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Marketplace" description={`Who may connect apps in ${tenant.name}, and which apps its marketplace offers.`} />
      <MarketplaceControlsForm initial={await getMarketplaceControls(tenant, member)} />
    </div>
  );
}
