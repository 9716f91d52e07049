import { z } from 'zod';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import { notFound, parseInput, validationFailed } from '../http/problem.ts';
import { clearLocalTenantCache, notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import { clearQuotaCache } from './api-quota.ts';
import { isPlanId } from './plans.ts';

// Changing a workspace's plan: from Stripe's webhooks (lib/billing/stripe-webhook.ts), or by
// the platform operator by hand (the operator page), e.g. when billing is not configured.
// Every change is in the workspace's audit log and clears every instance's tenant cache, so
// the plan's features and limits apply at once.

export type PlanChangeSource = 'stripe' | 'operator' | 'owner' | 'trial';

/** Inside the caller's transaction; returns whether the plan changed. */
export async function applyPlan(
  tx: Prisma.TransactionClient,
  tenantId: string,
  plan: string,
  change: { source: PlanChangeSource; actor: AuditActor | null; ip?: string | null; metadata?: Prisma.InputJsonObject },
): Promise<boolean> {
  const current = await tx.tenant.findUnique({ where: { id: tenantId }, select: { plan: true } });
  if (!current) throw notFound('No such workspace.');
  if (current.plan === plan) return false;
  await tx.tenant.update({ where: { id: tenantId }, data: { plan } });
  await recordAudit(tx, {
    tenantId,
    actor: change.actor,
    action: 'billing.plan_changed',
    target: { type: 'tenant', id: tenantId },
    ip: change.ip ?? null,
    metadata: { from: current.plan, to: plan, source: change.source, ...change.metadata },
  });
  await notifyTenantChanged(tx);
  return true;
}

/**
 * Inside the caller's transaction, when an owner or the operator chooses a plan during a
 * trial: that choice ends the trial (status "active"), so the trials job never undoes it.
 */
export async function endTrialByChoice(tx: Prisma.TransactionClient, tenantId: string, reason: string): Promise<boolean> {
  const { count } = await tx.tenant.updateMany({ where: { id: tenantId, status: 'trial' }, data: { status: 'active' } });
  if (count === 0) return false;
  await recordAudit(tx, { tenantId, actor: null, action: 'billing.trial_ended', target: { type: 'tenant', id: tenantId }, metadata: { reason } });
  await notifyTenantChanged(tx);
  return true;
}

/** After the transaction that changed plans commits (this instance; NOTIFY tells the others). */
export function planChangeCommitted(): void {
  clearLocalTenantCache();
  clearQuotaCache();
}

const operatorPlanSchema = z.object({ plan: z.string().trim().min(1, 'Choose a plan.').max(40) }).strict();

/**
 * Inside the caller's transaction: the operator's plan for a workspace (a plan id checked by
 * the caller), audited in the workspace's log with the operator as actor. Call
 * planChangeCommitted() after the transaction.
 */
export async function applyPlanByOperator(tx: Prisma.TransactionClient, operator: { userId: string; email: string }, tenantId: string, plan: string, ip: string | null): Promise<boolean> {
  const changed = await applyPlan(tx, tenantId, plan, { source: 'operator', actor: { id: operator.userId, email: operator.email }, ip });
  // A plan set by hand (e.g. bought by invoice) is no trial: the trials job must not undo it.
  await endTrialByChoice(tx, tenantId, 'plan_set_by_operator');
  return changed;
}

/** The operator sets a workspace's plan by hand (audited in the workspace's log, with the operator as actor). */
export async function setPlanByOperator(operator: { userId: string; email: string }, tenantId: string, input: unknown, ip: string | null = null): Promise<{ plan: string; changed: boolean }> {
  const { plan } = parseInput(operatorPlanSchema, input);
  if (!(await isPlanId(plan))) throw validationFailed({ plan: 'There is no such plan.' });
  const changed = await db.$transaction((tx) => applyPlanByOperator(tx, operator, tenantId, plan, ip));
  planChangeCommitted();
  return { plan, changed };
}
