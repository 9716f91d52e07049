'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { CopyButton } from '@/components/developers/copy-button';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import type { OAuthAppView } from '@/lib/oauth/app-schema';
import { AppCredentials } from './app-credentials';
import { AppLogo, ClientTypeBadge, ScopeList } from './oauth-app-badges';
import { OAuthAppForm } from './oauth-app-form';
import { fetchApp, oauthKeys, type OAuthAppInput, type OAuthAppUpdate } from './oauth-app-requests';
import { OAuthEndpoints } from './oauth-endpoints';
import { safeHttpUrl } from './safe-url';
import type { ScopeOption } from './scope-picker';
import { useDeleteApp, useRotateClientSecret, useUpdateApp } from './use-oauth-mutations';
import { useFormat } from '@/lib/format/format-context';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/** Only what the form changed (the client type never changes): an edit leaves the rest as it is. */
function changes(app: OAuthAppView, input: OAuthAppInput): OAuthAppUpdate {
  const update: OAuthAppUpdate = {};
  if (input.name !== app.name) update.name = input.name;
  if ((input.description ?? null) !== app.description) update.description = input.description ?? null;
  if ((input.logoUrl ?? null) !== app.logoUrl) update.logoUrl = input.logoUrl ?? null;
  if ((input.homepageUrl ?? null) !== app.homepageUrl) update.homepageUrl = input.homepageUrl ?? null;
  if (!sameList(input.redirectUris, app.redirectUris)) update.redirectUris = input.redirectUris;
  if (!sameList(input.allowedScopes, app.allowedScopes)) update.allowedScopes = input.allowedScopes;
  return update;
}

interface Props {
  initial: OAuthAppView;
  scopes: ScopeOption[];
  /** This workspace's address, e.g. https://acme.example.com. */
  origin: string;
}

/** One OAuth app: its credentials, settings and the endpoints a developer configures. */
export function OAuthAppDetailView({ initial, scopes, origin }: Props) {
  const fmt = useFormat();
  const t = useTranslations('oauthApps');
  const router = useRouter();
  const { data: app } = useQuery({ queryKey: oauthKeys.app(initial.id), queryFn: () => fetchApp(initial.id), initialData: initial, initialDataUpdatedAt: 0 });
  const update = useUpdateApp(app.id);
  const rotate = useRotateClientSecret(app.id);
  const remove = useDeleteApp(app.id);

  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const actionError = rotate.error ?? remove.error;
  const homepage = safeHttpUrl(app.homepageUrl);

  function confirmRotation() {
    if (!window.confirm(t('detail.confirmRotate', { name: app.name }))) return;
    rotate.mutate(undefined, { onSuccess: ({ clientSecret }) => setSecret(clientSecret) });
  }

  function confirmDelete() {
    if (!window.confirm(t('detail.confirmDelete', { name: app.name }))) return;
    remove.mutate(undefined, { onSuccess: () => router.push('/developers/apps') });
  }

  function submitEdit(input: OAuthAppInput) {
    const changed = changes(app, input);
    if (Object.keys(changed).length === 0) return setEditing(false);
    update.mutate(changed, { onSuccess: () => setEditing(false) });
  }

  return (
    <article className="flex flex-col gap-6">
      <nav aria-label={t('detail.breadcrumb')} className="text-sm">
        <Link href="/developers/apps" className="font-medium text-brand-text underline">
          {t('detail.allApps')}
        </Link>
      </nav>

      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <AppLogo logoUrl={app.logoUrl} size="lg" />
          <h1 className="text-2xl font-bold break-all text-slate-900">{app.name}</h1>
          <ClientTypeBadge clientType={app.clientType} />
        </div>
        {app.description ? <p className="text-slate-700">{app.description}</p> : null}
        {homepage ? (
          <p className="text-sm">
            <a href={homepage} target="_blank" rel="noopener noreferrer nofollow" dir="ltr" className="font-medium break-all text-brand-text underline">
              {homepage}
            </a>
          </p>
        ) : null}
      </header>

      {secret ? <AppCredentials key={secret} title={t('detail.newSecret')} clientId={app.clientId} clientSecret={secret} note={t('detail.previousStopped')} onDone={() => setSecret(null)} /> : null}

      <Card title={t('detail.credentials')}>
        <FormAlert message={actionError?.message} />
        <dl className="flex flex-col gap-4">
          <div>
            <dt className="text-xs font-medium text-slate-500">{t('credentials.clientId')}</dt>
            <dd className="mt-0.5 flex flex-wrap items-center gap-3">
              <code dir="ltr" className="min-w-0 flex-1 font-mono text-sm break-all text-slate-900" data-testid="oauth-app-client-id">
                {app.clientId}
              </code>
              <CopyButton text={app.clientId} label={t('credentials.copyClientId')} />
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium text-slate-500">{t('credentials.clientSecret')}</dt>
            <dd className="mt-0.5 text-sm text-slate-700">
              {app.clientType === 'public' ? (
                t('detail.noSecret')
              ) : (
                <span className="flex flex-wrap items-center gap-3">
                  <span>
                    {app.secretHint
                      ? t.rich('detail.secretHinted', {
                          hint: app.secretHint,
                          code: (chunks) => (
                            <code dir="ltr" className="font-mono">
                              {chunks}
                            </code>
                          ),
                        })
                      : t('detail.secretStored')}
                  </span>
                  <Button type="button" variant="secondary" disabled={rotate.isPending} onClick={confirmRotation}>
                    {rotate.isPending ? t('detail.rotating') : t('detail.rotate')}
                  </Button>
                </span>
              )}
            </dd>
          </div>
        </dl>
      </Card>

      <Card title={t('detail.settings')}>
        {editing ? (
          <OAuthAppForm
            label={t('detail.editLabel')}
            submitLabel={t('detail.save')}
            pendingLabel={t('detail.saving')}
            scopes={scopes}
            initial={app}
            pending={update.isPending}
            error={update.error}
            onCancel={() => setEditing(false)}
            onSubmit={submitEdit}
          />
        ) : (
          <div className="flex flex-col gap-5">
            <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
              <Detail label={t('detail.redirectUris')}>
                <ul className="flex flex-col gap-1">
                  {app.redirectUris.map((uri) => (
                    <li key={uri} className="font-mono text-xs break-all">
                      <span dir="ltr">{uri}</span>
                    </li>
                  ))}
                </ul>
              </Detail>
              <Detail label={t('detail.allowedScopes')}>
                <ScopeList scopes={app.allowedScopes} />
              </Detail>
              <Detail label={t('detail.created')}>{fmt.dateTime(app.createdAt)}</Detail>
              <Detail label={t('detail.lastChanged')}>{fmt.dateTime(app.updatedAt)}</Detail>
              <Detail label={t('detail.appId')}>
                <code className="font-mono text-xs">{app.id}</code>
              </Detail>
            </dl>
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
                {t('detail.edit')}
              </Button>
              <Button type="button" variant="ghost" disabled={remove.isPending} onClick={confirmDelete}>
                {t('detail.delete')}
              </Button>
            </div>
          </div>
        )}
      </Card>

      <Card
        title={t('detail.endpoints')}
        description={t.rich('detail.endpointsDescription', {
          path: '/.well-known/oauth-authorization-server',
          code: (chunks) => (
            <code dir="ltr" className="font-mono">
              {chunks}
            </code>
          ),
        })}
      >
        <OAuthEndpoints origin={origin} />
      </Card>
    </article>
  );
}
