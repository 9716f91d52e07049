import { DEFAULT_FORMAT, type FormatSettings } from './formatter.ts';
import { isSupportedLocale } from './locales.ts';

interface WorkspaceFormat {
  locale?: string | null;
  timeZone: string;
}

export interface ReaderFormat {
  locale?: string | null;
  timeZone?: string | null;
}

/**
 * Locale: the reader's own, else the workspace's. Time zone: the reader's own when they set one,
 * else the workspace's (habit days are still counted in the workspace's zone on the server).
 * Unknown values fall back rather than throw, since Intl rejects a bad zone at render time.
 */
export function formatSettingsFor(workspace: WorkspaceFormat, reader?: ReaderFormat | null): FormatSettings {
  const locale = [reader?.locale, workspace.locale].find(isSupportedLocale) ?? DEFAULT_FORMAT.locale;
  const timeZone = [reader?.timeZone, workspace.timeZone].find(isTimeZone) ?? DEFAULT_FORMAT.timeZone;
  return { locale, timeZone };
}

function isTimeZone(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
