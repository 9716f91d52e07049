import type { HabitDetail, HabitView } from '@/lib/habits/habit-schema';
import { isoWeekStart, type LocalDate } from '@/lib/habits/local-date';
import { milestoneFor } from '@/lib/habits/milestones';

// What a log or un-log will most likely do to a habit, shown at once while the server
// works; its answer (or a refetch) replaces the guess. Exact for today's log: it adds or
// removes the open period at the end of the current streak. A late log can join runs in
// ways only the full history shows, so it moves the counters but leaves the streak to the
// server.

export function withLog(habit: HabitView, date: LocalDate, logged: boolean): HabitView {
  const { today } = habit;
  const step = logged ? 1 : -1;
  const inThisWeek = date >= isoWeekStart(today.date) && date <= today.date;
  const weekCount = inThisWeek ? Math.max(0, today.weekCount + step) : today.weekCount;
  const isToday = date === today.date;
  const done = isToday ? logged : today.done;
  const due = today.weekTarget === null ? today.due : done || weekCount < today.weekTarget;
  if (!isToday) return { ...habit, today: { ...today, weekCount, due } };

  const changesStreak =
    today.weekTarget === null
      ? today.due
      : // A weekly target counts when this log reaches it, or un-counts when it drops below.
        Math.max(weekCount, today.weekCount) === today.weekTarget;
  const current = changesStreak ? Math.max(0, habit.streak.current + step) : habit.streak.current;
  return {
    ...habit,
    streak: { ...habit.streak, current, longest: Math.max(habit.streak.longest, current), milestone: milestoneFor(current) },
    today: { ...today, done, due, weekCount },
  };
}

export function withDetailLog(detail: HabitDetail, date: LocalDate, logged: boolean, note: string | null): HabitDetail {
  const others = detail.history.logs.filter((log) => log.date !== date);
  const logs = logged ? [...others, { date, note: note?.trim() || null }].sort((a, b) => a.date.localeCompare(b.date)) : others;
  return { ...withLog(detail, date, logged), history: { ...detail.history, logs } };
}

/** Name, description and archiving change at once; a new schedule waits for the server. */
export function withPatch<T extends HabitView>(habit: T, patch: { name?: string; description?: string | null; archived?: boolean }): T {
  return {
    ...habit,
    name: patch.name ?? habit.name,
    description: patch.description === undefined ? habit.description : patch.description,
    archivedAt: patch.archived === undefined ? habit.archivedAt : patch.archived ? (habit.archivedAt ?? new Date().toISOString()) : null,
  };
}
