import { z } from 'zod';
import { applyPlanByOperator, planChangeCommitted } from '../billing/set-plan.ts';
import { isPlanId } from '../billing/plans.ts';
import { db } from '../db/client.ts';
import { queueEmail } from '../email/send-email.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import { AppError, badRequest, forbidden, notFound, parseInput, validationFailed } from '../http/problem.ts';
import { logger } from '../observability/logger.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import { recordPlatformAudit } from './platform-audit.ts';
import { platformCan, type PlatformPermission } from './platform-roles.ts';
import { changeTenantStatus, lifecycleSchema } from './tenant-lifecycle.ts';

// The operator acts on several workspaces at once from the list: change their plan, suspend
// them, or email their owners a notice. Each workspace goes through the same path as acting
// on it alone (setPlanByOperator's, changeTenantStatus), in its own transaction, audited on its
// own; one that cannot take the action is reported with why and does not stop the others.

export const BULK_ACTIONS = ['change_plan', 'suspend', 'notice'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const BULK_MAX_TENANTS = 100;

/** As for one workspace: plans are billing's, suspending and writing to owners are management's. */
export const BULK_PERMISSION: Record<BulkAction, PlatformPermission> = { change_plan: 'platform:billing', suspend: 'platform:manage', notice: 'platform:manage' };

const tenantIds = z.array(z.string().trim().min(1).max(64)).min(1, 'Choose at least one workspace.');

export const bulkActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('change_plan'), tenantIds, plan: z.string().trim().min(1, 'Choose a plan.').max(40) }).strict(),
  z.object({ action: z.literal('suspend'), tenantIds, reason: lifecycleSchema.shape.reason }).strict(),
  z
    .object({
      action: z.literal('notice'),
      tenantIds,
      subject: z.string().trim().min(3, 'Write a subject (at least 3 characters).').max(150),
      body: z.string().trim().min(10, 'Write the message (at least 10 characters).').max(5000),
    })
    .strict(),
]);

export type BulkInput = z.infer<typeof bulkActionSchema>;

/** done: the change was made; skipped: the workspace cannot take it (detail says why); not_found: no such workspace; failed: an unexpected error (logged). */
export type BulkOutcome = 'done' | 'skipped' | 'not_found' | 'failed';

export interface BulkTenantResult {
  tenantId: string;
  name: string | null;
  outcome: BulkOutcome;
  detail: string;
}

export interface BulkResult {
  action: BulkAction;
  results: BulkTenantResult[];
  counts: Record<BulkOutcome, number>;
}

/** The actions this staff role may take on several workspaces. */
export function bulkActionsFor(role: OperatorActor['role']): BulkAction[] {
  return BULK_ACTIONS.filter((action) => platformCan(role, BULK_PERMISSION[action]));
}

type Tenant = { id: string; name: string };
type Step = (tenant: Tenant) => Promise<string>;

