import { recordAudit } from '../audit/record-audit.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import type { Member } from '../auth/session.ts';
import { assertNotThrottled, clearFailures, recordFailure } from '../auth/throttle.ts';
import { endSessions } from '../auth/user-sessions.ts';
import { db } from '../db/client.ts';
import { conflict, parseInput, validationFailed } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { changePasswordSchema } from './account-schema.ts';

export const NO_PASSWORD_YET = 'Your account has no password yet (you sign in with a link or single sign-on). To set one, ask for a password link by email (“Forgot password?”).';

/**
 * Changes the member's password after checking the current one (wrong guesses count toward
 * the sign-in throttle). Every other session of the account ends, on every workspace and the
 * platform: whoever knew the old password is out. Audited in this workspace.
 * Accounts without a password set one only through a reset link, which proves the address.
 */
export async function changePassword(tenant: TenantContext, member: Member, input: unknown, ip: string | null): Promise<{ endedSessions: number }> {
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  const key = { tenantId: tenant.id, email: member.email, ip };
  await assertNotThrottled(key);
  const user = await db.user.findUniqueOrThrow({ where: { id: member.userId }, select: { passwordHash: true } });
  if (!user.passwordHash) throw conflict(NO_PASSWORD_YET);
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    await recordFailure(key);
    throw validationFailed({ currentPassword: 'This is not your current password.' }, 'Wrong password.');
  }
  await clearFailures(key);
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: member.userId }, data: { passwordHash } });
    const endedSessions = await endSessions(tx, { userId: member.userId, exceptSessionId: member.sessionId ?? null }, 'password_changed');
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: member.userId, email: member.email }, action: 'account.password_changed', target: { type: 'user', id: member.userId }, ip, metadata: { endedSessions } });
    return { endedSessions };
  });
}
