import type { Member } from '../auth/session.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { TenantTx } from '../teams/team-access.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { contributions } from './contributions.ts';
import { formatDateOnly } from './dates.ts';
import { loadGoalForViewer } from './goal-access.ts';
import type { GoalDetail, GoalSummary, MilestoneView } from './goal-schema.ts';

// Database rows → the response shapes in goal-schema.ts.

const userName = { select: { name: true, email: true } } as const;

function nameOf(user: { name: string | null; email: string }): string {
  return user.name ?? user.email;
}

export const goalSummarySelect = {
  id: true,
  title: true,
  description: true,
  targetDate: true,
  status: true,
  progress: true,
  targetValue: true,
  unit: true,
  currentValue: true,
  teamId: true,
  ownerId: true,
  completedAt: true,
  completedById: true,
  createdAt: true,
  updatedAt: true,
  team: { select: { name: true } },
  owner: userName,
  completedBy: userName,
  milestones: { select: { completedAt: true } },
  assignees: { orderBy: { createdAt: 'asc' }, select: { userId: true, role: true, user: userName } },
} satisfies Prisma.GoalSelect;

type SummaryRow = Prisma.GoalGetPayload<{ select: typeof goalSummarySelect }>;

export function toGoalSummary(row: SummaryRow): GoalSummary {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    targetDate: row.targetDate ? formatDateOnly(row.targetDate) : null,
    status: row.status,
    progress: row.progress,
    targetValue: row.targetValue,
    unit: row.unit,
    currentValue: row.currentValue,
    teamId: row.teamId,
    teamName: row.team?.name ?? null,
    ownerId: row.ownerId,
    ownerName: nameOf(row.owner),
    completedAt: row.completedAt?.toISOString() ?? null,
    completedById: row.completedById,
    completedByName: row.completedBy ? nameOf(row.completedBy) : null,
    milestones: { completed: row.milestones.filter((m) => m.completedAt !== null).length, total: row.milestones.length },
    assignees: row.assignees.map((a) => ({ userId: a.userId, name: nameOf(a.user), role: a.role })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toMilestoneView(row: { id: string; title: string; dueDate: Date | null; position: number; completedAt: Date | null }): MilestoneView {
  return {
    id: row.id,
    title: row.title,
    dueDate: row.dueDate ? formatDateOnly(row.dueDate) : null,
    position: row.position,
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** Each member's summed deltas, named: what contributions() splits into shares. */
export async function contributionsOf(tx: TenantTx, goalId: string) {
  const sums = await tx.goalProgressEntry.groupBy({ by: ['userId'], where: { goalId }, _sum: { delta: true } });
  const names = await tx.goalProgressEntry.findMany({
    where: { goalId, userId: { in: sums.map((s) => s.userId) } },
    distinct: ['userId'],
    select: { userId: true, user: userName },
  });
  const nameById = new Map(names.map((n) => [n.userId, nameOf(n.user)]));
  return contributions({ progressLog: sums.map((s) => ({ userId: s.userId, name: nameById.get(s.userId) ?? s.userId, delta: s._sum.delta ?? 0 })) });
}

const RECENT_PROGRESS = 20;
/** Points on the progress chart: the latest changes (the running total still counts every one). */
const HISTORY_POINTS = 200;

/**
 * Progress after each change, oldest first, starting at 0 when the goal was made. Deltas are
 * what setGoalProgress recorded, so their running sum is the progress at that moment.
 */
export async function progressHistoryOf(tx: TenantTx, goalId: string, createdAt: Date): Promise<{ at: string; progress: number }[]> {
  const entries = await tx.goalProgressEntry.findMany({ where: { goalId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { delta: true, createdAt: true } });
  let running = 0;
  const points = entries.map((entry) => {
    running += entry.delta;
    return { at: entry.createdAt.toISOString(), progress: Math.max(0, Math.min(100, running)) };
  });
  const recent = points.slice(-HISTORY_POINTS);
  if (recent.length < points.length) return recent;
  // 0 when the goal was made, or just before its first change when that is dated earlier
  // (imported history): the points stay oldest first.
  const firstAt = entries[0]?.createdAt;
  const start = firstAt && firstAt < createdAt ? firstAt : createdAt;
  return [{ at: start.toISOString(), progress: 0 }, ...recent];
}

/** The goal with everything its page shows, as the viewer may see it (404 when hidden). */
export async function readGoalDetail(tx: TenantTx, tenant: TenantContext, member: Member, goalId: string): Promise<GoalDetail> {
  const { goal, access } = await loadGoalForViewer(tx, tenant, member, goalId);
  // One query after another: inside a transaction they share a single connection.
  const row = await tx.goal.findUniqueOrThrow({
    where: { id: goalId },
    select: {
      ...goalSummarySelect,
      milestones: { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { id: true, title: true, dueDate: true, position: true, completedAt: true } },
      progressLog: {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: RECENT_PROGRESS,
        select: { id: true, userId: true, delta: true, note: true, createdAt: true, user: userName },
      },
    },
  });
  const shares = await contributionsOf(tx, goalId);
  const history = await progressHistoryOf(tx, goalId, new Date(row.createdAt));
  const assignable =
    goal.teamId && access.canEdit
      ? await tx.teamMember.findMany({
          where: { teamId: goal.teamId, user: { goalAssignments: { none: { goalId } } } },
          orderBy: { createdAt: 'asc' },
          select: { userId: true, user: userName },
        })
      : [];
  return {
    ...toGoalSummary(row),
    milestoneList: row.milestones.map(toMilestoneView),
    contributions: shares,
    recentProgress: row.progressLog.map((e) => ({ id: e.id, userId: e.userId, name: nameOf(e.user), delta: e.delta, note: e.note, createdAt: e.createdAt.toISOString() })),
    progressHistory: history,
    access,
    assignableMembers: assignable.map((m) => ({ userId: m.userId, name: nameOf(m.user) })),
  };
}
