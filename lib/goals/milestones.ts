import type { Member } from '../auth/session.ts';
import { term } from '../branding/terminology.ts';
import { emitEvent } from '../events/domain-events.ts';
import { conflict, forbidden, notFound, parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantTx } from '../teams/team-access.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { formatDateOnly, parseDateOnly } from './dates.ts';
import { assertCanEdit, assertNotArchived } from './goal-access.ts';
import { changeGoal } from './goal-mutation.ts';
import type { GoalDetail } from './goal-schema.ts';
import { createMilestoneSchema, reorderMilestonesSchema, updateMilestoneSchema } from './milestone-schema.ts';
import { goalAudience } from '../realtime/audience.ts';

// Ordered checklists on goals. Editors add, rename, remove and reorder them; whoever may
// log progress may also tick them off. Ticking a milestone never changes the goal's
// progress: progress stays an explicit number, and the page shows "3 of 5 milestones".

export const MAX_MILESTONES = 500;

async function findMilestone(tx: TenantTx, goalId: string, milestoneId: string) {
  const milestone = await tx.milestone.findFirst({ where: { id: milestoneId, goalId } });
  if (!milestone) throw notFound('No such milestone.');
  return milestone;
}

export async function addMilestone(tenant: TenantContext, member: Member, goalId: string, input: unknown): Promise<GoalDetail> {
  assertCan(member.role, 'goals.write');
  const data = parseInput(createMilestoneSchema, input);
  return changeGoal(tenant, member, goalId, async (tx, loaded) => {
    assertCanEdit(tenant, loaded);
    assertNotArchived(tenant, loaded);
    const { _max, _count } = await tx.milestone.aggregate({ where: { goalId }, _max: { position: true }, _count: { _all: true } });
    if (_count._all >= MAX_MILESTONES) throw conflict(`A ${term(tenant.branding.terminology, 'goal')} has at most ${MAX_MILESTONES} milestones.`);
    const milestone = await tx.milestone.create({
      data: {
        tenantId: tenant.id,
        goalId,
        title: data.title,
        dueDate: data.dueDate ? parseDateOnly(data.dueDate) : null,
        position: (_max.position ?? -1) + 1,
      },
      select: { id: true, title: true },
    });
    await emitEvent(tx, tenant.id, 'goal.updated', { goalId, changes: { milestones: { added: milestone } } }, member.userId, goalAudience(loaded.goal));
  });
}

/** Rename, re-date, or tick off / untick one milestone. */
export async function updateMilestone(tenant: TenantContext, member: Member, goalId: string, milestoneId: string, input: unknown): Promise<GoalDetail> {
  assertCan(member.role, 'goals.write');
  const data = parseInput(updateMilestoneSchema, input);
  return changeGoal(tenant, member, goalId, async (tx, loaded) => {
    const editsDetails = data.title !== undefined || data.dueDate !== undefined;
    if (editsDetails) assertCanEdit(tenant, loaded);
    else if (!loaded.access.canEdit && !loaded.access.canLogProgress) throw forbidden(`Only people working on this ${term(tenant.branding.terminology, 'goal')} can tick off its milestones.`);
    assertNotArchived(tenant, loaded);
    const milestone = await findMilestone(tx, goalId, milestoneId);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const dueBefore = milestone.dueDate ? formatDateOnly(milestone.dueDate) : null;
    if (data.title !== undefined && data.title !== milestone.title) changes.title = { from: milestone.title, to: data.title };
    if (data.dueDate !== undefined && data.dueDate !== dueBefore) changes.dueDate = { from: dueBefore, to: data.dueDate };
    if (data.completed !== undefined && data.completed !== (milestone.completedAt !== null)) changes.completed = { from: !data.completed, to: data.completed };
    if (Object.keys(changes).length === 0) return;
    await tx.milestone.update({
      where: { id: milestoneId },
      data: {
        title: changes.title ? data.title : undefined,
        dueDate: changes.dueDate ? (data.dueDate ? parseDateOnly(data.dueDate) : null) : undefined,
        completedAt: changes.completed ? (data.completed ? new Date() : null) : undefined,
      },
    });
    await emitEvent(tx, tenant.id, 'goal.updated', { goalId, changes: { milestones: { changed: { id: milestoneId, ...changes } } } }, member.userId, goalAudience(loaded.goal));
  });
}

export async function removeMilestone(tenant: TenantContext, member: Member, goalId: string, milestoneId: string): Promise<GoalDetail> {
  return changeGoal(tenant, member, goalId, async (tx, loaded) => {
    assertCanEdit(tenant, loaded);
    assertNotArchived(tenant, loaded);
    const milestone = await findMilestone(tx, goalId, milestoneId);
    await tx.milestone.delete({ where: { id: milestone.id } });
    await emitEvent(tx, tenant.id, 'goal.updated', { goalId, changes: { milestones: { removed: { id: milestone.id, title: milestone.title } } } }, member.userId, goalAudience(loaded.goal));
  });
}

/** Takes every milestone of the goal, each once, in the new order. */
export async function reorderMilestones(tenant: TenantContext, member: Member, goalId: string, input: unknown): Promise<GoalDetail> {
  assertCan(member.role, 'goals.write');
  const { ids } = parseInput(reorderMilestonesSchema, input);
  return changeGoal(tenant, member, goalId, async (tx, loaded) => {
    assertCanEdit(tenant, loaded);
    assertNotArchived(tenant, loaded);
    const existing = await tx.milestone.findMany({ where: { goalId }, select: { id: true } });
    const known = new Set(existing.map((m) => m.id));
    if (ids.length !== known.size || ids.some((id) => !known.has(id))) {
      throw validationFailed({ ids: `Send every milestone of this ${term(tenant.branding.terminology, 'goal')} exactly once.` });
    }
    for (const [position, id] of ids.entries()) await tx.milestone.update({ where: { id }, data: { position } });
    await emitEvent(tx, tenant.id, 'goal.updated', { goalId, changes: { milestones: { order: ids } } }, member.userId, goalAudience(loaded.goal));
  });
}
