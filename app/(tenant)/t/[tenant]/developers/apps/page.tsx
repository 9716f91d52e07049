import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { OAuthAppsPanel } from '@/components/oauth/oauth-apps-panel';
import { appScopeOptions } from '@/components/oauth/scope-options';
import { featureLock } from '@/lib/billing/entitlements';
import { requireMember } from '@/lib/members/require-member';
import { listOAuthApps } from '@/lib/oauth/apps';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('oauthApps');
  return { title: t('metaTitle') };
}

// Admins only (integrations.manage): anyone else gets the 403 page.
export default async function OAuthAppsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'integrations.manage');
  const lock = await featureLock(tenant, 'oauth_apps');
  const t = await getTranslations('oauthApps');
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t.rich('intro', {
            workspaceName: tenant.name,
            link: (chunks) => (
              <Link href="/developers/docs" className="font-semibold text-brand-text underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      <UpgradeNotice lock={lock} />
      <OAuthAppsPanel initial={await listOAuthApps(tenant, member)} scopes={appScopeOptions(await getTranslations('consent'))} locked={lock !== null} />
    </div>
  );
}
