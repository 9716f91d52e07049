import { useTranslations } from 'next-intl';
import type { HabitView } from '@/lib/habits/habit-schema';

/** Where a habit stands today, in words: the weekly count, or that today is a day off. */
export function TodayStatus({ habit }: { habit: HabitView }) {
  const t = useTranslations('habits');
  const { today } = habit;
  if (today.weekTarget !== null) return <p className="text-sm text-slate-600">{t('weekCount', { count: today.weekCount, target: today.weekTarget })}</p>;
  if (!today.due && !today.done) return <p className="text-sm text-slate-500">{t('notScheduledToday')}</p>;
  return null;
}
