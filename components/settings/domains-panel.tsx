'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { api, ApiError } from '@/lib/http/api-client';

interface DomainRecord {
  type: 'CNAME' | 'TXT';
  name: string;
  value: string;
}

interface DomainRow {
  id: string;
  hostname: string;
  verifiedAt: string | null;
  records: DomainRecord[];
}

const KEY = ['settings', 'domains'];

/** `locked`: the plan lacks custom domains; existing ones can still be checked and removed, none added. */
export function DomainsPanel({ initial, locked = false }: { initial: DomainRow[]; locked?: boolean }) {
  const t = useTranslations('domains');
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: KEY, queryFn: () => api<{ domains: DomainRow[] }>('/api/app/settings/domains').then((r) => r.domains), initialData: initial });
  const [hostname, setHostname] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [alert, setAlert] = useState<string | null>(null);
  const [checks, setChecks] = useState<Record<string, string>>({});

  const add = useMutation({
    mutationFn: (value: string) => api('/api/app/settings/domains', { method: 'POST', json: { hostname: value } }),
    onSuccess: () => {
      setHostname('');
      return client.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => (error instanceof ApiError && error.fields.hostname ? setFieldError(error.fields.hostname) : setAlert(error.message)),
  });
  const verify = useMutation({
    mutationFn: (id: string) => api<{ verified: boolean }>(`/api/app/settings/domains/${id}/verify`, { method: 'POST' }),
    onSuccess: (result, id) => {
      setChecks((c) => ({ ...c, [id]: result.verified ? t('verifiedNow') : t('notFoundYet') }));
      return client.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => setAlert(error.message),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/app/settings/domains/${id}`, { method: 'DELETE' }),
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: KEY });
      const previous = client.getQueryData<DomainRow[]>(KEY);
      client.setQueryData<DomainRow[]>(KEY, (rows) => rows?.filter((row) => row.id !== id));
      return { previous };
    },
    onError: (error, _id, context) => {
      client.setQueryData(KEY, context?.previous);
      setAlert(error.message);
    },
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });

  function onAdd(event: FormEvent) {
    event.preventDefault();
    setFieldError(undefined);
    setAlert(null);
    add.mutate(hostname);
  }

  return (
    <div className="flex flex-col gap-6">
      <FormAlert message={alert} />
      {locked ? null : (
        <form onSubmit={onAdd} noValidate className="flex flex-wrap items-end gap-3" aria-label={t('addLabel')}>
          <TextField label={t('hostname')} name="hostname" dir="ltr" placeholder={t('hostnamePlaceholder')} value={hostname} onChange={(e) => setHostname(e.target.value)} error={fieldError} className="min-w-64 flex-1" />
          <Button type="submit" disabled={add.isPending}>
            {t('add')}
          </Button>
        </form>
      )}
      {data.length === 0 ? <p className="text-sm text-slate-500">{locked ? t('none') : t('noneYet')}</p> : null}
      <ul className="flex flex-col gap-4">
        {data.map((domain) => (
          <li key={domain.id} className="rounded-lg border border-slate-200 p-4" data-testid={`domain-${domain.hostname}`}>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div className="flex items-center gap-3">
                <span className="font-semibold text-slate-900" dir="ltr">
                  {domain.hostname}
                </span>
                <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${domain.verifiedAt ? 'bg-green-100 text-green-800' : 'bg-amber-100 text-amber-800'}`} data-testid="domain-status">
                  {domain.verifiedAt ? t('verified') : t('pending')}
                </span>
              </div>
              <div className="flex gap-2">
                {domain.verifiedAt ? null : (
                  <Button type="button" variant="secondary" onClick={() => verify.mutate(domain.id)} disabled={verify.isPending} aria-label={t('verifyLabel', { hostname: domain.hostname })}>
                    {t('verify')}
                  </Button>
                )}
                <Button type="button" variant="ghost" onClick={() => remove.mutate(domain.id)} aria-label={t('removeLabel', { hostname: domain.hostname })}>
                  {t('remove')}
                </Button>
              </div>
            </div>
            {domain.verifiedAt ? null : (
              <>
                <p className="mt-3 text-sm text-slate-600">{t('records')}</p>
                <table className="mt-2 w-full text-start text-sm">
                  <thead className="text-slate-500">
                    <tr>
                      <th scope="col" className="py-1 pe-4 font-medium">
                        {t('type')}
                      </th>
                      <th scope="col" className="py-1 pe-4 font-medium">
                        {t('name')}
                      </th>
                      <th scope="col" className="py-1 font-medium">
                        {t('value')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="font-mono text-xs">
                    {domain.records.map((record) => (
                      <tr key={record.type} className="border-t border-slate-100">
                        <td className="py-2 pe-4">{record.type}</td>
                        <td className="py-2 pe-4 break-all" dir="ltr">
                          {record.name}
                        </td>
                        <td className="py-2 break-all" dir="ltr" data-testid={`record-${record.type}`}>
                          {record.value}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            {checks[domain.id] ? (
              <p role="status" className="mt-3 text-sm text-slate-700">
                {checks[domain.id]}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
