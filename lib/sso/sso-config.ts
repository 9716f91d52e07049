import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { parseInput } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import { clearLocalTenantCache, notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { assertSsoAvailable } from './sso-available.ts';
import { mappingRows, ssoConfigSchema, type SsoConfigView } from './sso-config-schema.ts';

// A workspace's SSO roles (SsoConfig, one row per workspace, made on first save) and the
// workspace's default role, which SSO and SCIM give to people no mapping covers.

const DEFAULTS = { roleAttribute: 'groups', roleMapping: {} };

export interface SsoPolicy {
  roleAttribute: string;
  roleMapping: ReturnType<typeof mappingRows>;
}

export async function loadSsoPolicy(tenantId: string): Promise<SsoPolicy> {
  const row = (await db.ssoConfig.findUnique({ where: { tenantId } })) ?? DEFAULTS;
  return { roleAttribute: row.roleAttribute, roleMapping: mappingRows(row.roleMapping) };
}

export async function getSsoConfig(tenant: TenantContext): Promise<SsoConfigView> {
  const policy = await loadSsoPolicy(tenant.id);
  return { ...policy, defaultRole: tenant.defaultRole };
}

export async function updateSsoConfig(tenant: TenantContext, actor: Member, input: unknown, ip: string | null = null): Promise<SsoConfigView> {
  assertCan(actor.role, 'settings.manage');
  await assertSsoAvailable(tenant);
  const data = parseInput(ssoConfigSchema, input);
  const roleMapping = Object.fromEntries(data.roleMapping.map((row) => [row.value, row.role])) as Prisma.InputJsonObject;
  const values = { roleAttribute: data.roleAttribute, roleMapping };
  await tenantDb(tenant.id).$transaction(async (tx) => {
    await tx.ssoConfig.upsert({ where: { tenantId: tenant.id }, create: { tenantId: tenant.id, ...values }, update: values });
    const metadata: Prisma.InputJsonObject = { roleAttribute: data.roleAttribute, roleMapping, defaultRole: data.defaultRole };
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: actor.userId, email: actor.email }, action: 'sso.settings_updated', target: { type: 'tenant', id: tenant.id }, ip, metadata });
    if (data.defaultRole !== tenant.defaultRole) {
      await tx.tenant.update({ where: { id: tenant.id }, data: { defaultRole: data.defaultRole } });
      await notifyTenantChanged(tx);
    }
  });
  if (data.defaultRole !== tenant.defaultRole) clearLocalTenantCache();
  return { roleAttribute: data.roleAttribute, roleMapping: mappingRows(roleMapping), defaultRole: data.defaultRole };
}
