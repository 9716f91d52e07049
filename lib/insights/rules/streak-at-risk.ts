import { addDays, daysBetween, localDateIn, type LocalDate } from '../../habits/local-date.ts';
import { computeStreaks, isScheduledOn } from '../../habits/streaks.ts';
import { endOfLocalDay, localMinuteOfDay, type InsightClock } from '../clock.ts';
import type { InsightDraft } from '../insight-types.ts';
import { round2, type HabitInput } from '../rule-inputs.ts';

// "Your 12-day streak is at risk": the habit is due today, is not logged yet, and on most of
// its past scheduled days the member had logged it by this time of day. Only daily and
// weekly_days habits have a "today" to miss; a times_per_week habit can catch up any day.

/** Past days looked at: four weeks is recent enough to reflect today's routine. */
export const STREAK_LOOKBACK_DAYS = 28;
/** Fewer scheduled days than this say too little about a routine to warn about it. */
export const STREAK_MIN_SAMPLE_DAYS = 5;
/** A streak of 1 is not much to lose; from 2 on, a miss is felt. */
export const STREAK_MIN_CURRENT = 2;
/** "Usually": logged by this time of day on at least 60% of the past scheduled days. */
export const STREAK_USUAL_RATE = 0.6;

type Draft = Extract<InsightDraft, { kind: 'streak_at_risk' }>;

export function streakAtRisk(habits: readonly HabitInput[], clock: InsightClock): Draft[] {
  const { today, timeZone } = clock;
  const nowMinute = localMinuteOfDay(timeZone, clock.now);
  const drafts: Draft[] = [];
  for (const habit of habits) {
    if (habit.schedule === 'times_per_week' || !isScheduledOn(habit, today)) continue;
    const dates = habit.logs.map((log) => log.date);
    if (dates.includes(today)) continue;
    const streak = computeStreaks(habit, dates, today);
    if (streak.current < STREAK_MIN_CURRENT) continue;

    // Past scheduled days since the habit existed; a log counts by the minute it was written
    // on that same day (a log written on a later day, a catch-up, was not "by this hour").
    const first = [addDays(today, -STREAK_LOOKBACK_DAYS), habit.createdOn].sort().at(-1)!;
    const sample: LocalDate[] = [];
    for (let date = first; daysBetween(date, today) > 0; date = addDays(date, 1)) if (isScheduledOn(habit, date)) sample.push(date);
    if (sample.length < STREAK_MIN_SAMPLE_DAYS) continue;
    const inSample = new Set(sample);
    const minutes = habit.logs
      .filter((log) => inSample.has(log.date))
      .map((log) => ({ log, minute: localMinuteOfDay(timeZone, log.createdAt), sameDay: daysBetween(log.date, localDateIn(timeZone, log.createdAt)) === 0 }))
      .filter((entry) => entry.sameDay)
      .map((entry) => entry.minute)
      .sort((a, b) => a - b);
    const byNow = minutes.filter((minute) => minute <= nowMinute).length;
    const rate = byNow / sample.length;
    if (rate < STREAK_USUAL_RATE) continue;

    drafts.push({
      kind: 'streak_at_risk',
      key: `streak_at_risk:${habit.id}:${today}`,
      userId: habit.userId,
      teamId: null,
      subjectType: 'habit',
      subjectId: habit.id,
      data: {
        localDate: today,
        currentStreak: streak.current,
        streakUnit: streak.unit,
        // The median time the member logs it on the day: "you usually log it by 8".
        usualLogHour: Math.floor(minutes[Math.floor((minutes.length - 1) / 2)] / 60),
        loggedByNowRate: round2(rate),
        sampleDays: sample.length,
      },
      expiresAt: endOfLocalDay(timeZone, today),
    });
  }
  return drafts;
}
