'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import type { OAuthAppView } from '@/lib/oauth/app-schema';
import { AppCredentials } from './app-credentials';
import { AppLogo, ClientTypeBadge, ScopeList } from './oauth-app-badges';
import { OAuthAppForm } from './oauth-app-form';
import { fetchApps, oauthKeys } from './oauth-app-requests';
import type { ScopeOption } from './scope-picker';
import { useCreateApp } from './use-oauth-mutations';

interface Registered {
  appId: string;
  name: string;
  clientId: string;
  clientSecret: string | null;
}

/** The workspace's OAuth apps, and the form that registers one (its credentials are shown once, here). */
export function OAuthAppsPanel({ initial, scopes, locked = false }: { initial: OAuthAppView[]; scopes: ScopeOption[]; locked?: boolean }) {
  const t = useTranslations('oauthApps');
  const { data: apps } = useQuery({ queryKey: oauthKeys.apps, queryFn: fetchApps, initialData: initial });
  const create = useCreateApp();
  const [registered, setRegistered] = useState<Registered | null>(null);
  // A fresh form after each app registered.
  const [formKey, setFormKey] = useState(0);

  return (
    <div className="flex flex-col gap-6">
      {registered ? (
        <div className="flex flex-col gap-2">
          <AppCredentials
            key={registered.appId}
            title={t('panel.registered', { name: registered.name })}
            clientId={registered.clientId}
            clientSecret={registered.clientSecret}
            note={registered.clientSecret ? undefined : t('panel.publicNote')}
            onDone={() => setRegistered(null)}
          />
          <p className="text-sm text-slate-600">
            {t.rich('panel.openApp', {
              link: (chunks) => (
                <Link href={`/developers/apps/${encodeURIComponent(registered.appId)}`} className="font-semibold text-brand-text underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </div>
      ) : null}
      <Card title={t('panel.yourApps')}>
        {apps.length === 0 ? <p className="text-sm text-slate-500">{locked ? t('panel.noApps') : t('panel.noAppsYet')}</p> : null}
        <ul className="flex flex-col gap-3">
          {apps.map((app) => (
            <li key={app.id} className="rounded-lg border border-slate-200 p-4" data-testid="oauth-app-item">
              <div className="flex flex-wrap items-center gap-3">
                <AppLogo logoUrl={app.logoUrl} />
                <Link href={`/developers/apps/${encodeURIComponent(app.id)}`} className="font-semibold text-brand-text underline">
                  {app.name}
                </Link>
                <ClientTypeBadge clientType={app.clientType} />
              </div>
              {app.description ? <p className="mt-1 text-sm text-slate-700">{app.description}</p> : null}
              <p className="mt-2 text-sm text-slate-600">
                {t.rich('panel.clientId', {
                  clientId: app.clientId,
                  label: (chunks) => <span className="font-medium">{chunks}</span>,
                  code: (chunks) => (
                    <code dir="ltr" className="font-mono text-xs break-all">
                      {chunks}
                    </code>
                  ),
                })}
              </p>
              <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <span className="font-medium">{t('panel.scopes')}</span>
                <ScopeList scopes={app.allowedScopes} />
              </div>
            </li>
          ))}
        </ul>
      </Card>
      {locked ? null : (
        <Card title={t('panel.register')} description={t('panel.registerDescription')}>
          <OAuthAppForm
            key={formKey}
            label={t('panel.register')}
            submitLabel={t('panel.registerSubmit')}
            pendingLabel={t('panel.registering')}
            scopes={scopes}
            pending={create.isPending}
            error={create.error}
            onSubmit={(input) =>
              create.mutate(input, {
                onSuccess: ({ app, clientSecret }) => {
                  setFormKey((key) => key + 1);
                  setRegistered({ appId: app.id, name: app.name, clientId: app.clientId, clientSecret });
                },
              })
            }
          />
        </Card>
      )}
    </div>
  );
}
