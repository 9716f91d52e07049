'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { toast } from '@/components/ui/toaster';
import { useFormat } from '@/lib/format/format-context';
import { api } from '@/lib/http/api-client';
import type { CalendarPanelData } from '@/lib/integrations/calendar/calendar-panel-data';

type Mode = 'all' | 'team' | 'ids';

interface Props {
  /** The integration's id (google-calendar, outlook-calendar). */
  id: string;
  name: string;
  data: CalendarPanelData;
}

/** A calendar connection's settings: which calendar, and which of the member's goals go there. Saving syncs again. */
export function CalendarSyncSettings({ id, name, data }: Props) {
  const t = useTranslations('integrations.calendar');
  const fmt = useFormat();
  const [calendarId, setCalendarId] = useState(data.settings.calendarId);
  const initialMode: Mode = typeof data.settings.goals === 'string' ? data.settings.goals : 'ids';
  const [mode, setMode] = useState<Mode>(initialMode);
  const [picked, setPicked] = useState<Set<string>>(() => new Set(typeof data.settings.goals === 'object' ? data.settings.goals.ids : []));
  const [alert, setAlert] = useState<string | null>(null);

  const calendars = data.calendars ?? [];
  const options = calendars.map((calendar) => ({ value: calendar.primary ? 'primary' : calendar.id, label: calendar.primary ? t('mainCalendarOption', { name: calendar.name }) : calendar.name }));
  if (!options.some((option) => option.value === calendarId)) options.unshift({ value: calendarId, label: calendarId === 'primary' ? t('mainCalendar') : calendarId });

  const save = useMutation({
    mutationFn: () =>
      api(`/api/app/integrations/${id}/connection`, {
        method: 'PATCH',
        json: { settings: { calendarId, goals: mode === 'ids' ? { ids: [...picked] } : mode } },
      }),
    onMutate: () => setAlert(null),
    onSuccess: () => toast.success(t('saved', { name })),
    onError: (error) => setAlert(error.message),
  });

  return (
    <section className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" aria-labelledby={`${id}-settings-heading`} data-testid={`${id}-panel`}>
      <div>
        <h2 id={`${id}-settings-heading`} className="text-lg font-semibold text-slate-900">
          {t('heading')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      <FormAlert message={alert} />
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <SelectField label={t('calendar')} value={calendarId} options={options} onChange={(event) => setCalendarId(event.target.value)} />
        {data.calendarsError ? <p className="text-sm text-amber-700">{data.calendarsError}</p> : null}
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-slate-800">{t('which')}</legend>
          {(
            [
              ['all', t('modeAll')],
              ['team', t('modeTeam')],
              ['ids', t('modeIds')],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name={`${id}-goals`} value={value} checked={mode === value} onChange={() => setMode(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        {mode === 'ids' ? (
          <fieldset className="flex max-h-64 flex-col gap-1 overflow-y-auto rounded-md border border-slate-200 p-3">
            <legend className="sr-only">{t('toSync')}</legend>
            {data.goals.length === 0 ? <p className="text-sm text-slate-600">{t('noGoals')}</p> : null}
            {data.goals.map((goal) => (
              <label key={goal.id} className="flex items-start gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={picked.has(goal.id)}
                  onChange={(event) => {
                    const next = new Set(picked);
                    if (event.target.checked) next.add(goal.id);
                    else next.delete(goal.id);
                    setPicked(next);
                  }}
                />
                <span className="min-w-0 break-words">
                  {goal.title}
                  {goal.targetDate ? <span className="text-slate-500">{t('due', { date: fmt.day(goal.targetDate) })}</span> : null}
                  {goal.team ? <span className="text-slate-500">{t('team')}</span> : null}
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t('saving') : t('save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
