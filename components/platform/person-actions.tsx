'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

/** Restricts processing for the person, or lifts it, with the reason (the request it answers). */
export function RestrictionForm({ email, restricted }: { email: string; restricted: boolean }) {
  const router = useRouter();
  const [reason, setReason] = useState('');
  const form = useFormSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await api('/api/platform/users/restriction', { method: 'POST', json: { email, restricted: !restricted, reason } });
      setReason('');
      router.refresh();
      return restricted ? 'Lifted: they can sign in and receive email again.' : 'Restricted: their sessions ended; no sign-in, no email.';
    });
  };
  return (
    <form onSubmit={submit} aria-label={restricted ? 'Lift the restriction' : 'Restrict processing'} className="flex flex-col gap-2 sm:flex-row sm:items-end" noValidate>
      <TextField label="Reason" name="reason" className="sm:flex-1" value={reason} onChange={(event) => setReason(event.target.value)} error={form.errors.reason ?? form.alert ?? undefined} hint="The request it answers." required />
      <button type="submit" disabled={form.pending} className={buttonClass(restricted ? 'secondary' : 'primary')}>
        {restricted ? 'Lift restriction' : 'Restrict'}
      </button>
      <FormStatus message={form.status} />
    </form>
  );
}

/**
 * "Erase": a dialog that asks for the reason, optionally the open request it answers, and the
 * person's address typed out, then erases them everywhere.
 */
export function EraseDialog({ userId, email, requests }: { userId: string; email: string; requests: { id: string; label: string }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ reason: '', requestId: requests[0]?.id ?? '', confirm: '' });
  const form = useFormSubmit({ fieldsAlert: 'Check the fields below.' });
  const confirmed = values.confirm.trim().toLowerCase() === email;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirmed) return;
    void form.submit(async () => {
      const done = await api<{ workspaces: number }>(`/api/platform/users/${encodeURIComponent(userId)}/erase`, { method: 'POST', json: { reason: values.reason, requestId: values.requestId || undefined } });
      router.replace(`/operator/privacy?erased=${done.workspaces}`);
    });
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className={buttonClass('danger')}>Erase</DialogTrigger>
      <DialogContent title={`Erase ${email}`} description="Their account and personal data go in every workspace; progress on shared goals stays as “Former member”. This cannot be undone.">
        <form onSubmit={submit} aria-label="Erase the person" className="flex flex-col gap-4" noValidate>
          <FormAlert message={form.alert} />
          <TextField label="Reason" name="reason" value={values.reason} onChange={(event) => setValues({ ...values, reason: event.target.value })} error={form.errors.reason} required />
          <SelectField
            label="Request it answers"
            name="requestId"
            value={values.requestId}
            onChange={(event) => setValues({ ...values, requestId: event.target.value })}
            options={[...requests.map((request) => ({ value: request.id, label: request.label })), { value: '', label: 'None in the register' }]}
            error={form.errors.requestId}
          />
          <TextField label={`Type ${email} to confirm`} name="confirm" value={values.confirm} onChange={(event) => setValues({ ...values, confirm: event.target.value })} autoComplete="off" required />
          <DialogFooter>
            <button type="submit" disabled={form.pending || !confirmed} className={buttonClass('danger')}>
              {form.pending ? 'Erasing…' : 'Erase everywhere'}
            </button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
