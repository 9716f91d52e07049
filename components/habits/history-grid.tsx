'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { useFormat } from '@/lib/format/format-context';
import { WEEKDAYS_MONDAY_FIRST } from '@/lib/habits/habit-labels';
import { MAX_LOG_AGE_DAYS, type HabitDetail } from '@/lib/habits/habit-schema';
import { addDays, daysBetween, type LocalDate } from '@/lib/habits/local-date';
import { isScheduledOn } from '@/lib/habits/streaks';
import { useLogHabit } from './use-habit-mutations';

type State = 'done' | 'missed' | 'off' | 'future';

const LOOK: Record<State, string> = {
  done: 'bg-brand text-brand-fg',
  missed: 'border border-slate-300 bg-white',
  off: 'bg-slate-100',
  future: 'border border-dashed border-slate-200 bg-transparent',
};

const CHECK = '✓';

/**
 * A calendar heatmap of the last eight weeks, GitHub-style: a column per ISO week (Monday at
 * the top), today outlined. It is a table (weekdays × weeks) so screen readers can walk it.
 * Days that can still be logged (today and the seven before) are toggle buttons; hovering or
 * focusing any day shows its date and state under the grid.
 */
export function HistoryGrid({ habit, editable }: { habit: HabitDetail; editable: boolean }) {
  const t = useTranslations('habitDetail.grid');
  const mutation = useLogHabit();
  const fmt = useFormat();
  const [active, setActive] = useState<LocalDate | null>(null);
  const { from, to, logs } = habit.history;
  const notes = new Map(logs.map((log) => [log.date, log.note]));
  const weeks = Math.ceil((daysBetween(from, to) + 1) / 7);
  const mondays = Array.from({ length: weeks }, (_, week) => addDays(from, 7 * week));

  const stateOf = (date: LocalDate): State => (date > to ? 'future' : notes.has(date) ? 'done' : isScheduledOn(habit, date) ? 'missed' : 'off');
  const describe = (date: LocalDate) => {
    const note = notes.get(date);
    const said = t('day', { day: fmt.weekdayDay(date), today: String(date === to), state: t(`states.${stateOf(date)}`) });
    return note ? t('withNote', { text: said, note }) : said;
  };

  function cell(date: LocalDate) {
    const state = stateOf(date);
    const isToday = date === to;
    const canToggle = editable && state !== 'future' && daysBetween(date, to) <= MAX_LOG_AGE_DAYS;
    const box = cn(
      // 24 px squares on a phone, so eight weeks fit a 390 px screen; 28 px from sm up.
      'flex h-6 w-6 items-center justify-center rounded-[5px] text-xs font-semibold sm:h-7 sm:w-7',
      LOOK[state],
      isToday && 'ring-2 ring-slate-900 ring-offset-2 ring-offset-white',
    );
    const hover = { onMouseEnter: () => setActive(date), onMouseLeave: () => setActive(null), onFocus: () => setActive(date), onBlur: () => setActive(null) };
    const face = <span aria-hidden>{state === 'done' ? CHECK : ''}</span>;
    const marks = { 'aria-current': isToday ? ('date' as const) : undefined, 'data-testid': isToday ? 'heatmap-today' : undefined, 'data-state': state };
    if (!canToggle) {
      return (
        <span className={box} title={describe(date)} {...hover} {...marks}>
          {face}
          <span className="sr-only">{describe(date)}</span>
        </span>
      );
    }
    const logged = state === 'done';
    return (
      <button
        type="button"
        aria-pressed={logged}
        aria-label={t('logDay', { name: habit.name, day: fmt.weekdayDay(date), today: String(isToday) })}
        title={describe(date)}
        disabled={mutation.isPending}
        onClick={() => mutation.mutate({ habitId: habit.id, date, logged: !logged })}
        className={cn(box, 'hover:ring-2 hover:ring-brand disabled:cursor-wait')}
        {...hover}
        {...marks}
      >
        {face}
      </button>
    );
  }

  // A month label over the first week of each month (and the first column, unless the second
  // starts a month: the labels would collide), like GitHub's.
  const startsMonth = (index: number) => index > 0 && index < mondays.length && mondays[index - 1].slice(0, 7) !== mondays[index].slice(0, 7);
  const monthLabel = (monday: LocalDate, index: number) => ((index === 0 && !startsMonth(1)) || startsMonth(index) ? fmt.shortDay(monday) : '');

  return (
    <div className="flex min-w-0 flex-col gap-3">
      {/* Padding keeps today's ring (offset 2 px) inside the scroll box. */}
      <div className="overflow-x-auto p-1">
        <table className="border-separate border-spacing-1 text-xs" data-testid="habit-heatmap">
          <caption className="mb-1 text-start text-sm text-slate-600">{t('caption', { weeks })}</caption>
          <thead>
            <tr>
              <td />
              {mondays.map((monday, index) => (
                <th key={monday} scope="col" className="relative h-5 w-6 p-0 text-start align-bottom font-normal whitespace-nowrap text-slate-600 sm:w-7">
                  <span className="sr-only">{t('weekOf', { date: fmt.day(monday) })}</span>
                  {/* Out of the flow, so a label wider than its week does not widen the column. */}
                  <span aria-hidden className="absolute start-0 bottom-0">
                    {monthLabel(monday, index)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS_MONDAY_FIRST.map((weekday, offset) => {
              const sample = addDays(from, offset);
              return (
                <tr key={weekday}>
                  <th scope="row" className="pe-1 text-start font-normal text-slate-600">
                    <abbr title={fmt.weekday(sample)} className="no-underline">
                      {offset % 2 === 0 ? fmt.weekday(sample) : <span className="sr-only">{fmt.weekday(sample)}</span>}
                    </abbr>
                  </th>
                  {mondays.map((monday) => (
                    <td key={monday} className="p-0">
                      {cell(addDays(monday, offset))}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="min-h-5 text-sm text-slate-700" aria-live="polite" data-testid="heatmap-detail">
        {active ? describe(active) : <span className="text-slate-500">{t('hoverHint')}</span>}
      </p>
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600" aria-label={t('legend')}>
        {(['done', 'missed', 'off'] as const).map((state) => (
          <li key={state} className="flex items-center gap-1.5">
            <span className={cn('inline-block h-3 w-3 rounded-sm', LOOK[state])} aria-hidden /> {t(`legendStates.${state}`)}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-3 rounded-sm ring-2 ring-slate-900 ring-offset-1" aria-hidden /> {t('today')}
        </li>
      </ul>
      {logs.some((log) => log.note) ? (
        <div className="mt-2">
          <h3 className="text-sm font-semibold text-slate-800">{t('notes')}</h3>
          <ul className="mt-1 flex flex-col gap-1 text-sm text-slate-700">
            {logs
              .filter((log) => log.note)
              .reverse()
              .map((log) => (
                <li key={log.date}>{t.rich('noteLine', { day: fmt.weekdayDay(log.date), note: log.note ?? '', strong: (chunks) => <span className="font-medium">{chunks}</span> })}</li>
              ))}
          </ul>
        </div>
      ) : null}
      {mutation.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {mutation.error.message}
        </p>
      ) : null}
    </div>
  );
}
