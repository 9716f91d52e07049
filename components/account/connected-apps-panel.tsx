'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { AppLogo } from '@/components/oauth/oauth-app-badges';
import { CONSENT_SCOPE_KEYS } from '@/components/oauth/scope-words';
import { safeHttpUrl } from '@/components/oauth/safe-url';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { api } from '@/lib/http/api-client';
import type { ConnectedAppView } from '@/lib/oauth/connected-apps';
import { isOAuthScope } from '@/lib/oauth/oauth-scopes';
import { useFormat } from '@/lib/format/format-context';

const QUERY_KEY = ['account-connected-apps'];

/** The third-party apps the person connected to their account here, each with Disconnect. */
export function ConnectedAppsPanel({ initial }: { initial: ConnectedAppView[] }) {
  const t = useTranslations('account.connectedApps');
  // What each scope lets the app do, in the consent screen's words.
  const consent = useTranslations('consent');
  const fmt = useFormat();
  const client = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { data: apps } = useQuery({
    queryKey: QUERY_KEY,
    queryFn: () => api<{ apps: ConnectedAppView[] }>('/api/app/account/apps').then((r) => r.apps),
    initialData: initial,
  });
  const disconnect = useMutation({
    mutationFn: (app: ConnectedAppView) => api(`/api/app/account/apps/${encodeURIComponent(app.appId)}`, { method: 'DELETE' }),
    onMutate: () => {
      setAlert(null);
      setStatus(null);
    },
    onSuccess: (_data, app) => {
      client.setQueryData<ConnectedAppView[]>(QUERY_KEY, (rows) => rows?.filter((row) => row.appId !== app.appId));
      setStatus(t('disconnected', { app: app.name }));
    },
    onError: (error: Error) => setAlert(error.message),
    onSettled: () => client.invalidateQueries({ queryKey: QUERY_KEY }),
  });

  function confirmDisconnect(app: ConnectedAppView) {
    if (!window.confirm(t('confirm', { app: app.name }))) return;
    disconnect.mutate(app);
  }

  return (
    <div className="flex flex-col gap-4">
      <FormAlert message={alert} />
      {apps.length === 0 ? (
        <p className="text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100" aria-label={t('listLabel')}>
          {apps.map((app) => {
            const homepage = safeHttpUrl(app.homepageUrl);
            return (
              <li key={app.appId} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="connected-app">
                <div className="flex min-w-0 items-start gap-3">
                  <AppLogo logoUrl={app.logoUrl} />
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">
                      {homepage ? (
                        <a href={homepage} target="_blank" rel="noopener noreferrer nofollow" className="underline">
                          {app.name}
                        </a>
                      ) : (
                        app.name
                      )}
                    </p>
                    <p className="text-xs text-slate-600">{t('by', { workspace: app.ownerWorkspace })}</p>
                    <ul className="mt-1 list-disc ps-5 text-sm text-slate-700">
                      {app.scopes.filter(isOAuthScope).map((scope) => (
                        <li key={scope}>{consent(`scopes.${CONSENT_SCOPE_KEYS[scope]}`)}</li>
                      ))}
                    </ul>
                    <p className="mt-1 text-xs text-slate-500">
                      {app.lastUsedAt ? t('used', { connected: fmt.dateTime(app.connectedAt), lastUsed: fmt.dateTime(app.lastUsedAt) }) : t('neverUsed', { connected: fmt.dateTime(app.connectedAt) })}
                    </p>
                  </div>
                </div>
                <Button type="button" variant="secondary" disabled={disconnect.isPending && disconnect.variables?.appId === app.appId} onClick={() => confirmDisconnect(app)} aria-label={t('disconnectLabel', { app: app.name })}>
                  {t('disconnect')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <FormStatus message={status} />
    </div>
  );
}
