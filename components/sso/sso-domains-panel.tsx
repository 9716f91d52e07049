'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/http/api-client';
import { SSO_KEYS, ssoApi, type SsoDomainRow } from './sso-requests';

/** Email domains whose people sign in with SSO: add, prove with a DNS TXT record, remove. */
export function SsoDomainsPanel({ initial }: { initial: SsoDomainRow[] }) {
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: SSO_KEYS.domains, queryFn: ssoApi.domains, initialData: initial });
  const [domain, setDomain] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [alert, setAlert] = useState<string | null>(null);
  const [checks, setChecks] = useState<Record<string, string>>({});
  const refresh = () => client.invalidateQueries({ queryKey: SSO_KEYS.domains });

  const add = useMutation({
    mutationFn: ssoApi.addDomain,
    onSuccess: () => {
      setDomain('');
      return refresh();
    },
    onError: (error) => (error instanceof ApiError && error.fields.domain ? setFieldError(error.fields.domain) : setAlert(error.message)),
  });
  const verify = useMutation({
    mutationFn: ssoApi.verifyDomain,
    onSuccess: (result, id) => {
      setChecks((c) => ({ ...c, [id]: result.verified ? 'Verified.' : 'The TXT record was not found yet. DNS changes can take a while; try again in a few minutes.' }));
      return refresh();
    },
    onError: (error) => setAlert(error.message),
  });
  const remove = useMutation({ mutationFn: ssoApi.removeDomain, onSettled: refresh, onError: (error) => setAlert(error.message) });

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
        <TextField label="Email domain" name="domain" placeholder="example.com" value={domain} onChange={(e) => setDomain(e.target.value)} error={fieldError} className="min-w-64 flex-1" />
        <Button type="submit" disabled={add.isPending}>
          Add domain
        </Button>
      </form>
      {data.length === 0 ? <p className="text-sm text-slate-500">No SSO domain yet.</p> : null}
      <ul className="flex flex-col gap-4">
        {data.map((row) => (
          <li key={row.id} className="rounded-lg border border-slate-200 p-4" data-testid={`sso-domain-${row.domain}`}>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div className="flex items-center gap-3">
                <span className="font-semibold text-slate-900">{row.domain}</span>
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
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-mono text-xs">
                  <dt className="text-slate-500">Name</dt>
                  <dd className="break-all">{row.record.name}</dd>
                  <dt className="text-slate-500">Value</dt>
                  <dd className="break-all" data-testid="sso-domain-txt">
                    {row.record.value}
                  </dd>
                </dl>
              </div>
            )}
            {checks[row.id] ? (
              <p role="status" className="mt-3 text-sm text-slate-700">
                {checks[row.id]}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
