// Goal dates are calendar dates (no time, no zone): stored as PostgreSQL DATE, which Prisma
// hands over as midnight UTC, and exchanged as "YYYY-MM-DD". Weekly statistics use ISO weeks
// (Monday first) in UTC.

const DAY_MS = 24 * 60 * 60 * 1000;

/** "2025-03-31" → midnight UTC of that day; null when the text is not a real calendar date. */
export function parseDateOnly(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || formatDateOnly(date) !== text ? null : date;
}

export function formatDateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Monday 00:00 UTC of the ISO week that contains the instant. */
export function isoWeekStart(instant: Date): Date {
  const day = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  const daysSinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - daysSinceMonday * DAY_MS);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
