import { afterEach, describe, expect, it } from 'vitest';
import { createFormatter } from '../../lib/format/formatter.ts';
import { describeSchedule, formatStreak, streakUnitWord } from '../../lib/habits/habit-labels.ts';
import { addDays, dayOfWeek, isLocalDate, isoWeekNumber, isoWeekStart, localDateIn, type LocalDate } from '../../lib/habits/local-date.ts';
import { milestoneFor, milestonesReached } from '../../lib/habits/milestones.ts';
import { computeStreaks, type HabitRule } from '../../lib/habits/streaks.ts';

const daily: HabitRule = { schedule: 'daily', scheduleDays: [], timesPerWeek: null };
const monWedFri: HabitRule = { schedule: 'weekly_days', scheduleDays: [1, 3, 5], timesPerWeek: null };
const threeTimes: HabitRule = { schedule: 'times_per_week', scheduleDays: [], timesPerWeek: 3 };

/** `count` consecutive dates ending on `last`. */
function run(last: LocalDate, count: number): LocalDate[] {
  return Array.from({ length: count }, (_, i) => addDays(last, -i));
}

// 2026-11-16 is a Monday; 2026-11-22 the Sunday that ends its ISO week.
const MON = '2026-11-16';
const TUE = '2026-11-17';
const WED = '2026-11-18';
const THU = '2026-11-19';
const FRI = '2026-11-20';
const SAT = '2026-11-21';
const SUN = '2026-11-22';
const prevWeek = (date: LocalDate) => addDays(date, -7);

