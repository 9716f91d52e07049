'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { term, type Terminology } from '@/lib/branding/terminology';
import { describeSchedule } from '@/lib/habits/habit-labels';
import type { HabitDetail } from '@/lib/habits/habit-schema';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DeleteHabitButton } from './delete-habit-button';
import { HabitForm, valuesOf } from './habit-form';
import { fetchHabit, habitKeys } from './habit-requests';
import { HistoryGrid } from './history-grid';
import { LogTodayButton } from './log-today-button';
import { MilestoneBadge } from './milestone-badge';
import { StreakStats } from './streak-stats';
import { TodayStatus } from './today-status';
import { useUpdateHabit } from './use-habit-mutations';

/** One habit: streaks, eight weeks of history, and (for writers) edit, archive, delete. */
export function HabitDetailView({ initial, terminology, canWrite }: { initial: HabitDetail; terminology: Terminology; canWrite: boolean }) {
  const { data: habit } = useQuery({ queryKey: habitKeys.detail(initial.id), queryFn: () => fetchHabit(initial.id), initialData: initial });
  const update = useUpdateHabit(habit.id);
  // Its own mutation, so an archive failure is not shown as a failure of the edit form.
  const archive = useUpdateHabit(habit.id);
  const word = term(terminology, 'habit');
  const archived = habit.archivedAt !== null;

  return (
    <div className="flex flex-col gap-6">
      <Link href="/habits" className="text-sm font-medium text-brand-text hover:underline">
        ← All {term(terminology, 'habits')}
      </Link>
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold text-slate-900">{habit.name}</h1>
          <MilestoneBadge streak={habit.streak} />
          {archived ? <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700">Archived</span> : null}
        </div>
        <p className="text-slate-600">{describeSchedule(habit)}</p>
        {habit.description ? <p className="text-slate-600">{habit.description}</p> : null}
      </header>

      <Card>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
          <StreakStats streak={habit.streak} />
          <div className="flex flex-col items-start gap-1 sm:items-end">
            <TodayStatus habit={habit} />
            {canWrite && !archived ? <LogTodayButton habit={habit} withNote /> : null}
          </div>
        </div>
      </Card>

      <Card title="History" description={canWrite && !archived ? 'Missed logging a day? Tap it: the last 7 days can still be logged or taken back.' : undefined}>
        <HistoryGrid habit={habit} editable={canWrite && !archived} />
      </Card>

      {canWrite ? (
        <>
          <Card title={`Edit ${word}`}>
            <HabitForm
              key={habit.id}
              label={`Edit ${word}`}
              submitLabel="Save changes"
              successMessage="Saved."
              initial={valuesOf(habit)}
              onSubmit={(input) => update.mutateAsync(input)}
            />
          </Card>
          <Card title="Archive or delete">
            <div className="flex flex-col gap-4">
              <p className="text-sm text-slate-600">
                {archived
                  ? `Restore this ${word} to log it again and see it in today's list.`
                  : `Archiving hides this ${word} from today's list and keeps its history.`}
              </p>
              <div className="flex flex-wrap items-start gap-3">
                {archived ? (
                  <Button variant="secondary" type="button" disabled={archive.isPending} onClick={() => archive.mutate({ archived: false })}>
                    {`Restore ${word}`}
                  </Button>
                ) : (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" type="button" disabled={archive.isPending}>
                        {`Archive ${word}`}
                      </Button>
                    }
                    title={`Archive “${habit.name}”?`}
                    description="It leaves today's list; its history is kept and you can restore it."
                    confirmLabel={`Archive ${word}`}
                    pending={archive.isPending}
                    onConfirm={() => archive.mutateAsync({ archived: true }).catch(() => undefined)}
                  />
                )}
                <DeleteHabitButton habitId={habit.id} name={habit.name} habitWord={word} />
              </div>
              <FormAlert message={archive.isError ? archive.error.message : null} />
            </div>
          </Card>
        </>
      ) : null}
    </div>
  );
}
