import { z } from 'zod';
import { verifyPassword } from '../auth/password.ts';
import { checkSecondFactor, hasTwoFactor } from '../auth/second-factor.ts';
import type { Member } from '../auth/session.ts';
import { assertNotThrottled, clearFailures, recordFailure } from '../auth/throttle.ts';
import { db } from '../db/client.ts';
import { AppError, parseInput, validationFailed } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { eraseUser, type ErasureOutcome } from './erase-user.ts';

// A member deletes their own account (Account › Privacy): they prove it is them again, with
// their password (and code, with 2FA), or, without a password (sign-in links, SSO), with a
// sign-in in the last 10 minutes. Then they are erased everywhere (lib/privacy/erase-user.ts).

const RECENT_SIGN_IN_MS = 10 * 60_000;

export const deleteAccountSchema = z.object({
  password: z.string().max(200).optional(),
  code: z.string().trim().max(40).optional(),
  /** Typed by hand: "delete my account". */
  confirm: z.literal('delete my account', { message: 'Type “delete my account” to confirm.' }),
});

export async function deleteOwnAccount(tenant: TenantContext, member: Member, input: unknown, ip: string | null, now = Date.now()): Promise<ErasureOutcome> {
  if (member.impersonation) throw new AppError(403, 'impersonation_forbidden', 'Support cannot delete a member’s account.');
  const { password, code } = parseInput(deleteAccountSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: member.userId }, select: { passwordHash: true } });
  const key = { tenantId: tenant.id, email: member.email, ip };
  await assertNotThrottled(key);
  if (user.passwordHash) {
    if (!password || !(await verifyPassword(password, user.passwordHash))) {
      await recordFailure(key);
      throw validationFailed({ password: 'This is not your password.' }, 'Wrong password.');
    }
  } else {
    const session = member.sessionId ? await db.userSession.findUnique({ where: { id: member.sessionId }, select: { createdAt: true } }) : null;
    if (!session || now - session.createdAt.getTime() > RECENT_SIGN_IN_MS) {
      throw new AppError(403, 'reauthentication_required', 'Sign out and sign in again, then delete your account within 10 minutes.');
    }
  }
  if (await hasTwoFactor(member.userId)) {
    if (!code || !(await checkSecondFactor(member.userId, code))) {
      await recordFailure(key);
      throw validationFailed({ code: 'Enter a current code from your authenticator app (or a recovery code).' }, 'Wrong code.');
    }
  }
  await clearFailures(key);
  return eraseUser(member.userId, { kind: 'self', actor: null });
}
