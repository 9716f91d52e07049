import { describe, expect, it } from 'vitest';
import { addDays, type LocalDate } from '../../lib/habits/local-date.ts';
import { clockAt, endOfLocalDay } from '../../lib/insights/clock.ts';
import { insightDataSchemas, type InsightDraft } from '../../lib/insights/insight-types.ts';
import type { GoalInput, HabitInput, MilestoneInput } from '../../lib/insights/rule-inputs.ts';
import { goalsAtRisk } from '../../lib/insights/rules/goal-at-risk.ts';
import { milestonesDueSoon } from '../../lib/insights/rules/milestone-due-soon.ts';
import { streakAtRisk } from '../../lib/insights/rules/streak-at-risk.ts';
import { teamMomentum } from '../../lib/insights/rules/team-momentum.ts';
import { weekdayPatterns } from '../../lib/insights/rules/weekday-pattern.ts';
import { instantOf } from '../../lib/integrations/calendar-feed/zone-time.ts';
import { cadenceAt } from '../../lib/insights/run-insights.ts';

// The rules on fixed data: the same rows read at one instant in different zones give each
// zone's "today", and local hours hold across daylight-saving changes.

const AUCKLAND = 'Pacific/Auckland';
const LOS_ANGELES = 'America/Los_Angeles';

/** A daily habit logged on each of `dates` at hh:mm local time in `zone`. */
function habit(dates: LocalDate[], zone: string, hour = 7, minute = 30, extra: Partial<HabitInput> = {}): HabitInput {
  return {
    id: 'h1',
    userId: 'u1',
    schedule: 'daily',
    scheduleDays: [],
    timesPerWeek: null,
    createdOn: dates[0],
    logs: dates.map((date) => ({ date, createdAt: instantOf(zone, date, hour, minute) })),
    ...extra,
  };
}

