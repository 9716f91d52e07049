'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { withLog } from '@/components/habits/optimistic';
import { FormAlert } from '@/components/ui/form-alert';
import { api } from '@/lib/http/api-client';
import { useFormat } from '@/lib/format/format-context';
import type { HabitView } from '@/lib/habits/habit-schema';

const KEY = ['dashboard', 'today-habits'];

/** Today's habits with one-tap logging (optimistic: the tick and streak move at once). */
export function TodayHabits({ initial, canWrite }: { initial: HabitView[]; canWrite: boolean }) {
  const t = useTranslations('dashboard.today');
  const client = useQueryClient();
  const fmt = useFormat();
  const [alert, setAlert] = useState<string | null>(null);
  const { data = [] } = useQuery({
    queryKey: KEY,
    // Same rule as habitsForToday on the server: active, and due or already done today.
    queryFn: () => api<{ habits: HabitView[] }>('/api/app/habits').then((r) => r.habits.filter((h) => h.archivedAt === null && (h.today.due || h.today.done))),
    initialData: initial,
  });

  const toggle = useMutation({
    mutationFn: (habit: HabitView) =>
      habit.today.done ? api(`/api/app/habits/${habit.id}/logs?date=${habit.today.date}`, { method: 'DELETE' }) : api(`/api/app/habits/${habit.id}/logs`, { method: 'POST', json: {} }),
    onMutate: async (habit) => {
      setAlert(null);
      await client.cancelQueries({ queryKey: KEY });
      const previous = client.getQueryData<HabitView[]>(KEY);
      client.setQueryData<HabitView[]>(KEY, (rows) => rows?.map((row) => (row.id === habit.id ? withLog(row, row.today.date, !row.today.done) : row)));
      return { previous };
    },
    onError: (error, _habit, context) => {
      client.setQueryData(KEY, context?.previous);
      setAlert(error.message);
    },
    // The server is the judge of streaks: refetch once it has answered.
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });

  if (data.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        {t.rich('nothingDue', {
          link: (chunks) => (
            <Link href="/habits?new=1" className="font-semibold text-brand-text underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={alert} />
      <ul className="divide-y divide-slate-100">
        {data.map((habit) => (
          <li key={habit.id} className="flex items-center justify-between gap-3 py-2" data-testid={`today-${habit.name}`}>
            <div>
              <Link href={`/habits/${habit.id}`} className="font-medium text-slate-900 hover:underline">
                {habit.name}
              </Link>
              <p className="text-xs text-slate-500">
                {t.rich('streak', {
                  count: habit.streak.current,
                  n: fmt.number(habit.streak.current),
                  unit: habit.streak.unit,
                  number: (chunks) => <span data-testid="today-streak">{chunks}</span>,
                })}
                {habit.streak.milestone ? (
                  <span className="ms-2 rounded-full bg-brand-accent px-2 py-0.5 font-semibold text-brand-accent-fg">{t('milestone', { milestone: fmt.number(habit.streak.milestone) })}</span>
                ) : null}
              </p>
            </div>
            <button
              type="button"
              disabled={!canWrite || toggle.isPending}
              aria-pressed={habit.today.done}
              onClick={() => toggle.mutate(habit)}
              className={`rounded-md px-3 py-1.5 text-sm font-semibold disabled:opacity-50 ${habit.today.done ? 'bg-green-100 text-green-800' : 'bg-brand text-brand-fg'}`}
            >
              {/* The name starts with the visible word (WCAG 2.5.3), then says what a press does. */}
              {habit.today.done
                ? t.rich('done', {
                    name: habit.name,
                    mark: (chunks) => <span aria-hidden="true">{chunks}</span>,
                    hidden: (chunks) => <span className="sr-only">{chunks}</span>,
                  })
                : t.rich('log', { name: habit.name, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
