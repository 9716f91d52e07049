import { db } from '../db/client.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { emailDomain } from './email-domain.ts';
import { ssoAvailable } from './sso-available.ts';

// Which sign-ins go through SSO: cheap database checks, without loading Jackson, for the
// sign-in page and the start of an SP-initiated sign-in.

/** The connection that signs this email in to the tenant: the one its verified SSO domain is bound to. */
export async function connectionForEmail(tenant: TenantContext, email: string) {
  const domain = emailDomain(email);
  if (!domain || !(await ssoAvailable(tenant))) return null;
  const row = await db.ssoDomain.findFirst({ where: { tenantId: tenant.id, domain, verifiedAt: { not: null } }, select: { connection: true } });
  return row?.connection ?? null;
}

/** Whether SSO can carry sign-ins: a verified domain bound to a connection. */
export async function ssoReady(tenantId: string): Promise<boolean> {
  return (await db.ssoDomain.count({ where: { tenantId, verifiedAt: { not: null }, connectionId: { not: null } } })) > 0;
}

/** Whether the sign-in page offers "Continue with SSO". */
export async function tenantOffersSso(tenant: TenantContext): Promise<boolean> {
  return (await ssoAvailable(tenant)) && (await ssoReady(tenant.id));
}
