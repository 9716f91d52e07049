import { randomBytes } from 'node:crypto';
import { hashRecoveryCode, newRecoveryCode } from '../../lib/auth/second-factor.ts';
import { db } from '../../lib/db/client.ts';
import { DEMO_OPERATOR } from '../../lib/seed/demo-data.ts';

// Platform staff need 2FA before the console lets them in (lib/auth/require-operator.ts). The
// demo seed leaves the demo operator without it (the demo asks them to set it up at first
// sign-in); the tests turn it on here, with no usable authenticator secret (nobody could scan
// it): they reach the console with a session cookie, or sign in with a recovery code made for
// that one sign-in.

/** Turns 2FA on for this user unless it is on already. */
export async function enableTwoFactor(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, totpEnabledAt: null }, data: { totpSecret: `unusable-${randomBytes(8).toString('hex')}`, totpEnabledAt: new Date() } });
}

export async function enableDemoOperatorTwoFactor(): Promise<string> {
  const { id } = await db.user.findUniqueOrThrow({ where: { email: DEMO_OPERATOR.email }, select: { id: true } });
  await enableTwoFactor(id);
  return id;
}

/** One more recovery code for this user (single-use), to sign in with. */
export async function addRecoveryCode(userId: string): Promise<string> {
  const code = newRecoveryCode();
  await db.recoveryCode.create({ data: { userId, codeHash: hashRecoveryCode(code) } });
  return code;
}
