import type { ICalDateTimeValue } from 'ical-generator';
import { instantOf } from './zone-time.ts';

// ical-generator writes a native Date with a TZID using the server process's own zone, so
// times in the member's zone are handed over as Temporal-shaped values (the library's
// documented Temporal support, duck-typed): a wall-clock time in a zone, written as is.

type Fields = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function iso(fields: Fields): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}T${pad(fields.hour)}:${pad(fields.minute)}:${pad(fields.second)}`;
}

/** `date` (YYYY-MM-DD) at hour:minute in `timeZone`, as DTSTART;TZID=<zone>:… */
export function wallClock(timeZone: string, date: string, hour: number, minute: number): ICalDateTimeValue {
  const [year, month, day] = date.split('-').map(Number);
  const fields: Fields = { year, month, day, hour, minute, second: 0 };
  const instant = instantOf(timeZone, date, hour, minute);
  const plainDate = { year, month, day, toJSON: () => date, toString: () => date };
  const zoned = {
    ...fields,
    timeZoneId: timeZone,
    withTimeZone: (zone: string) => {
      if (zone !== timeZone) throw new Error(`wallClock: ${timeZone} time asked for in ${zone}`);
      return zoned;
    },
    toPlainDateTime: () => plain,
    toInstant: () => ({ epochMilliseconds: instant.getTime(), toJSON: () => instant.toISOString(), toString: () => instant.toISOString(), toZonedDateTimeISO: () => zoned }),
    toJSON: () => `${iso(fields)}[${timeZone}]`,
    toString: () => `${iso(fields)}[${timeZone}]`,
  };
  const plain = { ...fields, toPlainDate: () => ({ ...plainDate, toPlainDateTime: () => plain }), toZonedDateTime: () => zoned, toJSON: () => iso(fields), toString: () => iso(fields) };
  return zoned as ICalDateTimeValue;
}

/** An all-day date, written DTSTART;VALUE=DATE:YYYYMMDD whatever the zone. */
export function allDayDate(date: string): ICalDateTimeValue {
  const [year, month, day] = date.split('-').map(Number);
  const value = { year, month, day, toJSON: () => date, toString: () => date, toPlainDateTime: () => ({}) };
  return value as unknown as ICalDateTimeValue;
}
