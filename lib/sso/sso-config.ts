import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import { clearLocalTenantCache, notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { assertSsoAvailable } from './sso-available.ts';
import { ssoReady } from './sso-discovery.ts';
import { mappingRows, ssoConfigSchema, type SsoConfigView } from './sso-config-schema.ts';

// A workspace's SSO policy (SsoConfig, one row per workspace, made on first save) and the
// workspace's default role, which SSO and SCIM give to people no mapping covers.

const DEFAULTS = { requireSso: false, roleAttribute: 'groups', roleMapping: {} };

export interface SsoPolicy {
  requireSso: boolean;
  roleAttribute: string;
  roleMapping: ReturnType<typeof mappingRows>;
}

export async function loadSsoPolicy(tenantId: string): Promise<SsoPolicy> {
  const row = (await db.ssoConfig.findUnique({ where: { tenantId } })) ?? DEFAULTS;
  return { requireSso: row.requireSso, roleAttribute: row.roleAttribute, roleMapping: mappingRows(row.roleMapping) };
}

export async function getSsoConfig(tenant: TenantContext): Promise<SsoConfigView> {
  const policy = await loadSsoPolicy(tenant.id);
  return { ...policy, defaultRole: tenant.defaultRole };
}

export async function updateSsoConfig(tenant: TenantContext, actor: Member, input: unknown, ip: string | null = null): Promise<SsoConfigView> {
  assertCan(actor.role, 'settings.manage');
  await assertSsoAvailable(tenant);
  const data = parseInput(ssoConfigSchema, input);
  if (data.requireSso && !(await ssoReady(tenant.id))) {
    throw validationFailed({ requireSso: 'Add a SAML connection and verify a domain before requiring SSO.' });
  }
  const roleMapping = Object.fromEntries(data.roleMapping.map((row) => [row.value, row.role])) as Prisma.InputJsonObject;
  const values = { requireSso: data.requireSso, roleAttribute: data.roleAttribute, roleMapping };
  const before = await loadSsoPolicy(tenant.id);
  await tenantDb(tenant.id).$transaction(async (tx) => {
    await tx.ssoConfig.upsert({ where: { tenantId: tenant.id }, create: { tenantId: tenant.id, ...values }, update: values });
    const metadata: Prisma.InputJsonObject = { requireSso: data.requireSso, roleAttribute: data.roleAttribute, roleMapping, defaultRole: data.defaultRole };
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: actor.userId, email: actor.email }, action: 'sso.settings_updated', target: { type: 'tenant', id: tenant.id }, ip, metadata });
    if (before.requireSso !== data.requireSso) {
      await recordAudit(tx, { tenantId: tenant.id, actor: { id: actor.userId, email: actor.email }, action: data.requireSso ? 'sso.required_enabled' : 'sso.required_disabled', target: { type: 'tenant', id: tenant.id }, ip });
    }
    if (data.defaultRole !== tenant.defaultRole) {
      await tx.tenant.update({ where: { id: tenant.id }, data: { defaultRole: data.defaultRole } });
      await notifyTenantChanged(tx);
    }
  });
  if (data.defaultRole !== tenant.defaultRole) clearLocalTenantCache();
  return { requireSso: data.requireSso, roleAttribute: data.roleAttribute, roleMapping: mappingRows(roleMapping), defaultRole: data.defaultRole };
}
