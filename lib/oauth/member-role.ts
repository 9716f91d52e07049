import { db } from '../db/client.ts';
import type { Role } from '../db/generated/enums.ts';

/** The user's role in the workspace now, or null when they are no longer a member. */
export async function roleIn(userId: string, tenantId: string): Promise<Role | null> {
  const membership = await db.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } }, select: { role: true } });
  return membership?.role ?? null;
}
