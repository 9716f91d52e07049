import type { HabitSchedule } from '../db/generated/enums.ts';
import { dayNumber, dayOfWeek, fromDayNumber, isoWeekNumber, type LocalDate } from './local-date.ts';

// Streaks, as pure functions of a habit's schedule, the calendar dates it was logged on and
// the tenant's "today" (see local-date.ts). Each schedule cuts time into periods:
//
// - daily: every calendar day is a period; the streak counts consecutive logged days.
// - weekly_days: every scheduled day (scheduleDays, 0 = Sunday … 6 = Saturday) is a period;
//   the streak counts consecutive scheduled occurrences that were logged. Unscheduled days
//   are not periods at all: a log on one is kept but neither extends nor breaks the streak.
// - times_per_week: every ISO week (Monday to Sunday) is a period, done when it holds at
//   least timesPerWeek logs; the streak counts consecutive such weeks.
//
// The current streak ends at the latest period that has begun. While that period is still
// open (today, or this week, not done yet) it is not a miss: the streak counts up to the
// period before it, so nobody sees their streak drop to 0 over breakfast. A period that has
// ended without being done breaks the streak. The longest streak is the longest run of done
// periods ever, the current one included. Streaks are computed from all logs with the
// habit's present schedule, so editing the schedule re-reads the history under the new one.

export interface HabitRule {
  schedule: HabitSchedule;
  scheduleDays: readonly number[];
  timesPerWeek: number | null;
}

export type StreakUnit = 'days' | 'occurrences' | 'weeks';

export interface Streaks {
  current: number;
  longest: number;
  unit: StreakUnit;
  /** First calendar date of the current streak's first period; null when current is 0. */
  currentSince: LocalDate | null;
}

/** A schedule's periods, numbered so that consecutive periods differ by exactly one. */
interface Periods {
  unit: StreakUnit;
  /** The periods that are done, up to and including today's. */
  done: Set<number>;
  /** The latest period that has begun by today. */
  latest: number;
  /** Whether `latest` can still be done (it includes today). */
  latestOpen: boolean;
  firstDateOf(period: number): LocalDate;
}

export const STREAK_UNITS: Record<HabitSchedule, StreakUnit> = { daily: 'days', weekly_days: 'occurrences', times_per_week: 'weeks' };

/** The scheduled weekdays, sorted and without repeats or out-of-range values. */
export function normalizeDays(days: readonly number[]): number[] {
  return [...new Set(days)].filter((d) => Number.isInteger(d) && d >= 0 && d <= 6).sort((a, b) => a - b);
}

/** A weekly target within 1..7; a missing one (not possible through the API) counts as 1. */
export function weeklyTarget(rule: HabitRule): number {
  return Math.min(7, Math.max(1, rule.timesPerWeek ?? 1));
}

/** Whether the habit is due on `date`. Any day can count towards a times_per_week target. */
export function isScheduledOn(rule: HabitRule, date: LocalDate): boolean {
  return rule.schedule !== 'weekly_days' || rule.scheduleDays.includes(dayOfWeek(date));
}

function dailyPeriods(logs: LocalDate[], today: LocalDate): Periods {
  return {
    unit: 'days',
    done: new Set(logs.map(dayNumber)),
    latest: dayNumber(today),
    latestOpen: true,
    firstDateOf: fromDayNumber,
  };
}

// Occurrence n of a weekly_days habit: weeks counted from a Sunday (1970-01-04 is day 3, so
// Sunday-based week w begins on day 7w - 4) times the number of scheduled days, plus the
// day's rank among them. Consecutive scheduled days, across week ends too, differ by one.
function weeklyDaysPeriods(rule: HabitRule, logs: LocalDate[], today: LocalDate): Periods | null {
  const days = normalizeDays(rule.scheduleDays);
  if (days.length === 0) return null;
  const perWeek = days.length;
  const occurrence = (date: LocalDate) => Math.floor((dayNumber(date) + 4) / 7) * perWeek + days.indexOf(dayOfWeek(date));
  const scheduled = (date: LocalDate) => days.includes(dayOfWeek(date));

  // The latest scheduled day on or before today: at most six days back.
  let latestDay = dayNumber(today);
  while (!scheduled(fromDayNumber(latestDay))) latestDay -= 1;

  return {
    unit: 'occurrences',
    done: new Set(logs.filter(scheduled).map(occurrence)),
    latest: occurrence(fromDayNumber(latestDay)),
    latestOpen: latestDay === dayNumber(today),
    firstDateOf: (period) => {
      const week = Math.floor(period / perWeek);
      return fromDayNumber(7 * week - 4 + days[period - week * perWeek]);
    },
  };
}

function timesPerWeekPeriods(rule: HabitRule, logs: LocalDate[], today: LocalDate): Periods {
  const target = weeklyTarget(rule);
  const perWeek = new Map<number, number>();
  for (const date of logs) perWeek.set(isoWeekNumber(date), (perWeek.get(isoWeekNumber(date)) ?? 0) + 1);
  return {
    unit: 'weeks',
    done: new Set([...perWeek].filter(([, count]) => count >= target).map(([week]) => week)),
    latest: isoWeekNumber(today),
    latestOpen: true,
    // ISO week 1 begins on day 4 (Monday 1970-01-05).
    firstDateOf: (week) => fromDayNumber(7 * week - 3),
  };
}

function periodsFor(rule: HabitRule, logs: LocalDate[], today: LocalDate): Periods | null {
  switch (rule.schedule) {
    case 'daily':
      return dailyPeriods(logs, today);
    case 'weekly_days':
      return weeklyDaysPeriods(rule, logs, today);
    case 'times_per_week':
      return timesPerWeekPeriods(rule, logs, today);
  }
}

function longestRun(done: Set<number>): number {
  let longest = 0;
  for (const period of done) {
    if (done.has(period - 1)) continue; // not the start of a run
    let length = 1;
    while (done.has(period + length)) length += 1;
    longest = Math.max(longest, length);
  }
  return longest;
}

/**
 * Current and longest streak of a habit on `today` (the tenant's calendar date). Logs after
 * today are ignored (they cannot be made through the service anyway); repeats count once.
 */
export function computeStreaks(rule: HabitRule, logDates: readonly LocalDate[], today: LocalDate): Streaks {
  const logs = [...new Set(logDates)].filter((date) => date <= today);
  const periods = periodsFor(rule, logs, today);
  if (!periods) return { current: 0, longest: 0, unit: STREAK_UNITS[rule.schedule], currentSince: null };

  let period = periods.latest;
  if (periods.latestOpen && !periods.done.has(period)) period -= 1;
  let current = 0;
  while (periods.done.has(period - current)) current += 1;

  return {
    current,
    longest: longestRun(periods.done),
    unit: periods.unit,
    currentSince: current > 0 ? periods.firstDateOf(period - current + 1) : null,
  };
}
