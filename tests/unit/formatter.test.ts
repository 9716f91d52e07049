import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../lib/format/formatter.ts';
import { isSupportedLocale, SUPPORTED_LOCALES } from '../../lib/format/locales.ts';
import { formatSettingsFor } from '../../lib/format/settings.ts';
import { ROLE_LABELS, roleLabel } from '../../lib/members/role-labels.ts';

const us = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
const gb = createFormatter({ locale: 'en-GB', timeZone: 'Europe/London' });
const de = createFormatter({ locale: 'de-DE', timeZone: 'Europe/Berlin' });

describe('createFormatter: locales', () => {
  it('writes a calendar date the locale\'s way', () => {
    expect(us.day('2027-01-17')).toBe('Jan 17, 2027');
    expect(gb.day('2027-01-17')).toBe('17 Jan 2027');
    expect(de.day('2027-01-17')).toBe('17.01.2027');
    expect(us.shortDay('2027-01-17')).toBe('Jan 17');
    expect(us.weekdayDay('2027-01-17')).toBe('Sun, Jan 17, 2027');
    expect(us.weekday('2027-01-18')).toBe('Mon');
    expect(us.weekday('2027-01-18', 'narrow')).toBe('M');
    expect(us.month('2027-01')).toBe('Jan 2027');
    expect(us.month(new Date('2027-01-31T23:00:00Z'))).toBe('Jan 2027');
    expect(us.period('2027-01')).toBe('Jan 2027');
    expect(us.period('2027-01-05 to 2027-02-05')).toBe('Jan 5, 2027 – Feb 4, 2027');
    expect(us.period('something else')).toBe('something else');
  });

  it('writes numbers, percents, money and changes the locale\'s way', () => {
    expect(us.number(1234567.5)).toBe('1,234,567.5');
    expect(de.number(1234567.5)).toBe('1.234.567,5');
    expect(us.percent(0.1234)).toBe('12.3%');
    expect(us.money(1999, 'usd')).toBe('$19.99');
    expect(us.money(-1999, 'usd')).toBe('-$19.99');
    expect(us.money(2000, 'usd', { wholeUnits: true })).toBe('$20');
    expect(us.money(2050, 'usd', { wholeUnits: true })).toBe('$20.50');
    expect(de.money(1999, 'eur')).toBe('19,99\u00a0€');
    expect(us.signed(10)).toBe('+10');
    expect(us.signed(-5)).toBe('-5');
    expect(us.signed(0)).toBe('0');
    expect(us.compact(1234)).toBe('1.2K');
    expect(us.milliseconds(3.14)).toBe('3.1 ms');
    expect(us.milliseconds(12.6)).toBe('13 ms');
    expect(us.milliseconds(null)).toBe('—');
  });
});

describe('createFormatter: time zones around midnight', () => {
  // 23:30 UTC on Jan 17 is already Jan 18 in Auckland and still Jan 17 in New York.
  const lateUtc = '2027-01-17T23:30:00Z';

  it('shows an instant as the day it is in the zone', () => {
    expect(createFormatter({ locale: 'en-US', timeZone: 'UTC' }).date(lateUtc)).toBe('Jan 17, 2027');
    expect(createFormatter({ locale: 'en-US', timeZone: 'Pacific/Auckland' }).date(lateUtc)).toBe('Jan 18, 2027');
    expect(createFormatter({ locale: 'en-US', timeZone: 'America/New_York' }).date('2027-01-18T03:00:00Z')).toBe('Jan 17, 2027');
    expect(createFormatter({ locale: 'en-US', timeZone: 'Pacific/Auckland' }).shortDate(lateUtc)).toBe('Jan 18');
    // ICU versions differ on the space before AM/PM (narrow no-break or plain).
    expect(createFormatter({ locale: 'en-US', timeZone: 'Pacific/Auckland' }).time(lateUtc).replace(/\s/g, ' ')).toBe('12:30 PM');
    // Audit records: to the second, naming the zone they are read in.
    expect(createFormatter({ locale: 'en-US', timeZone: 'UTC' }).preciseTime('2026-12-04T23:51:09Z').replace(/\s/g, ' ')).toBe('11:51:09 PM UTC');
    expect(createFormatter({ locale: 'en-GB', timeZone: 'Europe/Berlin' }).preciseTime('2026-12-04T23:51:09Z')).toBe('00:51:09 CET');
    expect(createFormatter({ locale: 'en-GB', timeZone: 'Asia/Kolkata' }).dateTime(lateUtc)).toBe('18 Jan 2027, 05:00');
  });

  it('never moves a calendar date, whatever the zone', () => {
    for (const timeZone of ['Pacific/Auckland', 'Pacific/Honolulu', 'UTC']) {
      const fmt = createFormatter({ locale: 'en-US', timeZone });
      expect(fmt.day('2027-01-17')).toBe('Jan 17, 2027');
      expect(fmt.weekday('2027-01-17')).toBe('Sun');
    }
  });

  it('counts relative time from now', () => {
    const now = new Date('2027-01-17T12:00:00Z');
    expect(us.relative('2027-01-14T12:00:00Z', now)).toBe('3 days ago');
    expect(us.relative('2027-01-17T14:00:00Z', now)).toBe('in 2 hours');
    expect(us.relative(now, now)).toBe('this minute');
  });
});

