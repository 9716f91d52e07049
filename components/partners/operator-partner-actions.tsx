'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
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

/** Which actions must give a reason (emailed to the partner). */
const REASON_REQUIRED: Record<Action, boolean> = { approve: false, reject: true, suspend: true, reinstate: false };

function DecisionDialog({ partnerId, name, action }: { partnerId: string; name: string; action: Action }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { errors, alert, pending, submit } = useFormSubmit();
  const t = useTranslations('partner.decisions');
  const required = REASON_REQUIRED[action];
  const title = t(`${action}.title`, { name });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
    void submit(async () => {
      await api(`/api/operator/partners/${encodeURIComponent(partnerId)}`, { method: 'PATCH', json: { action, ...(reason.trim() || required ? { reason } : {}) } });
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" size="sm" variant={action === 'approve' || action === 'reinstate' ? 'primary' : 'secondary'} aria-label={t(`${action}.labelOf`, { name })}>
          {t(`${action}.label`)}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} description={t(`${action}.description`)}>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={title}>
          <FormAlert message={alert} />
          <TextAreaField label={t(`${action}.reasonLabel`)} name="reason" required={required} error={errors.reason} />
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
            <Button type="submit" variant={action === 'reject' || action === 'suspend' ? 'danger' : 'primary'} disabled={pending}>
              {pending ? t('saving') : t(`${action}.confirm`)}
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
