import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import type { TenantStatus } from '../db/generated/enums.ts';
import { AppError, notFound, parseInput } from '../http/problem.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import { clearLocalTenantCache, notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import { emailLifecycleChange } from './lifecycle-emails.ts';
import { recordPlatformAudit } from './platform-audit.ts';

// A workspace's life as the operator steers it: trial → active → past due (billing moves
// these) → suspended → canceled → scheduled for deletion (30 days' grace, restorable) →
// erased (lib/platform/tenant-erasure.ts, by the daily job). Each step from the console has a
// reason, is recorded in the platform's audit log and the workspace's, and is emailed to the
// workspace's owners. Which hosts still answer for each status: proxy.ts.

export const DELETION_GRACE_DAYS = 30;

export const LIFECYCLE_ACTIONS = ['suspend', 'reactivate', 'cancel', 'schedule_deletion', 'restore'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** The statuses each action starts from. */
export const ACTION_FROM: Record<LifecycleAction, readonly TenantStatus[]> = {
  suspend: ['trial', 'active', 'past_due'],
  reactivate: ['suspended', 'canceled'],
  cancel: ['trial', 'active', 'past_due', 'suspended'],
  schedule_deletion: ['trial', 'active', 'past_due', 'suspended', 'canceled'],
  restore: ['scheduled_for_deletion'],
};

const PAST: Record<LifecycleAction, string> = { suspend: 'suspended', reactivate: 'reactivated', cancel: 'canceled', schedule_deletion: 'deletion_scheduled', restore: 'restored' };

export const lifecycleSchema = z.object({
  action: z.enum(LIFECYCLE_ACTIONS),
  reason: z.string().trim().min(5, 'Say why (at least 5 characters): the owners are told.').max(500),
});

export interface LifecycleResult {
  status: TenantStatus;
  previous: TenantStatus;
  deletionScheduledAt: string | null;
}

export function actionsFor(status: TenantStatus): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter((action) => ACTION_FROM[action].includes(status));
}

/** The operator's console: any action, with a reason. */
export async function changeTenantStatus(operator: OperatorActor, tenantId: string, input: unknown, ip: string | null = null, now = new Date()): Promise<LifecycleResult> {
  const { action, reason } = parseInput(lifecycleSchema, input);
  return transition(tenantId, action, reason, { id: operator.userId, email: operator.email, by: 'platform_operator' }, ip, now);
}

/** An owner deletes the workspace (Settings › General): it closes now and is erased after the grace period. */
export async function scheduleDeletionByOwner(tenantId: string, owner: { userId: string; email: string }, ip: string | null = null, now = new Date()): Promise<LifecycleResult> {
  return transition(tenantId, 'schedule_deletion', 'Deleted by an owner of the workspace.', { id: owner.userId, email: owner.email, by: 'owner' }, ip, now);
}

async function transition(tenantId: string, action: LifecycleAction, reason: string, actor: { id: string; email: string; by: 'platform_operator' | 'owner' }, ip: string | null, now: Date): Promise<LifecycleResult> {
  const result = await db.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { status: true, statusBeforeDeletion: true, sandboxOfPartnerId: true } });
    if (!tenant) throw notFound('No such workspace.');
    // A partner's sandbox holds the OAuth apps of its marketplace apps: it goes with the partner.
    if (action === 'schedule_deletion' && tenant.sandboxOfPartnerId) throw new AppError(409, 'conflict', "A partner's sandbox workspace is removed with the partner, not on its own.");
    if (!ACTION_FROM[action].includes(tenant.status)) throw new AppError(409, 'conflict', `A ${tenant.status.replaceAll('_', ' ')} workspace cannot be ${PAST[action].replaceAll('_', ' ')}.`);
    const deletionScheduledAt = action === 'schedule_deletion' ? new Date(now.getTime() + DELETION_GRACE_DAYS * 86_400_000) : null;
    const next: TenantStatus =
      action === 'suspend' ? 'suspended' : action === 'cancel' ? 'canceled' : action === 'schedule_deletion' ? 'scheduled_for_deletion' : action === 'restore' ? (tenant.statusBeforeDeletion ?? 'canceled') : 'active';
    // The status in the condition: of two operators acting at once, one wins and the other gets a 409.
    const { count } = await tx.tenant.updateMany({
      where: { id: tenantId, status: tenant.status },
      data: { status: next, deletionScheduledAt, statusBeforeDeletion: action === 'schedule_deletion' ? tenant.status : null },
    });
    if (count !== 1) throw new AppError(409, 'conflict', 'The workspace changed meanwhile: reload and try again.');
    const metadata = { from: tenant.status, to: next, ...(deletionScheduledAt ? { deletionScheduledAt: deletionScheduledAt.toISOString() } : {}) };
    const who = { id: actor.id, email: actor.email };
    await recordPlatformAudit(tx, { actor: who, action: `tenant.${PAST[action]}`, target: { type: 'tenant', id: tenantId }, reason, ip, metadata: { ...metadata, by: actor.by } });
    await recordAudit(tx, { tenantId, actor: who, action: `tenant.${PAST[action]}`, target: { type: 'tenant', id: tenantId }, ip, metadata: { ...metadata, reason, by: actor.by } });
    await notifyTenantChanged(tx);
    return { status: next, previous: tenant.status, deletionScheduledAt: deletionScheduledAt?.toISOString() ?? null };
  });
  clearLocalTenantCache();
  await emailLifecycleChange(tenantId, action, reason, result.deletionScheduledAt ? new Date(result.deletionScheduledAt) : null);
  return result;
}
