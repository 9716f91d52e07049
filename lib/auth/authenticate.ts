import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import { AppError } from '../http/problem.ts';
import { SsoRequiredError, ssoRequiredFor } from '../sso/sso-policy.ts';
import { verifyPassword } from './password.ts';
import { checkSecondFactor, TwoFactorInvalidError, TwoFactorRequiredError } from './second-factor.ts';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle.ts';

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(200),
  /** The second factor (authenticator or recovery code), sent once the form has asked for it. */
  code: z.string().trim().max(64).optional(),
});

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * Email + password sign-in on one tenant (tenantId) or on the platform (null: operators,
 * reseller users and partner users). Returns null for wrong credentials and for users without access, with the same
 * message either way; throws a 429 AppError when throttled. Where the tenant requires SSO for
 * the email's domain, only owners get in with a password (break-glass, audited; a wrong one is
 * a wrong password like anywhere else); everyone else, right password or not, is told to use
 * SSO (SsoRequiredError). Accounts with two-factor sign-in also need `code`: without one
 * TwoFactorRequiredError, with a wrong one TwoFactorInvalidError (both after the password).
 */
export async function authenticate(input: unknown, tenantId: string | null, ip: string | null): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password, code } = parsed.data;
  const key = { tenantId, email, ip };
  await assertNotThrottled(key);

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      platformRole: true,
      totpEnabledAt: true,
      memberships: tenantId ? { where: { tenantId }, select: { id: true, role: true } } : false,
      // On the root domain: people who work for a reseller sign in too (the reseller dashboard).
      resellerUsers: tenantId ? false : { select: { id: true }, take: 1 },
      // … and people who work for a partner (the partner portal).
      partnerUsers: tenantId ? false : { select: { id: true }, take: 1 },
    },
  });
  const passwordOk = await verifyPassword(password, user?.passwordHash);
  const hasAccess = !!user && (tenantId ? user.memberships.length > 0 : user.platformRole !== null || user.resellerUsers.length > 0 || user.partnerUsers.length > 0);
  if (tenantId && (await ssoRequiredFor(tenantId, email))) {
    const owner = !!user && user.memberships[0]?.role === 'owner';
    if (!owner) {
      if (!passwordOk) await recordFailure(key);
      throw new SsoRequiredError();
    }
    if (passwordOk) await recordAudit(db, { tenantId, actor: { id: user.id, email: user.email }, action: 'sso.break_glass_sign_in', target: { type: 'user', id: user.id }, ip, metadata: { email: user.email } });
  }
  if (!user || !passwordOk || !hasAccess) {
    await recordFailure(key);
    return null;
  }
  // Two-factor: the right password alone makes no session. Without a code the form is told to
  // ask for one (the password was right: that is no more than any two-step sign-in reveals);
  // a wrong, expired or reused code counts as a failed attempt, so guessing codes is throttled
  // like guessing passwords.
  if (user.totpEnabledAt) {
    if (!code) throw new TwoFactorRequiredError();
    if (!(await checkSecondFactor(user.id, code))) {
      await recordFailure(key);
      throw new TwoFactorInvalidError();
    }
  }
  await clearFailures(key);
  return { id: user.id, email: user.email, name: user.name };
}

export function isThrottleError(error: unknown): error is AppError {
  return error instanceof AppError && error.status === 429;
}
