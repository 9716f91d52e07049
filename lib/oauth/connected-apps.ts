import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { notFound } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { revokeGrantsInTx } from './grants.ts';
import { describeScopes } from './oauth-scopes.ts';

// The apps a person connected to their own account in this workspace (their authorization code
// grants), as their account page shows them: one row per app, revoked by the person themselves.
// Admins see every grant of the workspace under Settings → Authorized apps (grants.ts).

export interface ConnectedAppView {
  appId: string;
  name: string;
  logoUrl: string | null;
  homepageUrl: string | null;
  ownerWorkspace: string;
  scopes: string[];
  /** What the scopes let the app do, in the consent screen's words. */
  access: string[];
  connectedAt: string;
  lastUsedAt: string | null;
}

const mine = (member: Member) => ({ userId: member.userId, kind: 'authorization_code' as const, revokedAt: null });

export async function listConnectedApps(tenant: TenantContext, member: Member): Promise<ConnectedAppView[]> {
  const grants = await tenantDb(tenant.id).oAuthGrant.findMany({
    where: mine(member),
    orderBy: { createdAt: 'desc' },
    select: { scopes: true, createdAt: true, lastUsedAt: true, app: { select: { id: true, name: true, logoUrl: true, homepageUrl: true, tenant: { select: { name: true } } } } },
  });
  return grants.map(({ app, scopes, createdAt, lastUsedAt }) => ({
    appId: app.id,
    name: app.name,
    logoUrl: app.logoUrl,
    homepageUrl: app.homepageUrl,
    ownerWorkspace: app.tenant.name,
    scopes,
    access: describeScopes(scopes, tenant.branding.terminology).map((scope) => scope.description),
    connectedAt: createdAt.toISOString(),
    lastUsedAt: lastUsedAt?.toISOString() ?? null,
  }));
}

/** Disconnects an app: every live grant of this person to it here ends, with its tokens. */
export async function disconnectApp(tenant: TenantContext, member: Member, appId: string, ip: string | null = null): Promise<void> {
  const grants = await tenantDb(tenant.id).oAuthGrant.findMany({ where: { ...mine(member), appId }, select: { id: true, scopes: true, app: { select: { name: true, clientId: true } } } });
  if (grants.length === 0) throw notFound('You have not connected this app.');
  await db.$transaction(async (tx) => {
    await revokeGrantsInTx(tx, grants.map((grant) => grant.id));
    for (const grant of grants) {
      await recordAudit(tx, {
        tenantId: tenant.id,
        actor: { id: member.userId, email: member.email },
        action: 'oauth.grant_revoked',
        target: { type: 'oauth_grant', id: grant.id },
        ip,
        metadata: { appId, appName: grant.app.name, clientId: grant.app.clientId, kind: 'authorization_code', user: member.email, scopes: grant.scopes, reason: 'revoked_by_user' },
      });
    }
  });
}
