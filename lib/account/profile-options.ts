// The choices the profile form offers (shared by the page, the form and the server's checks).

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Languages and regions the formatter is offered in: the ones Intl formats fully everywhere. */
export const LOCALES: { value: string; label: string }[] = [
  { value: 'en-US', label: 'English (United States)' },
  { value: 'en-GB', label: 'English (United Kingdom)' },
  { value: 'en-AU', label: 'English (Australia)' },
  { value: 'en-CA', label: 'English (Canada)' },
  { value: 'en-IN', label: 'English (India)' },
  { value: 'de-DE', label: 'Deutsch (Deutschland)' },
  { value: 'de-CH', label: 'Deutsch (Schweiz)' },
  { value: 'es-ES', label: 'Español (España)' },
  { value: 'es-MX', label: 'Español (México)' },
  { value: 'fr-FR', label: 'Français (France)' },
  { value: 'fr-CA', label: 'Français (Canada)' },
  { value: 'it-IT', label: 'Italiano (Italia)' },
  { value: 'nl-NL', label: 'Nederlands (Nederland)' },
  { value: 'pt-BR', label: 'Português (Brasil)' },
  { value: 'pt-PT', label: 'Português (Portugal)' },
  { value: 'sv-SE', label: 'Svenska (Sverige)' },
  { value: 'da-DK', label: 'Dansk (Danmark)' },
  { value: 'nb-NO', label: 'Norsk bokmål (Norge)' },
  { value: 'fi-FI', label: 'Suomi (Suomi)' },
  { value: 'pl-PL', label: 'Polski (Polska)' },
  { value: 'cs-CZ', label: 'Čeština (Česko)' },
  { value: 'tr-TR', label: 'Türkçe (Türkiye)' },
  { value: 'ru-RU', label: 'Русский (Россия)' },
  { value: 'uk-UA', label: 'Українська (Україна)' },
  { value: 'ja-JP', label: '日本語 (日本)' },
  { value: 'ko-KR', label: '한국어 (대한민국)' },
  { value: 'zh-CN', label: '中文 (中国)' },
  { value: 'zh-TW', label: '中文 (台灣)' },
  { value: 'hi-IN', label: 'हिन्दी (भारत)' },
  { value: 'ar-SA', label: 'العربية (السعودية)' },
  { value: 'he-IL', label: 'עברית (ישראל)' },
];

const KNOWN = new Set(LOCALES.map((locale) => locale.value));

export function isLocale(value: string): boolean {
  return KNOWN.has(value);
}

/** Every IANA zone this runtime knows, UTC first. */
export function timeZoneOptions(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}
