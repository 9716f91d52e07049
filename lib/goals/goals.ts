import type { Member } from '../auth/session.ts';
import { term } from '../branding/terminology.ts';
import type { Prisma } from '../db/generated/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { emitEvent } from '../events/domain-events.ts';
import { forbidden, parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import { loadTeamForViewer } from '../teams/team-access.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { addDays, formatDateOnly, parseDateOnly } from './dates.ts';
import { assertCanEdit, assertNotArchived, loadGoalForViewer, lockGoal } from './goal-access.ts';
import { changeGoal } from './goal-mutation.ts';
import { moveProgress } from './goal-progress.ts';
import { createGoalSchema, goalListQuerySchema, goalSearchSchema, updateGoalSchema, type GoalDetail, type GoalDueFilter, type GoalPage, type GoalSort, type GoalSummary } from './goal-schema.ts';
import { goalSummarySelect, readGoalDetail, toGoalSummary } from './goal-view.ts';
import { memberTeamIds, visibleGoalsWhere } from './goal-visibility.ts';
import { progressFor } from './measured-progress.ts';
import { goalAudience } from '../realtime/audience.ts';

// Goals: list, read, create, edit, delete. Status changes are in goal-status.ts, progress
// in goal-progress.ts, measurements in goal-measurements.ts, assignees and milestones in their own files.

const LIST_LIMIT = 200;

/** Goals the member can see: their personal goals and their teams' goals (admins: any one team's). */
export async function listGoals(tenant: TenantContext, member: Member, input: unknown = {}): Promise<GoalSummary[]> {
  const query = parseInput(goalListQuerySchema, input);
  const scoped = tenantDb(tenant.id);
  let where: Prisma.GoalWhereInput;
  if (query.teamId) {
    const { access } = await loadTeamForViewer(scoped, tenant, member, query.teamId);
    if (!access.canSeeGoals) throw forbidden(`Join this ${term(tenant.branding.terminology, 'team')} to see its ${term(tenant.branding.terminology, 'goals')}.`);
    where = { teamId: query.teamId };
  } else {
    where = visibleGoalsWhere(member, query.scope ?? 'all', await memberTeamIds(scoped, member));
  }
  const rows = await scoped.goal.findMany({
    where: query.status ? { AND: [where, { status: query.status }] } : where,
    orderBy: [{ targetDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'desc' }],
    take: LIST_LIMIT,
    select: goalSummarySelect,
  });
  return rows.map(toGoalSummary);
}

const GOAL_ORDER: Record<GoalSort, Prisma.GoalOrderByWithRelationInput[]> = {
  due: [{ targetDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'desc' }],
  newest: [{ createdAt: 'desc' }],
  oldest: [{ createdAt: 'asc' }],
  title: [{ title: 'asc' }],
  progress: [{ progress: 'desc' }, { createdAt: 'desc' }],
  updated: [{ updatedAt: 'desc' }],
};

/** Goal dates are UTC calendar dates (dates.ts), so "today" is the UTC day. */
function dueWhere(due: GoalDueFilter, now: Date): Prisma.GoalWhereInput {
  const today = parseDateOnly(formatDateOnly(now))!;
  if (due === 'none') return { targetDate: null };
  if (due === 'overdue') return { status: 'active', targetDate: { lt: today } };
  return { targetDate: { gte: today, lt: addDays(today, due === 'week' ? 7 : 30) } };
}

/**
 * One page of the goals the member can see (listGoals' visibility rules), narrowed by status,
 * team, scope, words, assignee and due window, in the chosen order. Always tenant-scoped.
 */
export async function searchGoals(tenant: TenantContext, member: Member, input: unknown = {}, now: Date = new Date()): Promise<GoalPage> {
  const query = parseInput(goalSearchSchema, input);
  const scoped = tenantDb(tenant.id);
  const and: Prisma.GoalWhereInput[] = [];
  if (query.teamId) {
    const { access } = await loadTeamForViewer(scoped, tenant, member, query.teamId);
    if (!access.canSeeGoals) throw forbidden(`Join this ${term(tenant.branding.terminology, 'team')} to see its ${term(tenant.branding.terminology, 'goals')}.`);
    and.push({ teamId: query.teamId });
  } else {
    and.push(visibleGoalsWhere(member, query.scope, await memberTeamIds(scoped, member)));
  }
  if (query.status) and.push({ status: query.status });
  if (query.q) and.push({ OR: [{ title: { contains: query.q, mode: 'insensitive' } }, { description: { contains: query.q, mode: 'insensitive' } }] });
  if (query.assignee) {
    const userId = query.assignee === 'me' ? member.userId : query.assignee;
    and.push({ OR: [{ assignees: { some: { userId } } }, { teamId: null, ownerId: userId }] });
  }
  if (query.due) and.push(dueWhere(query.due, now));
  const where: Prisma.GoalWhereInput = { AND: and };
  const [total, rows] = await Promise.all([
    scoped.goal.count({ where }),
    scoped.goal.findMany({
      where,
      // The id last, so equal keys keep one order from page to page.
      orderBy: [...GOAL_ORDER[query.sort], { id: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: goalSummarySelect,
    }),
  ]);
  return { goals: rows.map(toGoalSummary), total, page: query.page, pageSize: query.pageSize, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}

export async function getGoal(tenant: TenantContext, member: Member, goalId: string): Promise<GoalDetail> {
  return readGoalDetail(tenantDb(tenant.id), tenant, member, goalId);
}

/**
 * A personal goal, or a team goal for a team the member belongs to (admins: any team they
 * can see). The creator of a team goal who is in the team becomes its lead assignee, so
 * they can go on editing what they made.
 */
export async function createGoal(tenant: TenantContext, member: Member, input: unknown): Promise<GoalDetail> {
  assertCan(member.role, 'goals.write');
  const data = parseInput(createGoalSchema, input);
  if (data.unit && (data.targetValue ?? null) === null) throw unitWithoutTarget();
  return tenantDb(tenant.id).$transaction(async (tx) => {
    const teamId = data.teamId ?? null;
    let creatorInTeam = false;
    if (teamId) {
      const { teamRole, access } = await loadTeamForViewer(tx, tenant, member, teamId);
      if (!access.canSeeGoals) throw forbidden(`Join this ${term(tenant.branding.terminology, 'team')} to add ${term(tenant.branding.terminology, 'goals')} to it.`);
      creatorInTeam = teamRole !== null;
    }
    const goal = await tx.goal.create({
      data: {
        tenantId: tenant.id,
        ownerId: member.userId,
        teamId,
        title: data.title,
        description: data.description ?? null,
        targetDate: data.targetDate ? parseDateOnly(data.targetDate) : null,
        targetValue: data.targetValue ?? null,
        unit: data.unit ?? null,
      },
      select: { id: true, title: true },
    });
    if (creatorInTeam) await tx.goalAssignee.create({ data: { tenantId: tenant.id, goalId: goal.id, userId: member.userId, role: 'lead' } });
    await emitEvent(tx, tenant.id, 'goal.created', { goalId: goal.id, title: goal.title, ownerId: member.userId, teamId }, member.userId, goalAudience({ teamId, ownerId: member.userId }));
    return readGoalDetail(tx, tenant, member, goal.id);
  });
}

/** A unit says what the target counts: without a target it means nothing. */
const unitWithoutTarget = () => validationFailed({ unit: 'Set a target to give it a unit.' });

const EDITABLE = ['title', 'description', 'targetDate', 'targetValue', 'unit'] as const;

/**
 * Title, description, target date, and a measurable goal's target and unit; goal.updated carries
 * each changed field's from and to. Clearing the target clears the unit. A new target moves an
 * active goal's progress to what its measurements reach (goal-progress.ts); a completed goal
 * keeps its 100%.
 */
export async function updateGoal(tenant: TenantContext, member: Member, goalId: string, input: unknown): Promise<GoalDetail> {
  assertCan(member.role, 'goals.write');
  const data = parseInput(updateGoalSchema, input);
  return changeGoal(tenant, member, goalId, async (tx, loaded) => {
    assertCanEdit(tenant, loaded);
    assertNotArchived(tenant, loaded);
    const before = await tx.goal.findUniqueOrThrow({
      where: { id: goalId },
      select: { title: true, description: true, targetDate: true, targetValue: true, unit: true, currentValue: true },
    });
    const current = {
      title: before.title,
      description: before.description,
      targetDate: before.targetDate ? formatDateOnly(before.targetDate) : null,
      targetValue: before.targetValue,
      unit: before.unit,
    };
    const next = { ...current };
    for (const key of EDITABLE) if (data[key] !== undefined) Object.assign(next, { [key]: data[key] });
    if (next.targetValue === null && next.unit !== null) {
      if (data.unit) throw unitWithoutTarget();
      next.unit = null;
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of EDITABLE) if (next[key] !== current[key]) changes[key] = { from: current[key], to: next[key] };
    if (Object.keys(changes).length === 0) return;
    await tx.goal.update({
      where: { id: goalId },
      data: {
        title: next.title,
        description: next.description,
        targetDate: next.targetDate ? parseDateOnly(next.targetDate) : null,
        targetValue: next.targetValue,
        unit: next.unit,
      },
    });
    if (changes.targetValue && next.targetValue !== null && loaded.goal.status === 'active') {
      const progress = await moveProgress(tx, tenant.id, member.userId, loaded.goal, progressFor(before.currentValue, next.targetValue), null);
      if (progress) changes.progress = progress;
    }
    await emitEvent(tx, tenant.id, 'goal.updated', { goalId, changes }, member.userId, goalAudience(loaded.goal));
  });
}

/** The owner of a personal goal, or an editor of a team goal, deletes it with its history. */
export async function deleteGoal(tenant: TenantContext, member: Member, goalId: string): Promise<void> {
  assertCan(member.role, 'goals.write');
  await tenantDb(tenant.id).$transaction(async (tx) => {
    await lockGoal(tx, tenant, goalId);
    const loaded = await loadGoalForViewer(tx, tenant, member, goalId);
    assertCanEdit(tenant, loaded);
    await tx.goal.delete({ where: { id: goalId } });
    await emitEvent(tx, tenant.id, 'goal.deleted', { goalId, title: loaded.goal.title }, member.userId, goalAudience(loaded.goal));
  });
}
