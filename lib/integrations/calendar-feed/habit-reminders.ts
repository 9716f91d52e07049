import type { HabitSchedule } from '../../db/generated/enums.ts';
import { addDays, dayOfWeek, type LocalDate } from '../../habits/local-date.ts';

// A habit's schedule as a recurrence rule for its reminder. A habit has no time of day, so the
// reminder sits at a fixed local time in the member's zone; "N times a week" habits get one
// reminder on Mondays (the week they count in starts then).

export const REMINDER_HOUR = 9;
export const REMINDER_MINUTES = 15;

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

export interface HabitRecurrence {
  /** RRULE value without the "RRULE:" name, e.g. FREQ=WEEKLY;BYDAY=MO,WE. */
  rule: string;
  /** The first day the rule falls on, on or after the day asked for (DTSTART must be an occurrence). */
  firstDate: LocalDate;
}

export function habitRecurrence(habit: { schedule: HabitSchedule; scheduleDays: number[] }, from: LocalDate): HabitRecurrence | null {
  if (habit.schedule === 'daily') return { rule: 'FREQ=DAILY', firstDate: from };
  const days = habit.schedule === 'times_per_week' ? [1] : [...new Set(habit.scheduleDays)].filter((day) => day >= 0 && day <= 6).sort();
  if (days.length === 0) return null;
  let first = from;
  while (!days.includes(dayOfWeek(first))) first = addDays(first, 1);
  // Monday first, as the habit pages list the days.
  const ordered = [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return { rule: `FREQ=WEEKLY;BYDAY=${ordered.map((day) => BYDAY[day]).join(',')}`, firstDate: first };
}
