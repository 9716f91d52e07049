import type { Member } from '../auth/session.ts';
import { term } from '../branding/terminology.ts';
import { emitEvent } from '../events/domain-events.ts';
import { conflict, notFound, parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { assertCanEdit, assertNotArchived, type LoadedGoal } from './goal-access.ts';
import { changeGoal } from './goal-mutation.ts';
import { addAssigneeSchema, changeAssigneeSchema, type GoalDetail } from './goal-schema.ts';
import { goalAudience } from '../realtime/audience.ts';

// Assignees of team goals: members of the goal's team, as lead (may edit the goal) or
// contributor (may log progress). The goal's editors manage them; anyone may unassign
// themselves.

function teamGoalOnly(tenant: TenantContext, { goal }: LoadedGoal): string {
  if (!goal.teamId) throw conflict(`Personal ${term(tenant.branding.terminology, 'goals')} have no assignees.`);
  return goal.teamId;
}

export async function addAssignee(tenant: TenantContext, member: Member, goalId: string, input: unknown): Promise<GoalDetail> {
  assertCan(member.role, 'goals.write');
  const data = parseInput(addAssigneeSchema, input);
  return changeGoal(tenant, member, goalId, async (tx, loaded) => {
    assertCanEdit(tenant, loaded);
    assertNotArchived(tenant, loaded);
    const teamId = teamGoalOnly(tenant, loaded);
    const inTeam = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId: data.userId } }, select: { id: true } });
    if (!inTeam) throw validationFailed({ userId: `Choose a member of this ${term(tenant.branding.terminology, 'team')}.` });
    const existing = await tx.goalAssignee.findUnique({ where: { goalId_userId: { goalId, userId: data.userId } }, select: { id: true } });
    if (existing) throw conflict('This person is already assigned.', { userId: 'Already assigned.' });
    await tx.goalAssignee.create({ data: { tenantId: tenant.id, goalId, userId: data.userId, role: data.role } });
    await emitEvent(tx, tenant.id, 'goal.updated', { goalId, changes: { assignees: { added: { userId: data.userId, role: data.role } } } }, member.userId, goalAudience(loaded.goal));
  });
}

export async function changeAssigneeRole(tenant: TenantContext, member: Member, goalId: string, userId: string, input: unknown): Promise<GoalDetail> {
  assertCan(member.role, 'goals.write');
  const data = parseInput(changeAssigneeSchema, input);
  return changeGoal(tenant, member, goalId, async (tx, loaded) => {
    assertCanEdit(tenant, loaded);
    assertNotArchived(tenant, loaded);
    teamGoalOnly(tenant, loaded);
    const current = await tx.goalAssignee.findUnique({ where: { goalId_userId: { goalId, userId } }, select: { role: true } });
    if (!current) throw notFound('This person is not assigned.');
    if (current.role === data.role) return;
    await tx.goalAssignee.update({ where: { goalId_userId: { goalId, userId } }, data: { role: data.role } });
    await emitEvent(tx, tenant.id, 'goal.updated', { goalId, changes: { assignees: { changed: { userId, from: current.role, to: data.role } } } }, member.userId, goalAudience(loaded.goal));
  });
}

export async function removeAssignee(tenant: TenantContext, member: Member, goalId: string, userId: string): Promise<GoalDetail> {
  return changeGoal(tenant, member, goalId, async (tx, loaded) => {
    if (userId !== member.userId) assertCanEdit(tenant, loaded);
    assertNotArchived(tenant, loaded);
    teamGoalOnly(tenant, loaded);
    const removed = await tx.goalAssignee.deleteMany({ where: { goalId, userId } });
    if (removed.count === 0) throw notFound('This person is not assigned.');
    await emitEvent(tx, tenant.id, 'goal.updated', { goalId, changes: { assignees: { removed: { userId } } } }, member.userId, goalAudience(loaded.goal));
  });
}
