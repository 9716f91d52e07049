import QRCode from 'qrcode';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { verifyPassword } from '../auth/password.ts';
import { checkSecondFactor, replaceRecoveryCodes } from '../auth/second-factor.ts';
import type { Member } from '../auth/session.ts';
import { assertNotThrottled, clearFailures, recordFailure, type AttemptKey } from '../auth/throttle.ts';
import { newTotpSecret, totpUri, verifyTotp } from '../auth/totp.ts';
import { decryptSecret, encryptSecret } from '../crypto/encrypt-secret.ts';
import { db, type Prisma } from '../db/client.ts';
import { conflict, parseInput, validationFailed } from '../http/problem.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { Enrolment, TwoFactorStatus } from './two-factor-types.ts';

export type { Enrolment, TwoFactorStatus };

// A person's own two-factor sign-in: from a workspace's Security page, or from the operator
// console's (platform staff). 2FA belongs to the person, not the workspace: once on, every
// password sign-in (any workspace, the platform) asks for a code. Wrong codes and passwords
// here count toward the sign-in throttle of the place they were typed in.

const codeSchema = z.object({ code: z.string().trim().min(1, 'Enter a code.').max(64) });
const disableSchema = z.object({ code: z.string().trim().max(64).optional().default(''), password: z.string().max(200).optional().default('') });

type Tx = Prisma.TransactionClient;

/** Whose 2FA, seen from where: the name the authenticator app shows, the throttle, the audit log. */
export interface TwoFactorSubject {
  userId: string;
  email: string;
  /** The account name in the authenticator app: the workspace's, or the platform's. */
  issuer: string;
  /** The sign-in throttle's scope: the workspace, or null (the platform's root domain). */
  tenantId: string | null;
  audit(tx: Tx, entry: { action: string; ip: string | null; metadata?: Prisma.InputJsonObject }): Promise<void>;
}

/** A member on their workspace's Security page: audited in the workspace's log. */
export function memberTwoFactor(tenant: Pick<TenantContext, 'id' | 'name'>, member: Pick<Member, 'userId' | 'email'>): TwoFactorSubject {
  const actor = { id: member.userId, email: member.email };
  return {
    userId: member.userId,
    email: member.email,
    issuer: tenant.name,
    tenantId: tenant.id,
    audit: (tx, { action, ip, metadata }) => recordAudit(tx, { tenantId: tenant.id, actor, action: `account.${action}`, target: { type: 'user', id: member.userId }, ip, ...(metadata ? { metadata } : {}) }),
  };
}

/** A member of the platform's staff in the operator console: audited in the platform log. */
export function operatorTwoFactor(operator: Pick<OperatorActor, 'userId' | 'email'>): TwoFactorSubject {
  const actor = { id: operator.userId, email: operator.email };
  return {
    userId: operator.userId,
    email: operator.email,
    issuer: 'Waypoint operator',
    tenantId: null,
    audit: (tx, { action, ip, metadata }) => recordPlatformAudit(tx, { actor, action: `staff.${action}`, target: { type: 'user', id: operator.userId }, ip, ...(metadata ? { metadata } : {}) }),
  };
}

const attemptKey = (subject: TwoFactorSubject, ip: string | null): AttemptKey => ({ tenantId: subject.tenantId, email: subject.email, ip });

export async function twoFactorStatus(subject: Pick<TwoFactorSubject, 'userId'>): Promise<TwoFactorStatus> {
  const user = await db.user.findUniqueOrThrow({ where: { id: subject.userId }, select: { totpEnabledAt: true, passwordHash: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } } });
  return { enabled: !!user.totpEnabledAt, enabledAt: user.totpEnabledAt?.toISOString() ?? null, recoveryCodesLeft: user.totpEnabledAt ? user._count.recoveryCodes : 0, hasPassword: user.passwordHash !== null };
}

