import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sso');
  return { title: t('title') };
}

export default async function SsoSettingsPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<{ tested?: string | string[] }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'settings.manage');
  const lock = await featureLock(tenant, 'sso');
  const t = await getTranslations('sso');
  if (lock) {
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
        <p className="text-sm text-slate-600">{t('lockedIntro')}</p>
        <UpgradeNotice lock={lock} />
      </div>
    );
  }
  const [domains, connections, config] = await Promise.all([listSsoDomains(tenant.id), listSsoConnections(tenant.id), getSsoConfig(tenant)]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
      <TestedBanner connections={connections} testedId={(await searchParams).tested} email={member.email} />
      <Card title={t('spCard.title')} description={t('spCard.description')}>
        <SpDetails acsUrl={acsUrl()} entityId={spEntityId()} metadataUrl={spMetadataUrl()} />
      </Card>
      <Card title={t('connectionsCard.title')} description={t('connectionsCard.description')}>
        <SsoConnectionsPanel initial={connections} />
      </Card>
      <Card
        title={t('domainsCard.title')}
        description={t('domainsCard.description', { name: tenant.name })}
      >
        <SsoDomainsPanel initial={domains} connections={connections} />
      </Card>
      <Card title={t('rolesCard.title')} description={t('rolesCard.description')}>
        <SsoPolicyForm initial={config} />
      </Card>
    </div>
  );
}

async function TestedBanner({ connections, testedId, email }: { connections: { id: string; name: string }[]; testedId: string | string[] | undefined; email: string }) {
  const connection = typeof testedId === 'string' ? connections.find((c) => c.id === testedId) : undefined;
  if (!connection) return null;
  const t = await getTranslations('sso');
  return (
    <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="sso-test-result">
      {t('tested', { name: connection.name, email })}
    </p>
  );
}
