'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/http/api-client';
import { SSO_KEYS, ssoApi, type SsoConnectionRow, type SsoDomainRow } from './sso-requests';

/**
 * Email domains whose people sign in with SSO: add, prove with a DNS TXT record, remove; and per
 * domain, the SAML connection its people sign in through and whether SSO is required.
 */
export function SsoDomainsPanel({ initial, connections: initialConnections }: { initial: SsoDomainRow[]; connections: SsoConnectionRow[] }) {
  const t = useTranslations('sso.domains');
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: SSO_KEYS.domains, queryFn: ssoApi.domains, initialData: initial });
  const { data: connections } = useQuery({ queryKey: SSO_KEYS.connections, queryFn: ssoApi.connections, initialData: initialConnections });
  const [domain, setDomain] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [alert, setAlert] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: SSO_KEYS.all });

  const add = useMutation({
    mutationFn: ssoApi.addDomain,
    onSuccess: () => {
      setDomain('');
      return refresh();
    },
    onError: (error) => (error instanceof ApiError && error.fields.domain ? setFieldError(error.fields.domain) : setAlert(error.message)),
  });

  function onAdd(event: FormEvent) {
    event.preventDefault();
    setFieldError(undefined);
    setAlert(null);
    add.mutate(domain);
  }

  return (
    <div className="flex flex-col gap-6">
      <FormAlert message={alert} />
      <form onSubmit={onAdd} noValidate className="flex flex-wrap items-end gap-3" aria-label={t('addLabel')}>
        <TextField label={t('domain')} name="domain" dir="ltr" placeholder={t('domainPlaceholder')} value={domain} onChange={(e) => setDomain(e.target.value)} error={fieldError} className="min-w-0 flex-1 basis-48" />
        <Button type="submit" disabled={add.isPending}>
          {t('add')}
        </Button>
      </form>
      {data.length === 0 ? <p className="text-sm text-slate-500">{t('none')}</p> : null}
      <ul className="flex flex-col gap-4">
        {data.map((row) => (
          <DomainRow key={row.id} row={row} connections={connections} onChanged={refresh} />
        ))}
      </ul>
    </div>
  );
}

function DomainRow({ row, connections, onChanged }: { row: SsoDomainRow; connections: SsoConnectionRow[]; onChanged: () => Promise<void> }) {
  const t = useTranslations('sso.domains');
  const [check, setCheck] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const verify = useMutation({
    mutationFn: ssoApi.verifyDomain,
    onMutate: () => setAlert(null),
    onSuccess: (result) => {
      setCheck(result.verified ? t('verifiedNow') : result.message);
      return onChanged();
    },
    onError: (error) => setAlert(error.message),
  });
  const remove = useMutation({ mutationFn: ssoApi.removeDomain, onSettled: onChanged, onError: (error) => setAlert(error.message) });
  const update = useMutation({
    mutationFn: ssoApi.updateDomain,
    onMutate: () => setAlert(null),
    onSettled: onChanged,
    onError: (error) => setAlert(error instanceof ApiError ? (Object.values(error.fields)[0] ?? error.message) : error.message),
  });

  const requireId = `require-sso-${row.id}`;
  const canRequire = !!row.verifiedAt && !!row.connectionId;
  const connectionOptions = [{ value: '', label: t('noConnection') }, ...connections.map((c) => ({ value: c.id, label: c.name }))];

  return (
    <li className="rounded-lg border border-slate-200 p-4" data-testid={`sso-domain-${row.domain}`}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 flex-wrap items-center gap-3">
          <span className="font-semibold break-all text-slate-900" dir="ltr">
            {row.domain}
          </span>
          <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${row.verifiedAt ? 'bg-green-100 text-green-800' : 'bg-amber-100 text-amber-800'}`} data-testid="sso-domain-status">
            {row.verifiedAt ? t('verified') : t('pending')}
          </span>
        </div>
        <div className="flex gap-2">
          {row.verifiedAt ? null : (
            <Button type="button" variant="secondary" onClick={() => verify.mutate(row.id)} disabled={verify.isPending} aria-label={t('verifyLabel', { domain: row.domain })}>
              {t('verify')}
            </Button>
          )}
          <Button type="button" variant="ghost" onClick={() => remove.mutate(row.id)} aria-label={t('removeLabel', { domain: row.domain })}>
            {t('remove')}
          </Button>
        </div>
      </div>
      {row.verifiedAt ? null : (
        <div className="mt-3 text-sm text-slate-600">
          <p>{t('record')}</p>
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 font-mono text-xs">
            <dt className="text-slate-500">{t('name')}</dt>
            <dd className="break-all" dir="ltr">
              {row.record.name}
            </dd>
            <dt className="text-slate-500">{t('value')}</dt>
            <dd className="break-all" dir="ltr" data-testid="sso-domain-txt">
              {row.record.value}
            </dd>
          </dl>
        </div>
      )}
      {check ? (
        <p role="status" className="mt-3 text-sm break-words text-slate-700" data-testid="sso-domain-check">
          {check}
        </p>
      ) : null}
      <div className="mt-4 flex flex-col gap-4 border-t border-slate-100 pt-4">
        <FormAlert message={alert} />
        <SelectField
          label={t('signsInThrough')}
          name={`connection-${row.id}`}
          value={row.connectionId ?? ''}
          options={connectionOptions}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ id: row.id, connectionId: e.target.value || null })}
          className="max-w-sm"
        />
        <div className="flex items-start gap-3">
          <input
            id={requireId}
            type="checkbox"
            className="mt-1 h-4 w-4 shrink-0 accent-brand"
            checked={row.requireSso}
            disabled={update.isPending || (!canRequire && !row.requireSso)}
            onChange={(e) => update.mutate({ id: row.id, requireSso: e.target.checked })}
            aria-describedby={`${requireId}-hint`}
          />
          <div className="min-w-0">
            <label htmlFor={requireId} className="text-sm font-medium text-slate-800">
              {t('requireSso')}
            </label>
            <p id={`${requireId}-hint`} className="text-xs text-slate-500">
              {canRequire ? t('requireSsoHint', { domain: row.domain }) : t('requireSsoFirst')}
            </p>
          </div>
        </div>
      </div>
    </li>
  );
}
