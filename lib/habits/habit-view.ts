import type { Habit } from '../db/generated/client.ts';
import type { HabitView } from './habit-schema.ts';
import { isoWeekStart, type LocalDate } from './local-date.ts';
import { milestoneFor } from './milestones.ts';
import { computeStreaks, isScheduledOn, weeklyTarget } from './streaks.ts';

/** A habit as the API returns it: the row, its streaks and where it stands today. */
export function toHabitView(habit: Habit, logDates: readonly LocalDate[], today: LocalDate): HabitView {
  const streaks = computeStreaks(habit, logDates, today);
  const weekStart = isoWeekStart(today);
  const weekCount = logDates.filter((date) => date >= weekStart && date <= today).length;
  const done = logDates.includes(today);
  const weekTarget = habit.schedule === 'times_per_week' ? weeklyTarget(habit) : null;
  const due = weekTarget === null ? isScheduledOn(habit, today) : done || weekCount < weekTarget;
  return {
    id: habit.id,
    name: habit.name,
    description: habit.description,
    schedule: habit.schedule,
    scheduleDays: habit.scheduleDays,
    timesPerWeek: habit.timesPerWeek,
    archivedAt: habit.archivedAt?.toISOString() ?? null,
    createdAt: habit.createdAt.toISOString(),
    streak: { current: streaks.current, longest: streaks.longest, unit: streaks.unit, milestone: milestoneFor(streaks.current) },
    today: { date: today, due, done, weekCount, weekTarget },
  };
}
