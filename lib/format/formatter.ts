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
  /** "3 days ago", "in 2 hours". */
  relative(value: Date | string, now?: Date): string;
  number(value: number): string;
  percent(ratio: number): string;
  /** Money in minor units: 1999, "usd" → "$19.99". */
  money(minor: number, currency: string): string;
  /** count with the right word: plural(1, {one: 'day', other: 'days'}) → "1 day". */
  plural(count: number, forms: PluralForms): string;
}

const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function createFormatter(settings: FormatSettings = DEFAULT_FORMAT): Formatter {
  const { locale, timeZone } = settings;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const plurals = new Intl.PluralRules(locale);
  return {
    settings,
    date: (value) => date.format(toDate(value)),
    dateTime: (value) => dateTime.format(toDate(value)),
    day: (dateOnly) => day.format(new Date(`${dateOnly.slice(0, 10)}T00:00:00Z`)),
    shortDay: (dateOnly) => shortDay.format(new Date(`${dateOnly.slice(0, 10)}T00:00:00Z`)),
    relative(value, now = new Date()) {
      const diff = toDate(value).getTime() - now.getTime();
      for (const [unit, ms] of RELATIVE_STEPS) {
        if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
      }
      return relative.format(0, 'minute');
    },
    number: (value) => number.format(value),
    percent: (ratio) => percent.format(ratio),
    money: (minor, currency) => new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() }).format(minor / 100),
    plural: (count, forms) => `${number.format(count)} ${forms[plurals.select(count)] ?? forms.other}`,
  };
}
