import type { Metadata } from 'next';
import Link from 'next/link';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { OAuthAppsPanel } from '@/components/oauth/oauth-apps-panel';
import { appScopeOptions } from '@/components/oauth/scope-options';
import { featureLock } from '@/lib/billing/entitlements';
import { requireMember } from '@/lib/members/require-member';
import { listOAuthApps } from '@/lib/oauth/apps';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'OAuth apps' };

// Admins only (integrations.manage): anyone else gets the 403 page.
export default async function OAuthAppsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'integrations.manage');
  const lock = await featureLock(tenant, 'oauth_apps');
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">OAuth apps</h1>
        <p className="mt-1 text-sm text-slate-600">
          Apps that {tenant.name} builds for others: people in any workspace can connect them to their account with OAuth 2.0, and the app calls the{' '}
          <Link href="/developers/docs" className="font-semibold text-brand-text underline">
            API
          </Link>{' '}
          for them, within the scopes they allowed.
        </p>
      </div>
      <UpgradeNotice lock={lock} />
      <OAuthAppsPanel initial={await listOAuthApps(tenant, member)} scopes={appScopeOptions(tenant.branding.terminology)} locked={lock !== null} />
    </div>
  );
}
