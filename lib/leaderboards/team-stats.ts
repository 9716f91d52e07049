import type { Member } from '../auth/session.ts';
import { db } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { addDays, isoWeekStart, localDateIn } from '../habits/local-date.ts';
import { badRequest } from '../http/problem.ts';
import { instantOf, knownZone } from '../integrations/calendar-feed/zone-time.ts';
import { loadTeamForViewer } from '../teams/team-access.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

// A team's statistics on its page: how many members, its goals by state, and its completion
// rate week by week (goals completed by the end of each week over goals that existed then;
// archived goals are left out). Weeks are ISO weeks in the workspace's zone. Goal figures
// only for those who may see the team's goals (members and admins); leaderboards being
// turned off does not hide them.

export interface TeamWeek {
  /** Monday of the week, YYYY-MM-DD; the last one is the current week. */
  weekStart: string;
  /** Goals completed during the week. */
  completed: number;
  /** Goals (not archived) that existed by the end of the week, or by now for the current week. */
  total: number;
  /** Of those, completed by then. */
  completedTotal: number;
  /** completedTotal / total, or null with no goals yet. */
  rate: number | null;
}

export interface TeamStats {
  teamId: string;
  memberCount: number;
  /** Null when the viewer may not see the team's goals. */
  goals: { active: number; completed: number; weeks: TeamWeek[] } | null;
}

export async function getTeamStats(tenant: TenantContext, member: Member, teamId: string, weeks = 12, now: Date = new Date()): Promise<TeamStats> {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) throw badRequest('Ask for 1 to 104 weeks.');
  const { team, access } = await loadTeamForViewer(tenantDb(tenant.id), tenant, member, teamId);
  const memberCount = await tenantDb(tenant.id).teamMember.count({ where: { teamId: team.id } });
  if (!access.canSeeGoals) return { teamId: team.id, memberCount, goals: null };

  const zone = knownZone(tenant.timeZone);
  const today = localDateIn(zone, now);
  const first = addDays(isoWeekStart(today), -7 * (weeks - 1));
  const starts = Array.from({ length: weeks }, (_, index) => addDays(first, 7 * index));
  // Each week from its Monday's midnight to the next Monday's (the current one to now).
  const bounds = starts.map((start, index) => ({ start, from: instantOf(zone, start, 0, 0), to: index === weeks - 1 ? now : instantOf(zone, addDays(start, 7), 0, 0) }));

  const [byStatus, rows] = await Promise.all([
    tenantDb(tenant.id).goal.groupBy({ by: ['status'], where: { teamId: team.id }, _count: { _all: true } }),
    db.$queryRaw<{ i: bigint; completed: number; total: number; completedTotal: number }[]>`
      SELECT w.i,
             count(g.id) FILTER (WHERE g."completedAt" >= w.from_at AND g."completedAt" < w.to_at)::int AS completed,
             count(g.id) FILTER (WHERE g."createdAt" < w.to_at)::int AS total,
             count(g.id) FILTER (WHERE g."completedAt" < w.to_at)::int AS "completedTotal"
      FROM (SELECT u.i, u.from_utc AT TIME ZONE 'UTC' AS from_at, u.to_utc AT TIME ZONE 'UTC' AS to_at
            FROM unnest(${bounds.map((b) => b.from.toISOString())}::timestamptz[], ${bounds.map((b) => b.to.toISOString())}::timestamptz[]) WITH ORDINALITY AS u(from_utc, to_utc, i)) w
      LEFT JOIN "Goal" g ON g."tenantId" = ${tenant.id} AND g."teamId" = ${team.id} AND g.status <> 'archived'
      GROUP BY w.i ORDER BY w.i`,
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  return {
    teamId: team.id,
    memberCount,
    goals: {
      active: count('active'),
      completed: count('completed'),
      weeks: rows.map((row, index) => ({
        weekStart: bounds[index].start,
        completed: row.completed,
        total: row.total,
        completedTotal: row.completedTotal,
        rate: row.total > 0 ? row.completedTotal / row.total : null,
      })),
    },
  };
}
