import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { DirectoriesPanel } from '@/components/scim/directories-panel';
import { Card } from '@/components/ui/card';
import { featureLock } from '@/lib/billing/entitlements';
import { requireMember } from '@/lib/members/require-member';
import { listDirectories } from '@/lib/scim/directories';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('directory');
  return { title: t('title') };
}

// Admins only (integrations.manage): anyone else gets the 403 page.
export default async function DirectorySyncPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'integrations.manage');
  const lock = await featureLock(tenant, 'scim');
  const t = await getTranslations('directory');
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro', { name: tenant.name })}</p>
      </div>
      {lock ? (
        <UpgradeNotice lock={lock} />
      ) : (
        <>
          <DirectoriesPanel initial={await listDirectories(tenant, member)} />
          <Card title={t('how.title')}>
            <ul className="list-disc space-y-1 ps-5 text-sm text-slate-700">
              <li>{t('how.verifiedDomains')}</li>
              <li>{t('how.roles')}</li>
              <li>{t('how.deactivated')}</li>
              <li>{t('how.groups')}</li>
            </ul>
          </Card>
        </>
      )}
    </div>
  );
}
