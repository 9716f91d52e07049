import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, dayOfWeek, fromDayNumber, isoWeekNumber, isoWeekStart, localDateIn } from '../../lib/habits/local-date.ts';
import { isScheduledOn, normalizeDays, weeklyTarget, type HabitRule } from '../../lib/habits/streaks.ts';
import { consistencyOf, habitOccurrences } from '../../lib/leaderboards/consistency.ts';
import { periodRange, periodStart } from '../../lib/leaderboards/periods.ts';
import { buildBoard, competitionRanks, METRICS, metricValue, type MemberFigures, type Metric } from '../../lib/leaderboards/ranking.ts';

// Leaderboard math as properties: ranks, ties, opt-out, consistency bounds, period boundaries.

const dateArb = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2027-12-31') }).map(fromDayNumber);

const ruleArb: fc.Arbitrary<HabitRule> = fc.oneof(
  fc.constant<HabitRule>({ schedule: 'daily', scheduleDays: [], timesPerWeek: null }),
  fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }).map<HabitRule>((days) => ({ schedule: 'weekly_days', scheduleDays: days, timesPerWeek: null })),
  fc.integer({ min: 1, max: 7 }).map<HabitRule>((n) => ({ schedule: 'times_per_week', scheduleDays: [], timesPerWeek: n })),
);

const figuresArb: fc.Arbitrary<MemberFigures[]> = fc
  .uniqueArray(
    fc.record({
      userId: fc.stringMatching(/^u[a-z0-9]{1,6}$/),
      name: fc.constantFrom('Ana', 'Ben', 'Cleo', 'Dan', 'ana'),
      optedOut: fc.boolean(),
      goalsCompleted: fc.nat({ max: 5 }),
      contribution: fc.integer({ min: -50, max: 150 }),
      consistency: fc.option(fc.integer({ min: 0, max: 4 }).map((n) => n / 4), { nil: null }),
      streak: fc.option(
        fc.record({ current: fc.nat({ max: 4 }), unit: fc.constantFrom('days' as const, 'weeks' as const), habitName: fc.constant(null) }),
        { nil: null },
      ),
    }),
    { selector: (row) => row.userId, maxLength: 12 },
  );

const metricArb = fc.constantFrom<Metric>(...METRICS);