function days(from: LocalDate, count: number): LocalDate[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

function expectValid(drafts: InsightDraft[]): void {
  for (const draft of drafts) expect(insightDataSchemas[draft.kind].safeParse(draft.data).success, draft.key).toBe(true);
}

describe('streak at risk', () => {
  const logged = days('2026-11-27', 11); // 2026-11-27 … 2026-12-07

  it('warns when today is not logged and it usually is by now (Auckland, 09:00 on 8 December)', () => {
    const now = instantOf(AUCKLAND, '2026-12-08', 9, 0);
    const drafts = streakAtRisk([habit(logged, AUCKLAND)], clockAt(now, AUCKLAND));
    expect(drafts).toEqual([
      {
        kind: 'streak_at_risk',
        key: 'streak_at_risk:h1:2026-12-08',
        userId: 'u1',
        teamId: null,
        subjectType: 'habit',
        subjectId: 'h1',
        data: { localDate: '2026-12-08', currentStreak: 11, streakUnit: 'days', usualLogHour: 7, loggedByNowRate: 1, sampleDays: 11 },
        expiresAt: endOfLocalDay(AUCKLAND, '2026-12-08'),
      },
    ]);
    expectValid(drafts);
    // The end of the day in Auckland (UTC+13 in December).
    expect(drafts[0].expiresAt.toISOString()).toBe('2026-12-08T11:00:00.000Z');
  });

  it('the same logs at the same instant: at risk in Auckland (a new day), not in UTC or Los Angeles (today is logged)', () => {
    const now = new Date('2026-12-07T20:00:00Z'); // Auckland 8 Dec 09:00, UTC 7 Dec 20:00, Los Angeles 7 Dec 12:00
    const rows = [habit(logged, AUCKLAND)];
    expect(streakAtRisk(rows, clockAt(now, AUCKLAND))).toHaveLength(1);
    expect(streakAtRisk(rows, clockAt(now, 'UTC'))).toEqual([]);
    expect(streakAtRisk(rows, clockAt(now, LOS_ANGELES))).toEqual([]);
  });

  it('says nothing before the usual hour', () => {
    const now = instantOf(AUCKLAND, '2026-12-08', 6, 0);
    expect(streakAtRisk([habit(logged, AUCKLAND)], clockAt(now, AUCKLAND))).toEqual([]);
  });

  it('keeps the local hour across a daylight-saving change (Los Angeles, 1 November 2026)', () => {
    const around = days('2026-10-24', 10); // 24 Oct … 2 Nov, across the fall-back on 1 Nov
    const drafts = streakAtRisk([habit(around, LOS_ANGELES, 7, 15)], clockAt(instantOf(LOS_ANGELES, '2026-11-03', 8, 0), LOS_ANGELES));
    expect(drafts.map((d) => d.data)).toEqual([{ localDate: '2026-11-03', currentStreak: 10, streakUnit: 'days', usualLogHour: 7, loggedByNowRate: 1, sampleDays: 10 }]);
    // Read with a fixed offset, the logs before the change would look an hour later: at 07:30 they would not all count.
    expect(streakAtRisk([habit(around, LOS_ANGELES, 7, 15)], clockAt(instantOf(LOS_ANGELES, '2026-11-03', 7, 20), LOS_ANGELES))[0].data.loggedByNowRate).toBe(1);
  });

  it('needs a streak, enough days and a habit due today', () => {
    const now = instantOf('UTC', '2026-12-08', 9, 0);
    const clock = clockAt(now, 'UTC');
    // Too few days behind the routine.
    expect(streakAtRisk([habit(days('2026-12-04', 4), 'UTC')], clock)).toEqual([]);
    // Yesterday missed: no streak to lose.
    expect(streakAtRisk([habit(days('2026-11-20', 17), 'UTC')], clock)).toEqual([]);
    // Not scheduled on Tuesdays (8 December 2026 is one).
    expect(streakAtRisk([habit(logged, 'UTC', 7, 30, { schedule: 'weekly_days', scheduleDays: [1, 3, 5] })], clock)).toEqual([]);
    // A weekly target can be made up any day.
    expect(streakAtRisk([habit(logged, 'UTC', 7, 30, { schedule: 'times_per_week', timesPerWeek: 3 })], clock)).toEqual([]);
    // Logs written days later (catch-ups) are not "by this hour".
    const late = habit(logged, 'UTC');
    late.logs = late.logs.map((log) => ({ ...log, createdAt: new Date(log.createdAt.getTime() + 2 * 86_400_000) }));
    expect(streakAtRisk([late], clock)).toEqual([]);
  });
});

describe('best and worst weekday', () => {
  // Eight whole weeks before the week of Monday 7 December 2026: 12 Oct … 6 Dec.
  const window = days('2026-10-12', 56);
  const now = instantOf('UTC', '2026-12-09', 12, 0);

  it('names the weekday always missed, with its numbers, and no best day when the others tie', () => {
    const noMondays = window.filter((date) => new Date(`${date}T00:00:00Z`).getUTCDay() !== 1);
    const drafts = weekdayPatterns([habit(noMondays, 'UTC', 7, 30, { createdOn: '2026-10-12' })], clockAt(now, 'UTC'));
    expect(drafts).toEqual([
      expect.objectContaining({ kind: 'worst_weekday', key: 'worst_weekday:h1:2026-12-07', data: { weekday: 1, rate: 0, logged: 0, scheduled: 8, otherRate: 1, weeks: 8, weekStart: '2026-12-07' } }),
    ]);
    expectValid(drafts);
    expect(drafts[0].expiresAt.toISOString()).toBe('2026-12-14T00:00:00.000Z');
  });

  it('names the best weekday when it clearly beats the rest', () => {
    // Every Tuesday; the other days every other week.
    const dates = window.filter((date, i) => new Date(`${date}T00:00:00Z`).getUTCDay() === 2 || Math.floor(i / 7) % 2 === 0);
    const drafts = weekdayPatterns([habit(dates, 'UTC', 7, 30, { createdOn: '2026-10-12' })], clockAt(now, 'UTC'));
    expect(drafts.map((d) => [d.kind, d.data.weekday, d.data.rate, d.data.otherRate])).toEqual([['best_weekday', 2, 1, 0.5]]);
  });

  it('says nothing on too little data or a small gap', () => {
    const recent = days('2026-11-23', 14);
    expect(weekdayPatterns([habit(recent.filter((_, i) => i % 7 !== 0), 'UTC')], clockAt(now, 'UTC'))).toEqual([]);
    // One Monday of 8 missed, every other day done: a 12-point gap is noise; two missed (25 points) is the least that counts.
    const missing = (mondays: number) => window.filter((date, i) => new Date(`${date}T00:00:00Z`).getUTCDay() !== 1 || i >= 7 * mondays);
    expect(weekdayPatterns([habit(missing(1), 'UTC', 7, 30, { createdOn: '2026-10-12' })], clockAt(now, 'UTC'))).toEqual([]);
    expect(weekdayPatterns([habit(missing(2), 'UTC', 7, 30, { createdOn: '2026-10-12' })], clockAt(now, 'UTC')).map((d) => [d.kind, d.data.rate])).toEqual([['worst_weekday', 0.75]]);
  });

  it('uses the zone’s week: the same instant is Monday in Auckland and still Sunday in Los Angeles', () => {
    const at = new Date('2026-12-06T20:00:00Z');
    const noMondays = days('2026-10-05', 63).filter((date) => new Date(`${date}T00:00:00Z`).getUTCDay() !== 1);
    const rows = [habit(noMondays, 'UTC', 7, 30, { createdOn: '2026-10-05' })];
    expect(weekdayPatterns(rows, clockAt(at, AUCKLAND)).map((d) => d.key)).toEqual(['worst_weekday:h1:2026-12-07']);
    expect(weekdayPatterns(rows, clockAt(at, LOS_ANGELES)).map((d) => d.key)).toEqual(['worst_weekday:h1:2026-11-30']);
  });
});

describe('goal at risk', () => {
  const goal: GoalInput = { id: 'g1', ownerId: 'u1', teamId: null, progress: 20, createdOn: '2026-11-01', targetDate: '2026-12-31' };

  it('compares progress with the share of time gone', () => {
    const drafts = goalsAtRisk([goal], clockAt(instantOf('UTC', '2026-12-01', 10, 0), 'UTC'));
    expect(drafts).toEqual([
      expect.objectContaining({
        key: 'goal_at_risk:g1:2026-11-30',
        userId: 'u1',
        teamId: null,
        data: { progress: 20, expectedProgress: 50, elapsedShare: 0.5, daysLeft: 30, targetDate: '2026-12-31', localDate: '2026-12-01' },
      }),
    ]);
    expectValid(drafts);
  });

  it('is quiet on pace, too early, overdue, or done', () => {
    const clock = clockAt(instantOf('UTC', '2026-12-01', 10, 0), 'UTC');
    expect(goalsAtRisk([{ ...goal, progress: 35 }], clock)).toEqual([]);
    expect(goalsAtRisk([goal], clockAt(instantOf('UTC', '2026-11-10', 10, 0), 'UTC'))).toEqual([]);
    expect(goalsAtRisk([{ ...goal, targetDate: '2026-11-30' }], clock)).toEqual([]);
    expect(goalsAtRisk([{ ...goal, progress: 100 }], clock)).toEqual([]);
  });

  it('is the team’s for a team goal', () => {
    const [draft] = goalsAtRisk([{ ...goal, teamId: 't1' }], clockAt(instantOf('UTC', '2026-12-01', 10, 0), 'UTC'));
    expect([draft.userId, draft.teamId]).toEqual([null, 't1']);
  });

  it('counts days left in the zone: the target day has begun in Auckland, not in Los Angeles', () => {
    const now = new Date('2026-12-30T12:00:00Z');
    expect(goalsAtRisk([goal], clockAt(now, AUCKLAND))[0].data.daysLeft).toBe(0);
    expect(goalsAtRisk([goal], clockAt(now, LOS_ANGELES))[0].data.daysLeft).toBe(1);
  });
});

describe('milestone due soon', () => {
  const milestone: MilestoneInput = { id: 'm1', goalId: 'g1', goalOwnerId: 'u1', goalTeamId: null, dueDate: '2026-12-10', completed: false };

  it('within three days, open ones only', () => {
    const clock = clockAt(instantOf('UTC', '2026-12-07', 9, 0), 'UTC');
    const drafts = milestonesDueSoon([milestone], clock);
    expect(drafts).toEqual([expect.objectContaining({ key: 'milestone_due_soon:m1:2026-12-10', userId: 'u1', data: { goalId: 'g1', dueDate: '2026-12-10', daysLeft: 3, localDate: '2026-12-07' } })]);
    expectValid(drafts);
    expect(milestonesDueSoon([{ ...milestone, dueDate: '2026-12-11' }], clock)).toEqual([]);
    expect(milestonesDueSoon([{ ...milestone, dueDate: '2026-12-06' }], clock)).toEqual([]);
    expect(milestonesDueSoon([{ ...milestone, completed: true }], clock)).toEqual([]);
    expect(milestonesDueSoon([{ ...milestone, goalTeamId: 't1' }], clock)[0]).toMatchObject({ userId: null, teamId: 't1' });
  });

  it('in the zone: four days off in Los Angeles is three in Auckland', () => {
    const now = new Date('2026-12-06T12:00:00Z'); // Auckland 7 Dec 01:00, Los Angeles 6 Dec 04:00
    expect(milestonesDueSoon([milestone], clockAt(now, AUCKLAND))).toHaveLength(1);
    expect(milestonesDueSoon([milestone], clockAt(now, LOS_ANGELES))).toEqual([]);
  });
});

describe('team momentum', () => {
  const clock = clockAt(instantOf('UTC', '2026-12-09', 9, 0), 'UTC'); // last week: 30 Nov … 6 Dec
  const lastWeek = (n: number) => Array.from({ length: n }, (_, i) => addDays('2026-11-30', i % 7));
  const weekBefore = (n: number) => Array.from({ length: n }, (_, i) => addDays('2026-11-23', i % 7));

  it('last week against the week before, in counts only', () => {
    const drafts = teamMomentum([{ teamId: 't1', habitLogDates: [...lastWeek(8), ...weekBefore(4)], progressDates: [...lastWeek(2), ...weekBefore(1), '2026-12-08'] }], clock);
    expect(drafts).toEqual([
      expect.objectContaining({
        key: 'team_momentum:t1:2026-12-07',
        userId: null,
        teamId: 't1',
        subjectType: 'team',
        data: { weekStart: '2026-11-30', week: { habitLogs: 8, progressUpdates: 2 }, previousWeek: { habitLogs: 4, progressUpdates: 1 }, total: 10, previousTotal: 5, changePercent: 100, direction: 'up' },
      }),
    ]);
    expectValid(drafts);
  });

  it('down, from nothing, or not worth saying', () => {
    expect(teamMomentum([{ teamId: 't1', habitLogDates: [...lastWeek(3), ...weekBefore(9)], progressDates: [] }], clock)[0].data).toMatchObject({ changePercent: -67, direction: 'down' });
    expect(teamMomentum([{ teamId: 't1', habitLogDates: lastWeek(6), progressDates: [] }], clock)[0].data).toMatchObject({ changePercent: null, direction: 'up' });
    expect(teamMomentum([{ teamId: 't1', habitLogDates: [...lastWeek(2), ...weekBefore(1)], progressDates: [] }], clock)).toEqual([]);
    expect(teamMomentum([{ teamId: 't1', habitLogDates: [...lastWeek(9), ...weekBefore(8)], progressDates: [] }], clock)).toEqual([]);
  });
});

describe('the hourly run’s cadence', () => {
  it('applies every rule once a week, Monday 06:00 in the workspace’s zone, and the time-driven ones otherwise', () => {
    // Monday 7 December 2026, 06:30 in Auckland is Sunday 17:30 UTC.
    const at = instantOf(AUCKLAND, '2026-12-07', 6, 30);
    expect(cadenceAt(clockAt(at, AUCKLAND))).toBe('full');
    expect(cadenceAt(clockAt(at, 'UTC'))).toBe('hourly');
    expect(cadenceAt(clockAt(instantOf(AUCKLAND, '2026-12-07', 7, 30), AUCKLAND))).toBe('hourly');
    expect(cadenceAt(clockAt(instantOf(LOS_ANGELES, '2026-12-07', 6, 0), LOS_ANGELES))).toBe('full');
  });
});
