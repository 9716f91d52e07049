import type { Member } from '../auth/session.ts';
import type { Prisma } from '../db/generated/client.ts';
import { tenantDb, type TenantDb, type TenantTx } from '../db/tenant-db.ts';
import { insightDataSchemas, type InsightItem, type InsightKind, type InsightSubjectType } from './insight-types.ts';

// What a member may read of the insights: their own (userId) and their teams' (teamId), still
// active and not dismissed by them. A team's insights are seen by the team's members, as its
// goals are in every list (lib/goals/goal-visibility.ts). Subjects are named at read time, so
// a renamed habit reads with its new name, and an insight whose subject is gone (a deleted or
// archived habit, a completed goal) is left out.

export type InsightReader = Pick<Member, 'userId'>;

/** The insights the member may see, as a filter on Insight rows (their teams' ids given). */
export function visibleInsightsWhere(member: InsightReader, teamIds: readonly string[], now: Date): Prisma.InsightWhereInput {
  return {
    expiresAt: { gt: now },
    OR: [{ userId: member.userId }, { teamId: { in: [...teamIds] } }],
    dismissals: { none: { userId: member.userId } },
  };
}

async function teamIdsOf(scoped: TenantDb | TenantTx, userId: string): Promise<string[]> {
  const rows = await scoped.teamMember.findMany({ where: { userId }, select: { teamId: true } });
  return rows.map((row) => row.teamId);
}

interface SubjectNames {
  habits: Map<string, string>;
  goals: Map<string, { title: string; teamId: string | null }>;
  milestones: Map<string, { title: string; goalId: string }>;
  teams: Map<string, string>;
}

/** The names of the rows insights are about, each only as far as the reader may see it. */
async function subjectNames(scoped: TenantDb, member: InsightReader, teamIds: readonly string[], ids: Record<InsightSubjectType, string[]>, goalIds: string[]): Promise<SubjectNames> {
  const goalWhere: Prisma.GoalWhereInput = { status: 'active', OR: [{ teamId: null, ownerId: member.userId }, { teamId: { in: [...teamIds] } }] };
  const [habits, milestones, teams] = await Promise.all([
    // Habits are personal: a member's insight names only their own habits.
    scoped.habit.findMany({ where: { id: { in: ids.habit }, userId: member.userId, archivedAt: null }, select: { id: true, name: true } }),
    scoped.milestone.findMany({ where: { id: { in: ids.milestone }, completedAt: null, goal: goalWhere }, select: { id: true, title: true, goalId: true } }),
    scoped.team.findMany({ where: { id: { in: [...new Set([...ids.team, ...teamIds])] } }, select: { id: true, name: true } }),
  ]);
  const goals = await scoped.goal.findMany({
    where: { id: { in: [...new Set([...ids.goal, ...goalIds, ...milestones.map((m) => m.goalId)])] }, ...goalWhere },
    select: { id: true, title: true, teamId: true },
  });
  return {
    habits: new Map(habits.map((h) => [h.id, h.name])),
    goals: new Map(goals.map((g) => [g.id, { title: g.title, teamId: g.teamId }])),
    milestones: new Map(milestones.map((m) => [m.id, { title: m.title, goalId: m.goalId }])),
    teams: new Map(teams.map((t) => [t.id, t.name])),
  };
}

type InsightRow = Prisma.InsightGetPayload<{ select: typeof insightSelect }>;

const insightSelect = {
  id: true,
  userId: true,
  teamId: true,
  kind: true,
  subjectType: true,
  subjectId: true,
  data: true,
  createdAt: true,
  updatedAt: true,
  expiresAt: true,
} as const satisfies Prisma.InsightSelect;

function toItem(row: InsightRow, names: SubjectNames): InsightItem | null {
  const kind = row.kind as InsightKind;
  const schema = insightDataSchemas[kind];
  if (!schema) return null;
  const parsed = schema.safeParse(row.data);
  if (!parsed.success) return null;

  let subjectName: string | undefined;
  let goal: InsightItem['goal'] = null;
  let teamId = row.teamId;
  switch (row.subjectType as InsightSubjectType) {
    case 'habit':
      subjectName = names.habits.get(row.subjectId);
      break;
    case 'goal': {
      const found = names.goals.get(row.subjectId);
      subjectName = found?.title;
      teamId ??= found?.teamId ?? null;
      break;
    }
    case 'milestone': {
      const milestone = names.milestones.get(row.subjectId);
      const parent = milestone ? names.goals.get(milestone.goalId) : undefined;
      if (!milestone || !parent) return null;
      subjectName = milestone.title;
      goal = { id: milestone.goalId, title: parent.title };
      teamId ??= parent.teamId;
      break;
    }
    case 'team':
      subjectName = names.teams.get(row.subjectId);
      break;
  }
  if (subjectName === undefined) return null;

  return {
    id: row.id,
    kind,
    scope: row.teamId ? 'team' : 'member',
    teamId: row.teamId,
    teamName: teamId ? (names.teams.get(teamId) ?? null) : null,
    subject: { type: row.subjectType as InsightSubjectType, id: row.subjectId, name: subjectName },
    goal,
    data: parsed.data,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    expiresAt: row.expiresAt,
  } as InsightItem;
}

const KIND_ORDER: Record<InsightKind, number> = {
  streak_at_risk: 0,
  milestone_due_soon: 1,
  goal_at_risk: 2,
  team_momentum: 3,
  worst_weekday: 4,
  best_weekday: 5,
};

/**
 * The member's active, not dismissed insights and their teams', most pressing first (streaks
 * at risk today, then what is due, then the weekly patterns), newest first within a kind.
 * `tenant` is the workspace (a TenantContext fits); every read is scoped to it.
 */
export async function listInsights(tenant: { id: string }, member: InsightReader, options: { now?: Date; limit?: number } = {}): Promise<InsightItem[]> {
  const now = options.now ?? new Date();
  const scoped = tenantDb(tenant.id);
  const teamIds = await teamIdsOf(scoped, member.userId);
  const rows = await scoped.insight.findMany({
    where: visibleInsightsWhere(member, teamIds, now),
    select: insightSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: 200,
  });
  const ids: Record<InsightSubjectType, string[]> = { habit: [], goal: [], milestone: [], team: [] };
  const goalIds: string[] = [];
  for (const row of rows) {
    ids[row.subjectType as InsightSubjectType]?.push(row.subjectId);
    const goalId = (row.data as { goalId?: unknown } | null)?.goalId;
    if (typeof goalId === 'string') goalIds.push(goalId);
  }
  const names = await subjectNames(scoped, member, teamIds, ids, goalIds);
  const items = rows.map((row) => toItem(row, names)).filter((item): item is InsightItem => item !== null);
  items.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return options.limit === undefined ? items : items.slice(0, options.limit);
}

/** One insight the member may see (for dismissing it), or null: another member's or team's is as missing. */
export async function findVisibleInsight(scoped: TenantDb | TenantTx, member: InsightReader, insightId: string): Promise<{ id: string } | null> {
  const teamIds = await teamIdsOf(scoped, member.userId);
  return scoped.insight.findFirst({ where: { id: insightId, OR: [{ userId: member.userId }, { teamId: { in: teamIds } }] }, select: { id: true } });
}
