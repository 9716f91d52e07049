import { addDays, isoWeekStart, localDateIn, type LocalDate } from '../habits/local-date.ts';
import { instantOf, knownZone } from '../integrations/calendar-feed/zone-time.ts';

// Leaderboard periods, in the workspace's time zone: this week (ISO, from Monday), this month
// (from the 1st) and all time. A period is a range of calendar dates ending today; timestamps
// (a goal's completion, a progress entry) fall in it from the instant its first day begins
// there, so a completion at 23:30 on Sunday in Berlin is last week's, whatever UTC says.

export const PERIODS = ['week', 'month', 'all'] as const;
export type Period = (typeof PERIODS)[number];

export interface PeriodRange {
  period: Period;
  /** First calendar date of the period; null for all time. */
  from: LocalDate | null;
  /** Today in the workspace's zone (the period's last day so far). */
  today: LocalDate;
  /** The instant `from` begins in the zone; null for all time. */
  since: Date | null;
}

/** The first day of the period that `today` is in. */
export function periodStart(period: Period, today: LocalDate): LocalDate | null {
  switch (period) {
    case 'week':
      return isoWeekStart(today);
    case 'month':
      return `${today.slice(0, 8)}01`;
    case 'all':
      return null;
  }
}

/** The period as it stands at `now` in the workspace's zone (an unknown zone counts as UTC). */
export function periodRange(period: Period, timeZone: string, now: Date = new Date()): PeriodRange {
  const zone = knownZone(timeZone);
  const today = localDateIn(zone, now);
  const from = periodStart(period, today);
  return { period, from, today, since: from ? instantOf(zone, from, 0, 0) : null };
}

/** The instant the day after `date` begins in the zone (the end of a day, exclusive). */
export function endOfDay(timeZone: string, date: LocalDate): Date {
  return instantOf(knownZone(timeZone), addDays(date, 1), 0, 0);
}
