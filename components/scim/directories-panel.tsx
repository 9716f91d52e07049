'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/http/api-client';
import { SCIM_PROVIDERS, type DirectoryView, type DirectoryWithToken, type ScimProvider } from '@/lib/scim/directory-schema';
import { DirectoryItem } from './directory-item';
import { DirectorySetup } from './directory-setup';
import { fetchDirectories, postDirectory, scimKeys } from './scim-requests';

/** The workspace's directories, and the form that adds one (its token is shown once, here). */
export function DirectoriesPanel({ initial }: { initial: DirectoryView[] }) {
  const t = useTranslations('directory');
  const client = useQueryClient();
  const { data: directories } = useQuery({ queryKey: scimKeys.list, queryFn: fetchDirectories, initialData: initial });
  const [name, setName] = useState('');
  const [provider, setProvider] = useState<ScimProvider>('okta');
  const [revealed, setRevealed] = useState<DirectoryWithToken | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: postDirectory,
    onSuccess: (result) => {
      client.setQueryData<DirectoryView[]>(scimKeys.list, (rows) => [...(rows ?? []), result.directory]);
      setName('');
      setRevealed(result);
    },
  });
  const fieldErrors = create.error instanceof ApiError ? create.error.fields : {};

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAlert(null);
    create.mutate({ name, provider });
  }

  return (
    <div className="flex flex-col gap-6">
      <FormAlert message={alert} />
      {revealed ? <DirectorySetup directory={revealed.directory} token={revealed.token} onDone={() => setRevealed(null)} /> : null}
      <Card title={t('directories')}>
        {directories.length === 0 ? <p className="text-sm text-slate-500">{t('none')}</p> : null}
        <ul className="flex flex-col gap-3">
          {directories.map((directory) => (
            <DirectoryItem key={directory.id} directory={directory} onRotated={setRevealed} onError={setAlert} />
          ))}
        </ul>
      </Card>
      <Card title={t('add.title')} description={t('add.description')}>
        <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-label={t('add.formLabel')}>
          <TextField label={t('add.name')} name="name" placeholder={t('add.namePlaceholder')} value={name} onChange={(e) => setName(e.target.value)} error={fieldErrors.name} className="min-w-64 flex-1" />
          <SelectField
            label={t('add.provider')}
            name="provider"
            value={provider}
            onChange={(e) => setProvider(e.target.value as ScimProvider)}
            options={SCIM_PROVIDERS.map((value) => ({ value, label: t(`providers.${value}`) }))} error={fieldErrors.provider} />
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? t('add.adding') : t('add.submit')}
          </Button>
        </form>
        {create.error && !(create.error instanceof ApiError && Object.keys(create.error.fields).length > 0) ? <p className="mt-3 text-sm text-red-700">{create.error.message}</p> : null}
      </Card>
    </div>
  );
}
