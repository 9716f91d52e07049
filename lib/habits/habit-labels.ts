import { createFormatter, type Formatter, type PluralForms } from '../format/formatter.ts';
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

/**
 * The unit a streak counts, per schedule: a daily habit counts days, a habit on chosen weekdays
 * counts those scheduled days (weekends off do not break it), a times-a-week habit counts weeks.
 */
export const STREAK_UNIT_FORMS: Record<StreakUnit, PluralForms> = {
  days: { one: 'day', other: 'days' },
  occurrences: { one: 'scheduled day', other: 'scheduled days' },
  weeks: { one: 'week', other: 'weeks' },
};

/** "1 day", "12 scheduled days", "3 weeks" (plural rules of the formatter's locale). */
export function formatStreak(count: number, unit: StreakUnit, fmt: Formatter = createFormatter()): string {
  return fmt.plural(count, STREAK_UNIT_FORMS[unit]);
}

/** The unit alone, agreeing with count: "day" for 1, "days" for 2. */
export function streakUnitWord(count: number, unit: StreakUnit, fmt: Formatter = createFormatter()): string {
  return fmt.pluralWord(count, STREAK_UNIT_FORMS[unit]);
}
