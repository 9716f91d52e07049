// Every date, number and plural the app shows goes through one formatter made for the reader's
// locale and the workspace's time zone. Server and browser make the same one from the same two
// strings, so their renders agree.

export interface FormatSettings {
  /** BCP 47, e.g. "en-GB". */
  locale: string;
  /** IANA, e.g. "Europe/London". */
  timeZone: string;
}

export const DEFAULT_FORMAT: FormatSettings = { locale: 'en-US', timeZone: 'UTC' };

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Formatter {
  settings: FormatSettings;
  /** An instant as a day in the time zone: "Jan 17, 2027". */
  date(value: Date | string): string;
  /** An instant as day and time: "Jan 17, 2027, 2:05 PM". */
  dateTime(value: Date | string): string;
  /** A calendar date ("2027-01-17"), which no time zone shifts: "Jan 17, 2027". */
  day(dateOnly: string): string;
  /** A calendar date, short: "Jan 17". */
  shortDay(dateOnly: string): string;
  /** An instant as a short day in the time zone: "Jan 17". */
  shortDate(value: Date | string): string;
  /** A calendar date with its weekday: "Mon, Jan 17, 2027". */
  weekdayDay(dateOnly: string): string;
  /** A calendar date's weekday: "Mon" (narrow: "M"). */
  weekday(dateOnly: string, width?: 'short' | 'narrow'): string;
  /** A calendar month ("2027-01" or a UTC instant in it): "Jan 2027". */
  month(value: string | Date): string;
  /** A usage period as lib/api/usage-stats labels it ("2027-01", or "2027-01-05 to 2027-02-05" with the end exclusive): "Jan 2027", "Jan 5, 2027 – Feb 4, 2027". */
  period(label: string): string;
  /** An instant's time of day in the time zone: "2:05 PM". */
  time(value: Date | string): string;
  /** To the second, with the zone, for records such as the audit log: "2:05:09 PM UTC". */
  preciseTime(value: Date | string): string;
  /** "3 days ago", "in 2 hours". */
  relative(value: Date | string, now?: Date): string;
  number(value: number): string;
  /** A change: +10, -5, 0. */
  signed(value: number): string;
  /** A duration: "3 ms", "12.5 ms"; "—" without data. */
  milliseconds(value: number | null): string;
  /** Short numbers for chart axes: 1200 → "1.2K". */
  compact(value: number): string;
  percent(ratio: number): string;
  /** Money in minor units: 1999, "usd" → "$19.99"; 2000 → "$20.00" ("$20" with wholeUnits when it is whole). */
  money(minor: number, currency: string, options?: { wholeUnits?: boolean }): string;
  /** count with the right word: plural(1, {one: 'day', other: 'days'}) → "1 day". */
  plural(count: number, forms: PluralForms): string;
  /** Just the word for count: pluralWord(1, {one: 'day', other: 'days'}) → "day". */
  pluralWord(count: number, forms: PluralForms): string;
}

const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

/** A calendar date as UTC midnight, formatted in UTC, so no zone moves it to another day. */
const calendarDate = (dateOnly: string) => new Date(`${dateOnly.slice(0, 10)}T00:00:00Z`);

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * Dates are Gregorian in every locale: date inputs, due dates and habit days are Gregorian
 * calendar dates, and a locale such as ar-SA would otherwise show them in the Hijri calendar in
 * some browsers (their ICU's default) but not on the server.
 */
function gregorian(locale: string): string {
  try {
    return new Intl.Locale(locale, { calendar: 'gregory' }).toString();
  } catch {
    return locale;
  }
}

export function createFormatter(settings: FormatSettings = DEFAULT_FORMAT): Formatter {
  const { locale: numberLocale, timeZone } = settings;
  const locale = gregorian(numberLocale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone });
  const weekdayDay = new Intl.DateTimeFormat(locale, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const weekdayShort = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const weekdayNarrow = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const preciseTime = new Intl.DateTimeFormat(locale, { timeStyle: 'long', timeZone });
  const signed = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
  const ms = new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const plurals = new Intl.PluralRules(locale);
  return {
    settings,
    date: (value) => date.format(toDate(value)),
    dateTime: (value) => dateTime.format(toDate(value)),
    day: (dateOnly) => day.format(calendarDate(dateOnly)),
    shortDay: (dateOnly) => shortDay.format(calendarDate(dateOnly)),
    shortDate: (value) => shortDate.format(toDate(value)),
    weekdayDay: (dateOnly) => weekdayDay.format(calendarDate(dateOnly)),
    weekday: (dateOnly, width = 'short') => (width === 'narrow' ? weekdayNarrow : weekdayShort).format(calendarDate(dateOnly)),
    month: (value) => month.format(typeof value === 'string' ? new Date(`${value.slice(0, 7)}-01T00:00:00Z`) : value),
    time: (value) => time.format(toDate(value)),
    preciseTime: (value) => preciseTime.format(toDate(value)),
    period(label) {
      const range = /^(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/.exec(label);
      if (range) return `${day.format(calendarDate(range[1]))} – ${day.format(new Date(calendarDate(range[2]).getTime() - 86_400_000))}`;
      return /^\d{4}-\d{2}$/.test(label) ? month.format(calendarDate(`${label}-01`)) : label;
    },
    relative(value, now = new Date()) {
      const diff = toDate(value).getTime() - now.getTime();
      for (const [unit, ms] of RELATIVE_STEPS) {
        if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
      }
      return relative.format(0, 'minute');
    },
    number: (value) => number.format(value),
    signed: (value) => signed.format(value),
    compact: (value) => compact.format(value),
    // Below 10 ms a tenth matters; above it, whole milliseconds read better.
    milliseconds: (value) => (value === null ? '—' : ms.format(value < 10 ? Math.round(value * 10) / 10 : Math.round(value))),
    percent: (ratio) => percent.format(ratio),
    money: (minor, currency, options) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase(), ...(options?.wholeUnits && minor % 100 === 0 ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) }).format(minor / 100),
    plural: (count, forms) => `${number.format(count)} ${forms[plurals.select(count)] ?? forms.other}`,
    pluralWord: (count, forms) => forms[plurals.select(count)] ?? forms.other,
  };
}
