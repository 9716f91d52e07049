import { db } from '../db/client.ts';
import type { Role } from '../db/generated/enums.ts';

// An installed marketplace app acts in the workspace as itself: an app principal with the
// scopes its installation consented to, capped by the admin role (the role that installs). What
// it does is attributed to a member (goals it creates are someone's): the admin who installed
// it while they remain a member, else the workspace's earliest owner.

/** The role that caps an installation's scopes, whatever the attributed member's own role is. */
export const INSTALLATION_ROLE: Role = 'admin';

export interface AttributedMember {
  userId: string;
  email: string;
  name: string | null;
  membershipId: string;
}

/** The member an installation's requests are attributed to, or null when the workspace has none (it is being deleted). */
export async function installationMember(tenantId: string, installerId: string | null): Promise<AttributedMember | null> {
  const select = { id: true, user: { select: { id: true, email: true, name: true } } } as const;
  const installer = installerId ? await db.membership.findUnique({ where: { tenantId_userId: { tenantId, userId: installerId } }, select }) : null;
  const row = installer ?? (await db.membership.findFirst({ where: { tenantId, role: 'owner' }, orderBy: { createdAt: 'asc' }, select }));
  return row && { userId: row.user.id, email: row.user.email, name: row.user.name, membershipId: row.id };
}
