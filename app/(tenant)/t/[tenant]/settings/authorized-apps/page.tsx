import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuthorizedAppsPanel } from '@/components/oauth/authorized-apps-panel';
import { requireMember } from '@/lib/members/require-member';
import { listAuthorizedApps } from '@/lib/oauth/grants';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('installedApps.authorized');
  return { title: t('title') };
}

// Admins only (integrations.manage; the settings layout already asks for settings.manage).
export default async function AuthorizedAppsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'integrations.manage');
  const t = await getTranslations('installedApps.authorized');
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('description', { workspace: tenant.name })}</p>
      </div>
      <AuthorizedAppsPanel initial={await listAuthorizedApps(tenant, member)} />
    </div>
  );
}
