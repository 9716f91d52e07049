import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { OAuthSection } from '@/components/developers/docs/oauth-section';
import { issuerFor } from '@/lib/oauth/issuer';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('docs');
  return { title: t('pageTitle', { page: t('guides.oauth.title') }) };
}

export default async function OAuthDocsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  return <OAuthSection issuer={issuerFor(tenant)} workspaceName={tenant.name} />;
}
