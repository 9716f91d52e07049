import { offsetChanges, offsetMinutes } from './zone-time.ts';

// A VTIMEZONE for an IANA zone (RFC 5545 §3.6.5): events with TZID need one, and not every
// calendar app knows IANA names. Written from the zone's actual offset changes over a window
// around `now` (one observance per change, no RRULE guesses), plus the offset before it.

const cache = new Map<string, string>();

function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Local time (at the old offset) as DTSTART wants it: 20260329T020000. */
function localStamp(instant: Date, offset: number): string {
  return new Date(instant.getTime() + offset * 60_000).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

export function vtimezone(timeZone: string, now: Date = new Date()): string {
  const year = now.getUTCFullYear();
  const key = `${timeZone}:${year}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // The year before (recently passed due dates) to three years ahead (due dates and reminders).
  const start = new Date(Date.UTC(year - 1, 0, 1));
  const end = new Date(Date.UTC(year + 3, 11, 31));
  const initial = offsetMinutes(timeZone, start);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', dtstart: string, from: number, to: number) =>
    lines.push(`BEGIN:${kind}`, `DTSTART:${dtstart}`, `TZOFFSETFROM:${utcOffset(from)}`, `TZOFFSETTO:${utcOffset(to)}`, `END:${kind}`);
  observance('STANDARD', '19700101T000000', initial, initial);
  for (const change of offsetChanges(timeZone, start, end)) {
    observance(change.to > change.from ? 'DAYLIGHT' : 'STANDARD', localStamp(change.at, change.from), change.from, change.to);
  }
  lines.push('END:VTIMEZONE');
  const text = lines.join('\r\n');
  cache.set(key, text);
  return text;
}
