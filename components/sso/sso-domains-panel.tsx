'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/http/api-client';
import { SSO_KEYS, ssoApi, type DomainCheck, type SsoConnectionRow, type SsoDomainRow } from './sso-requests';

/**
 * Email domains whose people sign in with SSO: add, prove with a DNS TXT record, remove; and per
 * domain, the SAML connection its people sign in through and whether SSO is required.
 */
export function SsoDomainsPanel({ initial, connections: initialConnections }: { initial: SsoDomainRow[]; connections: SsoConnectionRow[] }) {
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
      <form onSubmit={onAdd} noValidate className="flex flex-wrap items-end gap-3" aria-label="Add an SSO domain">
        <TextField label="Email domain" name="domain" placeholder="example.com" value={domain} onChange={(e) => setDomain(e.target.value)} error={fieldError} className="min-w-0 flex-1 basis-48" />
        <Button type="submit" disabled={add.isPending}>
          Add domain
        </Button>
      </form>
      {data.length === 0 ? <p className="text-sm text-slate-500">No SSO domain yet.</p> : null}
      <ul className="flex flex-col gap-4">
        {data.map((row) => (
          <DomainRow key={row.id} row={row} connections={connections} onChanged={refresh} />
        ))}
      </ul>
    </div>
  );
}

function checkMessage(check: DomainCheck): string {
  return check.verified ? 'Verified.' : check.message;
}

function DomainRow({ row, connections, onChanged }: { row: SsoDomainRow; connections: SsoConnectionRow[]; onChanged: () => Promise<void> }) {
  const [check, setCheck] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const verify = useMutation({
    mutationFn: ssoApi.verifyDomain,
    onMutate: () => setAlert(null),
    onSuccess: (result) => {
      setCheck(checkMessage(result));
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
  const connectionOptions = [{ value: '', label: 'No connection (no SSO)' }, ...connections.map((c) => ({ value: c.id, label: c.name }))];

  return (
    <li className="rounded-lg border border-slate-200 p-4" data-testid={`sso-domain-${row.domain}`}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 flex-wrap items-center gap-3">
          <span className="font-semibold break-all text-slate-900">{row.domain}</span>
          <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${row.verifiedAt ? 'bg-green-100 text-green-800' : 'bg-amber-100 text-amber-800'}`} data-testid="sso-domain-status">
            {row.verifiedAt ? 'Verified' : 'Pending verification'}
          </span>
        </div>
        <div className="flex gap-2">
          {row.verifiedAt ? null : (
            <Button type="button" variant="secondary" onClick={() => verify.mutate(row.id)} disabled={verify.isPending} aria-label={`Verify ${row.domain}`}>
              Verify
            </Button>
          )}
          <Button type="button" variant="ghost" onClick={() => remove.mutate(row.id)} aria-label={`Remove ${row.domain}`}>
            Remove
          </Button>
        </div>
      </div>
      {row.verifiedAt ? null : (
        <div className="mt-3 text-sm text-slate-600">
          <p>Add this TXT record at your DNS provider, then verify:</p>
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 font-mono text-xs">
            <dt className="text-slate-500">Name</dt>
            <dd className="break-all">{row.record.name}</dd>
            <dt className="text-slate-500">Value</dt>
            <dd className="break-all" data-testid="sso-domain-txt">
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
          label="Signs in through"
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
              Require SSO
            </label>
            <p id={`${requireId}-hint`} className="text-xs text-slate-500">
              {canRequire
                ? `People with @${row.domain} addresses can no longer sign in with a password or an email link. Owners keep a break-glass password sign-in, recorded in the audit log.`
                : 'Verify the domain and choose its connection first.'}
            </p>
          </div>
        </div>
      </div>
    </li>
  );
}
