'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormattedDateTime } from '@/components/ui/formatted';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { toast } from '@/components/ui/toaster';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import type { TicketView } from '@/lib/support/ticket-views';
import { AttachmentInput } from './attachment-input';

// The viewer's moves on a ticket, as the state machine allows them (lib/support/ticket-state.ts):
// the requester replies, resolves, or reopens a resolved ticket within 14 days; the responder
// replies saying what the ticket waits on next, or resolves. Closed tickets take nothing.

const THEN = ['pending', 'open', 'resolved'] as const;

export function TicketActions({ ticket, apiBase }: { ticket: TicketView; apiBase: string }) {
  const t = useTranslations('support.actions');
  const router = useRouter();
  const form = useFormSubmit({ fieldsAlert: t('fieldsAlert') });
  const [files, setFiles] = useState<File[]>([]);
  const [formKey, setFormKey] = useState(0);
  const responder = ticket.side === 'responder';

  if (ticket.status === 'closed') {
    return <p className="text-sm text-slate-600">{t.rich('closed', { when: () => (ticket.closedAt ? <FormattedDateTime value={ticket.closedAt} /> : null) })}</p>;
  }

  async function reply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.delete('attachments');
    for (const file of files) data.append('attachments', file);
    await form.submit(async () => {
      await api(`${apiBase}/comments`, { method: 'POST', body: data });
      toast.success(t('replySent'));
      setFiles([]);
      setFormKey((k) => k + 1);
      router.refresh();
    });
  }

  async function setStatus(status: 'open' | 'pending' | 'resolved', message: string) {
    await form.submit(async () => {
      await api(`${apiBase}/status`, { method: 'POST', json: { status } });
      toast.success(message);
      router.refresh();
    });
  }

  const resolved = ticket.status === 'resolved';
  const canReply = !(resolved && responder);
  return (
    <div className="flex flex-col gap-4">
      <FormAlert message={form.alert} />
      {resolved ? (
        <p className="text-sm text-slate-700">
          {ticket.reopenUntil
            ? t.rich('resolvedUntil', { who: responder ? 'they' : 'you', until: () => <FormattedDateTime value={ticket.reopenUntil!} /> })
            : t('resolved')}
        </p>
      ) : null}
      {canReply ? (
        <form key={formKey} onSubmit={reply} noValidate className="flex flex-col gap-4" data-testid="reply-form">
          <TextAreaField label={resolved ? t('replyToReopen') : t('yourReply')} name="body" required rows={5} maxLength={10000} error={form.errors.body} />
          {responder ? <SelectField label={t('afterSending')} name="then" defaultValue="pending" options={THEN.map((value) => ({ value, label: t(`then.${value}`) }))} error={form.errors.then} /> : null}
          <AttachmentInput files={files} onChange={setFiles} />
          <div>
            <Button type="submit" disabled={form.pending}>
              {form.pending ? t('sending') : t('send')}
            </Button>
          </div>
        </form>
      ) : null}
      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
        {!resolved ? (
          <Button type="button" variant="secondary" disabled={form.pending} onClick={() => setStatus('resolved', t('resolvedToast'))}>
            {t('markResolved')}
          </Button>
        ) : null}
        {resolved && !responder ? (
          <Button type="button" variant="secondary" disabled={form.pending} onClick={() => setStatus('open', t('reopenedToast'))}>
            {t('reopen')}
          </Button>
        ) : null}
        {responder && ticket.status === 'open' ? (
          <Button type="button" variant="ghost" disabled={form.pending} onClick={() => setStatus('pending', t('pendingToast'))}>
            {t('markPending')}
          </Button>
        ) : null}
        {responder && ticket.status === 'pending' ? (
          <Button type="button" variant="ghost" disabled={form.pending} onClick={() => setStatus('open', t('backToOpenToast'))}>
            {t('backToOpen')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
