'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { NOTIFICATION_TOPICS, type NotificationTopic } from '@/lib/account/notification-topics';
import { api } from '@/lib/http/api-client';

export function NotificationPreferencesForm({ initial }: { initial: Partial<Record<NotificationTopic, boolean>> }) {
  const [values, setValues] = useState(initial);
  const { alert, status, pending, submit } = useFormSubmit();
  const topics = Object.keys(initial) as NotificationTopic[];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      setValues(await api<typeof initial>('/api/app/account/notifications', { method: 'PATCH', json: values }));
      return 'Saved.';
    });
  }

  if (!topics.length) return <p className="text-sm text-slate-700">Your role gets no optional emails in this workspace.</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Email notifications">
      <FormAlert message={alert} />
      <fieldset className="flex flex-col gap-4">
        <legend className="sr-only">Emails to send me</legend>
        {topics.map((topic) => (
          <div key={topic} className="flex items-start gap-3">
            <input
              id={`topic-${topic}`}
              type="checkbox"
              className="mt-0.5 size-4 shrink-0 accent-[var(--brand-primary)]"
              checked={values[topic] ?? true}
              onChange={(e) => setValues({ ...values, [topic]: e.target.checked })}
              aria-describedby={`topic-${topic}-hint`}
            />
            <div className="min-w-0">
              <label htmlFor={`topic-${topic}`} className="text-sm font-medium text-slate-800">
                {NOTIFICATION_TOPICS[topic].label}
              </label>
              <p id={`topic-${topic}-hint`} className="text-xs text-slate-500">
                {NOTIFICATION_TOPICS[topic].description}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save preferences'}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}
