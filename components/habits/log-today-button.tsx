'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { HABIT_NOTE_MAX, type HabitView } from '@/lib/habits/habit-schema';
import { useLogHabit } from './use-habit-mutations';

const CHECK = '✓';

/**
 * "Log today", or "Undo" once done; on a habit's own page (withNote) a note can go with the
 * log. The visible words stay short; the accessible names say which habit, since a page
 * lists many. It waits for one answer before taking the next click, so a double click
 * cannot log and take back at once. A refusal (e.g. logged meanwhile in another tab) is
 * announced next to the button.
 */
export function LogTodayButton({ habit, withNote = false }: { habit: HabitView; withNote?: boolean }) {
  const t = useTranslations('habits.log');
  const mutation = useLogHabit();
  const [note, setNote] = useState('');
  const { done, date } = habit.today;

  function log(logged: boolean) {
    mutation.mutate({ habitId: habit.id, date, logged, note: logged ? note.trim() || null : null }, { onSuccess: () => setNote('') });
  }

  return (
    <div className="flex flex-col items-end gap-1">
      {done ? (
        <div className="flex items-center gap-2">
          <span className="text-sm font-semibold text-brand-text">
            <span aria-hidden>{CHECK}</span> {t('doneToday')}
          </span>
          <button
            type="button"
            onClick={() => log(false)}
            disabled={mutation.isPending}
            aria-label={t('undoLabel', { name: habit.name })}
            className={buttonClass('ghost', 'px-2 py-1 text-xs')}
          >
            {t('undo')}
          </button>
        </div>
      ) : (
        <div className="flex flex-wrap items-end justify-end gap-2">
          {withNote ? (
            <TextField label={t('note')} name="note" maxLength={HABIT_NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} className="w-64" />
          ) : null}
          <button type="button" onClick={() => log(true)} disabled={mutation.isPending} aria-label={t('logLabel', { name: habit.name })} className={buttonClass('primary')}>
            {t('logToday')}
          </button>
        </div>
      )}
      {mutation.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {mutation.error.message}
        </p>
      ) : null}
    </div>
  );
}
