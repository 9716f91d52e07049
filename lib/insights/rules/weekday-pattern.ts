import { addDays, dayOfWeek, isoWeekStart } from '../../habits/local-date.ts';
import { isScheduledOn } from '../../habits/streaks.ts';
import { instantOf } from '../../integrations/calendar-feed/zone-time.ts';
import type { InsightClock } from '../clock.ts';
import type { InsightDraft } from '../insight-types.ts';
import { round2, type HabitInput } from '../rule-inputs.ts';

// "Tuesdays are your best day for Reading: 7 of 8 (88%), against 50% on the other days."
// Completion rate per scheduled weekday over the last whole weeks (up to last Sunday, so the
// numbers hold all week), for daily and weekly_days habits (a times_per_week habit has no
// weekday it is due on). Said only with enough days behind each rate and a clear gap.

/** Eight whole weeks: long enough for a pattern, short enough to reflect the present routine. */
export const WEEKDAY_WEEKS = 8;
/** A weekday's rate counts once it rests on at least 4 scheduled days of it. */
export const WEEKDAY_MIN_SAMPLES = 4;
/** 25 points between a weekday and the others together: less is noise at these sample sizes. */
export const WEEKDAY_MIN_GAP = 0.25;

type Draft = Extract<InsightDraft, { kind: 'best_weekday' | 'worst_weekday' }>;

interface WeekdayRate {
  weekday: number;
  logged: number;
  scheduled: number;
  rate: number;
}

export function weekdayPatterns(habits: readonly HabitInput[], clock: InsightClock): Draft[] {
  const weekStart = isoWeekStart(clock.today);
  const windowStart = addDays(weekStart, -7 * WEEKDAY_WEEKS);
  const expiresAt = instantOf(clock.timeZone, addDays(weekStart, 7), 0, 0);
  const drafts: Draft[] = [];

  for (const habit of habits) {
    if (habit.schedule === 'times_per_week') continue;
    const logged = new Set(habit.logs.map((log) => log.date));
    const counts = Array.from({ length: 7 }, (_, weekday) => ({ weekday, logged: 0, scheduled: 0 }));
    for (let date = windowStart; date < weekStart; date = addDays(date, 1)) {
      if (date < habit.createdOn || !isScheduledOn(habit, date)) continue;
      const entry = counts[dayOfWeek(date)];
      entry.scheduled += 1;
      if (logged.has(date)) entry.logged += 1;
    }
    const rates: WeekdayRate[] = counts.filter((c) => c.scheduled >= WEEKDAY_MIN_SAMPLES).map((c) => ({ ...c, rate: c.logged / c.scheduled }));
    if (rates.length < 2) continue;
    const weeks = Math.max(...rates.map((r) => r.scheduled));

    const byRate = [...rates].sort((a, b) => b.rate - a.rate);
    const pick = (kind: Draft['kind'], chosen: WeekdayRate, runnerUp: WeekdayRate) => {
      // A tie names no weekday: "Mondays and Tuesdays" is not a best day.
      if (chosen.rate === runnerUp.rate) return;
      const others = rates.filter((r) => r.weekday !== chosen.weekday);
      const otherRate = others.reduce((sum, r) => sum + r.logged, 0) / others.reduce((sum, r) => sum + r.scheduled, 0);
      const gap = kind === 'best_weekday' ? chosen.rate - otherRate : otherRate - chosen.rate;
      if (gap < WEEKDAY_MIN_GAP) return;
      drafts.push({
        kind,
        key: `${kind}:${habit.id}:${weekStart}`,
        userId: habit.userId,
        teamId: null,
        subjectType: 'habit',
        subjectId: habit.id,
        data: { weekday: chosen.weekday, rate: round2(chosen.rate), logged: chosen.logged, scheduled: chosen.scheduled, otherRate: round2(otherRate), weeks, weekStart },
        expiresAt,
      });
    };
    pick('best_weekday', byRate[0], byRate[1]);
    pick('worst_weekday', byRate[byRate.length - 1], byRate[byRate.length - 2]);
  }
  return drafts;
}
