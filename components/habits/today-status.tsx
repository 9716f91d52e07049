import type { HabitView } from '@/lib/habits/habit-schema';

/** Where a habit stands today, in words: the weekly count, or that today is a day off. */
export function TodayStatus({ habit }: { habit: HabitView }) {
  const { today } = habit;
  if (today.weekTarget !== null) {
    return (
      <p className="text-sm text-slate-600">
        {today.weekCount} of {today.weekTarget} this week
      </p>
    );
  }
  if (!today.due && !today.done) return <p className="text-sm text-slate-500">Not scheduled today</p>;
  return null;
}
