'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';
import { CopyButton } from '@/components/developers/copy-button';
import { Button } from '@/components/ui/button';
import type { DirectoryView, DirectoryWithToken } from '@/lib/scim/directory-schema';
import { deleteDirectory, fetchDirectory, postRotation, scimKeys } from './scim-requests';
import { useFormat } from '@/lib/format/format-context';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

interface Props {
  directory: DirectoryView;
  onRotated: (result: DirectoryWithToken) => void;
  onError: (message: string) => void;
}

/** One directory: where the IdP sends requests, what it synced, and Rotate token / Delete. */
export function DirectoryItem({ directory, onRotated, onError }: Props) {
  const t = useTranslations('directory.item');
  const providers = useTranslations('directory.providers');
  const fmt = useFormat();
  const titleId = useId();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const when = (iso: string | null, none: string) => (iso ? fmt.dateTime(iso) : none);

  const detail = useQuery({ queryKey: scimKeys.detail(directory.id), queryFn: () => fetchDirectory(directory.id), enabled: open });
  const rotate = useMutation({
    mutationFn: () => postRotation(directory.id),
    onSuccess: (result) => {
      client.setQueryData<DirectoryView[]>(scimKeys.list, (rows) => rows?.map((row) => (row.id === directory.id ? result.directory : row)));
      onRotated(result);
    },
    onError: (error) => onError(error.message),
  });
  const remove = useMutation({
    mutationFn: () => deleteDirectory(directory.id),
    onSuccess: () => {
      client.setQueryData<DirectoryView[]>(scimKeys.list, (rows) => rows?.filter((row) => row.id !== directory.id));
      client.removeQueries({ queryKey: scimKeys.detail(directory.id) });
    },
    onError: (error) => onError(error.message),
  });

  function confirmRotate() {
    if (!window.confirm(t('rotateConfirm', { name: directory.name }))) return;
    rotate.mutate();
  }

  function confirmDelete() {
    if (!window.confirm(t('deleteConfirm', { name: directory.name }))) return;
    remove.mutate();
  }

  return (
    <li aria-labelledby={titleId} className="rounded-lg border border-slate-200 p-4" data-testid="scim-directory-item">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h3 id={titleId} className="font-semibold text-slate-900">
            {directory.name}
          </h3>
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">{providers(directory.provider)}</span>
        </div>
        <div className="flex gap-2">
          <Button type="button" variant="secondary" onClick={confirmRotate} disabled={rotate.isPending}>
            {t('rotate')}
          </Button>
          <Button type="button" variant="ghost" onClick={confirmDelete} disabled={remove.isPending} aria-label={t('deleteLabel', { name: directory.name })}>
            {t('delete')}
          </Button>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <code className="min-w-0 flex-1 rounded-md bg-slate-50 px-2 py-1 font-mono text-xs break-all text-slate-700" dir="ltr">
          {directory.scimBaseUrl}
        </code>
        <CopyButton text={directory.scimBaseUrl} label={t('copyBaseUrl', { name: directory.name })} />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Detail label={t('token')}>
          <code className="font-mono" dir="ltr">
            {t('tokenHint', { hint: directory.tokenHint })}
          </code>
          {directory.tokenRotatedAt ? <span className="text-slate-500">{t('rotated', { when: when(directory.tokenRotatedAt, '') })}</span> : null}
        </Detail>
        <Detail label={t('users')}>
          <span data-testid="scim-user-count">{t('activeOf', { active: fmt.number(directory.users.active), total: fmt.number(directory.users.total) })}</span>
        </Detail>
        <Detail label={t('groups')}>{fmt.number(directory.groups)}</Detail>
        <Detail label={t('lastSync')}>{when(directory.lastSyncAt, t('notYet'))}</Detail>
      </dl>
      <details className="mt-3" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="cursor-pointer text-sm font-semibold text-brand-text">{t('synced')}</summary>
        {detail.isPending && open ? <p className="mt-2 text-sm text-slate-500">{t('loading')}</p> : null}
        {detail.error ? <p className="mt-2 text-sm text-red-700">{detail.error.message}</p> : null}
        {detail.data ? (
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            <div>
              <h4 className="text-sm font-semibold text-slate-800">{t('users')}</h4>
              {detail.data.users.length === 0 ? <p className="mt-1 text-sm text-slate-500">{t('noneYet')}</p> : null}
              <ul className="mt-1 flex flex-col gap-1 text-sm">
                {detail.data.users.map((user) => (
                  <li key={user.id} className="flex flex-wrap items-center gap-2">
                    <span className="break-all text-slate-900">{user.email ?? user.userName}</span>
                    <span className={`rounded-full px-2 py-0.5 text-xs ${user.member ? 'bg-green-100 text-green-800' : 'bg-slate-200 text-slate-700'}`}>
                      {user.member ? t('member') : user.active ? t('notMember') : t('deactivated')}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h4 className="text-sm font-semibold text-slate-800">{t('groups')}</h4>
              {detail.data.groups.length === 0 ? <p className="mt-1 text-sm text-slate-500">{t('noneYet')}</p> : null}
              <ul className="mt-1 flex flex-col gap-1 text-sm">
                {detail.data.groups.map((group) => (
                  <li key={group.id} className="text-slate-900">
                    {group.displayName} <span className="text-slate-500">{t('groupMembers', { count: group.members, formatted: fmt.number(group.members), hasTeam: group.team ? 'yes' : 'no', teamName: group.team?.name ?? '' })}</span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
      </details>
    </li>
  );
}
