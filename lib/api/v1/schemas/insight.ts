import { z } from 'zod';
import { INSIGHT_KINDS, INSIGHT_SUBJECT_TYPES, type InsightItem } from '../../../insights/insight-types.ts';
import { listOf, Timestamp } from './common.ts';

// The insights rules' findings (lib/insights) in the public API: the key's creator's own and
// their teams', as on their dashboard.

export const InsightResource = z
  .object({
    id: z.string().meta({ description: 'isg_…' }),
    kind: z.enum(INSIGHT_KINDS),
    scope: z.enum(['member', 'team']).meta({ description: 'member: about your own data; team: about one of your teams (its goals, its week over week).' }),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    subject: z.object({ type: z.enum(INSIGHT_SUBJECT_TYPES), id: z.string(), name: z.string().meta({ description: 'The habit’s name, the goal’s or milestone’s title, or the team’s name, as now.' }) }),
    goal: z.object({ id: z.string(), title: z.string() }).nullable().meta({ description: 'milestone_due_soon: the goal the milestone belongs to.' }),
    data: z.record(z.string(), z.unknown()).meta({
      description:
        'The numbers behind it, by kind. streak_at_risk: currentStreak, streakUnit, usualLogHour, loggedByNowRate, sampleDays, localDate. best_weekday and worst_weekday: weekday (0 = Sunday), rate, logged, scheduled, otherRate, weeks. goal_at_risk: progress, expectedProgress, elapsedShare, daysLeft, targetDate. milestone_due_soon: dueDate, daysLeft. team_momentum: week and previousWeek (habitLogs, progressUpdates), total, previousTotal, changePercent, direction.',
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    expiresAt: Timestamp.meta({ description: 'Shown until then (the end of the day, the week or the due date, in the workspace’s time zone).' }),
  })
  .meta({ description: 'Something the insights rules found in your own or your team’s data. Dismissed ones are left out.' });
export type InsightResource = z.infer<typeof InsightResource>;

export const InsightList = listOf(InsightResource, 'Your active insights, most pressing first, in one page (next_cursor is always null).');

export function toInsightResource(item: InsightItem): InsightResource {
  return {
    id: item.id,
    kind: item.kind,
    scope: item.scope,
    teamId: item.teamId,
    teamName: item.teamName,
    subject: item.subject,
    goal: item.goal,
    data: item.data,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    expiresAt: item.expiresAt.toISOString(),
  };
}
