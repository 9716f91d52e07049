'use client';

import { useFormat } from '@/lib/format/format-context';
import { WEEKDAY_NAMES, WEEKDAYS_MONDAY_FIRST } from '@/lib/habits/habit-labels';
import { MAX_LOG_AGE_DAYS, type HabitDetail } from '@/lib/habits/habit-schema';
import { addDays, daysBetween, type LocalDate } from '@/lib/habits/local-date';
import { isScheduledOn } from '@/lib/habits/streaks';
import { useLogHabit } from './use-habit-mutations';

/**
 * The last eight weeks, a row per ISO week (Monday first). Days that can still be logged
 * (today and the seven before) are toggle buttons, so a forgotten day can be filled in.
 */
export function HistoryGrid({ habit, editable }: { habit: HabitDetail; editable: boolean }) {
  const mutation = useLogHabit();
  const fmt = useFormat();
  const { from, to, logs } = habit.history;
  const notes = new Map(logs.map((log) => [log.date, log.note]));
  const weeks = Math.ceil((daysBetween(from, to) + 1) / 7);

  function cell(date: LocalDate) {
    if (date > to) return <span className="sr-only">Not yet</span>;
    const logged = notes.has(date);
    const scheduled = isScheduledOn(habit, date);
    const note = notes.get(date);
    const look = logged ? 'bg-brand text-brand-fg' : scheduled ? 'border border-slate-300 bg-white text-slate-400' : 'bg-slate-100 text-slate-300';
    const state = logged ? 'done' : scheduled ? 'not done' : 'not scheduled';
    const canToggle = editable && daysBetween(date, to) <= MAX_LOG_AGE_DAYS;
    const face = <span aria-hidden>{logged ? '✓' : ''}</span>;
    const box = `flex h-8 w-8 items-center justify-center rounded-md text-sm font-semibold ${look}`;
    if (!canToggle) {
      return (
        <span className={box} title={note ?? undefined}>
          {face}
          <span className="sr-only">
            {fmt.weekdayDay(date)}: {state}
            {note ? ` (${note})` : ''}
          </span>
        </span>
      );
    }
    return (
      <button
        type="button"
        aria-pressed={logged}
        aria-label={`Log ${habit.name} for ${fmt.weekdayDay(date)}`}
        title={note ?? undefined}
        disabled={mutation.isPending}
        onClick={() => mutation.mutate({ habitId: habit.id, date, logged: !logged })}
        className={`${box} hover:ring-2 hover:ring-brand disabled:cursor-wait`}
      >
        {face}
      </button>
    );
  }

  return (
    <div className="flex flex-col gap-2">
      <table className="border-separate border-spacing-1 text-sm">
        <caption className="mb-2 text-left text-sm text-slate-600">Last {weeks} weeks, Monday to Sunday</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-2 text-left font-medium text-slate-500">
              Week of
            </th>
            {WEEKDAYS_MONDAY_FIRST.map((day) => (
              <th key={day} scope="col" className="w-8 font-medium text-slate-500">
                <abbr title={WEEKDAY_NAMES[day]} className="no-underline">
                  {WEEKDAY_NAMES[day].slice(0, 1)}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: weeks }, (_, week) => {
            const monday = addDays(from, 7 * week);
            return (
              <tr key={monday}>
                <th scope="row" className="pr-2 text-left font-normal whitespace-nowrap text-slate-600">
                  {fmt.shortDay(monday)}
                </th>
                {WEEKDAYS_MONDAY_FIRST.map((_, offset) => (
                  <td key={offset}>{cell(addDays(monday, offset))}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {logs.some((log) => log.note) ? (
        <div className="mt-2">
          <h3 className="text-sm font-semibold text-slate-800">Notes</h3>
          <ul className="mt-1 flex flex-col gap-1 text-sm text-slate-700">
            {logs
              .filter((log) => log.note)
              .reverse()
              .map((log) => (
                <li key={log.date}>
                  <span className="font-medium">{fmt.weekdayDay(log.date)}:</span> {log.note}
                </li>
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
