import { fromDayNumber, isoWeekNumber, type LocalDate } from '../habits/local-date.ts';
import { isScheduledOn, normalizeDays, weeklyTarget, type HabitRule } from '../habits/streaks.ts';

// Habit consistency: of the occurrences a habit's schedule asked for in a window of days, how
// many were logged. The schedule rules are lib/habits/streaks.ts's:
//
// - daily: every day is one occurrence;
// - weekly_days: every scheduled weekday is one; logs on other days neither help nor hurt;
// - times_per_week: each ISO week asks for timesPerWeek logs (fewer when less of the week lies
//   in the window: a habit made on Saturday owes at most two that week); extra logs in a week
//   do not make up for another week.
//
// The window starts on the period's first day or the day the habit was made, whichever is
// later, and ends today. What is still open is not a miss, as with streaks: today counts
// only once logged, and the current week of a times_per_week habit only with the logs it has.
// So done <= scheduled always, and consistency = done / scheduled lies in [0, 1].

export interface Occurrences {
  /** Occurrences the schedule asked for in the window (open ones only once done). */
  scheduled: number;
  /** Of those, the ones logged. */
  done: number;
}

const MS_PER_DAY = 86_400_000;

/** local-date.ts's dayNumber for a well-formed date, without parsing a date string (this runs for every log of every habit on a board). */
function dayOf(date: LocalDate): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY);
}

/** Which weekdays (0 = Sunday … 6 = Saturday) the rule is due on, from the habits' own isScheduledOn (4 to 10 January 1970 is Sunday to Saturday). */
function dueWeekdays(rule: HabitRule): boolean[] {
  const scheduled = rule.schedule === 'weekly_days' ? { ...rule, scheduleDays: normalizeDays(rule.scheduleDays) } : rule;
  return Array.from({ length: 7 }, (_, weekday) => isScheduledOn(scheduled, fromDayNumber(3 + weekday)));
}

export function habitOccurrences(rule: HabitRule, createdOn: LocalDate, logDates: readonly LocalDate[], from: LocalDate | null, today: LocalDate): Occurrences {
  const start = from && from > createdOn ? from : createdOn;
  if (start > today) return { scheduled: 0, done: 0 };
  const first = dayOf(start);
  const last = dayOf(today);
  const logs = new Set<number>();
  for (const date of logDates) {
    if (date < start || date > today) continue;
    logs.add(dayOf(date));
  }

  if (rule.schedule === 'times_per_week') {
    const target = weeklyTarget(rule);
    const perWeek = new Map<number, number>();
    // isoWeekNumber: ISO week n runs from day 7n - 3 (a Monday) to day 7n + 3 (a Sunday).
    for (const day of logs) perWeek.set(Math.floor((day + 3) / 7), (perWeek.get(Math.floor((day + 3) / 7)) ?? 0) + 1);
    const currentWeek = isoWeekNumber(today);
    let scheduled = 0;
    let done = 0;
    for (let week = isoWeekNumber(start); week <= currentWeek; week += 1) {
      const days = Math.min(last, 7 * week + 3) - Math.max(first, 7 * week - 3) + 1;
      const asked = Math.min(target, days);
      const logged = Math.min(asked, perWeek.get(week) ?? 0);
      scheduled += week === currentWeek ? logged : asked;
      done += logged;
    }
    return { scheduled, done };
  }

  const due = dueWeekdays(rule);
  let scheduled = 0;
  let done = 0;
  for (let day = first; day <= last; day += 1) {
    if (!due[(((day + 4) % 7) + 7) % 7]) continue;
    const logged = logs.has(day);
    if (day === last && !logged) continue; // today, still open
    scheduled += 1;
    if (logged) done += 1;
  }
  return { scheduled, done };
}

/** done / scheduled, or null when nothing was asked for yet (no habit, or one made today). */
export function consistencyOf(total: Occurrences): number | null {
  return total.scheduled > 0 ? total.done / total.scheduled : null;
}

export function addOccurrences(a: Occurrences, b: Occurrences): Occurrences {
  return { scheduled: a.scheduled + b.scheduled, done: a.done + b.done };
}
