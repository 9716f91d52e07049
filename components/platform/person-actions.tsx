'use client';

import { useTranslations } from 'next-intl';
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
  const t = useTranslations('operatorPrivacy.restriction');
  const router = useRouter();
  const [reason, setReason] = useState('');
  const form = useFormSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await api('/api/platform/users/restriction', { method: 'POST', json: { email, restricted: !restricted, reason } });
      setReason('');
      router.refresh();
      return restricted ? t('lifted') : t('restrictedDone');
    });
  };
  return (
    <form onSubmit={submit} aria-label={restricted ? t('liftLabel') : t('restrictLabel')} className="flex flex-col gap-2 sm:flex-row sm:items-end" noValidate>
      <TextField label={t('reason')} name="reason" className="sm:flex-1" value={reason} onChange={(event) => setReason(event.target.value)} error={form.errors.reason ?? form.alert ?? undefined} hint={t('reasonHint')} required />
      <button type="submit" disabled={form.pending} className={buttonClass(restricted ? 'secondary' : 'primary')}>
        {restricted ? t('lift') : t('restrict')}
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
  const t = useTranslations('operatorPrivacy.erase');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ reason: '', requestId: requests[0]?.id ?? '', confirm: '' });
  const form = useFormSubmit({ fieldsAlert: t('fieldsAlert') });
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
      <DialogTrigger className={buttonClass('danger')}>{t('trigger')}</DialogTrigger>
      <DialogContent title={t('title', { email })} description={t('description')}>
        <form onSubmit={submit} aria-label={t('formLabel')} className="flex flex-col gap-4" noValidate>
          <FormAlert message={form.alert} />
          <TextField label={t('reason')} name="reason" value={values.reason} onChange={(event) => setValues({ ...values, reason: event.target.value })} error={form.errors.reason} required />
          <SelectField
            label={t('request')}
            name="requestId"
            value={values.requestId}
            onChange={(event) => setValues({ ...values, requestId: event.target.value })}
            options={[...requests.map((request) => ({ value: request.id, label: request.label })), { value: '', label: t('noRequest') }]}
            error={form.errors.requestId}
          />
          <TextField label={t('confirm', { email })} name="confirm" value={values.confirm} onChange={(event) => setValues({ ...values, confirm: event.target.value })} autoComplete="off" required />
          <DialogFooter>
            <button type="submit" disabled={form.pending || !confirmed} className={buttonClass('danger')}>
              {form.pending ? t('erasing') : t('submit')}
            </button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
