import type { TenantTx } from '../db/tenant-db.ts';

// Ending a person's access to one workspace, for deprovisioning (SCIM). Browser sessions are
// JWTs that getCurrentMember() accepts only while the membership exists, and API keys and OAuth
// tokens likewise check the membership on every request: deleting the membership (the caller
// does) ends them all at once. On top of that, so nothing comes back should the person be
// provisioned again, this revokes their OAuth authorizations in the workspace and spends any
// unused sign-in hand-off token. Call inside the transaction that deletes the membership.

export async function endSessionsInTenant(tx: TenantTx, userId: string, now = new Date()): Promise<void> {
  const grants = await tx.oAuthGrant.findMany({ where: { userId, revokedAt: null }, select: { id: true } });
  const grantIds = grants.map((grant) => grant.id);
  if (grantIds.length > 0) {
    await tx.oAuthGrant.updateMany({ where: { id: { in: grantIds }, revokedAt: null }, data: { revokedAt: now } });
    await tx.oAuthToken.updateMany({ where: { grantId: { in: grantIds }, revokedAt: null }, data: { revokedAt: now } });
    await tx.oAuthAuthorizationCode.updateMany({ where: { grantId: { in: grantIds }, usedAt: null }, data: { usedAt: now } });
  }
  await tx.loginToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
}