describe('local dates', () => {
  it('validates calendar dates', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-1-01')).toBe(false);
    expect(isLocalDate('2026-01-01T00:00:00Z')).toBe(false);
  });

  it('counts weekdays and ISO weeks (Monday start) across month and year ends', () => {
    expect(dayOfWeek(MON)).toBe(1);
    expect(dayOfWeek(SUN)).toBe(0);
    expect(dayOfWeek('1969-12-31')).toBe(3);
    expect(isoWeekStart(SUN)).toBe(MON);
    expect(isoWeekStart(MON)).toBe(MON);
    // 2026-01-01 is a Thursday: its ISO week began in 2025.
    expect(isoWeekStart('2026-01-01')).toBe('2025-12-29');
    expect(isoWeekNumber('2027-01-03')).toBe(isoWeekNumber('2026-12-28'));
    expect(isoWeekNumber('2027-01-04')).toBe(isoWeekNumber('2026-12-28') + 1);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it("gives the tenant's calendar date, not the UTC one", () => {
    // 23:30 in New York on 7 March (EST, UTC-5) is already 8 March in UTC.
    expect(localDateIn('America/New_York', new Date('2026-03-08T04:30:00Z'))).toBe('2026-03-07');
    // The same wall time a day later is in EDT (UTC-4).
    expect(localDateIn('America/New_York', new Date('2026-03-09T03:30:00Z'))).toBe('2026-03-08');
    // 23:30 in Berlin on 24 October (CEST, UTC+2), then on 25 October (CET, UTC+1).
    expect(localDateIn('Europe/Berlin', new Date('2026-10-24T21:30:00Z'))).toBe('2026-10-24');
    expect(localDateIn('Europe/Berlin', new Date('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
    // Far offsets: Auckland in summer is UTC+13, Kiritimati UTC+14, Pago Pago UTC-11.
    expect(localDateIn('Pacific/Auckland', new Date('2026-01-01T19:00:00Z'))).toBe('2026-01-02');
    expect(localDateIn('Pacific/Kiritimati', new Date('2026-06-15T09:59:00Z'))).toBe('2026-06-15');
    expect(localDateIn('Pacific/Kiritimati', new Date('2026-06-15T10:00:00Z'))).toBe('2026-06-16');
    expect(localDateIn('Pacific/Pago_Pago', new Date('2026-06-15T10:00:00Z'))).toBe('2026-06-14');
    // At one instant Kiritimati and Pago Pago are two calendar days apart.
    expect(localDateIn('Pacific/Kiritimati', new Date('2026-06-15T10:30:00Z'))).toBe(addDays(localDateIn('Pacific/Pago_Pago', new Date('2026-06-15T10:30:00Z')), 2));
  });

  it('treats an unknown zone as UTC instead of failing', () => {
    expect(localDateIn('Mars/Olympus_Mons', new Date('2026-06-15T23:30:00Z'))).toBe('2026-06-15');
  });

  describe("whatever the server's own zone is", () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it.each(['America/New_York', 'Pacific/Kiritimati', 'Asia/Kolkata'])('gives the same dates with TZ=%s', (zone) => {
      process.env.TZ = zone;
      expect(localDateIn('Europe/Berlin', new Date('2026-03-29T21:30:00Z'))).toBe('2026-03-29');
      expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
      expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
      expect(isoWeekStart('2026-03-29')).toBe('2026-03-23');
      expect(computeStreaks(daily, run('2026-03-30', 5), '2026-03-30').current).toBe(5);
    });
  });
});

describe('daily streaks', () => {
  it('is zero without logs', () => {
    expect(computeStreaks(daily, [], SUN)).toEqual({ current: 0, longest: 0, unit: 'days', currentSince: null });
  });

  it('counts consecutive logged days up to today', () => {
    expect(computeStreaks(daily, run(SUN, 5), SUN)).toEqual({ current: 5, longest: 5, unit: 'days', currentSince: WED });
  });

  it('does not break because today is not logged yet', () => {
    expect(computeStreaks(daily, run(SAT, 4), SUN)).toMatchObject({ current: 4, longest: 4, currentSince: WED });
  });

  it('breaks after a whole day without a log', () => {
    expect(computeStreaks(daily, run(FRI, 4), SUN)).toMatchObject({ current: 0, longest: 4, currentSince: null });
  });

  it('keeps the longest run apart from the current one', () => {
    const logs = [...run('2026-11-10', 9), ...run(SUN, 3)];
    expect(computeStreaks(daily, logs, SUN)).toMatchObject({ current: 3, longest: 9 });
    expect(computeStreaks(daily, [...logs, '2026-11-19'], SUN)).toMatchObject({ current: 4, longest: 9 });
  });

  it('joins two runs when the missing day is logged', () => {
    const gap = [...run('2026-11-15', 5), ...run(SUN, 6)];
    expect(computeStreaks(daily, gap, SUN).current).toBe(6);
    expect(computeStreaks(daily, [...gap, MON], SUN)).toMatchObject({ current: 12, longest: 12 });
  });

  it('ignores future logs and counts a repeated date once', () => {
    expect(computeStreaks(daily, [SUN, SUN, addDays(SUN, 1), addDays(SUN, 2)], SUN)).toMatchObject({ current: 1, longest: 1 });
  });

  it('counts across month, year and leap-day ends', () => {
    expect(computeStreaks(daily, run('2027-01-02', 5), '2027-01-02').current).toBe(5);
    expect(computeStreaks(daily, run('2028-03-01', 3), '2028-03-01')).toMatchObject({ current: 3, currentSince: '2028-02-28' });
  });
});

describe('weekly_days streaks (Mon, Wed, Fri)', () => {
  const lastWeek = [prevWeek(MON), prevWeek(WED), prevWeek(FRI)];

  it('counts scheduled occurrences across the weekend; unscheduled days do not break it', () => {
    // Logged Mon, Wed, Fri last week and Monday: today is Tuesday, not a scheduled day.
    expect(computeStreaks(monWedFri, [...lastWeek, MON], TUE)).toEqual({ current: 4, longest: 4, unit: 'occurrences', currentSince: prevWeek(MON) });
    // Friday was missed: by the weekend the streak is broken.
    expect(computeStreaks(monWedFri, [...lastWeek, MON, WED], SUN)).toMatchObject({ current: 0, longest: 5 });
  });

  it("does not break because today's occurrence is not logged yet", () => {
    expect(computeStreaks(monWedFri, [...lastWeek, MON], WED).current).toBe(4);
    expect(computeStreaks(monWedFri, [...lastWeek, MON, WED], WED).current).toBe(5);
  });

  it('breaks once a scheduled day has passed without a log', () => {
    expect(computeStreaks(monWedFri, [...lastWeek, MON], THU)).toMatchObject({ current: 0, longest: 4 });
  });

  it('keeps logs on unscheduled days out of the streak', () => {
    expect(computeStreaks(monWedFri, [TUE, THU, SAT], SUN)).toMatchObject({ current: 0, longest: 0 });
    expect(computeStreaks(monWedFri, [...lastWeek, MON, TUE], TUE)).toMatchObject({ current: 4, longest: 4 });
  });

  it('handles a single scheduled day a week', () => {
    const sundays: HabitRule = { schedule: 'weekly_days', scheduleDays: [0], timesPerWeek: null };
    const logs = [SUN, prevWeek(SUN), prevWeek(prevWeek(SUN))];
    expect(computeStreaks(sundays, logs, SUN)).toMatchObject({ current: 3, currentSince: prevWeek(prevWeek(SUN)) });
    expect(computeStreaks(sundays, logs.slice(1), SAT)).toMatchObject({ current: 2 });
    expect(computeStreaks(sundays, logs.slice(1), SUN)).toMatchObject({ current: 2 });
    expect(computeStreaks(sundays, logs.slice(1), addDays(SUN, 1))).toMatchObject({ current: 0, longest: 2 });
  });

  it('is zero when no day is scheduled', () => {
    expect(computeStreaks({ schedule: 'weekly_days', scheduleDays: [], timesPerWeek: null }, [MON], MON)).toEqual({ current: 0, longest: 0, unit: 'occurrences', currentSince: null });
  });
});

describe('times_per_week streaks (3 a week)', () => {
  const weekOf = (monday: LocalDate, count: number) => run(addDays(monday, count - 1), count);

  it('counts ISO weeks that met the target; the current week stays open', () => {
    const logs = [...weekOf(prevWeek(prevWeek(MON)), 3), ...weekOf(prevWeek(MON), 4), TUE];
    expect(computeStreaks(threeTimes, logs, THU)).toEqual({ current: 2, longest: 2, unit: 'weeks', currentSince: prevWeek(prevWeek(MON)) });
    expect(computeStreaks(threeTimes, [...logs, WED, SUN], SUN)).toMatchObject({ current: 3, longest: 3 });
  });

  it('breaks when a finished week missed the target', () => {
    const logs = [...weekOf(prevWeek(prevWeek(MON)), 3), ...weekOf(prevWeek(MON), 2), TUE];
    expect(computeStreaks(threeTimes, logs, THU)).toMatchObject({ current: 0, longest: 1 });
  });

  it('counts Sunday in the week that began on the Monday before', () => {
    expect(computeStreaks(threeTimes, [FRI, SAT, SUN], SUN).current).toBe(1);
    expect(computeStreaks(threeTimes, [SAT, SUN, addDays(SUN, 1)], addDays(SUN, 1)).current).toBe(0);
  });

  it('counts weeks across the year end', () => {
    // ISO week from Monday 2026-12-28 to Sunday 2027-01-03, then the next one.
    const logs = ['2026-12-30', '2027-01-01', '2027-01-03', '2027-01-04', '2027-01-05', '2027-01-06'];
    expect(computeStreaks(threeTimes, logs, '2027-01-06')).toMatchObject({ current: 2, currentSince: '2026-12-28' });
  });
});

describe('streaks in the tenant time zone across DST changes', () => {
  /** A log made at each of these instants lands on the tenant's calendar date of it. */
  const loggedAt = (zone: string, instants: number[]) => instants.map((instant) => localDateIn(zone, new Date(instant)));

  it('New York, spring forward: 23:30 every evening for two weeks is 14 days in a row', () => {
    // 23:30 local is 04:30Z the next day in EST (until 8 March 2026) and 03:30Z in EDT.
    const instants = Array.from({ length: 14 }, (_, i) => Date.UTC(2026, 2, 1 + i, 23 + (1 + i < 8 ? 5 : 4), 30));
    const dates = loggedAt('America/New_York', instants);
    expect(dates[0]).toBe('2026-03-01');
    expect(dates[13]).toBe('2026-03-14');
    const today = localDateIn('America/New_York', new Date(Date.UTC(2026, 2, 15, 3, 45)));
    expect(today).toBe('2026-03-14');
    expect(computeStreaks(daily, dates, today)).toMatchObject({ current: 14, longest: 14 });
  });

  it('New York: logs 23 hours apart across the switch are on consecutive days', () => {
    // 00:30 EST on 8 March, then 00:30 EDT on 9 March: only 23 hours later.
    const dates = loggedAt('America/New_York', [Date.UTC(2026, 2, 8, 5, 30), Date.UTC(2026, 2, 9, 4, 30)]);
    expect(dates).toEqual(['2026-03-08', '2026-03-09']);
    expect(computeStreaks(daily, dates, '2026-03-09').current).toBe(2);
  });

  it('New York, fall back: two logs 24 hours apart can fall on the same day', () => {
    // 00:30 EDT and 23:30 EST on 1 November 2026 (a 25-hour day).
    const dates = loggedAt('America/New_York', [Date.UTC(2026, 10, 1, 4, 30), Date.UTC(2026, 10, 2, 4, 30)]);
    expect(dates).toEqual(['2026-11-01', '2026-11-01']);
    expect(computeStreaks(daily, dates, '2026-11-01')).toMatchObject({ current: 1, longest: 1 });
  });

  it('Berlin, fall back: 23:30 every evening around 25 October is one unbroken streak', () => {
    // 23:30 local is 21:30Z in CEST (until 25 October 2026) and 22:30Z in CET.
    const instants = Array.from({ length: 14 }, (_, i) => Date.UTC(2026, 9, 18 + i, 18 + i < 25 ? 21 : 22, 30));
    const dates = loggedAt('Europe/Berlin', instants);
    expect(new Set(dates).size).toBe(14);
    expect(dates[13]).toBe('2026-10-31');
    expect(computeStreaks(daily, dates, '2026-11-01')).toMatchObject({ current: 14, longest: 14, currentSince: '2026-10-18' });
  });

  it('Berlin, spring forward: the weekly target counts the right ISO week', () => {
    // Sunday 29 March 2026, 23:30 CEST (21:30Z), belongs to the week of Monday 23 March.
    const dates = loggedAt('Europe/Berlin', [Date.UTC(2026, 2, 27, 22, 30), Date.UTC(2026, 2, 28, 22, 30), Date.UTC(2026, 2, 29, 21, 30)]);
    expect(dates).toEqual(['2026-03-27', '2026-03-28', '2026-03-29']);
    expect(computeStreaks(threeTimes, dates, '2026-03-29').current).toBe(1);
    expect(computeStreaks(threeTimes, dates, '2026-03-30').current).toBe(1);
  });

  it('Auckland: a morning log is today there while it is still yesterday in UTC', () => {
    // 08:00 NZDT on 2 January is 19:00Z on 1 January.
    const now = new Date(Date.UTC(2026, 0, 1, 19, 0));
    const today = localDateIn('Pacific/Auckland', now);
    expect(today).toBe('2026-01-02');
    expect(computeStreaks(daily, run(today, 3), today)).toMatchObject({ current: 3, currentSince: '2025-12-31' });
    // Read with UTC's date, the same logs would look like tomorrow's and not count.
    expect(computeStreaks(daily, run(today, 3), now.toISOString().slice(0, 10)).current).toBe(2);
  });

  it('Kiritimati (UTC+14): the new day starts at 10:00Z', () => {
    const before = localDateIn('Pacific/Kiritimati', new Date(Date.UTC(2026, 5, 15, 9, 59)));
    const after = localDateIn('Pacific/Kiritimati', new Date(Date.UTC(2026, 5, 15, 10, 0)));
    expect(computeStreaks(daily, [before], after)).toMatchObject({ current: 1 });
    expect(computeStreaks(daily, [before], addDays(after, 1))).toMatchObject({ current: 0, longest: 1 });
  });
});

describe('milestones', () => {
  it('gives the highest milestone reached, for the badge', () => {
    expect([0, 6, 7, 29, 30, 99, 100, 365].map(milestoneFor)).toEqual([null, null, 7, 7, 30, 30, 100, 100]);
  });

  it('reports the milestones a change of streak reaches, once', () => {
    expect(milestonesReached(6, 7)).toEqual([7]);
    expect(milestonesReached(7, 8)).toEqual([]);
    expect(milestonesReached(7, 7)).toEqual([]);
    expect(milestonesReached(8, 7)).toEqual([]);
    expect(milestonesReached(5, 9)).toEqual([7]);
    expect(milestonesReached(29, 30)).toEqual([30]);
    expect(milestonesReached(99, 100)).toEqual([100]);
    expect(milestonesReached(0, 100)).toEqual([7, 30, 100]);
  });
});

describe('labels', () => {
  it('describes schedules and streaks', () => {
    expect(describeSchedule(daily)).toBe('Every day');
    expect(describeSchedule({ ...monWedFri, scheduleDays: [5, 0, 1] })).toBe('Every Mon, Fri, Sun');
    expect(describeSchedule(threeTimes)).toBe('3 times a week');
    expect(describeSchedule({ ...threeTimes, timesPerWeek: 1 })).toBe('Once a week');
    expect(formatStreak(1, 'days')).toBe('1 day');
    expect(formatStreak(4, 'occurrences')).toBe('4 scheduled days');
    expect(formatStreak(0, 'weeks')).toBe('0 weeks');
  });

  it('spells each schedule\'s streak unit with the right plural', () => {
    // daily habits count days, chosen weekdays count scheduled days, N-times-a-week counts weeks
    expect([0, 1, 2].map((n) => formatStreak(n, 'days'))).toEqual(['0 days', '1 day', '2 days']);
    expect([1, 3].map((n) => formatStreak(n, 'occurrences'))).toEqual(['1 scheduled day', '3 scheduled days']);
    expect([1, 5].map((n) => formatStreak(n, 'weeks'))).toEqual(['1 week', '5 weeks']);
    expect(streakUnitWord(1, 'days')).toBe('day');
    expect(streakUnitWord(7, 'days')).toBe('days');
    expect(streakUnitWord(1, 'occurrences')).toBe('scheduled day');
  });

  it('groups the count in the reader\'s locale', () => {
    expect(formatStreak(1200, 'days', createFormatter({ locale: 'de-DE', timeZone: 'UTC' }))).toBe('1.200 days');
    expect(formatStreak(1200, 'weeks', createFormatter({ locale: 'en-US', timeZone: 'UTC' }))).toBe('1,200 weeks');
  });
});
