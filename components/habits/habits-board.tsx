'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { term, type Terminology } from '@/lib/branding/terminology';
import type { HabitView } from '@/lib/habits/habit-schema';
import { EMPTY_HABIT, HabitForm } from './habit-form';
import { HabitItem } from './habit-item';
import { fetchHabits, habitKeys } from './habit-requests';
import { useCreateHabit } from './use-habit-mutations';

/** The member's habits: a form to add one, the active ones, and the archived ones apart. */
export function HabitsBoard({ initial, terminology, canWrite }: { initial: HabitView[]; terminology: Terminology; canWrite: boolean }) {
  const { data: habits } = useQuery({ queryKey: habitKeys.list, queryFn: fetchHabits, initialData: initial });
  const create = useCreateHabit();
  const habit = term(terminology, 'habit');
  const plural = term(terminology, 'habits');
  const active = habits.filter((h) => h.archivedAt === null);
  const archived = habits.filter((h) => h.archivedAt !== null);

  return (
    <div className="flex flex-col gap-8">
      {canWrite ? (
        <Card title={`New ${habit}`}>
          <HabitForm label={`New ${habit}`} submitLabel={`Add ${habit}`} initial={EMPTY_HABIT} onSubmit={(input) => create.mutateAsync(input)} resetOnSuccess />
        </Card>
      ) : null}

      <section aria-labelledby="active-habits" className="flex flex-col gap-3">
        <h2 id="active-habits" className="text-lg font-semibold text-slate-900">
          Active {plural}
        </h2>
        {active.length ? (
          <ul aria-label={`Active ${plural}`} className="flex flex-col gap-3">
            {active.map((h) => (
              <HabitItem key={h.id} habit={h} canWrite={canWrite} />
            ))}
          </ul>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
            {canWrite ? `No ${plural} yet. Add your first one above.` : `No ${plural} here: your role can look but not add.`}
          </p>
        )}
      </section>

      {archived.length ? (
        <details className="rounded-lg border border-slate-200 bg-white p-5">
          <summary className="cursor-pointer text-sm font-semibold text-slate-800">
            Archived {plural} ({archived.length})
          </summary>
          <ul className="mt-3 flex flex-col gap-2 text-sm">
            {archived.map((h) => (
              <li key={h.id}>
                <Link href={`/habits/${h.id}`} className="text-brand-text underline">
                  {h.name}
                </Link>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
