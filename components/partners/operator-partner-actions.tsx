'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import type { PartnerStatus } from '@/lib/db/generated/enums';
import { TextAreaField } from '@/components/ui/text-area-field';

type Action = 'approve' | 'reject' | 'suspend' | 'reinstate';

const ACTIONS: Record<PartnerStatus, Action[]> = { applied: ['approve', 'reject'], active: ['suspend'], suspended: ['reinstate'], rejected: [] };

const WORDING: Record<Action, { label: string; title: (name: string) => string; description: string; reasonLabel: string; required: boolean; confirm: string }> = {
  approve: {
    label: 'Approve',
    title: (name) => `Approve ${name}?`,
    description: 'The partner becomes active, gets its sandbox workspace, and its owners get an email.',
    reasonLabel: 'Note to the partner (optional)',
    required: false,
    confirm: 'Approve',
  },
  reject: {
    label: 'Reject',
    title: (name) => `Reject ${name}?`,
    description: 'The applicant gets an email with your reason.',
    reasonLabel: 'Reason (emailed to the applicant)',
    required: true,
    confirm: 'Reject application',
  },
  suspend: {
    label: 'Suspend',
    title: (name) => `Suspend ${name}?`,
    description: 'The partner can still sign in and see its apps, but not submit or publish. Its owners get an email with your reason.',
    reasonLabel: 'Reason (emailed to the partner)',
    required: true,
    confirm: 'Suspend partner',
  },
  reinstate: {
    label: 'Reinstate',
    title: (name) => `Reinstate ${name}?`,
    description: 'The partner becomes active again; its owners get an email.',
    reasonLabel: 'Note to the partner (optional)',
    required: false,
    confirm: 'Reinstate',
  },
};

function DecisionDialog({ partnerId, name, action }: { partnerId: string; name: string; action: Action }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { errors, alert, pending, submit } = useFormSubmit();
  const words = WORDING[action];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
    void submit(async () => {
      await api(`/api/operator/partners/${encodeURIComponent(partnerId)}`, { method: 'PATCH', json: { action, ...(reason.trim() || words.required ? { reason } : {}) } });
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" size="sm" variant={action === 'approve' || action === 'reinstate' ? 'primary' : 'secondary'} aria-label={`${words.label} ${name}`}>
          {words.label}
        </Button>
      </DialogTrigger>
      <DialogContent title={words.title(name)} description={words.description}>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={words.title(name)}>
          <FormAlert message={alert} />
          <TextAreaField label={words.reasonLabel} name="reason" required={words.required} error={errors.reason} />
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant={action === 'reject' || action === 'suspend' ? 'danger' : 'primary'} disabled={pending}>
              {pending ? 'Saving…' : words.confirm}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The operator's decisions a partner's status allows: approve or reject an application, suspend, reinstate. */
export function PartnerDecisionButtons({ partnerId, name, status }: { partnerId: string; name: string; status: PartnerStatus }) {
  const actions = ACTIONS[status];
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {actions.map((action) => (
        <DecisionDialog key={action} partnerId={partnerId} name={name} action={action} />
      ))}
    </div>
  );
}
