import type { Member } from '../../auth/session.ts';
import { db } from '../../db/client.ts';

/**
 * The member a calendar connection acts as, outside any request: goal changes coming from
 * the calendar go through the goals service with this member's rights. Null once they left
 * the workspace (their connection then does nothing).
 */
export async function connectionMember(tenantId: string, userId: string): Promise<Member | null> {
  const membership = await db.membership.findUnique({
    where: { tenantId_userId: { tenantId, userId } },
    select: { id: true, role: true, timeZone: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!membership) return null;
  return { userId: membership.user.id, email: membership.user.email, name: membership.user.name, role: membership.role, membershipId: membership.id, timeZone: membership.timeZone ?? undefined };
}
