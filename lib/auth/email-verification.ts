import type { Prisma } from '../db/client.ts';
import { endSessions, type SessionWriter } from './user-sessions.ts';

// An account's address counts as proven once its owner followed a link we emailed there
// (sign-up, password reset, sign-in link, invitation) or SSO or a SCIM directory vouched for
// it in a domain the workspace verified. Before that, anyone could have registered the
// address: the first proof hands the account to the address's owner, so any password on it
// is cleared and its sessions end (a reset sets the new password right after).

export interface VerificationWriter extends SessionWriter {
  user: { updateMany(args: { where: Prisma.UserWhereInput; data: { emailVerifiedAt: Date; passwordHash?: null } }): PromiseLike<{ count: number }> };
}

/**
 * Marks the address proven. `passwordProven`: the person also gave the account's password
 * (e.g. confirming an invitation with it), so it is theirs and stays. Answers whether an
 * unverified account was taken over from whoever held it (password cleared, sessions ended).
 */
export async function markEmailVerified(tx: VerificationWriter, userId: string, { passwordProven = false, now = new Date() } = {}): Promise<{ claimed: boolean }> {
  const { count } = await tx.user.updateMany({
    where: { id: userId, emailVerifiedAt: null },
    data: passwordProven ? { emailVerifiedAt: now } : { emailVerifiedAt: now, passwordHash: null },
  });
  if (count === 0 || passwordProven) return { claimed: false };
  await endSessions(tx, { userId }, 'email_claimed', now);
  return { claimed: true };
}
