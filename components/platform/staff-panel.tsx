'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { toast } from '@/components/ui/toaster';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import type { PlatformRole } from '@/lib/db/generated/enums';
import { api } from '@/lib/http/api-client';
import { STAFF_ROLES, type StaffInvitationView, type StaffMemberView } from '@/lib/platform/staff-schema';
import { STAFF_ROLE_KEYS } from './staff-role-keys';

/** The staff roles as options of a select, in the reader's language. */
function useRoleOptions(): { value: PlatformRole; label: string }[] {
  const roles = useTranslations('operatorStaff.roles');
  return STAFF_ROLES.map((role) => ({ value: role, label: roles(`${STAFF_ROLE_KEYS[role]}.label`) }));
}

/** Invites someone to the staff by email. */
export function InviteStaffForm() {
  const t = useTranslations('operatorStaff.invite');
  const roles = useTranslations('operatorStaff.roles');
  const roleOptions = useRoleOptions();
  const router = useRouter();
  const [values, setValues] = useState({ email: '', role: 'support' });
  const form = useFormSubmit({ fieldsAlert: t('fieldsAlert') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await api('/api/operator/staff/invitations', { method: 'POST', json: values });
      setValues({ email: '', role: values.role });
      router.refresh();
      return t('sent', { email: values.email });
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('formLabel')} className="grid grid-cols-1 gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end" noValidate>
      <div className="sm:col-span-3">
        <FormAlert message={form.alert} />
      </div>
      <TextField label={t('email')} name="email" type="email" value={values.email} onChange={(e) => setValues({ ...values, email: e.target.value })} error={form.errors.email} required dir="ltr" />
      <SelectField label={t('role')} name="role" value={values.role} onChange={(e) => setValues({ ...values, role: e.target.value })} options={roleOptions} error={form.errors.role} />
      <button type="submit" disabled={form.pending} className={buttonClass('primary')}>
        {form.pending ? t('sending') : t('send')}
      </button>
      <p className="text-sm text-slate-600 sm:col-span-3">{roles(`${STAFF_ROLE_KEYS[values.role as PlatformRole]}.description`)}</p>
      <div className="sm:col-span-3">
        <FormStatus message={form.status} />
      </div>
    </form>
  );
}

/** One staff member's row: role, 2FA reset, removal. Not for oneself (another owner does that). */
export function StaffActions({ member, self }: { member: StaffMemberView; self: boolean }) {
  const t = useTranslations('operatorStaff.actions');
  const roleOptions = useRoleOptions();
  const router = useRouter();
  const roleId = useId();
  const [role, setRole] = useState<PlatformRole>(member.role);
  const [pending, setPending] = useState(false);
  const run = async (action: () => Promise<unknown>, done: string, undo?: () => void) => {
    setPending(true);
    try {
      await action();
      toast.success(done);
      router.refresh();
    } catch (error) {
      undo?.();
      toast.error((error as Error).message);
    } finally {
      setPending(false);
    }
  };
  const who = member.name ?? member.email;
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label htmlFor={roleId} className="sr-only">
        {t('roleOf', { email: member.email })}
      </label>
      <select id={roleId} value={role} disabled={pending} onChange={(event) => setRole(event.target.value as PlatformRole)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
        {roleOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className={buttonClass('secondary', '', 'sm')}
        disabled={pending || role === member.role}
        aria-label={t('saveRoleOf', { email: member.email })}
        onClick={() =>
          void run(
            () => api(`/api/operator/staff/${encodeURIComponent(member.userId)}`, { method: 'PATCH', json: { role } }),
            t('roleSaved', { who, role: roleOptions.find((option) => option.value === role)?.label ?? role }),
            () => setRole(member.role),
          )
        }
      >
        {t('save')}
      </button>
      {!self && member.twoFactor ? (
        <ConfirmDialog
          trigger={
            <button type="button" className={buttonClass('secondary', '', 'sm')}>
              {t('resetTwoFactor')}
            </button>
          }
          title={t('resetTitle', { who })}
          description={t('resetDescription')}
          confirmLabel={t('resetTwoFactor')}
          pending={pending}
          onConfirm={() => run(() => api(`/api/operator/staff/${encodeURIComponent(member.userId)}/reset-two-factor`, { method: 'POST' }), t('resetDone', { who }))}
        />
      ) : null}
      {!self ? (
        <ConfirmDialog
          trigger={
            <button type="button" className={buttonClass('danger', '', 'sm')}>
              {t('remove')}
            </button>
          }
          title={t('removeTitle', { who })}
          description={t('removeDescription')}
          confirmLabel={t('removeConfirm')}
          pending={pending}
          onConfirm={() => run(() => api(`/api/operator/staff/${encodeURIComponent(member.userId)}`, { method: 'DELETE' }), t('removed', { who }))}
        />
      ) : null}
    </div>
  );
}

export function RevokeStaffInvitation({ invitation }: { invitation: StaffInvitationView }) {
  const t = useTranslations('operatorStaff.invitations');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={buttonClass('ghost', '', 'sm')}
      disabled={pending}
      aria-label={t('revokeLabel', { email: invitation.email })}
      onClick={async () => {
        setPending(true);
        try {
          await api(`/api/operator/staff/invitations/${encodeURIComponent(invitation.id)}`, { method: 'DELETE' });
          toast.success(t('revoked', { email: invitation.email }));
          router.refresh();
        } catch (error) {
          toast.error((error as Error).message);
        } finally {
          setPending(false);
        }
      }}
    >
      {t('revoke')}
    </button>
  );
}

export function TwoFactorBadge({ on }: { on: boolean }) {
  const t = useTranslations('operatorStaff.list');
  return on ? <Badge tone="success">{t('twoFactorOn')}</Badge> : <Badge tone="warning">{t('twoFactorOff')}</Badge>;
}
