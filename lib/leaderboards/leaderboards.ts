import { z } from 'zod';
import type { Member } from '../auth/session.ts';
import { db, Prisma } from '../db/client.ts';
import type { HabitSchedule } from '../db/generated/enums.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { localDateIn } from '../habits/local-date.ts';
import { computeStreaks, type HabitRule } from '../habits/streaks.ts';
import { AppError } from '../http/problem.ts';
import { knownZone } from '../integrations/calendar-feed/zone-time.ts';
import { loadTeamForViewer } from '../teams/team-access.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { addOccurrences, consistencyOf, habitOccurrences, type Occurrences } from './consistency.ts';
import { PERIODS, periodRange, type Period } from './periods.ts';
import { buildBoard, METRICS, type BestStreak, type Board, type MemberFigures, type Metric } from './ranking.ts';

// Leaderboards of a workspace or of one team, for a period (lib/leaderboards/periods.ts).
// Four queries whatever the number of members: who is on the board, goals completed and
// team-goal contributions summed by the database, and every habit of the board's members
// with its log dates (one row per habit) for consistency and streaks, which the habit
// schedule code (lib/habits/streaks.ts) works out. Boards rank with ranking.ts.
//
// Team boards count that team's goals only; the workspace board counts every goal (a count of
// personal goals names none of them). Habits are personal, so both count all of a member's
// active habits, private ones included; a habit is named only to people who may see it (its
// owner and their teammates) and a private one never.

export const leaderboardQuerySchema = z.object({
  period: z.enum(PERIODS).default('week'),
  teamId: z.string().trim().min(1).max(64).optional(),
});

export type LeaderboardQuery = z.input<typeof leaderboardQuerySchema>;

/** Rows per board; the viewer's own row is added below them when it falls further down. */
export const BOARD_LIMIT = 50;

export interface Leaderboard {
  scope: { kind: 'workspace' } | { kind: 'team'; teamId: string; name: string };
  period: Period;
  /** First day of the period (workspace zone); null for all time. */
  from: string | null;
  today: string;
  /** Members on the board, opted-out ones excluded. */
  memberCount: number;
  /** Whether the viewer keeps out of leaderboards (then only they see their row). */
  viewerOptedOut: boolean;
  boards: Record<Metric, Board>;
}

export function leaderboardsDisabled(): AppError {
  return new AppError(403, 'leaderboards_disabled', "This workspace's admins turned leaderboards off.");
}

/** Whether the workspace shows leaderboards (Settings › General). */
export async function leaderboardsEnabled(tenantId: string): Promise<boolean> {
  const row = await tenantDb(tenantId).tenant.findUnique({ where: { id: tenantId }, select: { leaderboardsEnabled: true } });
  return row?.leaderboardsEnabled ?? false;
}

interface PersonRow {
  userId: string;
  name: string;
  optedOut: boolean;
}

interface CountRow {
  userId: string;
  value: number;
}

interface HabitRow {
  id: string;
  userId: string;
  name: string;
  private: boolean;
  schedule: HabitSchedule;
  scheduleDays: number[];
  timesPerWeek: number | null;
  createdAt: Date;
  dates: string[];
}

/** The user ids on the board: the workspace's members, or one team's. */
function scopeSql(tenantId: string, teamId: string | null): Prisma.Sql {
  return teamId
    ? Prisma.sql`SELECT tm."userId" FROM "TeamMember" tm JOIN "Membership" ms ON ms."tenantId" = tm."tenantId" AND ms."userId" = tm."userId" WHERE tm."tenantId" = ${tenantId} AND tm."teamId" = ${teamId}`
    : Prisma.sql`SELECT ms."userId" FROM "Membership" ms WHERE ms."tenantId" = ${tenantId}`;
}