/** A new secret, kept (encrypted) until a code from it confirms the app has it. */
export async function beginEnrolment(subject: TwoFactorSubject): Promise<Enrolment> {
  const status = await twoFactorStatus(subject);
  if (status.enabled) throw conflict('Two-factor authentication is already on.');
  if (!status.hasPassword) throw conflict('Set a password first: two-factor authentication protects sign-in with a password. (Single sign-on accounts use their identity provider’s.)');
  const secret = newTotpSecret();
  await db.user.update({ where: { id: subject.userId }, data: { totpSecret: encryptSecret(secret), totpEnabledAt: null, totpLastTimeStep: null } });
  const uri = totpUri(secret, subject.issuer, subject.email);
  return { secret, uri, qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 220, errorCorrectionLevel: 'M' }) };
}

/** A code from the app turns 2FA on; answers the recovery codes (shown once). */
export async function confirmEnrolment(subject: TwoFactorSubject, input: unknown, ip: string | null = null): Promise<{ recoveryCodes: string[] }> {
  const { code } = parseInput(codeSchema, input);
  const key = attemptKey(subject, ip);
  await assertNotThrottled(key);
  const user = await db.user.findUniqueOrThrow({ where: { id: subject.userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw conflict('Two-factor authentication is already on.');
  if (!user.totpSecret) throw conflict('Start the set-up again: no authenticator app is being added.');
  const step = await verifyTotp(decryptSecret(user.totpSecret), code.replace(/\s/g, ''), null);
  if (step === null) {
    await recordFailure(key);
    throw validationFailed({ code: 'That code is not right. Enter the 6-digit code your app shows now.' }, 'Wrong code.');
  }
  await clearFailures(key);
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: subject.userId, totpEnabledAt: null, totpSecret: user.totpSecret }, data: { totpEnabledAt: new Date(), totpLastTimeStep: step } });
    if (count !== 1) throw conflict('Start the set-up again: it changed in another window.');
    const recoveryCodes = await replaceRecoveryCodes(tx, subject.userId);
    await subject.audit(tx, { action: 'two_factor_enabled', ip });
    return { recoveryCodes };
  });
}

/**
 * Turns 2FA off, proven with a current code (or a recovery code) or the password. Never for
 * platform staff, wherever they ask: the console requires it, and an account without it could
 * be enrolled again by whoever holds the password alone.
 */
export async function disableTwoFactor(subject: TwoFactorSubject, input: unknown, ip: string | null = null): Promise<void> {
  const { code, password } = parseInput(disableSchema, input);
  if (!code && !password) throw validationFailed({ code: 'Enter a code from your app, or your password.' });
  const key = attemptKey(subject, ip);
  await assertNotThrottled(key);
  const user = await db.user.findUniqueOrThrow({ where: { id: subject.userId }, select: { totpEnabledAt: true, passwordHash: true, platformRole: true } });
  if (!user.totpEnabledAt) throw conflict('Two-factor authentication is not on.');
  if (user.platformRole) throw conflict('Platform staff must keep two-factor authentication on. Lost your phone? Sign in with a recovery code, then ask a platform owner to reset it.');
  const proven = code ? (await checkSecondFactor(subject.userId, code)) !== null : await verifyPassword(password, user.passwordHash);
  if (!proven) {
    await recordFailure(key);
    throw validationFailed(code ? { code: 'That code is not right, or was already used.' } : { password: 'This is not your password.' }, code ? 'Wrong code.' : 'Wrong password.');
  }
  await clearFailures(key);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: subject.userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastTimeStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: subject.userId } });
    await subject.audit(tx, { action: 'two_factor_disabled', ip, metadata: { provenWith: code ? 'code' : 'password' } });
  });
}

/** New recovery codes (the old ones stop working), proven with a code from the app. */
export async function regenerateRecoveryCodes(subject: TwoFactorSubject, input: unknown, ip: string | null = null): Promise<{ recoveryCodes: string[] }> {
  const { code } = parseInput(codeSchema, input);
  const key = attemptKey(subject, ip);
  await assertNotThrottled(key);
  if (!(await twoFactorStatus(subject)).enabled) throw conflict('Two-factor authentication is not on.');
  if (!(await checkSecondFactor(subject.userId, code, { allowRecovery: false }))) {
    await recordFailure(key);
    throw validationFailed({ code: 'That code is not right, or was already used. Enter the code your app shows now.' }, 'Wrong code.');
  }
  await clearFailures(key);
  return db.$transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, subject.userId);
    await subject.audit(tx, { action: 'recovery_codes_regenerated', ip });
    return { recoveryCodes };
  });
}
