'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { toast } from '@/components/ui/toaster';
import { ApiError, api } from '@/lib/http/api-client';
import type { InvitableRole, InvitationResult, InvitationView } from '@/lib/members/invitation-schema';
import { useFormat } from '@/lib/format/format-context';

const KEY = ['invitations'];

/** Invite form and pending invitations for the members settings page (admins and owners). */
/** defaultRole: the workspace's "default role for new members", preselected in the form. `terminology` is no longer read (the catalog fills in the workspace's words). */
export function InvitationsPanel({ canGrantOwner, defaultRole = 'member' }: { canGrantOwner: boolean; terminology?: unknown; defaultRole?: InvitableRole }) {
  const t = useTranslations('members.invitations');
  const roleLabel = useTranslations('members.roles');
  const fmt = useFormat();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InvitableRole>(defaultRole);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  // Successes are toasts, not a line beside the button: the form keeps its layout.
  const setStatus = (message: string | null) => {
    if (message) toast.success(message);
  };

  const { data: invitations, isPending, error: loadError } = useQuery({
    queryKey: KEY,
    queryFn: () => api<{ invitations: InvitationView[] }>('/api/app/invitations').then((r) => r.invitations),
  });

  const report = (result: InvitationResult, verb: 'sent' | 'resent') => {
    const email = result.invitation.email;
    if (result.delivery === 'failed') setAlert(t('deliveryFailed', { email }));
    else setStatus(result.delivery === 'outbox' ? t('inOutbox', { email, verb }) : t('delivered', { email, verb }));
  };

  // Optimistic edits of the cached list, rolled back when the server says no.
  const optimistic = async (update: (rows: InvitationView[]) => InvitationView[]) => {
    await client.cancelQueries({ queryKey: KEY });
    const previous = client.getQueryData<InvitationView[]>(KEY);
    client.setQueryData<InvitationView[]>(KEY, (rows) => (rows ? update(rows) : rows));
    setAlert(null);
    setStatus(null);
    return { previous };
  };
  const rollback = (error: Error, _vars: unknown, context?: { previous?: InvitationView[] }) => {
    client.setQueryData(KEY, context?.previous);
    setAlert(error.message);
  };
  const refresh = () => client.invalidateQueries({ queryKey: KEY });

  const create = useMutation({
    mutationFn: (input: { email: string; role: InvitableRole }) => api<InvitationResult>('/api/app/invitations', { method: 'POST', json: input }),
    onSuccess: (result) => {
      client.setQueryData<InvitationView[]>(KEY, (rows) => [result.invitation, ...(rows ?? [])]);
      setEmail('');
      report(result, 'sent');
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? error.fields : {};
      setFieldErrors(fields);
      if (!Object.keys(fields).length) setAlert(error.message);
    },
    onSettled: refresh,
  });

  const resend = useMutation({
    mutationFn: (invitation: InvitationView) => api<InvitationResult>(`/api/app/invitations/${invitation.id}/resend`, { method: 'POST' }),
    onMutate: (invitation) => {
      const now = new Date().toISOString();
      return optimistic((rows) => rows.map((row) => (row.id === invitation.id ? { ...row, lastSentAt: now, expired: false } : row)));
    },
    onSuccess: (result) => {
      client.setQueryData<InvitationView[]>(KEY, (rows) => rows?.map((row) => (row.id === result.invitation.id ? result.invitation : row)));
      report(result, 'resent');
    },
    onError: rollback,
    onSettled: refresh,
  });

  const revoke = useMutation({
    mutationFn: (invitation: InvitationView) => api(`/api/app/invitations/${invitation.id}`, { method: 'DELETE' }),
    onMutate: (invitation) => optimistic((rows) => rows.filter((row) => row.id !== invitation.id)),
    onSuccess: (_data, invitation) => setStatus(t('revoked', { email: invitation.email })),
    onError: rollback,
    onSettled: refresh,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFieldErrors({});
    setAlert(null);
    setStatus(null);
    if (!email.trim()) {
      setFieldErrors({ email: t('emailMissing') });
      return;
    }
    create.mutate({ email: email.trim(), role });
  }

  const roles = (canGrantOwner ? (['member', 'viewer', 'admin', 'owner'] as const) : (['member', 'viewer', 'admin'] as const)).map((value) => ({ value, label: roleLabel(value) }));

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={onSubmit} noValidate aria-label={t('formLabel')} className="flex flex-col gap-4">
        <p className="text-sm text-slate-600">{t('intro')}</p>
        <FormAlert message={alert} />
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <TextField
            label={t('email')}
            name="email"
            type="email"
            autoComplete="off"
            required
            className="flex-1"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldErrors.email}
          />
          <SelectField label={t('role')} name="role" options={roles} value={role} onChange={(e) => setRole(e.target.value as InvitableRole)} error={fieldErrors.role} />
        </div>
        <div>
          <Button type="submit" disabled={create.isPending} className="w-full sm:w-auto">
            {create.isPending ? t('sending') : t('send')}
          </Button>
        </div>
      </form>

      <div>
        <h3 className="text-base font-semibold text-slate-900">{t('pending')}</h3>
        {isPending ? (
          <p className="mt-2 text-sm text-slate-500">{t('loading')}</p>
        ) : loadError ? (
          <div className="mt-2">
            <FormAlert message={loadError.message} />
          </div>
        ) : invitations.length === 0 ? (
          <p className="mt-2 rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">{t('empty')}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100" aria-label={t('pending')}>
            {invitations.map((invitation) => {
              const mayChange = invitation.role !== 'owner' || canGrantOwner;
              return (
                <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                  <div className="min-w-0">
                    <p className="font-medium break-all text-slate-900">{invitation.email}</p>
                    <p className="text-slate-500">
                      {t.rich('details', {
                        role: roleLabel(invitation.role),
                        inviter: invitation.invitedBy ? 'known' : 'none',
                        invitedBy: invitation.invitedBy ?? '',
                        expired: invitation.expired ? 'yes' : 'no',
                        expires: fmt.date(invitation.expiresAt),
                        late: (chunks) => <span className="font-medium text-amber-700">{chunks}</span>,
                      })}
                    </p>
                  </div>
                  {mayChange ? (
                    <div className="flex gap-2">
                      <Button type="button" variant="secondary" aria-label={t('resendLabel', { email: invitation.email })} disabled={resend.isPending} onClick={() => resend.mutate(invitation)}>
                        {t('resend')}
                      </Button>
                      <Button type="button" variant="ghost" aria-label={t('revokeLabel', { email: invitation.email })} disabled={revoke.isPending} onClick={() => revoke.mutate(invitation)}>
                        {t('revoke')}
                      </Button>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
