import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SupportAccessPanel } from '@/components/settings/support-access-panel';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { getSupportAccess } from '@/lib/platform/support-access';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('supportAccess');
  return { title: t('title') };
}

// Admins see when platform support acted as a member; owners decide whether it must ask first.
export default async function SupportAccessPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'settings.manage');
  const access = await getSupportAccess(tenant, member);
  const t = await getTranslations('supportAccess');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('title')} description={t('description')} />
      <SupportAccessPanel access={access} canDecide={can(member.role, 'support_access.manage')} />
    </div>
  );
}
