import type { Member } from '../auth/session.ts';
import { db } from '../db/client.ts';
import { installApp } from '../marketplace/installations.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import { DEMO_OPERATOR } from './demo-data.ts';
import { DEMO_PAID_APP } from './seed-apps.ts';

// The demo partner's earnings (seedDemo runs this after the apps; idempotent like the rest of
// the seed). Northstar Labs' paid app, Stride Coach, is installed in acme:
// - on the operator's say-so (a PaidAppAllowance: the demo runs without Stripe, so acme is
//   billed by the operator, billedVia 'operator'), installed by admin@acme.test through the
//   same installApp as the consent page, dated back to before its first invoice;
// Each step looks for what it would make first and leaves existing data alone (an uninstall
// made while trying the demo is not undone).

export const DEMO_WORKSPACE = 'acme';
export const DEMO_INSTALLER = 'admin@acme.test';

/** When acme installed Stride Coach: before the first of the demo's monthly invoices. */
const INSTALLED_DAYS_AGO = 200;

export async function seedPartnerEarnings(now: Date = new Date()): Promise<number> {
  const app = await db.marketplaceApp.findUnique({ where: { slug: DEMO_PAID_APP.slug }, select: { id: true, slug: true, liveVersionId: true, status: true } });
  const tenant = await db.tenant.findUnique({ where: { slug: DEMO_WORKSPACE }, select: { id: true } });
  const operator = await db.user.findUnique({ where: { email: DEMO_OPERATOR.email }, select: { id: true } });
  if (!app?.liveVersionId || app.status !== 'published' || !tenant || !operator) return 0;
  let created = 0;

  // The operator's say-so for acme (what /operator records when Stripe is not configured).
  const allowance = { tenantId_appId: { tenantId: tenant.id, appId: app.id } };
  if (!(await db.paidAppAllowance.findUnique({ where: allowance, select: { appId: true } }))) {
    await db.paidAppAllowance.create({ data: { tenantId: tenant.id, appId: app.id, grantedById: operator.id, note: 'Demo: billed by the operator (no Stripe configured).' } });
    created++;
  }

  // Installed once by acme's admin (never again: an uninstall made while trying the demo stays).
  if (!(await db.appInstallation.findFirst({ where: { tenantId: tenant.id, appId: app.id }, select: { id: true } }))) {
    const context = await loadTenantById(tenant.id);
    const membership = await db.membership.findFirst({ where: { tenantId: tenant.id, user: { email: DEMO_INSTALLER } }, select: { id: true, role: true, user: { select: { id: true, email: true, name: true } } } });
    if (context && membership) {
      const admin: Member = { userId: membership.user.id, email: membership.user.email, name: membership.user.name, role: membership.role, membershipId: membership.id };
      const { installationId } = await installApp(context, admin, app.slug, { versionId: app.liveVersionId });
      await db.appInstallation.update({
        where: { id: installationId },
        data: { billedVia: 'operator', installedAt: new Date(now.getTime() - INSTALLED_DAYS_AGO * 86_400_000) },
      });
      created++;
    }
  }
  return created;
}
