'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CopyButton } from '@/components/developers/copy-button';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { AddConnectionForm } from './add-connection-form';
import { SSO_KEYS, ssoApi, type SsoConnectionRow } from './sso-requests';
import { useFormat } from '@/lib/format/format-context';

/** The workspace's SAML connections: details, "Test connection" (a real SP-initiated sign-in), delete, add. */
export function SsoConnectionsPanel({ initial }: { initial: SsoConnectionRow[] }) {
  const t = useTranslations('sso.connections');
  const fmt = useFormat();
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: SSO_KEYS.connections, queryFn: ssoApi.connections, initialData: initial });
  const [alert, setAlert] = useState<string | null>(null);
  // Deleting a connection unbinds its domains: both lists change.
  const refresh = () => client.invalidateQueries({ queryKey: SSO_KEYS.all });
  const remove = useMutation({ mutationFn: ssoApi.removeConnection, onSettled: refresh, onError: (error) => setAlert(error.message) });
  const update = useMutation({ mutationFn: ({ id, idpInitiated }: { id: string; idpInitiated: boolean }) => ssoApi.updateConnection(id, { idpInitiated }), onSettled: refresh, onError: (error) => setAlert(error.message) });

  return (
    <div className="flex flex-col gap-6">
      <FormAlert message={alert} />
      {data.length === 0 ? <p className="text-sm text-slate-500">{t('none')}</p> : null}
      <ul className="flex flex-col gap-4">
        {data.map((connection) => (
          <li key={connection.id} className="rounded-lg border border-slate-200 p-4" data-testid={`sso-connection-${connection.name}`}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="font-semibold text-slate-900">{connection.name}</p>
                <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-xs text-slate-600">
                  <dt>{t('entityId')}</dt>
                  <dd className="font-mono break-all" dir={connection.idpEntityId ? 'ltr' : undefined} data-testid="sso-connection-entity-id">
                    {connection.idpEntityId ?? t('unknown')}
                  </dd>
                  <dt>{t('signInUrl')}</dt>
                  <dd className="font-mono break-all" dir={connection.idpSsoUrl ? 'ltr' : undefined}>
                    {connection.idpSsoUrl ?? t('unknown')}
                  </dd>
                  <dt>{t('certificateExpires')}</dt>
                  <dd>{connection.certificateValidTo ? fmt.date(connection.certificateValidTo) : t('unknown')}</dd>
                  <dt>{t('acsUrl')}</dt>
                  <dd className="flex flex-wrap items-center gap-2">
                    <code className="font-mono break-all" dir="ltr" data-testid="sso-connection-acs-url">
                      {connection.acsUrl}
                    </code>
                    <CopyButton text={connection.acsUrl} label={t('copyAcsUrl', { name: connection.name })} />
                  </dd>
                  <dt>{t('spMetadata')}</dt>
                  <dd>
                    <a href={`${connection.metadataUrl}?download=1`} className="font-semibold text-brand-text underline">
                      {t('download')}
                    </a>
                  </dd>
                  <dt>{t('domains')}</dt>
                  <dd className="break-all" data-testid="sso-connection-domains">
                    {connection.domains.length ? connection.domains.join(t('listSeparator')) : t('noDomains')}
                  </dd>
                </dl>
                <label className="mt-3 flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    checked={connection.idpInitiated}
                    disabled={update.isPending}
                    onChange={(event) => update.mutate({ id: connection.id, idpInitiated: event.target.checked })}
                  />
                  {t('idpInitiated')}
                </label>
              </div>
              <div className="flex gap-2">
                {/* A plain form post: the browser leaves for the IdP and comes back signed in. */}
                <form method="post" action="/api/sso/start">
                  <input type="hidden" name="connectionId" value={connection.id} />
                  <Button type="submit" variant="secondary" aria-label={t('testLabel', { name: connection.name })}>
                    {t('test')}
                  </Button>
                </form>
                <Button type="button" variant="ghost" onClick={() => remove.mutate(connection.id)} aria-label={t('deleteLabel', { name: connection.name })}>
                  {t('delete')}
                </Button>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <div className="border-t border-slate-100 pt-6">
        <h3 className="mb-3 text-sm font-semibold text-slate-900">{t('add')}</h3>
        <AddConnectionForm onAdded={refresh} />
      </div>
    </div>
  );
}
