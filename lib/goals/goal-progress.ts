import type { Member } from '../auth/session.ts';
import { term } from '../branding/terminology.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { emitEvent } from '../events/domain-events.ts';
import { conflict, forbidden, parseInput } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { Contribution } from './contributions.ts';
import { loadGoalForViewer } from './goal-access.ts';
import { changeGoal } from './goal-mutation.ts';
import { progressInputSchema, type GoalDetail } from './goal-schema.ts';
import { contributionsOf } from './goal-view.ts';
import { goalAudience } from '../realtime/audience.ts';

// Progress is set, not added: the member says "we are at 60%", and the change from the
// current value is written as their delta. changeGoal() holds the row lock, so two people
// updating at once are applied one after the other and neither delta is lost.

export async function setGoalProgress(tenant: TenantContext, member: Member, goalId: string, input: unknown): Promise<GoalDetail> {
  assertCan(member.role, 'goals.write');
  const data = parseInput(progressInputSchema, input);
  const goalWord = term(tenant.branding.terminology, 'goal');
  return changeGoal(tenant, member, goalId, async (tx, { goal, access }) => {
    if (!access.canLogProgress) throw forbidden(`Only this ${goalWord}'s assignees and the ${term(tenant.branding.terminology, 'team')}'s leads can update its progress.`);
    if (goal.status === 'completed') throw conflict(`This ${goalWord} is completed. Reopen it to change its progress.`);
    if (goal.status === 'archived') throw conflict(`This ${goalWord} is archived. Unarchive it to change it.`);
    const delta = data.progress - goal.progress;
    // A note with no change is kept as a check-in; no change and no note writes nothing.
    if (delta === 0 && !data.note) return;
    await tx.goalProgressEntry.create({ data: { tenantId: tenant.id, goalId, userId: member.userId, delta, note: data.note ?? null } });
    if (delta === 0) return;
    await tx.goal.update({ where: { id: goalId }, data: { progress: data.progress } });
    await emitEvent(tx, tenant.id, 'goal.updated', { goalId, changes: { progress: { from: goal.progress, to: data.progress } } }, member.userId, goalAudience(goal));
  });
}

/** Each member's contribution to the goal and their share of it, largest first. */
export async function goalContributions(tenant: TenantContext, member: Member, goalId: string): Promise<Contribution[]> {
  const scoped = tenantDb(tenant.id);
  await loadGoalForViewer(scoped, tenant, member, goalId);
  return contributionsOf(scoped, goalId);
}
