import { db } from '../db/client.ts';
import { installIntegration } from '../integrations/installations.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import { DEMO_INSTALLER, DEMO_WORKSPACE, demoMember } from './seed-earnings.ts';

// The demo's first-party integrations: acme has the calendar feed installed (it needs no
// provider account, so it works on a fresh clone); the others show how to configure them.
// Installed once by acme's admin, as from the integration's page; an uninstall made while
// trying the demo is not undone (the row stays, with uninstalledAt).
export async function seedIntegrations(): Promise<number> {
  const tenant = await db.tenant.findUnique({ where: { slug: DEMO_WORKSPACE }, select: { id: true } });
  if (!tenant) return 0;
  if (await db.integrationInstallation.findFirst({ where: { tenantId: tenant.id, provider: 'calendar-feed' } })) return 0;
  const [context, admin] = await Promise.all([loadTenantById(tenant.id), demoMember(tenant.id, DEMO_INSTALLER)]);
  if (!context || !admin) return 0;
  await installIntegration(context, admin, 'calendar-feed');
  return 1;
}