describe('createFormatter: plurals', () => {
  const day = { one: 'day', other: 'days' };

  it('picks the word by the locale\'s plural rules', () => {
    expect(us.plural(0, day)).toBe('0 days');
    expect(us.plural(1, day)).toBe('1 day');
    expect(us.plural(2, day)).toBe('2 days');
    expect(us.plural(1.5, day)).toBe('1.5 days');
    expect(us.pluralWord(1, day)).toBe('day');
    // French treats 0 and 1 alike ("one"); a missing category falls back to "other".
    const fr = createFormatter({ locale: 'fr-FR', timeZone: 'UTC' });
    expect(fr.plural(0, { one: 'jour', other: 'jours' })).toBe('0 jour');
    const pl = createFormatter({ locale: 'pl-PL', timeZone: 'UTC' });
    expect(pl.plural(3, { one: 'dzień', few: 'dni', other: 'dni' })).toBe('3 dni');
    expect(pl.plural(3, { one: 'x', other: 'y' })).toBe('3 y');
  });
});

describe('formatSettingsFor', () => {
  it('prefers the reader\'s locale and zone, then the workspace\'s, then the defaults', () => {
    expect(formatSettingsFor({ locale: 'en-GB', timeZone: 'Europe/London' })).toEqual({ locale: 'en-GB', timeZone: 'Europe/London' });
    expect(formatSettingsFor({ locale: 'en-GB', timeZone: 'Europe/London' }, { locale: 'de-DE', timeZone: null })).toEqual({ locale: 'de-DE', timeZone: 'Europe/London' });
    expect(formatSettingsFor({ locale: 'en-GB', timeZone: 'Europe/London' }, { locale: null, timeZone: 'Asia/Tokyo' })).toEqual({ locale: 'en-GB', timeZone: 'Asia/Tokyo' });
    expect(formatSettingsFor({ locale: 'xx-bogus', timeZone: 'Mars/Olympus' }, { locale: 'also-bogus', timeZone: 'Nope/Nope' })).toEqual({ locale: 'en-US', timeZone: 'UTC' });
  });

  it('offers only locales Intl knows', () => {
    for (const { value } of SUPPORTED_LOCALES) expect(Intl.DateTimeFormat.supportedLocalesOf([value])).toEqual([value]);
    expect(isSupportedLocale('en-US')).toBe(true);
    expect(isSupportedLocale('klingon')).toBe(false);
    expect(isSupportedLocale(null)).toBe(false);
  });
});

describe('roleLabel', () => {
  it('shows every role one way', () => {
    expect(['owner', 'admin', 'member', 'viewer'].map(roleLabel)).toEqual(['Owner', 'Admin', 'Member', 'Viewer']);
    expect(ROLE_LABELS.admin).toBe('Admin');
    expect(roleLabel('lead')).toBe('Lead');
  });
});

describe('calendars', () => {
  it('shows dates in the Gregorian calendar in every locale, as date inputs and due dates are', () => {
    const saudi = createFormatter({ locale: 'ar-SA', timeZone: 'Asia/Riyadh' });
    // 30 June 2031 is in 1453 AH: the year shown must be 2031 (in the locale's digits).
    expect(saudi.day('2031-06-30')).toContain('٢٠٣١');
    expect(saudi.day('2031-06-30')).not.toContain('١٤٥٣');
    expect(saudi.settings.locale).toBe('ar-SA');
    // Even a locale that asks for the Hijri calendar (as some browsers' ar-SA defaults to).
    expect(createFormatter({ locale: 'ar-SA-u-ca-islamic-umalqura', timeZone: 'UTC' }).day('2031-06-30')).toContain('٢٠٣١');
    expect(createFormatter({ locale: 'ja-JP', timeZone: 'Asia/Tokyo' }).day('2031-06-30')).toContain('2031');
  });
});
