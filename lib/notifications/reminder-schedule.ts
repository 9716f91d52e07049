import { instantOf } from '../integrations/calendar-feed/zone-time.ts';
import { addDays, localDateIn, type LocalDate } from '../habits/local-date.ts';
import { isScheduledOn, type HabitRule } from '../habits/streaks.ts';

// When a habit's reminder fires: at its local time ("HH:MM") in the member's zone, on the
// habit's scheduled days. Local dates and times are turned into instants with the zone's
// offset on that very day (zone-time.ts), so a reminder at 07:30 stays at 07:30 across both
// daylight-saving changes; a time skipped by a spring-forward fires an hour later that day.

export const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseTime(time: string): { hour: number; minute: number } {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new Error(`not a time: ${time}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The instant of the reminder on `date`. */
export function reminderInstant(time: string, zone: string, date: LocalDate): Date {
  const { hour, minute } = parseTime(time);
  return instantOf(zone, date, hour, minute);
}

/**
 * The first reminder strictly after `after` on a scheduled day, leaving out `skip` (the day
 * already reminded or logged). Null when the habit is scheduled on no day at all.
 */
export function nextReminderAt(time: string, rule: HabitRule, zone: string, after: Date, skip: LocalDate | null = null): Date | null {
  // Start a day early: late in the evening UTC it may still be yesterday somewhere.
  const start = addDays(localDateIn(zone, after), -1);
  for (let i = 0; i <= 15; i += 1) {
    const date = addDays(start, i);
    if (date === skip || !isScheduledOn(rule, date)) continue;
    const at = reminderInstant(time, zone, date);
    if (at.getTime() > after.getTime()) return at;
  }
  return null;
}

/** The member's local date a reminder instant belongs to. */
export function reminderDate(zone: string, at: Date): LocalDate {
  return localDateIn(zone, at);
}
