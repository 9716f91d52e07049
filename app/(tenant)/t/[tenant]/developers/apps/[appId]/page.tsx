import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OAuthAppDetailView } from '@/components/oauth/oauth-app-detail-view';
import { appScopeOptions } from '@/components/oauth/scope-options';
import { config, tenantOrigin } from '@/lib/config/env';
import { AppError } from '@/lib/http/problem';
import { requireMember } from '@/lib/members/require-member';
import { getOAuthApp } from '@/lib/oauth/apps';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('oauthApps');
  return { title: t('detail.metaTitle') };
}

type Params = Promise<{ tenant: string; appId: string }>;

export default async function OAuthAppPage({ params }: { params: Params }) {
  const { tenant: slug, appId } = await params;
  const tenant = await requireTenant(slug);
  const member = await requireMember(tenant, 'integrations.manage');
  // Another workspace's app, or none: "not found".
  const app = await getOAuthApp(tenant, member, appId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  // The endpoints on the address the page was asked on, so a custom domain shows itself.
  const host = (await headers()).get('host');
  const origin = host ? `${config.scheme}://${host}` : tenantOrigin(tenant.slug);
  return <OAuthAppDetailView initial={app} scopes={appScopeOptions(await getTranslations('consent'))} origin={origin} />;
}
