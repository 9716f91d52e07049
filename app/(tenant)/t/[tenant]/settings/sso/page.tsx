import type { Metadata } from 'next';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { SpDetails } from '@/components/sso/sp-details';
import { SsoConnectionsPanel } from '@/components/sso/sso-connections-panel';
import { SsoDomainsPanel } from '@/components/sso/sso-domains-panel';
import { SsoPolicyForm } from '@/components/sso/sso-policy-form';
import { Card } from '@/components/ui/card';
import { featureLock } from '@/lib/billing/entitlements';
import { requireMember } from '@/lib/members/require-member';
import { acsUrl, spEntityId, spMetadataUrl } from '@/lib/sso/sp-identity';
import { getSsoConfig } from '@/lib/sso/sso-config';
import { listSsoConnections } from '@/lib/sso/sso-connections';
import { listSsoDomains } from '@/lib/sso/sso-domains';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Single sign-on' };

export default async function SsoSettingsPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<{ tested?: string | string[] }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'settings.manage');
  const lock = await featureLock(tenant, 'sso');
  if (lock) {
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold text-slate-900">Single sign-on</h1>
        <p className="text-sm text-slate-600">Sign your people in through your identity provider (Okta, Entra ID, Google Workspace).</p>
        <UpgradeNotice lock={lock} />
      </div>
    );
  }
  const [domains, connections, config] = await Promise.all([listSsoDomains(tenant.id), listSsoConnections(tenant.id), getSsoConfig(tenant)]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-slate-900">Single sign-on</h1>
      <TestedBanner connections={connections} testedId={(await searchParams).tested} email={member.email} />
      <Card title="Your identity provider needs" description="Create a SAML app in your identity provider with these values, or import the metadata.">
        <SpDetails acsUrl={acsUrl()} entityId={spEntityId()} metadataUrl={spMetadataUrl()} />
      </Card>
      <Card title="SAML connections" description="One per identity provider: paste its metadata, or give its metadata URL.">
        <SsoConnectionsPanel initial={connections} />
      </Card>
      <Card
        title="Domains"
        description={<>Addresses in these domains sign in to {tenant.name} through the connection chosen for their domain, and get an account on their first sign-in. Verify each domain with a DNS record; require SSO per domain.</>}
      >
        <SsoDomainsPanel initial={domains} connections={connections} />
      </Card>
      <Card title="Roles" description="Which role people get from SSO.">
        <SsoPolicyForm initial={config} />
      </Card>
    </div>
  );
}

function TestedBanner({ connections, testedId, email }: { connections: { id: string; name: string }[]; testedId: string | string[] | undefined; email: string }) {
  const connection = typeof testedId === 'string' ? connections.find((c) => c.id === testedId) : undefined;
  if (!connection) return null;
  return (
    <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="sso-test-result">
      {connection.name} works: you signed in through it as {email}.
    </p>
  );
}
