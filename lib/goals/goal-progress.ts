import type { Member } from '../auth/session.ts';
import { term } from '../branding/terminology.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { emitEvent } from '../events/domain-events.ts';
import { conflict, forbidden, parseInput } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantTx } from '../teams/team-access.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { Contribution } from './contributions.ts';
import { loadGoalForViewer, type LoadedGoal } from './goal-access.ts';
import { changeGoal } from './goal-mutation.ts';
import { progressInputSchema, type GoalDetail } from './goal-schema.ts';
import { contributionsOf } from './goal-view.ts';
import { goalAudience } from '../realtime/audience.ts';

// Progress is set, not added: the member says "we are at 60%", and the change from the
// current value is written as their delta. changeGoal() holds the row lock, so two people
// updating at once are applied one after the other and neither delta is lost. Measurements
// (goal-measurements.ts) and a changed target (goals.ts) move a measurable goal's progress
// through the same checks and moveProgress.

export interface ProgressChange {
  from: number;
  to: number;
}

/** Who may move the goal's progress (403). */
export function assertMayLogProgress(tenant: TenantContext, { access }: LoadedGoal): void {
  if (!access.canLogProgress) {
    throw forbidden(`Only this ${term(tenant.branding.terminology, 'goal')}'s assignees and the ${term(tenant.branding.terminology, 'team')}'s leads can update its progress.`);
  }
}

/** Progress moves only while the goal is active (409). */
export function assertProgressOpen(tenant: TenantContext, { goal }: LoadedGoal): void {
  const goalWord = term(tenant.branding.terminology, 'goal');
  if (goal.status === 'completed') throw conflict(`This ${goalWord} is completed. Reopen it to change its progress.`);
  if (goal.status === 'archived') throw conflict(`This ${goalWord} is archived. Unarchive it to change it.`);
}

/**
 * Moves the locked goal's progress to `to` as `userId`'s progress entry (Goal.progress stays
 * the sum of the deltas) and answers the change for goal.updated, or null when it stayed.
 * A note with no change is kept as a check-in; no change and no note writes nothing.
 */
export async function moveProgress(tx: TenantTx, tenantId: string, userId: string, goal: { id: string; progress: number }, to: number, note: string | null): Promise<ProgressChange | null> {
  const delta = to - goal.progress;
  if (delta === 0 && !note) return null;
  await tx.goalProgressEntry.create({ data: { tenantId, goalId: goal.id, userId, delta, note } });
  if (delta === 0) return null;
  await tx.goal.update({ where: { id: goal.id }, data: { progress: to } });
  return { from: goal.progress, to };
}

export async function setGoalProgress(tenant: TenantContext, member: Member, goalId: string, input: unknown): Promise<GoalDetail> {
  assertCan(member.role, 'goals.write');
  const data = parseInput(progressInputSchema, input);
  return changeGoal(tenant, member, goalId, async (tx, loaded) => {
    assertMayLogProgress(tenant, loaded);
    assertProgressOpen(tenant, loaded);
    const change = await moveProgress(tx, tenant.id, member.userId, loaded.goal, data.progress, data.note ?? null);
    if (change) await emitEvent(tx, tenant.id, 'goal.updated', { goalId, changes: { progress: change } }, member.userId, goalAudience(loaded.goal));
  });
}

/** Each member's contribution to the goal and their share of it, largest first. */
export async function goalContributions(tenant: TenantContext, member: Member, goalId: string): Promise<Contribution[]> {
  const scoped = tenantDb(tenant.id);
  await loadGoalForViewer(scoped, tenant, member, goalId);
  return contributionsOf(scoped, goalId);
}
