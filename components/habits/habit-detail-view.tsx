'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import type { Terminology } from '@/lib/branding/terminology';
import { MAX_LOG_AGE_DAYS, type HabitDetail } from '@/lib/habits/habit-schema';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DeleteHabitButton } from './delete-habit-button';
import { HabitForm, valuesOf } from './habit-form';
import { useScheduleText } from './habit-words';
import { fetchHabit, habitKeys } from './habit-requests';
import { HistoryGrid } from './history-grid';
import { LogTodayButton } from './log-today-button';
import { MilestoneBadge } from './milestone-badge';
import { StreakStats } from './streak-stats';
import { TodayStatus } from './today-status';
import { useUpdateHabit } from './use-habit-mutations';

/**
 * One habit: streaks, eight weeks of history, and (for writers) edit, archive, delete.
 * `terminology` is no longer read (the catalog speaks the workspace's words); kept optional.
 */
export function HabitDetailView({ initial, canWrite }: { initial: HabitDetail; terminology?: Terminology; canWrite: boolean }) {
  const t = useTranslations('habitDetail');
  const scheduleText = useScheduleText();
  const { data: habit } = useQuery({ queryKey: habitKeys.detail(initial.id), queryFn: () => fetchHabit(initial.id), initialData: initial });
  const update = useUpdateHabit(habit.id);
  // Its own mutation, so an archive failure is not shown as a failure of the edit form.
  const archive = useUpdateHabit(habit.id);
  const archived = habit.archivedAt !== null;

  return (
    <div className="flex flex-col gap-6">
      <Link href="/habits" className="text-sm font-medium text-brand-text hover:underline">
        {t('back')}
      </Link>
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold text-slate-900">{habit.name}</h1>
          <MilestoneBadge streak={habit.streak} />
          {archived ? <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700">{t('archived')}</span> : null}
        </div>
        <p className="text-slate-600">{scheduleText(habit)}</p>
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

      <Card title={t('history')} description={canWrite && !archived ? t('historyHint', { days: MAX_LOG_AGE_DAYS }) : undefined}>
        <HistoryGrid habit={habit} editable={canWrite && !archived} />
      </Card>

      {canWrite ? (
        <>
          <Card title={t('edit')}>
            <HabitForm
              key={habit.id}
              label={t('edit')}
              submitLabel={t('saveChanges')}
              successMessage={t('saved')}
              initial={valuesOf(habit)}
              onSubmit={(input) => update.mutateAsync(input)}
            />
          </Card>
          <Card title={t('archiveOrDelete')}>
            <div className="flex flex-col gap-4">
              <p className="text-sm text-slate-600">
                {archived ? t('restoreHint') : t('archiveHint')}
              </p>
              <div className="flex flex-wrap items-start gap-3">
                {archived ? (
                  <Button variant="secondary" type="button" disabled={archive.isPending} onClick={() => archive.mutate({ archived: false })}>
                    {t('restore')}
                  </Button>
                ) : (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" type="button" disabled={archive.isPending}>
                        {t('archive')}
                      </Button>
                    }
                    title={t('archiveTitle', { name: habit.name })}
                    description={t('archiveBody')}
                    confirmLabel={t('archive')}
                    pending={archive.isPending}
                    onConfirm={() => archive.mutateAsync({ archived: true }).catch(() => undefined)}
                  />
                )}
                <DeleteHabitButton habitId={habit.id} name={habit.name} />
              </div>
              <FormAlert message={archive.isError ? archive.error.message : null} />
            </div>
          </Card>
        </>
      ) : null}
    </div>
  );
}
