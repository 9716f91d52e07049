'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
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
            title={`“${registered.name}” is registered`}
            clientId={registered.clientId}
            clientSecret={registered.clientSecret}
            note={registered.clientSecret ? undefined : 'A public app has no client secret: it proves each authorization with PKCE.'}
            onDone={() => setRegistered(null)}
          />
          <p className="text-sm text-slate-600">
            <Link href={`/developers/apps/${encodeURIComponent(registered.appId)}`} className="font-semibold text-brand-text underline">
              Open the app
            </Link>{' '}
            for its endpoints and settings.
          </p>
        </div>
      ) : null}
      <Card title="Your apps">
        {apps.length === 0 ? <p className="text-sm text-slate-500">{locked ? 'No apps.' : 'No apps yet. Register one below to let people connect it to their account.'}</p> : null}
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
                <span className="font-medium">Client ID:</span> <code className="font-mono text-xs break-all">{app.clientId}</code>
              </p>
              <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <span className="font-medium">Scopes:</span>
                <ScopeList scopes={app.allowedScopes} />
              </div>
            </li>
          ))}
        </ul>
      </Card>
      {locked ? null : (
        <Card title="Register an app" description="Apps ask people for access to their account through a consent screen in this workspace's brand, then call the API with the tokens they get.">
          <OAuthAppForm
            key={formKey}
            label="Register an app"
            submitLabel="Register app"
            pendingLabel="Registering…"
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
