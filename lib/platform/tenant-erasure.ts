import { db } from '../db/client.ts';
import { logger } from '../observability/logger.ts';
import { clearLocalTenantCache, notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import { recordPlatformAudit } from './platform-audit.ts';

// Erasing a workspace once its 30 days' grace are over (lib/platform/tenant-lifecycle.ts), one
// transaction per workspace. The Tenant row goes and every table that belongs to it goes with
// it (their foreign keys cascade), except money: commissions and invoices restrict the delete,
// so they are anonymised first (their workspace reference becomes null; amounts, currency and
// the invoice ids stay for the books). People who were only in this workspace, and hold no
// other role on the platform, are erased too. A tombstone keeps the slug, so its old address
// answers "deleted" and is never handed to someone else.

export interface ErasureResult {
  erased: boolean;
  keptCommissions: number;
  keptInvoices: number;
  erasedUsers: number;
}

const NOT_ERASED: ErasureResult = { erased: false, keptCommissions: 0, keptInvoices: 0, erasedUsers: 0 };

export async function eraseTenant(tenantId: string, now = new Date()): Promise<ErasureResult> {
  const result = await db.$transaction(async (tx) => {
    // The row lock keeps a restore from slipping in between the check and the delete.
    const [tenant] = await tx.$queryRaw<{ slug: string; status: string; deletionScheduledAt: Date | null }[]>`
      SELECT slug, status::text AS status, "deletionScheduledAt" FROM "Tenant" WHERE id = ${tenantId} FOR UPDATE`;
    if (!tenant || tenant.status !== 'scheduled_for_deletion' || !tenant.deletionScheduledAt || tenant.deletionScheduledAt > now) return NOT_ERASED;
    const members = await tx.membership.findMany({ where: { tenantId }, select: { userId: true } });
    const keptCommissions = (await tx.commission.updateMany({ where: { tenantId }, data: { tenantId: null } })).count;
    const keptInvoices = (await tx.stripeInvoice.updateMany({ where: { tenantId }, data: { tenantId: null } })).count;
    await tx.tenant.delete({ where: { id: tenantId } });
    await tx.deletedTenant.create({ data: { id: tenantId, slug: tenant.slug, deletedAt: now } });
    // Accounts left with nothing: no other workspace, no platform, reseller or partner role.
    const { count: erasedUsers } = await tx.user.deleteMany({
      where: { id: { in: members.map((m) => m.userId) }, memberships: { none: {} }, platformRole: null, resellerUsers: { none: {} }, partnerUsers: { none: {} } },
    });
    await recordPlatformAudit(tx, { actor: null, action: 'tenant.erased', target: { type: 'tenant', id: tenantId }, metadata: { slug: tenant.slug, keptCommissions, keptInvoices, erasedUsers } });
    await notifyTenantChanged(tx);
    return { erased: true, keptCommissions, keptInvoices, erasedUsers };
  });
  if (result.erased) {
    clearLocalTenantCache();
    logger().info({ tenantId, ...result }, 'platform: workspace erased after its grace period');
  }
  return result;
}

/** The daily job: every workspace whose grace period is over. One that fails is logged and tried again the next day; the others go on. */
export async function eraseScheduledTenants(now = new Date()): Promise<{ erased: number; failed: number }> {
  const due = await db.tenant.findMany({ where: { status: 'scheduled_for_deletion', deletionScheduledAt: { lte: now } }, orderBy: { deletionScheduledAt: 'asc' }, select: { id: true }, take: 100 });
  let erased = 0;
  let failed = 0;
  for (const { id } of due) {
    try {
      if ((await eraseTenant(id, now)).erased) erased++;
    } catch (error) {
      failed++;
      logger().error({ err: error, tenantId: id }, 'platform: erasing a workspace failed; it is tried again on the next run');
    }
  }
  return { erased, failed };
}

/** Whether this slug was a workspace that was erased (its hosts answer 410). */
export async function wasErased(slug: string): Promise<boolean> {
  return (await db.deletedTenant.findUnique({ where: { slug }, select: { id: true } })) !== null;
}
