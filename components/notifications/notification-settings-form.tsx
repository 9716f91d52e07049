'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import type { Terminology } from '@/lib/branding/terminology';
import { api } from '@/lib/http/api-client';
import type { NotificationSettings } from '@/lib/notifications/preferences';
import { CHANNELS, DIGEST_CADENCES, NOTIFICATION_TYPES, type Channel, type DigestCadence } from '@/lib/notifications/types';
import { NOTIFICATION_TYPE_KEYS } from './type-keys';

/** Each channel's place in the catalog (notifications.settings.channels). */
const CHANNEL_KEYS = { in_app: 'inApp', email: 'email', none: 'none' } as const satisfies Record<Channel, string>;

/** Per type: in app, in app and email, or off; and how emails are batched. (`terminology` is no longer read: the catalog speaks the workspace's words.) */
export function NotificationSettingsForm({ initial }: { initial: NotificationSettings; terminology?: Terminology }) {
  const t = useTranslations('notifications.settings');
  const types = useTranslations('notifications.types');
  const [values, setValues] = useState(initial);
  const { alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      setValues(await api<NotificationSettings>('/api/app/notifications/preferences', { method: 'PATCH', json: values }));
      return t('saved');
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label={t('label')}>
      <FormAlert message={alert} />
      <div className="flex flex-col divide-y divide-slate-200">
        {NOTIFICATION_TYPES.map((type) => {
          const id = `notify-${type}`;
          return (
            <div key={type} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <label htmlFor={id} className="text-sm font-medium text-slate-800">
                  {types(`${NOTIFICATION_TYPE_KEYS[type]}.label`)}
                </label>
                <p id={`${id}-hint`} className="text-xs text-slate-500">
                  {types(`${NOTIFICATION_TYPE_KEYS[type]}.description`)}
                </p>
              </div>
              <select
                id={id}
                aria-describedby={`${id}-hint`}
                className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 sm:w-48"
                value={values.types[type]}
                onChange={(e) => setValues({ ...values, types: { ...values.types, [type]: e.target.value as Channel } })}
              >
                {CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {t(`channels.${CHANNEL_KEYS[channel]}`)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">{t('emails')}</legend>
        <p className="text-xs text-slate-500">{t('emailsHint')}</p>
        <div className="flex flex-wrap gap-4">
          {DIGEST_CADENCES.map((cadence) => (
            <label key={cadence} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="radio"
                name="digest"
                value={cadence}
                className="size-4 accent-[var(--brand-primary)]"
                checked={values.digest === cadence}
                onChange={() => setValues({ ...values, digest: cadence as DigestCadence })}
              />
              {t(`cadences.${cadence}`)}
            </label>
          ))}
        </div>
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
