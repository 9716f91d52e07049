'use client';

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
import { STAFF_ROLE_DESCRIPTIONS, STAFF_ROLE_LABELS, STAFF_ROLES, type StaffInvitationView, type StaffMemberView } from '@/lib/platform/staff-schema';

const ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] }));

/** Invites someone to the staff by email. */
export function InviteStaffForm() {
  const router = useRouter();
  const [values, setValues] = useState({ email: '', role: 'support' });
  const form = useFormSubmit({ fieldsAlert: 'Check the fields below.' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await api('/api/operator/staff/invitations', { method: 'POST', json: values });
      setValues({ email: '', role: values.role });
      router.refresh();
      return `Invitation sent to ${values.email}. The link works once, for 7 days.`;
    });
  };
  return (
    <form onSubmit={submit} aria-label="Invite to the staff" className="grid grid-cols-1 gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end" noValidate>
      <div className="sm:col-span-3">
        <FormAlert message={form.alert} />
      </div>
      <TextField label="Email" name="email" type="email" value={values.email} onChange={(e) => setValues({ ...values, email: e.target.value })} error={form.errors.email} required />
      <SelectField label="Role" name="role" value={values.role} onChange={(e) => setValues({ ...values, role: e.target.value })} options={ROLE_OPTIONS} error={form.errors.role} />
      <button type="submit" disabled={form.pending} className={buttonClass('primary')}>
        {form.pending ? 'Sending…' : 'Send invitation'}
      </button>
      <p className="text-sm text-slate-600 sm:col-span-3">{STAFF_ROLE_DESCRIPTIONS[values.role as PlatformRole]}</p>
      <div className="sm:col-span-3">
        <FormStatus message={form.status} />
      </div>
    </form>
  );
}

/** One staff member's row: role, 2FA reset, removal. Not for oneself (another owner does that). */
export function StaffActions({ member, self }: { member: StaffMemberView; self: boolean }) {
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
        Role of {member.email}
      </label>
      <select id={roleId} value={role} disabled={pending} onChange={(event) => setRole(event.target.value as PlatformRole)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
        {ROLE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className={buttonClass('secondary', '', 'sm')}
        disabled={pending || role === member.role}
        aria-label={`Save role of ${member.email}`}
        onClick={() => void run(() => api(`/api/operator/staff/${encodeURIComponent(member.userId)}`, { method: 'PATCH', json: { role } }), `${who} is now ${STAFF_ROLE_LABELS[role]}.`, () => setRole(member.role))}
      >
        Save
      </button>
      {!self && member.twoFactor ? (
        <ConfirmDialog
          trigger={<button type="button" className={buttonClass('secondary', '', 'sm')}>Reset 2FA</button>}
          title={`Reset two-factor authentication of ${who}?`}
          description="Do this only after checking, by another channel, that they asked. Their 2FA is turned off and their console sessions end; they add a new authenticator at their next sign-in."
          confirmLabel="Reset 2FA"
          pending={pending}
          onConfirm={() => run(() => api(`/api/operator/staff/${encodeURIComponent(member.userId)}/reset-two-factor`, { method: 'POST' }), `Two-factor authentication of ${who} was reset.`)}
        />
      ) : null}
      {!self ? (
        <ConfirmDialog
          trigger={<button type="button" className={buttonClass('danger', '', 'sm')}>Remove</button>}
          title={`Remove ${who} from the staff?`}
          description="Their console sessions and any support sessions they are running end now. Their Waypoint account and workspace memberships stay."
          confirmLabel="Remove from staff"
          pending={pending}
          onConfirm={() => run(() => api(`/api/operator/staff/${encodeURIComponent(member.userId)}`, { method: 'DELETE' }), `${who} was removed from the staff.`)}
        />
      ) : null}
    </div>
  );
}

export function RevokeStaffInvitation({ invitation }: { invitation: StaffInvitationView }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={buttonClass('ghost', '', 'sm')}
      disabled={pending}
      aria-label={`Revoke the invitation to ${invitation.email}`}
      onClick={async () => {
        setPending(true);
        try {
          await api(`/api/operator/staff/invitations/${encodeURIComponent(invitation.id)}`, { method: 'DELETE' });
          toast.success(`The invitation to ${invitation.email} was revoked.`);
          router.refresh();
        } catch (error) {
          toast.error((error as Error).message);
        } finally {
          setPending(false);
        }
      }}
    >
      Revoke
    </button>
  );
}

export function TwoFactorBadge({ on }: { on: boolean }) {
  return on ? <Badge tone="success">2FA on</Badge> : <Badge tone="warning">No 2FA yet</Badge>;
}
