'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** A habit's reminder: a time in the member's zone, on the habit's days; snooze; remove. */
export function HabitReminderCard({ habitId, word, disabled }: { habitId: string; word: string; disabled?: boolean }) {
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
  const save = useMutation({ mutationFn: (enabled: boolean) => api<{ reminder: ReminderView }>(path(habitId), { method: 'PUT', json: { time: shownTime, enabled } }), onSuccess: done('Reminder saved.') });
  const remove = useMutation({ mutationFn: () => api<undefined>(path(habitId), { method: 'DELETE' }), onSuccess: done('Reminder removed.') });
  const snooze = useMutation({ mutationFn: () => api<{ reminder: ReminderView }>(`${path(habitId)}/snooze`, { method: 'POST', json: { minutes: 60 } }), onSuccess: done('Snoozed for an hour.') });
  const error = save.error ?? remove.error ?? snooze.error;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    save.mutate(true);
  }

  return (
    <Card title="Reminder" description={`On this ${word}'s scheduled days, at a time in your time zone${reminder ? ` (${reminder.timeZone})` : ''}. Skipped on days you already logged it.`}>
      <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Reminder">
        <FormAlert message={error ? error.message : null} />
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="reminder-time" className="text-sm font-medium text-slate-800">
              Remind me at
            </label>
            <input id="reminder-time" type="time" required className="h-10 rounded-md border border-slate-300 bg-white px-2 text-sm" value={shownTime} onChange={(e) => setTime(e.target.value)} disabled={disabled} />
          </div>
          <Button type="submit" disabled={disabled || save.isPending}>
            {reminder ? 'Save reminder' : 'Set reminder'}
          </Button>
          {reminder ? (
            <>
              <Button type="button" variant="secondary" disabled={disabled || snooze.isPending || !reminder.enabled} onClick={() => snooze.mutate()}>
                Snooze 1 hour
              </Button>
              <Button type="button" variant="danger-ghost" disabled={remove.isPending} onClick={() => remove.mutate()}>
                Remove
              </Button>
            </>
          ) : null}
        </div>
        {reminder?.nextAt ? (
          <p className="text-sm text-slate-600" data-testid="reminder-next">
            Next reminder: <FormattedDateTime value={reminder.snoozedUntil ?? reminder.nextAt} />
            {reminder.snoozedUntil ? ' (snoozed)' : ''}
          </p>
        ) : null}
        <FormStatus message={status} />
      </form>
    </Card>
  );
}
