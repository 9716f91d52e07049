// The locales a workspace (or a member) can pick: how dates and numbers look, and the language
// of the words where Waypoint has a catalog for it (lib/i18n/languages.ts). Intl ships them all
// in Node and every current browser, so server and browser renders agree.

export const SUPPORTED_LOCALES = [
  { value: 'en-US', label: 'English (United States)' },
  { value: 'en-GB', label: 'English (United Kingdom)' },
  { value: 'en-AU', label: 'English (Australia)' },
  { value: 'en-CA', label: 'English (Canada)' },
  { value: 'de-DE', label: 'Deutsch (Deutschland)' },
  { value: 'fr-FR', label: 'Français (France)' },
  { value: 'es-ES', label: 'Español (España)' },
  { value: 'it-IT', label: 'Italiano (Italia)' },
  { value: 'nl-NL', label: 'Nederlands (Nederland)' },
  { value: 'pt-BR', label: 'Português (Brasil)' },
  { value: 'sv-SE', label: 'Svenska (Sverige)' },
  { value: 'pl-PL', label: 'Polski (Polska)' },
  { value: 'ja-JP', label: '日本語 (日本)' },
  { value: 'ar-SA', label: 'العربية (السعودية)' },
  { value: 'ar-EG', label: 'العربية (مصر)' },
] as const;

export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number]['value'];

export const DEFAULT_LOCALE: SupportedLocale = 'en-US';

const values = new Set<string>(SUPPORTED_LOCALES.map((l) => l.value));

export function isSupportedLocale(value: string | null | undefined): value is SupportedLocale {
  return typeof value === 'string' && values.has(value);
}
