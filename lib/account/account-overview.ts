import type { Member } from '../auth/session.ts';
import { db } from '../db/client.ts';

/** What the account page shows besides the sessions. */
export async function accountOverview(member: Member): Promise<{ name: string | null; email: string; hasPassword: boolean }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: member.userId }, select: { name: true, email: true, passwordHash: true } });
  return { name: user.name, email: user.email, hasPassword: user.passwordHash !== null };
}
