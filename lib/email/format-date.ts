/** "June 3, 2026 at 2:30 PM GMT+2" in the tenant's time zone (UTC if the zone is unknown). */
export function formatDateTime(date: Date, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };
  try {
    return `${new Intl.DateTimeFormat('en-US', { ...options, timeZone }).format(date)} (${timeZone})`;
  } catch {
    return `${new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(date)} (UTC)`;
  }
}
