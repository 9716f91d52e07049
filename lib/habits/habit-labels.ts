import { toDbDate, type LocalDate } from './local-date.ts';
import type { HabitRule, StreakUnit } from './streaks.ts';

// Human-readable schedules and streaks, shared by the habit pages and the dashboard.

/** Indexed like Habit.scheduleDays: 0 = Sunday … 6 = Saturday. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Monday first, as the week grids and the day pickers show them (ISO weeks). */
export const WEEKDAYS_MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0] as const;

export function describeSchedule(rule: HabitRule): string {
  switch (rule.schedule) {
    case 'daily':
      return 'Every day';
    case 'weekly_days': {
      const days = WEEKDAYS_MONDAY_FIRST.filter((day) => rule.scheduleDays.includes(day));
      if (days.length === 7) return 'Every day of the week';
      return `Every ${days.map((day) => WEEKDAY_NAMES[day].slice(0, 3)).join(', ')}`;
    }
    case 'times_per_week':
      return rule.timesPerWeek === 1 ? 'Once a week' : `${rule.timesPerWeek ?? 1} times a week`;
  }
}

const UNIT_WORDS: Record<StreakUnit, [string, string]> = {
  days: ['day', 'days'],
  occurrences: ['scheduled day', 'scheduled days'],
  weeks: ['week', 'weeks'],
};

/** "1 day", "12 scheduled days", "3 weeks". */
export function formatStreak(count: number, unit: StreakUnit): string {
  const [one, many] = UNIT_WORDS[unit];
  return `${count} ${count === 1 ? one : many}`;
}

// A calendar date is UTC midnight as a Date, so it is formatted in UTC: the same words on
// the server and in any browser, whatever their own zones.
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
const SHORT_FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/** "Mon 15 Jun" */
export function formatDay(date: LocalDate): string {
  return DAY_FORMAT.format(toDbDate(date)).replace(',', '');
}

/** "15 Jun" */
export function formatShortDate(date: LocalDate): string {
  return SHORT_FORMAT.format(toDbDate(date));
}
