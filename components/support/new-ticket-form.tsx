'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { toast } from '@/components/ui/toaster';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import { AttachmentInput } from './attachment-input';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/**
 * Opens a ticket: posts the fields (and files, as multipart/form-data) to `endpoint` with any
 * `extra` fields, then shows the new ticket at `${threadBase}/<id>`.
 */
export function NewTicketForm({ endpoint, extra = {}, threadBase, submitLabel }: { endpoint: string; extra?: Record<string, string>; threadBase: string; submitLabel?: string }) {
  const t = useTranslations('support.newTicket');
  const router = useRouter();
  const form = useFormSubmit({ fieldsAlert: t('fieldsAlert') });
  const [files, setFiles] = useState<File[]>([]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.delete('attachments');
    for (const [name, value] of Object.entries(extra)) data.set(name, value);
    for (const file of files) data.append('attachments', file);
    await form.submit(async () => {
      const ticket = await api<{ id: string; number: number }>(endpoint, { method: 'POST', body: data });
      toast.success(t('opened', { number: ticket.number }));
      router.push(`${threadBase}/${ticket.id}`);
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="new-ticket-form">
      <FormAlert message={form.alert} />
      <TextField label={t('subject')} name="subject" required maxLength={160} error={form.errors.subject} />
      <TextAreaField label={t('description')} name="description" required rows={6} maxLength={10000} error={form.errors.description} hint={t('descriptionHint')} />
      <SelectField label={t('priority')} name="priority" defaultValue="normal" options={PRIORITIES.map((value) => ({ value, label: t(`priorities.${value}`) }))} error={form.errors.priority} />
      <AttachmentInput files={files} onChange={setFiles} />
      <div>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('sending') : (submitLabel ?? t('submit'))}
        </Button>
      </div>
    </form>
  );
}
