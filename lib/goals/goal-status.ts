import type { Member } from '../auth/session.ts';
import { term } from '../branding/terminology.ts';
import type { GoalStatus } from '../db/generated/enums.ts';
import { emitEvent } from '../events/domain-events.ts';
import { conflict } from '../http/problem.ts';
import type { TenantTx } from '../teams/team-access.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { assertCanEdit, type LoadedGoal } from './goal-access.ts';
import { changeGoal } from './goal-mutation.ts';
import type { GoalDetail } from './goal-schema.ts';
import { goalAudience } from '../realtime/audience.ts';

// active → completed (complete) → active (reopen); active or completed → archived
// (archive) → back to where it was (unarchive). All by the goal's editors.

/**
 * Sets status completed and progress 100. The rest of the way to 100 is written as the
 * completer's progress entry, so Goal.progress stays the sum of all deltas.
 */
export async function completeGoal(tenant: TenantContext, member: Member, goalId: string): Promise<GoalDetail> {
  return changeGoal(tenant, member, goalId, async (tx, loaded) => {
    assertCanEdit(tenant, loaded);
    const { goal } = loaded;
    if (goal.status !== 'active') throw conflict(`Only an active ${term(tenant.branding.terminology, 'goal')} can be completed; this one is ${goal.status}.`);
    const completedAt = new Date();
    const remaining = 100 - goal.progress;
    if (remaining !== 0) await tx.goalProgressEntry.create({ data: { tenantId: tenant.id, goalId, userId: member.userId, delta: remaining, note: null } });
    await tx.goal.update({ where: { id: goalId }, data: { status: 'completed', progress: 100, completedAt, completedById: member.userId } });
    await emitEvent(tx, tenant.id, 'goal.completed', { goalId, title: goal.title, completedById: member.userId, completedAt: completedAt.toISOString() }, member.userId, goalAudience(goal));
  });
}

/** Back to active; the completion's progress entry stays, so progress stays where it was. */
export async function reopenGoal(tenant: TenantContext, member: Member, goalId: string): Promise<GoalDetail> {
  return changeGoal(tenant, member, goalId, async (tx, loaded) => {
    assertCanEdit(tenant, loaded);
    if (loaded.goal.status !== 'completed') throw conflict(`Only a completed ${term(tenant.branding.terminology, 'goal')} can be reopened.`);
    await setStatus(tx, tenant, member, loaded.goal, 'completed', 'active', { completedAt: null, completedById: null });
  });
}

export async function archiveGoal(tenant: TenantContext, member: Member, goalId: string): Promise<GoalDetail> {
  return changeGoal(tenant, member, goalId, async (tx, loaded) => {
    assertCanEdit(tenant, loaded);
    if (loaded.goal.status === 'archived') throw conflict(`This ${term(tenant.branding.terminology, 'goal')} is already archived.`);
    await setStatus(tx, tenant, member, loaded.goal, loaded.goal.status, 'archived');
  });
}

/** A goal archived after completion comes back completed (it keeps completedAt); others active. */
export async function unarchiveGoal(tenant: TenantContext, member: Member, goalId: string): Promise<GoalDetail> {
  return changeGoal(tenant, member, goalId, async (tx, loaded) => {
    assertCanEdit(tenant, loaded);
    if (loaded.goal.status !== 'archived') throw conflict(`This ${term(tenant.branding.terminology, 'goal')} is not archived.`);
    await setStatus(tx, tenant, member, loaded.goal, 'archived', loaded.goal.completedAt ? 'completed' : 'active');
  });
}

async function setStatus(
  tx: TenantTx,
  tenant: TenantContext,
  member: Member,
  goal: LoadedGoal['goal'],
  from: GoalStatus,
  to: GoalStatus,
  extra: { completedAt?: null; completedById?: null } = {},
): Promise<void> {
  await tx.goal.update({ where: { id: goal.id }, data: { status: to, ...extra } });
  await emitEvent(tx, tenant.id, 'goal.updated', { goalId: goal.id, changes: { status: { from, to } } }, member.userId, goalAudience(goal));
}
