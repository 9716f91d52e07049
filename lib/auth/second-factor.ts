import { createHash, randomBytes } from 'node:crypto';
import { decryptSecret } from '../crypto/encrypt-secret.ts';
import { db } from '../db/client.ts';
import { verifyTotp } from './totp.ts';

// The second factor of a sign-in (and of the account's own 2FA changes): a code from the
// authenticator app, or one of the account's single-use recovery codes. Each is accepted once:
// a TOTP code's time step must be later than the last one accepted, and a recovery code is
// spent by the same UPDATE that checks it, so two concurrent uses cannot both win.

export const TWO_FACTOR_REQUIRED = 'TwoFactorRequired';
export const TWO_FACTOR_INVALID = 'TwoFactorInvalid';

/** A correct password for an account with 2FA, sent without a code: the form asks for one. */
export class TwoFactorRequiredError extends Error {
  constructor() {
    super(TWO_FACTOR_REQUIRED);
    this.name = 'TwoFactorRequiredError';
  }

  override toString(): string {
    return TWO_FACTOR_REQUIRED;
  }
}

/** The code sent with the password was wrong, expired or already used. */
export class TwoFactorInvalidError extends Error {
  constructor() {
    super(TWO_FACTOR_INVALID);
    this.name = 'TwoFactorInvalidError';
  }

  override toString(): string {
    return TWO_FACTOR_INVALID;
  }
}

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** xxxxx-xxxxx from an alphabet without look-alikes (about 49 bits each). */
export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = Array.from(bytes, (byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');
}

/** Ten fresh codes (returned once, to show); only their hashes are stored, replacing the old ones. */
export async function replaceRecoveryCodes(tx: Pick<typeof db, 'recoveryCode'>, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Accepts a TOTP code whose step is newer than the last accepted one, recording it (atomic). */
async function acceptTotp(userId: string, encryptedSecret: string, lastStep: number | null, code: string): Promise<boolean> {
  const step = await verifyTotp(decryptSecret(encryptedSecret), code, lastStep);
  if (step === null) return false;
  const { count } = await db.user.updateMany({ where: { id: userId, OR: [{ totpLastTimeStep: null }, { totpLastTimeStep: { lt: step } }] }, data: { totpLastTimeStep: step } });
  return count === 1;
}

async function spendRecoveryCode(userId: string, code: string): Promise<boolean> {
  const { count } = await db.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: new Date() } });
  return count === 1;
}

/**
 * Checks (and spends) a second factor of a user with 2FA on: six digits are an authenticator
 * code, anything else a recovery code. `allowRecovery: false` accepts only the app's codes.
 */
export async function checkSecondFactor(userId: string, input: string, { allowRecovery = true } = {}): Promise<'totp' | 'recovery' | null> {
  const code = input.replace(/\s/g, '');
  if (!code || code.length > 64) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true, totpLastTimeStep: true } });
  if (!user?.totpSecret || !user.totpEnabledAt) return null;
  if (/^\d{6}$/.test(code)) return (await acceptTotp(userId, user.totpSecret, user.totpLastTimeStep, code)) ? 'totp' : null;
  if (!allowRecovery) return null;
  return (await spendRecoveryCode(userId, code)) ? 'recovery' : null;
}

/** Whether this user signs in with a second factor. */
export async function hasTwoFactor(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return !!user?.totpEnabledAt;
}
