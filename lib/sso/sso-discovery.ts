import { db } from '../db/client.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { emailDomain } from './email-domain.ts';
import { ssoAvailable } from './sso-available.ts';

// Which sign-ins go through SSO: cheap database checks, without loading Jackson, for the
// sign-in page and the start of an SP-initiated sign-in.

/** The connection that signs this email in to the tenant: a verified SSO domain of the tenant, and a connection. */
export async function connectionForEmail(tenant: TenantContext, email: string) {
  const domain = emailDomain(email);
  if (!domain || !(await ssoAvailable(tenant))) return null;
  const verified = await db.ssoDomain.count({ where: { tenantId: tenant.id, domain, verifiedAt: { not: null } } });
  return verified ? db.ssoConnection.findFirst({ where: { tenantId: tenant.id }, orderBy: { createdAt: 'asc' } }) : null;
}

/** Whether SSO can carry sign-ins: a connection and at least one verified domain. */
export async function ssoReady(tenantId: string): Promise<boolean> {
  const [connections, domains] = await Promise.all([
    db.ssoConnection.count({ where: { tenantId } }),
    db.ssoDomain.count({ where: { tenantId, verifiedAt: { not: null } } }),
  ]);
  return connections > 0 && domains > 0;
}

/** Whether the sign-in page offers "Continue with SSO". */
export async function tenantOffersSso(tenant: TenantContext): Promise<boolean> {
  return (await ssoAvailable(tenant)) && (await ssoReady(tenant.id));
}

