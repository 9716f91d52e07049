import { addDays, daysBetween, isoWeekStart } from '../../habits/local-date.ts';
import { endOfLocalDay, type InsightClock } from '../clock.ts';
import type { InsightDraft } from '../insight-types.ts';
import { round2, type GoalInput } from '../rule-inputs.ts';

// "Launch the site is behind: 20% done with 60% of its time gone, 12 days left." A goal with
// a target date is at risk when its progress trails the share of the time from its creation
// to its target date that has passed. A personal goal's insight is its owner's; a team goal's
// is the team's. One insight per goal and week, its numbers refreshed as progress moves.

/** Two weeks at least from start to target: on shorter goals a day is too big a share. */
export const GOAL_MIN_SPAN_DAYS = 14;
/** Before a quarter of the time has gone by, being behind says little. */
export const GOAL_MIN_ELAPSED = 0.25;
/** 20 points behind the even pace: less is within a normal week's unevenness. */
export const GOAL_PACE_GAP = 20;

type Draft = Extract<InsightDraft, { kind: 'goal_at_risk' }>;

export function goalsAtRisk(goals: readonly GoalInput[], clock: InsightClock): Draft[] {
  const { today, timeZone } = clock;
  const weekEnd = addDays(isoWeekStart(today), 6);
  const drafts: Draft[] = [];
  for (const goal of goals) {
    if (!goal.targetDate || goal.progress >= 100) continue;
    const span = daysBetween(goal.createdOn, goal.targetDate);
    const daysLeft = daysBetween(today, goal.targetDate);
    // Overdue goals are the due-date notices' business (lib/notifications/due-dates.ts).
    if (span < GOAL_MIN_SPAN_DAYS || daysLeft < 0) continue;
    const elapsedShare = daysBetween(goal.createdOn, today) / span;
    if (elapsedShare < GOAL_MIN_ELAPSED) continue;
    const expectedProgress = Math.round(elapsedShare * 100);
    if (expectedProgress - goal.progress < GOAL_PACE_GAP) continue;
    drafts.push({
      kind: 'goal_at_risk',
      key: `goal_at_risk:${goal.id}:${isoWeekStart(today)}`,
      userId: goal.teamId ? null : goal.ownerId,
      teamId: goal.teamId,
      subjectType: 'goal',
      subjectId: goal.id,
      data: { progress: goal.progress, expectedProgress, elapsedShare: round2(elapsedShare), daysLeft, targetDate: goal.targetDate, localDate: today },
      expiresAt: endOfLocalDay(timeZone, goal.targetDate < weekEnd ? goal.targetDate : weekEnd),
    });
  }
  return drafts;
}
