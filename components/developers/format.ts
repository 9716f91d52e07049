// Numbers and instants as the developer pages show them. Fixed locale and an explicit zone,
// so the server's render and the browser's agree.

const numbers = new Intl.NumberFormat('en-US');
const percents = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return numbers.format(value);
}

/** 0.1234 → "12.3%" */
export function formatPercent(ratio: number): string {
  return percents.format(ratio);
}

/** An instant as date and time in the workspace's time zone, e.g. "12 Oct 2031, 14:05". */
export function formatDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** Milliseconds, rounded for reading: "3 ms", "12.5 ms", "—" without data. */
export function formatMs(value: number | null): string {
  if (value === null) return '—';
  return `${value < 10 ? Math.round(value * 10) / 10 : Math.round(value)} ms`;
}
