import type { Member } from '../auth/session.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantTx } from '../teams/team-access.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { loadGoalForViewer, lockGoal, type LoadedGoal } from './goal-access.ts';
import type { GoalDetail } from './goal-schema.ts';
import { readGoalDetail } from './goal-view.ts';

/**
 * The frame of every change to an existing goal: 'goals.write' (403), then in one
 * transaction lock the row, load it with the viewer's rights (404 when hidden), let `work`
 * check and write, and answer the goal as it is now.
 */
export async function changeGoal(
  tenant: TenantContext,
  member: Member,
  goalId: string,
  work: (tx: TenantTx, loaded: LoadedGoal) => Promise<void>,
): Promise<GoalDetail> {
  assertCan(member.role, 'goals.write');
  return tenantDb(tenant.id).$transaction(async (tx) => {
    await lockGoal(tx, tenant, goalId);
    await work(tx, await loadGoalForViewer(tx, tenant, member, goalId));
    return readGoalDetail(tx, tenant, member, goalId);
  });
}
