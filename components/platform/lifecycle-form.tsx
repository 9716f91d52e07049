'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import type { LifecycleAction } from '@/lib/platform/tenant-lifecycle';

const LABELS: Record<LifecycleAction, string> = {
  suspend: 'Suspend',
  reactivate: 'Reactivate',
  cancel: 'Cancel (close)',
  schedule_deletion: 'Schedule deletion (erased after 30 days)',
  restore: 'Restore (stop the deletion)',
};

/** The operator moves a workspace through its lifecycle: an action that applies to its status, and a reason the owners are told. */
export function LifecycleForm({ tenantId, actions }: { tenantId: string; actions: LifecycleAction[] }) {
  const router = useRouter();
  const [action, setAction] = useState<LifecycleAction>(actions[0]);
  const [reason, setReason] = useState('');
  const form = useFormSubmit({ fieldsAlert: 'Check the fields below.' });
  if (actions.length === 0) return null;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (action === 'schedule_deletion' && !window.confirm('Close this workspace now and erase all its data in 30 days?')) return;
    void form.submit(async () => {
      await api(`/api/platform/tenants/${encodeURIComponent(tenantId)}/status`, { method: 'POST', json: { action, reason } });
      setReason('');
      router.refresh();
      return 'Done. The owners were emailed.';
    });
  };
  return (
    <form onSubmit={submit} aria-label="Change status" className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
      <div className="sm:col-span-3">
        <FormAlert message={form.alert} />
      </div>
      <SelectField label="Action" name="action" value={action} onChange={(event) => setAction(event.target.value as LifecycleAction)} options={actions.map((value) => ({ value, label: LABELS[value] }))} />
      <TextField label="Reason (the owners see it)" name="reason" value={reason} onChange={(event) => setReason(event.target.value)} error={form.errors.reason} required />
      <button type="submit" disabled={form.pending} className={buttonClass('primary')}>
        Apply
      </button>
      {form.status ? (
        <p role="status" className="text-sm text-emerald-800 sm:col-span-3">
          {form.status}
        </p>
      ) : null}
    </form>
  );
}