describe('ranking', () => {
  it('gives competition ranks: higher values rank first, equal values share a rank, the next skips', () => {
    fc.assert(
      fc.property(figuresArb, metricArb, (figures, metric) => {
        const ranks = competitionRanks(figures, metric);
        for (const a of figures) {
          const va = metricValue(a, metric);
          if (va === null) {
            expect(ranks.has(a.userId)).toBe(false);
            continue;
          }
          // rank = 1 + number of rows with a strictly higher value.
          const higher = figures.filter((b) => (metricValue(b, metric) ?? -Infinity) > va).length;
          expect(ranks.get(a.userId)).toBe(higher + 1);
          for (const b of figures) {
            const vb = metricValue(b, metric);
            if (vb === null) continue;
            if (va === vb) expect(ranks.get(a.userId)).toBe(ranks.get(b.userId));
            if (va > vb) expect(ranks.get(a.userId)!).toBeLessThan(ranks.get(b.userId)!);
          }
        }
      }),
    );
  });

  it('shows a known tie the usual way (1, 2, 2, 4)', () => {
    const base = { optedOut: false, contribution: 0, consistency: null, streak: null };
    const board = buildBoard(
      [
        { ...base, userId: 'd', name: 'Dan', goalsCompleted: 1 },
        { ...base, userId: 'b', name: 'Ben', goalsCompleted: 3 },
        { ...base, userId: 'a', name: 'Ana', goalsCompleted: 5 },
        { ...base, userId: 'c', name: 'Cleo', goalsCompleted: 3 },
      ],
      'a',
      'goalsCompleted',
    );
    expect(board.rows.map((r) => [r.name, r.rank])).toEqual([
      ['Ana', 1],
      ['Ben', 2],
      ['Cleo', 2],
      ['Dan', 4],
    ]);
  });

  it('lists rows by rank, unranked last, and is the same whatever order the figures come in', () => {
    fc.assert(
      fc.property(figuresArb, metricArb, fc.nat(), (figures, metric, seed) => {
        const viewer = figures[0]?.userId ?? 'nobody';
        const board = buildBoard(figures, viewer, metric);
        const shuffled = [...figures].sort((a, b) => ((a.userId.charCodeAt(1) * seed) % 7) - ((b.userId.charCodeAt(1) * seed) % 7));
        expect(buildBoard(shuffled, viewer, metric)).toEqual(board);
        const listed = board.rows.filter((r) => !(r.isViewer && r.optedOut));
        const ranks = listed.map((r) => r.rank ?? Infinity);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
    );
  });

  it("removes opted-out members from others' boards and from the ranking math; they still see their own row", () => {
    fc.assert(
      fc.property(figuresArb, metricArb, fc.nat(), (figures, metric, pick) => {
        fc.pre(figures.length > 0);
        const viewer = figures[pick % figures.length];
        const board = buildBoard(figures, viewer.userId, metric);
        for (const row of board.rows) {
          if (row.optedOut) expect(row.userId).toBe(viewer.userId);
        }
        // Everyone who did not opt out is listed, exactly once.
        const expected = figures.filter((f) => !f.optedOut || f.userId === viewer.userId).map((f) => f.userId).sort();
        expect(board.rows.map((r) => r.userId).sort()).toEqual(expected);
        // Ranks are those of a board without the opted-out members at all.
        const without = buildBoard(figures.filter((f) => !f.optedOut), viewer.userId, metric);
        for (const row of without.rows) expect(board.rows.find((r) => r.userId === row.userId)?.rank).toBe(row.rank);
        if (viewer.optedOut) expect(board.rows.find((r) => r.isViewer)?.rank).toBeNull();
        expect(board.ranked).toBe(figures.filter((f) => !f.optedOut && metricValue(f, metric) !== null).length);
      }),
    );
  });

  it('keeps the viewer on a cut board, below the first rows', () => {
    fc.assert(
      fc.property(figuresArb, metricArb, fc.integer({ min: 1, max: 5 }), (figures, metric, limit) => {
        fc.pre(figures.length > 0);
        const viewer = figures[figures.length - 1];
        const full = buildBoard(figures, viewer.userId, metric);
        const cut = buildBoard(figures, viewer.userId, metric, limit);
        expect(cut.rows.slice(0, limit)).toEqual(full.rows.slice(0, limit));
        const viewerRow = full.rows.find((r) => r.isViewer);
        if (viewerRow) expect(cut.rows).toContainEqual(viewerRow);
        expect(cut.rows.length).toBeLessThanOrEqual(limit + 1);
      }),
    );
  });
});

describe('habit consistency', () => {
  const logsArb = fc.array(dateArb, { maxLength: 60 });

  /** The definition, day by day on calendar-date strings with lib/habits' own schedule functions. */
  function reference(rule: HabitRule, createdOn: string, logs: string[], from: string | null, today: string) {
    const start = from && from > createdOn ? from : createdOn;
    if (start > today) return { scheduled: 0, done: 0 };
    const logged = new Set(logs.filter((d) => d >= start && d <= today));
    let scheduled = 0;
    let done = 0;
    if (rule.schedule === 'times_per_week') {
      for (let monday = isoWeekStart(start); monday <= today; monday = addDays(monday, 7)) {
        const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).filter((d) => d >= start && d <= today);
        const asked = Math.min(weeklyTarget(rule), days.length);
        const got = Math.min(asked, days.filter((d) => logged.has(d)).length);
        scheduled += days.includes(today) ? got : asked;
        done += got;
      }
      return { scheduled, done };
    }
    const normalized = { ...rule, scheduleDays: normalizeDays(rule.scheduleDays) };
    for (let d = start; d <= today; d = addDays(d, 1)) {
      if (!isScheduledOn(normalized, d) || (d === today && !logged.has(d))) continue;
      scheduled += 1;
      if (logged.has(d)) done += 1;
    }
    return { scheduled, done };
  }

  it('agrees with a day-by-day count over calendar dates for every schedule', () => {
    fc.assert(
      fc.property(ruleArb, dateArb, fc.integer({ min: -5, max: 120 }), fc.array(fc.integer({ min: -10, max: 130 }), { maxLength: 80 }), fc.option(fc.integer({ min: -10, max: 120 }), { nil: null }), (rule, createdOn, span, offsets, fromOffset) => {
        const today = addDays(createdOn, span);
        const logs = offsets.map((o) => addDays(createdOn, o));
        const from = fromOffset === null ? null : addDays(createdOn, fromOffset);
        expect(habitOccurrences(rule, createdOn, logs, from, today)).toEqual(reference(rule, createdOn, logs, from, today));
      }),
    );
  });

  it('is always within [0, 1], with done never above scheduled', () => {
    fc.assert(
      fc.property(ruleArb, dateArb, logsArb, fc.option(dateArb, { nil: null }), dateArb, (rule, createdOn, logs, from, today) => {
        const result = habitOccurrences(rule, createdOn, logs, from, today);
        expect(result.done).toBeGreaterThanOrEqual(0);
        expect(result.done).toBeLessThanOrEqual(result.scheduled);
        const c = consistencyOf(result);
        if (c !== null) {
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('counts nothing before the habit was made or the period began, nor after today', () => {
    fc.assert(
      fc.property(ruleArb, dateArb, logsArb, fc.option(dateArb, { nil: null }), dateArb, (rule, createdOn, logs, from, today) => {
        const start = from && from > createdOn ? from : createdOn;
        const inside = logs.filter((d) => d >= start && d <= today);
        expect(habitOccurrences(rule, createdOn, logs, from, today)).toEqual(habitOccurrences(rule, createdOn, inside, from, today));
      }),
    );
  });

  it('is 1 when every scheduled day was logged, and logging more never lowers it', () => {
    fc.assert(
      fc.property(ruleArb, dateArb, fc.integer({ min: 0, max: 40 }), logsArb, (rule, createdOn, span, extra) => {
        const today = addDays(createdOn, span);
        const every = Array.from({ length: span + 1 }, (_, i) => addDays(createdOn, i));
        const all = habitOccurrences(rule, createdOn, every, null, today);
        if (all.scheduled > 0) expect(consistencyOf(all)).toBe(1);
        const some = habitOccurrences(rule, createdOn, extra, null, today);
        const more = habitOccurrences(rule, createdOn, [...extra, today], null, today);
        expect(more.done).toBeGreaterThanOrEqual(some.done);
        expect(more.scheduled - more.done).toBeLessThanOrEqual(some.scheduled - some.done);
      }),
    );
  });

  it('asks daily habits for every day, weekly-days habits for their days, times-per-week habits for their target', () => {
    // Monday 1 to Sunday 14 June 2026, today = Monday 15 June (open, unlogged).
    const created = '2026-06-01';
    const today = '2026-06-15';
    expect(habitOccurrences({ schedule: 'daily', scheduleDays: [], timesPerWeek: null }, created, ['2026-06-02', '2026-06-03'], null, today)).toEqual({ scheduled: 14, done: 2 });
    // Mondays and Fridays: 1, 5, 8, 12 June; a Sunday log does not count.
    expect(habitOccurrences({ schedule: 'weekly_days', scheduleDays: [1, 5], timesPerWeek: null }, created, ['2026-06-05', '2026-06-07'], null, today)).toEqual({ scheduled: 4, done: 1 });
    // Three a week: two weeks ask 6; four logs in the first week count 3, one in the second.
    expect(habitOccurrences({ schedule: 'times_per_week', scheduleDays: [], timesPerWeek: 3 }, created, ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-09'], null, today)).toEqual({ scheduled: 6, done: 4 });
    // Made on Saturday 13 June: that week asks at most two.
    expect(habitOccurrences({ schedule: 'times_per_week', scheduleDays: [], timesPerWeek: 3 }, '2026-06-13', ['2026-06-13'], null, today)).toEqual({ scheduled: 2, done: 1 });
    // Today counts once logged.
    expect(habitOccurrences({ schedule: 'daily', scheduleDays: [], timesPerWeek: null }, today, [today], null, today)).toEqual({ scheduled: 1, done: 1 });
  });

  it('counts weekly-days occurrences exactly on the scheduled weekdays', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }), dateArb, fc.integer({ min: 0, max: 60 }), (days, createdOn, span) => {
        const today = addDays(createdOn, span);
        const every = Array.from({ length: span + 1 }, (_, i) => addDays(createdOn, i));
        const expected = every.filter((d) => days.includes(dayOfWeek(d)) && d !== today).length + (days.includes(dayOfWeek(today)) ? 1 : 0);
        expect(habitOccurrences({ schedule: 'weekly_days', scheduleDays: days, timesPerWeek: null }, createdOn, every, null, today).scheduled).toBe(expected);
      }),
    );
  });
});

describe('periods', () => {
  it('start on the Monday of the week and the 1st of the month, and contain today', () => {
    fc.assert(
      fc.property(dateArb, (today) => {
        const week = periodStart('week', today)!;
        expect(dayOfWeek(week)).toBe(1);
        expect(isoWeekNumber(week)).toBe(isoWeekNumber(today));
        expect(week <= today).toBe(true);
        const month = periodStart('month', today)!;
        expect(month.slice(0, 7)).toBe(today.slice(0, 7));
        expect(month.endsWith('-01')).toBe(true);
        expect(periodStart('all', today)).toBeNull();
      }),
    );
  });

  it('begin at local midnight in the zone: the instant before is the previous local day', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Kiritimati'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }), fc.constantFrom('week' as const, 'month' as const), (zone, now, period) => {
        const range = periodRange(period, zone, now);
        expect(range.today).toBe(localDateIn(zone, now));
        expect(localDateIn(zone, range.since!)).toBe(range.from);
        expect(localDateIn(zone, new Date(range.since!.getTime() - 1))).toBe(addDays(range.from!, -1));
        expect(range.since!.getTime()).toBeLessThanOrEqual(now.getTime());
      }),
    );
  });

  it('puts the DST change days right (Berlin, spring forward and fall back)', () => {
    // Sunday 29 March 2026 02:00 -> 03:00; Monday 30 March starts at 22:00 UTC on the 29th.
    expect(periodRange('week', 'Europe/Berlin', new Date('2026-03-30T10:00:00Z')).since?.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // Sunday 25 October 2026 03:00 -> 02:00; Monday 26 October starts at 23:00 UTC on the 25th.
    expect(periodRange('week', 'Europe/Berlin', new Date('2026-10-26T10:00:00Z')).since?.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(periodRange('month', 'Europe/Berlin', new Date('2026-11-03T10:00:00Z')).since?.toISOString()).toBe('2026-10-31T23:00:00.000Z');
  });
});
