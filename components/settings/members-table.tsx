'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { api } from '@/lib/http/api-client';
import type { MemberRow } from '@/lib/members/member-schema';
import { ROLE_LABELS } from '@/lib/members/role-labels';

type Role = keyof typeof ROLE_LABELS;

export function MembersTable({ initial, currentUserId, isOwner }: { initial: MemberRow[]; currentUserId: string; isOwner: boolean }) {
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const key = ['members', search];
  const { data = [] } = useQuery({
    queryKey: key,
    queryFn: () => api<{ members: MemberRow[] }>(`/api/app/members?q=${encodeURIComponent(search)}`).then((r) => r.members),
    initialData: search ? undefined : initial,
    placeholderData: keepPreviousData,
  });

  const optimistic = (update: (rows: MemberRow[]) => MemberRow[]) => async () => {
    await client.cancelQueries({ queryKey: ['members'] });
    const previous = client.getQueryData<MemberRow[]>(key);
    client.setQueryData<MemberRow[]>(key, (rows) => (rows ? update(rows) : rows));
    setAlert(null);
    return { previous };
  };
  const rollback = (error: Error, _vars: unknown, context?: { previous?: MemberRow[] }) => {
    client.setQueryData(key, context?.previous);
    setAlert(error.message);
  };

  const changeRole = useMutation({
    mutationFn: ({ membershipId, role }: { membershipId: string; role: Role }) => api(`/api/app/members/${membershipId}`, { method: 'PATCH', json: { role } }),
    onMutate: (vars) => optimistic((rows) => rows.map((row) => (row.membershipId === vars.membershipId ? { ...row, role: vars.role } : row)))(),
    onError: rollback,
    onSettled: () => client.invalidateQueries({ queryKey: ['members'] }),
  });
  const remove = useMutation({
    mutationFn: (membershipId: string) => api(`/api/app/members/${membershipId}`, { method: 'DELETE' }),
    onMutate: (membershipId) => optimistic((rows) => rows.filter((row) => row.membershipId !== membershipId))(),
    onError: rollback,
    onSettled: () => client.invalidateQueries({ queryKey: ['members'] }),
  });

  const signOut = useMutation({
    mutationFn: ({ membershipId }: { membershipId: string; label: string }) => api<{ ended: number }>(`/api/app/members/${membershipId}/sign-out`, { method: 'POST' }),
    onMutate: () => {
      setAlert(null);
      setStatus(null);
    },
    onSuccess: ({ ended }, { label }) => setStatus(`${label} is signed out everywhere (${ended === 1 ? '1 session' : `${ended} sessions`} ended).`),
    onError: (error: Error) => setAlert(error.message),
  });

  return (
    <div className="flex flex-col gap-4">
      <FormAlert message={alert} />
      <FormStatus message={status} />
      <div className="flex flex-col gap-1">
        <label htmlFor="member-search" className="text-sm font-medium text-slate-800">
          Search members
        </label>
        <input
          id="member-search"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Name or email"
          className="max-w-sm rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </div>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Member</th>
            <th scope="col" className="py-2 pr-4 font-medium">Role</th>
            <th scope="col" className="py-2 pr-4 font-medium">Joined</th>
            <th scope="col" className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.map((row) => {
            const self = row.userId === currentUserId;
            const locked = self || (row.role === 'owner' && !isOwner);
            const label = row.name ?? row.email;
            return (
              <tr key={row.membershipId} className="border-b border-slate-100" data-testid={`member-${row.email}`}>
                <td className="py-2 pr-4">
                  <div className="font-medium text-slate-900">
                    {label}
                    {self ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}
                  </div>
                  <div className="text-slate-500">{row.email}</div>
                </td>
                <td className="py-2 pr-4">
                  <select
                    aria-label={`Role of ${label}`}
                    value={row.role}
                    disabled={locked}
                    onChange={(e) => changeRole.mutate({ membershipId: row.membershipId, role: e.target.value as Role })}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:bg-slate-50 disabled:text-slate-500"
                  >
                    {(Object.keys(ROLE_LABELS) as Role[])
                      .filter((role) => isOwner || role !== 'owner' || row.role === 'owner')
                      .map((role) => (
                        <option key={role} value={role}>
                          {ROLE_LABELS[role]}
                        </option>
                      ))}
                  </select>
                </td>
                <td className="py-2 pr-4 text-slate-500">{row.joinedAt.slice(0, 10)}</td>
                <td className="py-2 text-right">
                  {locked ? null : (
                    <div className="flex flex-wrap justify-end gap-1">
                      <Button type="button" variant="ghost" aria-label={`Sign out ${label} everywhere`} disabled={signOut.isPending} onClick={() => signOut.mutate({ membershipId: row.membershipId, label })}>
                        Sign out everywhere
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        aria-label={`Remove ${label}`}
                        onClick={() => {
                          if (window.confirm(`Remove ${label} from the workspace?`)) remove.mutate(row.membershipId);
                        }}
                      >
                        Remove
                      </Button>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {data.length === 0 ? <p className="text-sm text-slate-500">Nobody matches “{search}”.</p> : null}
    </div>
  );
}
