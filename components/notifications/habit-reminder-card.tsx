'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { FormattedDateTime } from '@/components/ui/formatted';
import { api } from '@/lib/http/api-client';
import type { ReminderView } from '@/lib/notifications/reminders';

const keyOf = (habitId: string) => ['habits', 'reminder', habitId] as const;
const path = (habitId: string) => `/api/app/habits/${encodeURIComponent(habitId)}/reminder`;

/** A habit's reminder: a time in the member's zone, on the habit's days; snooze; remove. (`word` is no longer read: the catalog speaks the workspace's words.) */
export function HabitReminderCard({ habitId, disabled }: { habitId: string; word?: string; disabled?: boolean }) {
  const t = useTranslations('habitDetail.reminder');
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: keyOf(habitId), queryFn: () => api<{ reminder: ReminderView | null }>(path(habitId)) });
  const reminder = data?.reminder ?? null;
  const [time, setTime] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const shownTime = time ?? reminder?.time ?? '08:00';
  const done = (message: string) => (answer: { reminder: ReminderView | null } | undefined) => {
    client.setQueryData(keyOf(habitId), { reminder: answer?.reminder ?? null });
    setTime(null);
    setStatus(message);
  };
  const save = useMutation({ mutationFn: (enabled: boolean) => api<{ reminder: ReminderView }>(path(habitId), { method: 'PUT', json: { time: shownTime, enabled } }), onSuccess: done(t('saved')) });
  const remove = useMutation({ mutationFn: () => api<undefined>(path(habitId), { method: 'DELETE' }), onSuccess: done(t('removed')) });
  const snooze = useMutation({ mutationFn: () => api<{ reminder: ReminderView }>(`${path(habitId)}/snooze`, { method: 'POST', json: { minutes: 60 } }), onSuccess: done(t('snoozed')) });
  const error = save.error ?? remove.error ?? snooze.error;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    save.mutate(true);
  }

  return (
    <Card title={t('title')} description={reminder ? t('descriptionWithZone', { zone: reminder.timeZone }) : t('description')}>
      <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={t('title')}>
        <FormAlert message={error ? error.message : null} />
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="reminder-time" className="text-sm font-medium text-slate-800">
              {t('time')}
            </label>
            <input id="reminder-time" type="time" required className="h-10 rounded-md border border-slate-300 bg-white px-2 text-sm" value={shownTime} onChange={(e) => setTime(e.target.value)} disabled={disabled} />
          </div>
          <Button type="submit" disabled={disabled || save.isPending}>
            {reminder ? t('save') : t('set')}
          </Button>
          {reminder ? (
            <>
              <Button type="button" variant="secondary" disabled={disabled || snooze.isPending || !reminder.enabled} onClick={() => snooze.mutate()}>
                {t('snooze')}
              </Button>
              <Button type="button" variant="danger-ghost" disabled={remove.isPending} onClick={() => remove.mutate()}>
                {t('remove')}
              </Button>
            </>
          ) : null}
        </div>
        {reminder?.nextAt ? (
          <p className="text-sm text-slate-600" data-testid="reminder-next">
            {t.rich(reminder.snoozedUntil ? 'nextSnoozed' : 'next', { when: () => <FormattedDateTime value={reminder.snoozedUntil ?? reminder.nextAt!} /> })}
          </p>
        ) : null}
        <FormStatus message={status} />
      </form>
    </Card>
  );
}