export async function runBulkAction(operator: OperatorActor, input: unknown, ip: string | null = null): Promise<BulkResult> {
  const refused = () => forbidden(`Your platform role (${operator.role.replace('_', ' ')}) does not allow this.`);
  if (bulkActionsFor(operator.role).length === 0) throw refused();
  const data = parseInput(bulkActionSchema, input);
  if (data.tenantIds.length > BULK_MAX_TENANTS) throw badRequest(`Choose at most ${BULK_MAX_TENANTS} workspaces at a time.`);
  if (!platformCan(operator.role, BULK_PERMISSION[data.action])) throw refused();
  if (data.action === 'change_plan' && !(await isPlanId(data.plan))) throw validationFailed({ plan: 'There is no such plan.' });

  const ids = [...new Set(data.tenantIds)];
  const found = new Map((await db.tenant.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((tenant) => [tenant.id, tenant]));
  const missing = ids.filter((id) => !found.has(id));
  const erased = new Set(missing.length ? (await db.deletedTenant.findMany({ where: { id: { in: missing } }, select: { id: true } })).map((row) => row.id) : []);
  const actor = { id: operator.userId, email: operator.email };

  const step: Step =
    data.action === 'change_plan'
      ? async (tenant) => {
          const from = await db.$transaction(async (tx) => {
            const current = await tx.tenant.findUnique({ where: { id: tenant.id }, select: { plan: true } });
            if (!current) throw notFound('No such workspace.');
            if (current.plan === data.plan) return null;
            await applyPlanByOperator(tx, operator, tenant.id, data.plan, ip);
            await recordPlatformAudit(tx, { actor, action: 'tenant.plan_changed', target: { type: 'tenant', id: tenant.id }, ip, metadata: { from: current.plan, to: data.plan, bulk: true } });
            return current.plan;
          });
          if (from === null) throw new AppError(409, 'conflict', `Already on ${data.plan}.`);
          return `Plan changed from ${from} to ${data.plan}.`;
        }
      : data.action === 'suspend'
        ? async (tenant) => {
            const result = await changeTenantStatus(operator, tenant.id, { action: 'suspend', reason: data.reason }, ip);
            return `Suspended (was ${result.previous.replaceAll('_', ' ')}); the owners were emailed.`;
          }
        : async (tenant) => {
            const context = await loadTenantById(tenant.id);
            if (!context) throw notFound('No such workspace.');
            const owners = await db.membership.findMany({ where: { tenantId: tenant.id, role: 'owner' }, select: { user: { select: { email: true } } } });
            if (owners.length === 0) throw new AppError(409, 'conflict', 'The workspace has no owner to write to.');
            const paragraphs = data.body.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
            const content = notificationEmail({ tenant: context, subject: data.subject, heading: data.subject, paragraphs });
            let queued = 0;
            // queueEmail stores each message at once and sends it in the background: a slow mail server does not hold up the list.
            for (const owner of owners) if (await queueEmail({ tenant: context, to: owner.user.email, kind: 'platform_notice', ...content })) queued += 1;
            await recordPlatformAudit(db, { actor, action: 'tenant.notice_sent', target: { type: 'tenant', id: tenant.id }, ip, metadata: { subject: data.subject, owners: owners.length, queued } });
            // Owners who asked for their data not to be processed get nothing (lib/privacy/restriction.ts).
            return queued === owners.length ? `Emailed ${queued} owner${queued === 1 ? '' : 's'}.` : `Emailed ${queued} of ${owners.length} owners (the others asked not to be emailed).`;
          };

  const results: BulkTenantResult[] = [];
  for (const id of ids) {
    const tenant = found.get(id);
    if (!tenant) {
      results.push(erased.has(id) ? { tenantId: id, name: null, outcome: 'skipped', detail: 'The workspace was erased.' } : { tenantId: id, name: null, outcome: 'not_found', detail: 'No such workspace.' });
      continue;
    }
    try {
      results.push({ tenantId: id, name: tenant.name, outcome: 'done', detail: await step(tenant) });
    } catch (error) {
      if (error instanceof AppError && error.status === 404) results.push({ tenantId: id, name: tenant.name, outcome: 'not_found', detail: error.message });
      else if (error instanceof AppError && error.status === 409) results.push({ tenantId: id, name: tenant.name, outcome: 'skipped', detail: error.message });
      else {
        logger().error({ err: error, tenantId: id, action: data.action }, 'platform: a bulk action failed for one workspace');
        results.push({ tenantId: id, name: tenant.name, outcome: 'failed', detail: 'Something went wrong for this workspace (logged): check it before trying again.' });
      }
    }
  }
  if (data.action === 'change_plan' && results.some((result) => result.outcome === 'done')) planChangeCommitted();
  const counts: Record<BulkOutcome, number> = { done: 0, skipped: 0, not_found: 0, failed: 0 };
  for (const result of results) counts[result.outcome] += 1;
  return { action: data.action, results, counts };
}
