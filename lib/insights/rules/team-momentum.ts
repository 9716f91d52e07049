import { addDays, isoWeekStart } from '../../habits/local-date.ts';
import { instantOf } from '../../integrations/calendar-feed/zone-time.ts';
import type { InsightClock } from '../clock.ts';
import type { InsightDraft } from '../insight-types.ts';
import type { TeamActivityInput } from '../rule-inputs.ts';

// "Design logged 34 habits and progress updates last week, up 42% on the week before."
// Whole ISO weeks, last week against the one before, so the numbers hold all week. Counted:
// the team members' logs of their shared habits (private habits are left out: not even a
// count of them reaches teammates) and the progress updates on the team's goals. A team
// insight is an aggregate: it names no member.

/** Fewer than 5 events over both weeks is too little activity for a percentage to mean much. */
export const MOMENTUM_MIN_ACTIVITY = 5;
/** A change under 20% either way is an ordinary week. */
export const MOMENTUM_MIN_CHANGE_PERCENT = 20;

type Draft = Extract<InsightDraft, { kind: 'team_momentum' }>;

function countIn(dates: readonly string[], from: string, to: string): number {
  return dates.filter((date) => date >= from && date <= to).length;
}

export function teamMomentum(teams: readonly TeamActivityInput[], clock: InsightClock): Draft[] {
  const thisWeek = isoWeekStart(clock.today);
  const lastWeek = addDays(thisWeek, -7);
  const weekBefore = addDays(thisWeek, -14);
  const expiresAt = instantOf(clock.timeZone, addDays(thisWeek, 7), 0, 0);
  const drafts: Draft[] = [];
  for (const team of teams) {
    const week = { habitLogs: countIn(team.habitLogDates, lastWeek, addDays(lastWeek, 6)), progressUpdates: countIn(team.progressDates, lastWeek, addDays(lastWeek, 6)) };
    const previousWeek = { habitLogs: countIn(team.habitLogDates, weekBefore, addDays(weekBefore, 6)), progressUpdates: countIn(team.progressDates, weekBefore, addDays(weekBefore, 6)) };
    const total = week.habitLogs + week.progressUpdates;
    const previous = previousWeek.habitLogs + previousWeek.progressUpdates;
    if (total + previous < MOMENTUM_MIN_ACTIVITY || total === previous) continue;
    const changePercent = previous === 0 ? null : Math.round(((total - previous) / previous) * 100);
    if (changePercent !== null && Math.abs(changePercent) < MOMENTUM_MIN_CHANGE_PERCENT) continue;
    drafts.push({
      kind: 'team_momentum',
      key: `team_momentum:${team.teamId}:${thisWeek}`,
      userId: null,
      teamId: team.teamId,
      subjectType: 'team',
      subjectId: team.teamId,
      data: { weekStart: lastWeek, week, previousWeek, total, previousTotal: previous, changePercent, direction: total > previous ? 'up' : 'down' },
      expiresAt,
    });
  }
  return drafts;
}
