import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MarketplaceControlsForm } from '@/components/marketplace/marketplace-controls-form';
import { PageHeader } from '@/components/ui/page-header';
import { getMarketplaceControls } from '@/lib/marketplace/workspace-controls';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('marketplace.settings');
  return { title: t('title') };
}

// Admins only (integrations.manage).
export default async function MarketplaceSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'integrations.manage');
  const t = await getTranslations('marketplace.settings');
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title={t('title')} description={t('description', { workspace: tenant.name })} />
      <MarketplaceControlsForm initial={await getMarketplaceControls(tenant, member)} />
    </div>
  );
}
