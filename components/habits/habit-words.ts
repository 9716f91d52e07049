import { useLocale, useTranslations } from 'next-intl';
import { WEEKDAYS_MONDAY_FIRST } from '@/lib/habits/habit-labels';
import type { HabitRule, StreakUnit } from '@/lib/habits/streaks';

// Schedules, streaks and weekday names in the reader's language (the habit pages'
// counterparts of lib/habits/habit-labels.ts, which stays English for the calendar feed):
// sentences from the catalog (messages/<language>/habits.json), weekday names from Intl in
// the page's language, so no language has to list them.

/** A Sunday (UTC): day n of the week (0 = Sunday, as Habit.scheduleDays counts) is n days later. */
const SUNDAY = Date.UTC(2024, 0, 7);

function weekdayName(locale: string, day: number, width: 'long' | 'short'): string {
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(new Date(SUNDAY + day * 86_400_000));
}

/** Weekday names for labels, indexed like Habit.scheduleDays (0 = Sunday): "Monday", "lundi" → "Lundi". */
export function useWeekdayNames(): string[] {
  const locale = useLocale();
  return Array.from({ length: 7 }, (_, day) => {
    const name = weekdayName(locale, day, 'long');
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  });
}

/** "Every day", "Every Mon, Fri, Sun", "3 times a week", in the reader's language. */
export function useScheduleText(): (rule: HabitRule) => string {
  const t = useTranslations('habits.schedule');
  const locale = useLocale();
  return (rule) => {
    switch (rule.schedule) {
      case 'daily':
        return t('daily');
      case 'weekly_days': {
        const days = WEEKDAYS_MONDAY_FIRST.filter((day) => rule.scheduleDays.includes(day));
        if (days.length === 7) return t('everyWeekday');
        return t('weeklyDays', { days: days.map((day) => weekdayName(locale, day, 'short')).join(t('daySeparator')) });
      }
      case 'times_per_week':
        return t('timesPerWeek', { count: rule.timesPerWeek ?? 1 });
    }
  };
}

/** "1 day", "12 scheduled days", "3 weeks" (the reader's plural rules and digits). */
export function useStreakText(): (count: number, unit: StreakUnit) => string {
  const t = useTranslations('habits.streak');
  return (count, unit) => t(unit, { count });
}
