'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import type { LifecycleAction } from '@/lib/platform/tenant-lifecycle';

const ACTION_KEYS = { suspend: 'suspend', reactivate: 'reactivate', cancel: 'cancel', schedule_deletion: 'scheduleDeletion', restore: 'restore' } as const satisfies Record<LifecycleAction, string>;

/** The operator moves a workspace through its lifecycle: an action that applies to its status, and a reason the owners are told. */
export function LifecycleForm({ tenantId, actions }: { tenantId: string; actions: LifecycleAction[] }) {
  const t = useTranslations('operatorTenant.lifecycle');
  const router = useRouter();
  const [action, setAction] = useState<LifecycleAction>(actions[0]);
  const [reason, setReason] = useState('');
  const form = useFormSubmit({ fieldsAlert: t('fieldsAlert') });
  if (actions.length === 0) return null;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (action === 'schedule_deletion' && !window.confirm(t('confirmDeletion'))) return;
    void form.submit(async () => {
      await api(`/api/platform/tenants/${encodeURIComponent(tenantId)}/status`, { method: 'POST', json: { action, reason } });
      setReason('');
      router.refresh();
      return t('done');
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('formLabel')} className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
      <div className="sm:col-span-3">
        <FormAlert message={form.alert} />
      </div>
      <SelectField
        label={t('action')}
        name="action"
        value={action}
        onChange={(event) => setAction(event.target.value as LifecycleAction)}
        options={actions.map((value) => ({ value, label: t(`actions.${ACTION_KEYS[value]}`) }))}
      />
      <TextField label={t('reason')} name="reason" value={reason} onChange={(event) => setReason(event.target.value)} error={form.errors.reason} required />
      <button type="submit" disabled={form.pending} className={buttonClass('primary')}>
        {t('apply')}
      </button>
      {form.status ? (
        <p role="status" className="text-sm text-emerald-800 sm:col-span-3">
          {form.status}
        </p>
      ) : null}
    </form>
  );
}
