import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AppLogo } from '@/components/marketplace/app-card';
import { categoryText } from '@/components/marketplace/category-text';
import { ConnectionCard } from '@/components/integrations/connection-card';
import { InstallationControls } from '@/components/integrations/installation-controls';
import { IntegrationLog } from '@/components/integrations/integration-log';
import { manifestText } from '@/components/integrations/manifest-text';
import { NotConfiguredCard } from '@/components/integrations/not-configured-card';
import { ProviderPanel } from '@/components/integrations/provider-panel';
import { Badge } from '@/components/ui/badge';
import { FormattedDateTime } from '@/components/ui/formatted';
import { integrationFor, isIntegrationId } from '@/lib/integrations/registry';
import { integrationView } from '@/lib/integrations/views';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string; id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations('integrations');
  return { title: isIntegrationId(id) ? integrationFor(id).manifest.name : t('integration') };
}

/** Why the provider sent the member back without a connection (?error=<code> from the finish route). */
const CONNECT_ERRORS = { access_denied: 'accessDenied', expired: 'expired', provider_error: 'providerError' } as const;

/**
 * One built-in integration: what it does and asks for; "not configured" with the operator's
 * setup when its credentials are missing; Install / Uninstall for admins; the member's (or the
 * workspace's) connection with its sync status; the provider's own panel; the recent log.
 */
export default async function IntegrationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { tenant: slug, id } = await params;
  const tenant = await requireTenant(slug);
  const member = await requireMember(tenant);
  if (!isIntegrationId(id)) notFound();
  const t = await getTranslations('integrations');
  const marketplace = await getTranslations('marketplace');
  const page = await integrationView(tenant, member, id);
  const { manifest } = page;
  const words = manifestText(t, manifest);
  const syncs = typeof integrationFor(id).sync === 'function';
  const query = await searchParams;
  const admin = page.canManage;
  const connected = typeof query.connected === 'string';
  const errorCode = typeof query.error === 'string' ? query.error : null;
  const error = errorCode === null ? null : t(`connectErrors.${errorCode in CONNECT_ERRORS ? CONNECT_ERRORS[errorCode as keyof typeof CONNECT_ERRORS] : 'other'}`);
  const level = manifest.connects === 'workspace' ? 'workspace' : 'user';
  const installation = page.installation;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link href="/integrations" className="font-medium text-brand-text underline">
          {t('allIntegrations')}
        </Link>
      </p>
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <AppLogo name={manifest.name} logoUrl={null} size={72} />
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-bold break-words text-slate-900" data-testid="integration-name">
            {manifest.name}
          </h1>
          <p className="text-sm text-slate-600">{t('builtIn')}</p>
          <p className="mt-2 break-words text-slate-800">{words.tagline(manifest.tagline)}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Link href={`/apps?category=${manifest.category}`} className="underline">
              {categoryText(marketplace, manifest.category)}
            </Link>
            {installation ? <Badge tone="success">{t('installed')}</Badge> : null}
            {page.configured ? null : <Badge tone="warning">{t('notConfigured')}</Badge>}
          </div>
        </div>
        {admin && (page.configured || installation) ? (
          <InstallationControls id={manifest.id} name={manifest.name} installed={installation !== null} what={level === 'user' ? t('keepsCalendarEvents') : t('channelSettingsDeleted')} />
        ) : null}
      </header>

      {connected ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="integration-connected">
          {t('isConnected', { name: manifest.name })}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}

      {page.configured ? null : <NotConfiguredCard manifest={manifest} missingEnv={page.missingEnv} redirectUri={page.redirectUri} />}

      {installation ? (
        <>
          <p className="text-sm text-slate-600">
            {t.rich(installation.installedBy ? 'installedAtBy' : 'installedAt', {
              name: installation.installedBy ?? '',
              date: () => <FormattedDateTime value={installation.installedAt} />,
              who: (chunks) => <span className="break-all">{chunks}</span>,
            })}
            {page.memberConnections !== null ? <> {t('membersConnected', { count: page.memberConnections })}</> : null}
          </p>
          {manifest.connects !== 'none' && page.configured ? (
            <ConnectionCard
              id={manifest.id}
              name={manifest.name}
              level={level}
              initial={page.connection}
              syncs={syncs}
              frequencies={manifest.syncFrequencies ?? []}
              canManage={level === 'workspace' ? admin : true}
            />
          ) : null}
          <ProviderPanel id={manifest.id} tenant={tenant} member={member} installationId={installation.id} connected={page.connection !== null} admin={admin} />
          <IntegrationLog entries={page.log} />
        </>
      ) : page.configured ? (
        <p className="text-sm text-slate-700" data-testid="integration-not-installed">
          {admin ? t('installToTurnOn', { name: manifest.name, workspace: tenant.name }) : t('notInstalled', { workspace: tenant.name })}
        </p>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="about">
          <h2 id="about" className="text-lg font-semibold text-slate-900">
            {t('about')}
          </h2>
          {words.description(manifest.description).map((paragraph) => (
            <p key={paragraph} className="mt-2 break-words text-slate-800">
              {paragraph}
            </p>
          ))}
        </section>
        <div className="flex flex-col gap-6">
          {manifest.providerScopes.length ? (
            <section aria-labelledby="scopes">
              <h2 id="scopes" className="text-lg font-semibold text-slate-900">
                {t('accessItAsksFor')}
              </h2>
              <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid="integration-scopes" dir="ltr">
                {manifest.providerScopes.map((scope) => (
                  <li key={scope} className="font-mono text-xs break-all text-slate-800">
                    {scope}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {manifest.settings.length ? (
            <section aria-labelledby="settings">
              <h2 id="settings" className="text-lg font-semibold text-slate-900">
                {t('settings')}
              </h2>
              <dl className="mt-2 flex flex-col gap-2 text-sm">
                {manifest.settings.map((setting) => {
                  const shown = words.setting(setting);
                  return (
                    <div key={setting.key}>
                      <dt className="font-medium text-slate-900">{shown.label}</dt>
                      <dd className="text-slate-700">{shown.description}</dd>
                    </div>
                  );
                })}
              </dl>
            </section>
          ) : null}
          {manifest.events.length ? (
            <section aria-labelledby="events">
              <h2 id="events" className="text-lg font-semibold text-slate-900">
                {t('reactsTo')}
              </h2>
              <p className="mt-2 font-mono text-xs break-words text-slate-800" dir="ltr">
                {manifest.events.join(', ')}
              </p>
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
