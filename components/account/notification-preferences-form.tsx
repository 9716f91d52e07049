'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import type { NotificationTopic } from '@/lib/account/notification-topics';
import { api } from '@/lib/http/api-client';

/** Each topic's words in the catalog (account.emailPreferences.topics). */
const TOPIC_KEYS = { webhook_alerts: 'webhookAlerts', billing_reminders: 'billingReminders' } as const satisfies Record<NotificationTopic, string>;

export function NotificationPreferencesForm({ initial }: { initial: Partial<Record<NotificationTopic, boolean>> }) {
  const t = useTranslations('account.emailPreferences');
  const [values, setValues] = useState(initial);
  const { alert, status, pending, submit } = useFormSubmit();
  const topics = Object.keys(initial) as NotificationTopic[];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      setValues(await api<typeof initial>('/api/app/account/notifications', { method: 'PATCH', json: values }));
      return t('saved');
    });
  }

  if (!topics.length) return <p className="text-sm text-slate-700">{t('none')}</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('label')}>
      <FormAlert message={alert} />
      <fieldset className="flex flex-col gap-4">
        <legend className="sr-only">{t('legend')}</legend>
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
                {t(`topics.${TOPIC_KEYS[topic]}.label`)}
              </label>
              <p id={`topic-${topic}-hint`} className="text-xs text-slate-500">
                {t(`topics.${TOPIC_KEYS[topic]}.description`)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}
