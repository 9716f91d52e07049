// Calendar dates for habits. A habit day is a calendar date in the tenant's time zone, kept as
// a 'YYYY-MM-DD' string and, in the database, as a @db.Date (UTC midnight). All arithmetic is
// on whole days counted from 1970-01-01, never on wall-clock timestamps: a day is a day even
// when the tenant's clocks jump for daylight saving time, so DST cannot split or merge days.

/** 'YYYY-MM-DD' */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// Building a DateTimeFormat is slow next to using one; zones are few, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for a real calendar date written 'YYYY-MM-DD' (no 2025-02-30). */
export function isLocalDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** True when Intl knows the IANA zone (tenant.timeZone is free text in the database). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date `now` falls on in `timeZone`: the tenant's "today". An unknown zone
 * counts as UTC rather than failing every habit page of the tenant.
 */
export function localDateIn(timeZone: string, now: Date = new Date()): LocalDate {
  const parts = formatterFor(isTimeZone(timeZone) ? timeZone : 'UTC').formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whole days since 1970-01-01 (negative before). */
export function dayNumber(date: LocalDate): number {
  return Math.round(toDbDate(date).getTime() / MS_PER_DAY);
}

export function fromDayNumber(day: number): LocalDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday, as Habit.scheduleDays counts. 1970-01-01 was a Thursday. */
export function dayOfWeek(date: LocalDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** The Monday that starts the ISO week `date` is in. */
export function isoWeekStart(date: LocalDate): LocalDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/**
 * A number per ISO week that grows by one from each week to the next (weeks start on
 * Monday); 1970-01-05 was the first Monday, so week 1 starts there.
 */
export function isoWeekNumber(date: LocalDate): number {
  return Math.floor((dayNumber(date) + 3) / 7);
}

/** The @db.Date value for a calendar date: that date at UTC midnight. */
export function toDbDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** A @db.Date read back from the database (UTC midnight) as a calendar date. */
export function fromDbDate(value: Date): LocalDate {
  return value.toISOString().slice(0, 10);
}