/** The figures of every member in scope for the period, opted-out members included (ranking.ts filters). */
export async function memberFigures(tenant: TenantContext, viewerId: string, teamId: string | null, period: Period, now: Date = new Date()): Promise<MemberFigures[]> {
  const zone = knownZone(tenant.timeZone);
  const range = periodRange(period, zone, now);
  const scope = scopeSql(tenant.id, teamId);
  const since = range.since ? Prisma.sql`AND x.at >= (${range.since.toISOString()}::timestamptz AT TIME ZONE 'UTC')` : Prisma.empty;
  const goalTeam = teamId ? Prisma.sql`AND g."teamId" = ${teamId}` : Prisma.empty;

  const [people, completed, contributed, habits, teammates] = await Promise.all([
    db.$queryRaw<PersonRow[]>`
      SELECT ms."userId", COALESCE(u.name, u.email) AS name, ms."leaderboardOptOut" AS "optedOut"
      FROM "Membership" ms JOIN "User" u ON u.id = ms."userId"
      WHERE ms."tenantId" = ${tenant.id} AND ms."userId" IN (${scope})`,
    db.$queryRaw<CountRow[]>`
      SELECT x."userId", count(*)::int AS value
      FROM (SELECT g."completedById" AS "userId", g."completedAt" AS at FROM "Goal" g
            WHERE g."tenantId" = ${tenant.id} AND g."completedAt" IS NOT NULL AND g."completedById" IS NOT NULL ${goalTeam}) x
      WHERE x."userId" IN (${scope}) ${since}
      GROUP BY x."userId"`,
    db.$queryRaw<CountRow[]>`
      SELECT x."userId", sum(x.delta)::int AS value
      FROM (SELECT e."userId", e.delta, e."createdAt" AS at FROM "GoalProgressEntry" e JOIN "Goal" g ON g.id = e."goalId"
            WHERE e."tenantId" = ${tenant.id} AND g."teamId" IS NOT NULL ${goalTeam}) x
      WHERE x."userId" IN (${scope}) ${since}
      GROUP BY x."userId"`,
    db.$queryRaw<HabitRow[]>`
      SELECT h.id, h."userId", h.name, h.private, h.schedule, h."scheduleDays", h."timesPerWeek", h."createdAt", logs.dates
      FROM "Habit" h
      -- Each habit's dates straight from the (habitId, date) index, in order.
      CROSS JOIN LATERAL (SELECT COALESCE(array_agg(to_char(l.date, 'YYYY-MM-DD') ORDER BY l.date), '{}') AS dates FROM "HabitLog" l WHERE l."habitId" = h.id) logs
      WHERE h."tenantId" = ${tenant.id} AND h."archivedAt" IS NULL AND h."userId" IN (${scope})`,
    db.$queryRaw<{ userId: string }[]>`
      SELECT DISTINCT b."userId" FROM "TeamMember" a JOIN "TeamMember" b ON b."teamId" = a."teamId"
      WHERE a."tenantId" = ${tenant.id} AND a."userId" = ${viewerId}`,
  ]);

  const goals = new Map(completed.map((row) => [row.userId, row.value]));
  const contributions = new Map(contributed.map((row) => [row.userId, row.value]));
  // Whose non-private habits the viewer may see named: their own and their teammates'.
  const mayName = new Set([viewerId, ...teammates.map((row) => row.userId)]);
  const occurrences = new Map<string, Occurrences>();
  const streaks = new Map<string, BestStreak>();
  for (const habit of habits) {
    const rule: HabitRule = { schedule: habit.schedule, scheduleDays: habit.scheduleDays, timesPerWeek: habit.timesPerWeek };
    const createdOn = localDateIn(zone, habit.createdAt);
    const counted = habitOccurrences(rule, createdOn, habit.dates, range.from, range.today);
    occurrences.set(habit.userId, addOccurrences(occurrences.get(habit.userId) ?? { scheduled: 0, done: 0 }, counted));
    const { current, unit } = computeStreaks(rule, habit.dates, range.today);
    const best = streaks.get(habit.userId);
    const habitName = !habit.private && mayName.has(habit.userId) ? habit.name : null;
    // On a tie, a habit that may be named wins over one that may not.
    if (!best || current > best.current || (current === best.current && best.habitName === null && habitName !== null)) {
      streaks.set(habit.userId, { current, unit, habitName });
    }
  }

  return people.map((person) => {
    const total = occurrences.get(person.userId);
    return {
      userId: person.userId,
      name: person.name,
      optedOut: person.optedOut,
      goalsCompleted: goals.get(person.userId) ?? 0,
      contribution: contributions.get(person.userId) ?? 0,
      consistency: total ? consistencyOf(total) : null,
      streak: streaks.get(person.userId) ?? null,
    };
  });
}

/** The workspace's or a team's boards as `member` sees them (403 when leaderboards are off, 404 for a hidden team). */
export async function getLeaderboard(tenant: TenantContext, member: Member, input: LeaderboardQuery, now: Date = new Date()): Promise<Leaderboard> {
  const query = leaderboardQuerySchema.parse(input);
  if (!(await leaderboardsEnabled(tenant.id))) throw leaderboardsDisabled();
  let scope: Leaderboard['scope'] = { kind: 'workspace' };
  if (query.teamId) {
    const { team } = await loadTeamForViewer(tenantDb(tenant.id), tenant, member, query.teamId);
    scope = { kind: 'team', teamId: team.id, name: team.name };
  }
  const figures = await memberFigures(tenant, member.userId, scope.kind === 'team' ? scope.teamId : null, query.period, now);
  const range = periodRange(query.period, tenant.timeZone, now);
  const boards = Object.fromEntries(METRICS.map((metric) => [metric, buildBoard(figures, member.userId, metric, BOARD_LIMIT)])) as Record<Metric, Board>;
  return {
    scope,
    period: query.period,
    from: range.from,
    today: range.today,
    memberCount: figures.filter((row) => !row.optedOut).length,
    viewerOptedOut: figures.some((row) => row.userId === member.userId && row.optedOut),
    boards,
  };
}
