'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

const DURATIONS = [15, 30, 60, 120];

/** Opens the workspace as the member: the support session's URL, valid once. */
export async function openImpersonation(id: string): Promise<void> {
  const { url } = await api<{ url: string }>(`/api/platform/impersonations/${encodeURIComponent(id)}/start`, { method: 'POST' });
  window.location.assign(url);
}

/**
 * "Act as" on the operator's tenant page: a reason, a time limit (30 minutes unless chosen),
 * read-only unless unticked. Starts at once, or waits for an owner where the workspace asks.
 */
export function ImpersonateDialog({ tenantId, member }: { tenantId: string; member: { userId: string; label: string } }) {
  const t = useTranslations('operatorTenant.impersonate');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [readOnly, setReadOnly] = useState(true);
  const form = useFormSubmit({ fieldsAlert: t('fieldsAlert') });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      const asked = await api<{ id: string; state: string }>('/api/platform/impersonations', { method: 'POST', json: { tenantId, userId: member.userId, reason, minutes: Number(minutes), readOnly } });
      if (asked.state === 'pending') {
        router.refresh();
        return t('asked');
      }
      await openImpersonation(asked.id);
    });
  };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className={buttonClass('secondary', '', 'sm')} aria-label={t('actAsMember', { member: member.label })}>
        {t('actAs')}
      </DialogTrigger>
      <DialogContent title={t('actAsMember', { member: member.label })} description={t('description')}>
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <FormAlert message={form.alert} />
          <TextAreaField label={t('reason')} name="reason" required rows={3} value={reason} onChange={(event) => setReason(event.target.value)} error={form.errors.reason} hint={t('reasonHint')} />
          <SelectField
            label={t('timeLimit')}
            name="minutes"
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            options={DURATIONS.map((value) => ({ value: String(value), label: t('minutes', { count: value }) }))}
            error={form.errors.minutes}
          />
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" name="readOnly" checked={readOnly} onChange={(event) => setReadOnly(event.target.checked)} className="mt-0.5 size-4" />
            <span>
              {t('readOnly')} <span className="block text-slate-600">{t('readOnlyHint')}</span>
            </span>
          </label>
          {form.status ? (
            <p role="status" className="text-sm text-emerald-800">
              {form.status}
            </p>
          ) : null}
          <DialogFooter>
            <button type="submit" disabled={form.pending} className={buttonClass('primary')}>
              {form.pending ? t('starting') : t('start')}
            </button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Start (an approved request of this operator's) or End (a running one) in the list of support sessions. */
export function ImpersonationAction({ id, action }: { id: string; action: 'start' | 'end' }) {
  const t = useTranslations('operatorTenant.sessions');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const run = async () => {
    setPending(true);
    setError(null);
    try {
      if (action === 'start') return await openImpersonation(id);
      await api(`/api/platform/impersonations/${encodeURIComponent(id)}/end`, { method: 'POST' });
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
    setPending(false);
  };
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={run} disabled={pending} className={buttonClass(action === 'start' ? 'primary' : 'secondary', '', 'sm')}>
        {action === 'start' ? t('start') : t('end')}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
