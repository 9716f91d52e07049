'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { CopyButton } from '@/components/developers/copy-button';
import { Button } from '@/components/ui/button';
import { PROVIDER_LABELS, type DirectoryView, type DirectoryWithToken } from '@/lib/scim/directory-schema';
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
    if (!window.confirm(`Rotate the token of “${directory.name}”? The current token stops working at once: paste the new one into your identity provider right away.`)) return;
    rotate.mutate();
  }

  function confirmDelete() {
    if (!window.confirm(`Delete “${directory.name}”? Provisioning from it stops. The members and teams it created stay; remove them on the Members and Teams pages if you need to.`)) return;
    remove.mutate();
  }

  return (
    <li aria-labelledby={titleId} className="rounded-lg border border-slate-200 p-4" data-testid="scim-directory-item">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h3 id={titleId} className="font-semibold text-slate-900">
            {directory.name}
          </h3>
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">{PROVIDER_LABELS[directory.provider]}</span>
        </div>
        <div className="flex gap-2">
          <Button type="button" variant="secondary" onClick={confirmRotate} disabled={rotate.isPending}>
            Rotate token
          </Button>
          <Button type="button" variant="ghost" onClick={confirmDelete} disabled={remove.isPending} aria-label={`Delete ${directory.name}`}>
            Delete
          </Button>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <code className="min-w-0 flex-1 rounded-md bg-slate-50 px-2 py-1 font-mono text-xs break-all text-slate-700">{directory.scimBaseUrl}</code>
        <CopyButton text={directory.scimBaseUrl} label={`Copy the SCIM base URL of ${directory.name}`} />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Detail label="Token">
          <code className="font-mono">…{directory.tokenHint}</code>
          {directory.tokenRotatedAt ? <span className="text-slate-500"> (rotated {when(directory.tokenRotatedAt, '')})</span> : null}
        </Detail>
        <Detail label="Users">
          <span data-testid="scim-user-count">
            {fmt.number(directory.users.active)} active of {fmt.number(directory.users.total)}
          </span>
        </Detail>
        <Detail label="Groups">{fmt.number(directory.groups)}</Detail>
        <Detail label="Last sync">{when(directory.lastSyncAt, 'Not yet')}</Detail>
      </dl>
      <details className="mt-3" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="cursor-pointer text-sm font-semibold text-brand-text">Synced users and groups</summary>
        {detail.isPending && open ? <p className="mt-2 text-sm text-slate-500">Loading…</p> : null}
        {detail.error ? <p className="mt-2 text-sm text-red-700">{detail.error.message}</p> : null}
        {detail.data ? (
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            <div>
              <h4 className="text-sm font-semibold text-slate-800">Users</h4>
              {detail.data.users.length === 0 ? <p className="mt-1 text-sm text-slate-500">None yet.</p> : null}
              <ul className="mt-1 flex flex-col gap-1 text-sm">
                {detail.data.users.map((user) => (
                  <li key={user.id} className="flex flex-wrap items-center gap-2">
                    <span className="break-all text-slate-900">{user.email ?? user.userName}</span>
                    <span className={`rounded-full px-2 py-0.5 text-xs ${user.member ? 'bg-green-100 text-green-800' : 'bg-slate-200 text-slate-700'}`}>
                      {user.member ? 'Member' : user.active ? 'Not a member' : 'Deactivated'}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h4 className="text-sm font-semibold text-slate-800">Groups</h4>
              {detail.data.groups.length === 0 ? <p className="mt-1 text-sm text-slate-500">None yet.</p> : null}
              <ul className="mt-1 flex flex-col gap-1 text-sm">
                {detail.data.groups.map((group) => (
                  <li key={group.id} className="text-slate-900">
                    {group.displayName} <span className="text-slate-500">({fmt.number(group.members)} {group.members === 1 ? 'member' : 'members'}{group.team ? `, team “${group.team.name}”` : ''})</span>
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
