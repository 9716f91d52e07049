import type { Metadata } from 'next';
import { OAuthSection } from '@/components/developers/docs/oauth-section';
import { issuerFor } from '@/lib/oauth/issuer';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'OAuth 2.0 · API docs' };

export default async function OAuthDocsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  return <OAuthSection issuer={issuerFor(tenant)} workspaceName={tenant.name} terminology={tenant.branding.terminology} />;
}
