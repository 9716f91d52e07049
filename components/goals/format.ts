// Dates and numbers as goal pages show them. Fixed locale and explicit zones, so the
// server's render and the browser's agree.

const calendarDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** "2031-10-12" → "12 Oct 2031" (a calendar date: no zone shifts it). */
export function formatDay(dateOnly: string): string {
  return calendarDay.format(new Date(`${dateOnly}T00:00:00Z`));
}

/** An instant as a day in the workspace's time zone. */
export function formatWhen(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** +10, −5, 0 */
export function signed(value: number): string {
  if (value > 0) return `+${value}`;
  if (value < 0) return `\u2212${Math.abs(value)}`;
  return '0';
}
