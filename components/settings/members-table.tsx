'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LogOut, MoreHorizontal, UserMinus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { FilterSelect } from '@/components/lists/list-controls';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable, type ColumnDef } from '@/components/ui/data-table';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { FormAlert } from '@/components/ui/form-alert';
import { toast } from '@/components/ui/toaster';
import { useFormat } from '@/lib/format/format-context';
import { api } from '@/lib/http/api-client';
import type { MemberRow } from '@/lib/members/member-schema';

type Role = MemberRow['role'];
const ROLE_ORDER: Record<Role, number> = { owner: 0, admin: 1, member: 2, viewer: 3 };
const ROLES = Object.keys(ROLE_ORDER) as Role[];
const KEY = ['members', ''];

/**
 * The workspace's people: search, a role filter, sortable columns, and each row's actions in
 * a menu (one small button, so it stays on screen at 390 px); removing asks first.
 */
export function MembersTable({ initial, currentUserId, isOwner }: { initial: MemberRow[]; currentUserId: string; isOwner: boolean }) {
  const t = useTranslations('members.table');
  const roles = useTranslations('members.roles');
  const client = useQueryClient();
  const format = useFormat();
  const [alert, setAlert] = useState<string | null>(null);
  const [roleFilter, setRoleFilter] = useState('');
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const { data = [] } = useQuery({
    queryKey: KEY,
    queryFn: () => api<{ members: MemberRow[] }>('/api/app/members').then((r) => r.members),
    initialData: initial,
  });

  const optimistic = (update: (rows: MemberRow[]) => MemberRow[]) => async () => {
    await client.cancelQueries({ queryKey: ['members'] });
    const previous = client.getQueryData<MemberRow[]>(KEY);
    client.setQueryData<MemberRow[]>(KEY, (rows) => (rows ? update(rows) : rows));
    setAlert(null);
    return { previous };
  };
  const rollback = (error: Error, _vars: unknown, context?: { previous?: MemberRow[] }) => {
    client.setQueryData(KEY, context?.previous);
    setAlert(error.message);
  };

  const changeRole = useMutation({
    mutationFn: ({ membershipId, role }: { membershipId: string; role: Role }) => api(`/api/app/members/${membershipId}`, { method: 'PATCH', json: { role } }),
    onMutate: (vars) => optimistic((rows) => rows.map((row) => (row.membershipId === vars.membershipId ? { ...row, role: vars.role } : row)))(),
    onError: rollback,
    onSettled: () => client.invalidateQueries({ queryKey: ['members'] }),
  });
  const remove = useMutation({
    mutationFn: (row: MemberRow) => api(`/api/app/members/${row.membershipId}`, { method: 'DELETE' }),
    onMutate: (row) => optimistic((rows) => rows.filter((r) => r.membershipId !== row.membershipId))(),
    onSuccess: (_data, row) => toast.success(t('removed', { name: row.name ?? row.email })),
    onError: rollback,
    onSettled: () => client.invalidateQueries({ queryKey: ['members'] }),
  });
  const signOut = useMutation({
    mutationFn: ({ membershipId }: { membershipId: string; label: string }) => api<{ ended: number }>(`/api/app/members/${membershipId}/sign-out`, { method: 'POST' }),
    onMutate: () => setAlert(null),
    onSuccess: ({ ended }, { label }) => toast.success(t('signedOut', { name: label, count: ended })),
    onError: (error: Error) => setAlert(error.message),
  });

  const columns = useMemo<ColumnDef<MemberRow, unknown>[]>(
    () => [
      {
        id: 'member',
        header: t('member'),
        accessorFn: (row) => `${row.name ?? ''} ${row.email}`,
        sortingFn: (a, b) => (a.original.name ?? a.original.email).localeCompare(b.original.name ?? b.original.email),
        meta: { className: 'px-3 sm:px-4 max-w-[11rem] sm:max-w-none' },
        cell: ({ row: { original: row } }) => (
          <div className="min-w-0">
            <div className="truncate font-medium text-slate-900" title={row.name ?? row.email}>
              {row.name ?? row.email}
              {row.userId === currentUserId ? <span className="ms-2 text-xs text-slate-500">{t('you')}</span> : null}
            </div>
            <div className="truncate text-slate-500" title={row.email}>
              {row.email}
            </div>
          </div>
        ),
      },
      {
        id: 'role',
        header: t('role'),
        accessorFn: (row) => row.role,
        sortingFn: (a, b) => ROLE_ORDER[a.original.role] - ROLE_ORDER[b.original.role],
        filterFn: 'equalsString',
        meta: { className: 'px-2 sm:px-4' },
        cell: ({ row: { original: row } }) => {
          const label = row.name ?? row.email;
          const locked = row.userId === currentUserId || (row.role === 'owner' && !isOwner);
          return (
            <select
              aria-label={t('roleOf', { name: label })}
              value={row.role}
              disabled={locked}
              onChange={(e) => changeRole.mutate({ membershipId: row.membershipId, role: e.target.value as Role })}
              className="h-8 rounded-md border border-slate-300 bg-white px-1.5 text-sm disabled:bg-slate-50 disabled:text-slate-500"
            >
              {ROLES.filter((role) => isOwner || role !== 'owner' || row.role === 'owner')
                .map((role) => (
                  <option key={role} value={role}>
                    {roles(role)}
                  </option>
                ))}
            </select>
          );
        },
      },
      {
        id: 'joined',
        header: t('joined'),
        accessorFn: (row) => row.joinedAt,
        enableGlobalFilter: false,
        meta: { className: 'hidden md:table-cell' },
        cell: ({ row: { original: row } }) => <span className="whitespace-nowrap text-slate-500">{format.date(row.joinedAt)}</span>,
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('actions')}</span>,
        enableSorting: false,
        enableGlobalFilter: false,
        meta: { className: 'w-10 px-2 text-end sm:px-4' },
        cell: ({ row: { original: row } }) => {
          const label = row.name ?? row.email;
          if (row.userId === currentUserId || (row.role === 'owner' && !isOwner)) return null;
          return (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="icon-sm" aria-label={t('actionsFor', { name: label })}>
                  <MoreHorizontal aria-hidden />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent collisionPadding={8}>
                <DropdownMenuItem disabled={signOut.isPending} onSelect={() => signOut.mutate({ membershipId: row.membershipId, label })}>
                  <LogOut aria-hidden /> {t('signOutEverywhere')}
                </DropdownMenuItem>
                <DropdownMenuSeparator />
                <DropdownMenuItem className="text-red-700" onSelect={() => setRemoving(row)}>
                  <UserMinus aria-hidden /> {t('removeFromWorkspace')}
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          );
        },
      },
    ],
    [changeRole, currentUserId, format, isOwner, roles, signOut, t],
  );

  return (
    <div className="flex flex-col gap-4">
      <FormAlert message={alert} />
      <DataTable
        columns={columns}
        data={data}
        searchLabel={t('search')}
        getRowId={(row) => row.membershipId}
        rowProps={(row) => ({ 'data-testid': `member-${row.email}` })}
        columnFilters={roleFilter ? [{ id: 'role', value: roleFilter }] : []}
        caption={t('caption')}
        empty={t('empty')}
        toolbar={
          <div className="w-full sm:w-40">
            <FilterSelect
              label={t('role')}
              value={roleFilter}
              onChange={setRoleFilter}
              options={[{ value: '', label: t('allRoles') }, ...ROLES.map((role) => ({ value: role, label: roles(role) }))]}
            />
          </div>
        }
      />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={t('removeTitle', { name: removing?.name ?? removing?.email ?? '' })}
        description={t('removeDescription')}
        confirmLabel={t('remove')}
        pending={remove.isPending}
        onConfirm={() => {
          if (removing) remove.mutate(removing);
        }}
      />
    </div>
  );
}
