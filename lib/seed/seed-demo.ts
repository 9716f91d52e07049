import { hashPassword } from '../auth/password.ts';
import { syncPlanCatalog } from '../billing/plans.ts';
import { db } from '../db/client.ts';
import type { PlatformRole } from '../db/generated/enums.ts';
import { refreshWorkspaceInsights } from '../insights/run-insights.ts';
import { clearLocalTenantCache } from '../tenancy/tenant-cache.ts';
import { DEMO_OPERATOR, DEMO_PASSWORD, DEMO_ROLES, DEMO_TENANTS, demoEmail } from './demo-data.ts';
import { seedWorkspaceContent } from './seed-content.ts';
import { seedMarketplaceApps } from './seed-apps.ts';
import { seedPartnerEarnings } from './seed-earnings.ts';
import { seedIntegrations } from './seed-integrations.ts';
import { seedPartners } from './seed-partners.ts';
import { seedResellers } from './seed-resellers.ts';

/**
 * Creates what is missing of the demo data and leaves the rest alone, so it can run on every
 * start without undoing changes made while trying the app.
 */
export async function seedDemo(): Promise<{ created: number }> {
  let created = 0;
  // The plans as shipped (the migration inserts them; this also applies later catalog changes).
  await syncPlanCatalog();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const ensureUser = async (email: string, name: string, platformRole: PlatformRole | null = null) => {
    const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
    // Demo addresses are the platform's own: verified (also in databases seeded before verification existed).
    if (existing) {
      await db.user.updateMany({ where: { id: existing.id, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
      return existing.id;
    }
    created++;
    return (await db.user.create({ data: { email, name, passwordHash, platformRole, emailVerifiedAt: new Date() } })).id;
  };

  await ensureUser(DEMO_OPERATOR.email, DEMO_OPERATOR.name, 'owner');

  for (const demo of DEMO_TENANTS) {
    let tenant = await db.tenant.findUnique({ where: { slug: demo.slug }, select: { id: true } });
    if (!tenant) {
      created++;
      tenant = await db.tenant.create({
        data: { slug: demo.slug, name: demo.name, status: demo.status, plan: demo.plan, branding: { create: demo.branding } },
        select: { id: true },
      });
      await db.auditLog.create({ data: { tenantId: tenant.id, action: 'tenant.created', targetType: 'tenant', targetId: tenant.id, metadata: { source: 'demo seed' } } });
    }
    for (const role of DEMO_ROLES) {
      const name = `${role[0].toUpperCase()}${role.slice(1)} at ${demo.name}`;
      const userId = await ensureUser(demoEmail(role, demo.slug), name);
      const key = { tenantId_userId: { tenantId: tenant.id, userId } };
      if (!(await db.membership.findUnique({ where: key, select: { id: true } }))) {
        await db.membership.create({ data: { tenantId: tenant.id, userId, role } });
        created++;
      }
    }
  }
  for (const demo of DEMO_TENANTS) if (demo.status !== 'suspended') created += await seedWorkspaceContent(demo.slug);
  // The insights rules over the demo's data, so members see insights on their first visit; the
  // hourly job keeps them current. Insights of the same key are not created twice.
  for (const demo of DEMO_TENANTS) {
    const tenant = await db.tenant.findUnique({ where: { slug: demo.slug }, select: { id: true } });
    if (tenant) await refreshWorkspaceInsights(tenant.id, new Date(), 'full');
  }
  created += await seedResellers(passwordHash);
  created += await seedPartners(passwordHash);
  created += await seedMarketplaceApps();
  created += await seedPartnerEarnings();
  created += await seedIntegrations();
  clearLocalTenantCache();
  return { created };
}
