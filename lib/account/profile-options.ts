import { isSupportedLocale, SUPPORTED_LOCALES } from '../format/locales.ts';

// The choices the profile form offers (shared by the page, the form and the server's checks).

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The formatter's locales (one list for workspaces and members: lib/format/locales.ts). */
export const LOCALES: { value: string; label: string }[] = [...SUPPORTED_LOCALES];

export function isLocale(value: string): boolean {
  return isSupportedLocale(value);
}

/** Every IANA zone this runtime knows, UTC first. */
export function timeZoneOptions(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}
