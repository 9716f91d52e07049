import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { HabitView } from '@/lib/habits/habit-schema';
import { useScheduleText } from './habit-words';
import { LogTodayButton } from './log-today-button';
import { MilestoneBadge } from './milestone-badge';
import { StreakStats } from './streak-stats';
import { TodayStatus } from './today-status';

/** One active habit in the list: what, when, how it is going, and logging today. */
export function HabitItem({ habit, canWrite }: { habit: HabitView; canWrite: boolean }) {
  const t = useTranslations('habits');
  const scheduleText = useScheduleText();
  const headingId = `habit-${habit.id}-name`;
  return (
    <li className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h3 id={headingId} className="text-base font-semibold text-slate-900">
            <Link href={`/habits/${habit.id}`} className="hover:text-brand-text hover:underline">
              {habit.name}
            </Link>
          </h3>
          <MilestoneBadge streak={habit.streak} />
          {habit.archivedAt ? <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700">{t('archived')}</span> : null}
        </div>
        <p className="text-sm text-slate-600">{scheduleText(habit)}</p>
        {habit.description ? <p className="text-sm text-slate-500">{habit.description}</p> : null}
        <StreakStats streak={habit.streak} />
      </div>
      <div className="flex shrink-0 flex-col items-start gap-1 sm:items-end">
        {habit.archivedAt ? null : <TodayStatus habit={habit} />}
        {canWrite && !habit.archivedAt ? <LogTodayButton habit={habit} /> : null}
      </div>
    </li>
  );
}
