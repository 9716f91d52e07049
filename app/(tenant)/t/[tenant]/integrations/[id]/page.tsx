import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppLogo } from '@/components/marketplace/app-card';
import { ConnectionCard } from '@/components/integrations/connection-card';
import { InstallationControls } from '@/components/integrations/installation-controls';
import { IntegrationLog } from '@/components/integrations/integration-log';
import { NotConfiguredCard } from '@/components/integrations/not-configured-card';
import { ProviderPanel } from '@/components/integrations/provider-panel';
import { Badge } from '@/components/ui/badge';
import { FormattedDateTime } from '@/components/ui/formatted';
import { categoryLabel } from '@/lib/marketplace/categories';
import { integrationFor, isIntegrationId } from '@/lib/integrations/registry';
import { integrationView } from '@/lib/integrations/views';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string; id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: isIntegrationId(id) ? integrationFor(id).manifest.name : 'Integration' };
}

/** Why the provider sent the member back without a connection (?error=<code> from the finish route). */
const CONNECT_ERRORS: Record<string, string> = {
  access_denied: 'You did not allow access, so nothing was connected.',
  expired: 'That connection attempt expired or was already used. Start again.',
  provider_error: 'The provider could not complete the connection. Try again in a minute.',
};

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
  const page = await integrationView(tenant, member, id);
  const { manifest } = page;
  const syncs = typeof integrationFor(id).sync === 'function';
  const query = await searchParams;
  const admin = page.canManage;
  const connected = typeof query.connected === 'string';
  const error = typeof query.error === 'string' ? (CONNECT_ERRORS[query.error] ?? 'The connection did not complete. Try again.') : null;
  const level = manifest.connects === 'workspace' ? 'workspace' : 'user';

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link href="/integrations" className="font-medium text-brand-text underline">
          ← All integrations
        </Link>
      </p>
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <AppLogo name={manifest.name} logoUrl={null} size={72} />
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-bold break-words text-slate-900" data-testid="integration-name">
            {manifest.name}
          </h1>
          <p className="text-sm text-slate-600">Built in</p>
          <p className="mt-2 break-words text-slate-800">{manifest.tagline}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Link href={`/apps?category=${manifest.category}`} className="underline">
              {categoryLabel(manifest.category)}
            </Link>
            {page.installation ? <Badge tone="success">Installed</Badge> : null}
            {page.configured ? null : <Badge tone="warning">Not configured</Badge>}
          </div>
        </div>
        {admin && (page.configured || page.installation) ? (
          <InstallationControls id={manifest.id} name={manifest.name} installed={page.installation !== null} what={level === 'user' ? 'Members’ calendars keep the events already there.' : 'Channel settings are deleted.'} />
        ) : null}
      </header>

      {connected ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="integration-connected">
          {manifest.name} is connected.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}

      {page.configured ? null : <NotConfiguredCard manifest={manifest} missingEnv={page.missingEnv} redirectUri={page.redirectUri} />}

      {page.installation ? (
        <>
          <p className="text-sm text-slate-600">
            Installed <FormattedDateTime value={page.installation.installedAt} />
            {page.installation.installedBy ? <span className="break-all"> by {page.installation.installedBy}</span> : null}.
            {page.memberConnections !== null ? ` ${page.memberConnections} ${page.memberConnections === 1 ? 'member has' : 'members have'} connected.` : null}
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
          <ProviderPanel id={manifest.id} tenant={tenant} member={member} installationId={page.installation.id} connected={page.connection !== null} admin={admin} />
          <IntegrationLog entries={page.log} />
        </>
      ) : page.configured ? (
        <p className="text-sm text-slate-700" data-testid="integration-not-installed">
          {admin ? `Install ${manifest.name} to turn it on for everyone in ${tenant.name}.` : `Not installed in ${tenant.name}. Ask an admin to install it.`}
        </p>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="about">
          <h2 id="about" className="text-lg font-semibold text-slate-900">
            About
          </h2>
          {manifest.description.map((paragraph) => (
            <p key={paragraph} className="mt-2 break-words text-slate-800">
              {paragraph}
            </p>
          ))}
        </section>
        <div className="flex flex-col gap-6">
          {manifest.providerScopes.length ? (
            <section aria-labelledby="scopes">
              <h2 id="scopes" className="text-lg font-semibold text-slate-900">
                Access it asks for
              </h2>
              <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid="integration-scopes">
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
                Settings
              </h2>
              <dl className="mt-2 flex flex-col gap-2 text-sm">
                {manifest.settings.map((setting) => (
                  <div key={setting.key}>
                    <dt className="font-medium text-slate-900">{setting.label}</dt>
                    <dd className="text-slate-700">{setting.description}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}
          {manifest.events.length ? (
            <section aria-labelledby="events">
              <h2 id="events" className="text-lg font-semibold text-slate-900">
                Reacts to
              </h2>
              <p className="mt-2 font-mono text-xs break-words text-slate-800">{manifest.events.join(', ')}</p>
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
