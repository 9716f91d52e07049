import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { db, type Prisma } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { notFound } from '../http/problem.ts';
import { can } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

// The apps authorized in a workspace. Admins see and revoke every grant of the workspace;
// anyone else their own. Revoking a grant stops all its tokens at once (they are checked
// against the database on every use). Marketplace installations' grants are not listed here:
// they come and go with the installation (Settings › Installed apps, lib/marketplace).

export interface AuthorizedAppView {
  grantId: string;
  app: { name: string; logoUrl: string | null; homepageUrl: string | null; ownerWorkspace: string };
  /** The user who consented; null for the app's client-credentials access to its own workspace. */
  user: { email: string; name: string | null } | null;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
}

const manageAll = (member: Member) => can(member.role, 'integrations.manage');

export async function listAuthorizedApps(tenant: TenantContext, member: Member): Promise<AuthorizedAppView[]> {
  const rows = await tenantDb(tenant.id).oAuthGrant.findMany({
    where: { revokedAt: null, kind: { not: 'installation' }, ...(manageAll(member) ? {} : { userId: member.userId, kind: 'authorization_code' }) },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      kind: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      user: { select: { email: true, name: true } },
      app: { select: { name: true, logoUrl: true, homepageUrl: true, tenant: { select: { name: true } } } },
    },
  });
  return rows.map((row) => ({
    grantId: row.id,
    app: { name: row.app.name, logoUrl: row.app.logoUrl, homepageUrl: row.app.homepageUrl, ownerWorkspace: row.app.tenant.name },
    user: row.kind === 'client_credentials' ? null : { email: row.user.email, name: row.user.name },
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  }));
}

/**
 * Serialises the find-or-create of the one live grant per (app, workspace, user, kind) inside
 * the caller's transaction, so concurrent consents (or token requests) do not make two.
 */
export async function lockGrant(tx: Prisma.TransactionClient, appId: string, tenantId: string, userId: string, kind: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`oauth-grant:${appId}:${tenantId}:${userId}:${kind}`}))`;
}

/** Marks grants and every token and unused code of theirs revoked, wiping kept pairs (inside the caller's transaction). */
export async function revokeGrantsInTx(tx: Prisma.TransactionClient, grantIds: string[], now = new Date()): Promise<void> {
  if (grantIds.length === 0) return;
  await tx.oAuthGrant.updateMany({ where: { id: { in: grantIds }, revokedAt: null }, data: { revokedAt: now } });
  await tx.oAuthToken.updateMany({ where: { grantId: { in: grantIds }, revokedAt: null }, data: { revokedAt: now, replacementSecret: null } });
  await tx.oAuthAuthorizationCode.updateMany({ where: { grantId: { in: grantIds }, usedAt: null }, data: { usedAt: now } });
}

/** Ends an authorization: its tokens stop working at once. Idempotent for revoked grants. */
export async function revokeGrant(tenant: TenantContext, member: Member, grantId: string, ip: string | null = null): Promise<void> {
  const grant = await tenantDb(tenant.id).oAuthGrant.findFirst({
    where: { id: grantId, kind: { not: 'installation' }, ...(manageAll(member) ? {} : { userId: member.userId, kind: 'authorization_code' }) },
    select: { id: true, revokedAt: true, scopes: true, kind: true, user: { select: { email: true } }, app: { select: { id: true, name: true, clientId: true } } },
  });
  if (!grant) throw notFound('No such authorized app.');
  if (grant.revokedAt) return;
  await db.$transaction(async (tx) => {
    await revokeGrantsInTx(tx, [grant.id]);
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { id: member.userId, email: member.email },
      action: 'oauth.grant_revoked',
      target: { type: 'oauth_grant', id: grant.id },
      ip,
      metadata: { appId: grant.app.id, appName: grant.app.name, clientId: grant.app.clientId, kind: grant.kind, user: grant.kind === 'client_credentials' ? null : grant.user.email, scopes: grant.scopes, reason: 'revoked' },
    });
  });
}
