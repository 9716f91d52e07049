import type { SessionEndReason } from '../db/generated/enums.ts';
import type { TenantTx } from '../db/tenant-db.ts';
import { endSessions } from './user-sessions.ts';

// Ending a person's access to one workspace. Call inside the transaction that changes it.

/** Their browser sessions on this workspace (tx is tenantDb()'s: no other workspace's are reached). */
export async function endBrowserSessionsInTenant(tx: TenantTx, userId: string, reason: SessionEndReason): Promise<number> {
  return endSessions(tx, { userId }, reason);
}

// For deprovisioning (SCIM), everything at once: browser sessions, and (though API keys and
// OAuth tokens check the membership on every request, and the caller deletes it) the OAuth
// authorizations in the workspace and any unused sign-in hand-off token, so nothing comes
// back should the person be provisioned again.
export async function endSessionsInTenant(tx: TenantTx, userId: string, now = new Date()): Promise<void> {
  await endSessions(tx, { userId }, 'deprovisioned', now);
  const grants = await tx.oAuthGrant.findMany({ where: { userId, revokedAt: null }, select: { id: true } });
  const grantIds = grants.map((grant) => grant.id);
  if (grantIds.length > 0) {
    await tx.oAuthGrant.updateMany({ where: { id: { in: grantIds }, revokedAt: null }, data: { revokedAt: now } });
    await tx.oAuthToken.updateMany({ where: { grantId: { in: grantIds }, revokedAt: null }, data: { revokedAt: now } });
    await tx.oAuthAuthorizationCode.updateMany({ where: { grantId: { in: grantIds }, usedAt: null }, data: { usedAt: now } });
  }
  await tx.loginToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
}
