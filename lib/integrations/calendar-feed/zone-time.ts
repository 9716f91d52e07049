import { isTimeZone } from '../../habits/local-date.ts';

// Wall-clock times in an IANA zone, worked out with Intl alone (no tz database package): the
// UTC offset at an instant, the instant of a local time, and the zone's offset changes, which
// vtimezone.ts writes out so that calendar apps need no zone data of their own.

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone, or UTC when Intl does not know it (Membership.timeZone and Tenant.timeZone are free text). */
export function knownZone(timeZone: string | null | undefined): string {
  return timeZone && isTimeZone(timeZone) ? timeZone : 'UTC';
}

/** Minutes east of UTC in `timeZone` at `instant` (Berlin in winter: 60). */
export function offsetMinutes(timeZone: string, instant: Date): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The instant `date` (YYYY-MM-DD) at `hour`:`minute` local time in the zone. */
export function instantOf(timeZone: string, date: string, hour: number, minute: number): Date {
  const asUtc = Date.parse(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  // Two passes settle times next to an offset change; a time that does not exist (skipped
  // by a spring-forward) lands an hour later, as calendar apps place it too.
  let instant = asUtc - offsetMinutes(timeZone, new Date(asUtc)) * 60_000;
  instant = asUtc - offsetMinutes(timeZone, new Date(instant)) * 60_000;
  return new Date(instant);
}

export interface OffsetChange {
  /** The first instant at the new offset. */
  at: Date;
  from: number;
  to: number;
}

/** Every offset change between two instants, to the minute (a day-by-day scan, then bisection). */
export function offsetChanges(timeZone: string, from: Date, to: Date): OffsetChange[] {
  const changes: OffsetChange[] = [];
  const day = 86_400_000;
  let previous = from.getTime();
  let previousOffset = offsetMinutes(timeZone, from);
  for (let t = previous + day; t <= to.getTime(); t += day) {
    const offset = offsetMinutes(timeZone, new Date(t));
    if (offset !== previousOffset) {
      let low = previous;
      let high = t;
      while (high - low > 60_000) {
        const middle = low + Math.floor((high - low) / 120_000) * 60_000;
        if (offsetMinutes(timeZone, new Date(middle)) === previousOffset) low = middle;
        else high = middle;
      }
      changes.push({ at: new Date(high), from: previousOffset, to: offset });
      previousOffset = offset;
    }
    previous = t;
  }
  return changes;
}
