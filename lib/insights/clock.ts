import { addDays, localDateIn, type LocalDate } from '../habits/local-date.ts';
import { instantOf, knownZone, offsetMinutes } from '../integrations/calendar-feed/zone-time.ts';

// "Now" as the rules see it: an instant and the workspace's time zone, from which its local
// date and time of day follow (habit days are the workspace's calendar dates: lib/habits/local-date.ts).

export interface InsightClock {
  now: Date;
  /** An IANA zone Intl knows (unknown ones count as UTC, as everywhere else). */
  timeZone: string;
  today: LocalDate;
}

export function clockAt(now: Date, timeZone: string): InsightClock {
  const zone = knownZone(timeZone);
  return { now, timeZone: zone, today: localDateIn(zone, now) };
}

/** Minutes since local midnight of `instant` in the zone (0..1439). */
export function localMinuteOfDay(timeZone: string, instant: Date): number {
  return (((instant.getUTCHours() * 60 + instant.getUTCMinutes() + offsetMinutes(timeZone, instant)) % 1440) + 1440) % 1440;
}

/** The instant `date` ends in the zone: the next day's local midnight. */
export function endOfLocalDay(timeZone: string, date: LocalDate): Date {
  return instantOf(timeZone, addDays(date, 1), 0, 0);
}
