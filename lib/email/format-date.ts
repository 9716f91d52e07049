function knownLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/**
 * "June 3, 2026 at 2:30 PM (Europe/Berlin)": in the time zone (UTC if the zone is unknown) and
 * the reader's locale (BCP 47: the recipient's, lib/email/email-language.ts; US English by default).
 */
export function formatDateTime(date: Date, timeZone: string, locale = 'en-US'): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };
  const tag = knownLocale(locale);
  try {
    return `${new Intl.DateTimeFormat(tag, { ...options, timeZone }).format(date)} (${timeZone})`;
  } catch {
    return `${new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(date)} (UTC)`;
  }
}
