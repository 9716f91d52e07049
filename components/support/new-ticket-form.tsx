'use client';

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

const PRIORITIES = [
  { value: 'low', label: 'Low: a question, no hurry' },
  { value: 'normal', label: 'Normal' },
  { value: 'high', label: 'High: something important does not work' },
  { value: 'urgent', label: 'Urgent: the app is down for everyone' },
];

/**
 * Opens a ticket: posts the fields (and files, as multipart/form-data) to `endpoint` with any
 * `extra` fields, then shows the new ticket at `${threadBase}/<id>`.
 */
export function NewTicketForm({ endpoint, extra = {}, threadBase, submitLabel = 'Open ticket' }: { endpoint: string; extra?: Record<string, string>; threadBase: string; submitLabel?: string }) {
  const router = useRouter();
  const form = useFormSubmit({ fieldsAlert: 'Some fields need attention.' });
  const [files, setFiles] = useState<File[]>([]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.delete('attachments');
    for (const [name, value] of Object.entries(extra)) data.set(name, value);
    for (const file of files) data.append('attachments', file);
    await form.submit(async () => {
      const ticket = await api<{ id: string; number: number }>(endpoint, { method: 'POST', body: data });
      toast.success(`Ticket #${ticket.number} opened.`);
      router.push(`${threadBase}/${ticket.id}`);
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="new-ticket-form">
      <FormAlert message={form.alert} />
      <TextField label="Subject" name="subject" required maxLength={160} error={form.errors.subject} />
      <TextAreaField label="Description" name="description" required rows={6} maxLength={10000} error={form.errors.description} hint="What happened, what you expected, and the steps to see it." />
      <SelectField label="Priority" name="priority" defaultValue="normal" options={PRIORITIES} error={form.errors.priority} />
      <AttachmentInput files={files} onChange={setFiles} />
      <div>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? 'Sending…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}
