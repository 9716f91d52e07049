import QRCode from 'qrcode';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { verifyPassword } from '../auth/password.ts';
import { checkSecondFactor, replaceRecoveryCodes } from '../auth/second-factor.ts';
import type { Member } from '../auth/session.ts';
import { assertNotThrottled, clearFailures, recordFailure, type AttemptKey } from '../auth/throttle.ts';
import { newTotpSecret, totpUri, verifyTotp } from '../auth/totp.ts';
import { decryptSecret, encryptSecret } from '../crypto/encrypt-secret.ts';
import { db } from '../db/client.ts';
import { conflict, parseInput, validationFailed } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { Enrolment, TwoFactorStatus } from './two-factor-types.ts';

export type { Enrolment, TwoFactorStatus };

// The member's own two-factor sign-in (on the account's Security page). 2FA belongs to the
// person, not the workspace: once on, every password sign-in (any workspace, the platform)
// asks for a code. Wrong codes and passwords here count toward the sign-in throttle.

const codeSchema = z.object({ code: z.string().trim().min(1, 'Enter a code.').max(64) });
const disableSchema = z.object({ code: z.string().trim().max(64).optional().default(''), password: z.string().max(200).optional().default('') });

const attemptKey = (tenant: TenantContext, member: Member, ip: string | null): AttemptKey => ({ tenantId: tenant.id, email: member.email, ip });
const actor = (member: Member) => ({ id: member.userId, email: member.email });

export async function twoFactorStatus(member: Member): Promise<TwoFactorStatus> {
  const user = await db.user.findUniqueOrThrow({ where: { id: member.userId }, select: { totpEnabledAt: true, passwordHash: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } } });
  return { enabled: !!user.totpEnabledAt, enabledAt: user.totpEnabledAt?.toISOString() ?? null, recoveryCodesLeft: user.totpEnabledAt ? user._count.recoveryCodes : 0, hasPassword: user.passwordHash !== null };
}

/** A new secret, kept (encrypted) until a code from it confirms the app has it. */
export async function beginEnrolment(tenant: TenantContext, member: Member): Promise<Enrolment> {
  const status = await twoFactorStatus(member);
  if (status.enabled) throw conflict('Two-factor authentication is already on.');
  if (!status.hasPassword) throw conflict('Set a password first: two-factor authentication protects sign-in with a password. (Single sign-on accounts use their identity provider’s.)');
  const secret = newTotpSecret();
  await db.user.update({ where: { id: member.userId }, data: { totpSecret: encryptSecret(secret), totpEnabledAt: null, totpLastTimeStep: null } });
  const uri = totpUri(secret, tenant.name, member.email);
  return { secret, uri, qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 220, errorCorrectionLevel: 'M' }) };
}

/** A code from the app turns 2FA on; answers the recovery codes (shown once). */
export async function confirmEnrolment(tenant: TenantContext, member: Member, input: unknown, ip: string | null = null): Promise<{ recoveryCodes: string[] }> {
  const { code } = parseInput(codeSchema, input);
  const key = attemptKey(tenant, member, ip);
  await assertNotThrottled(key);
  const user = await db.user.findUniqueOrThrow({ where: { id: member.userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw conflict('Two-factor authentication is already on.');
  if (!user.totpSecret) throw conflict('Start the set-up again: no authenticator app is being added.');
  const step = await verifyTotp(decryptSecret(user.totpSecret), code.replace(/\s/g, ''), null);
  if (step === null) {
    await recordFailure(key);
    throw validationFailed({ code: 'That code is not right. Enter the 6-digit code your app shows now.' }, 'Wrong code.');
  }
  await clearFailures(key);
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: member.userId, totpEnabledAt: null, totpSecret: user.totpSecret }, data: { totpEnabledAt: new Date(), totpLastTimeStep: step } });
    if (count !== 1) throw conflict('Start the set-up again: it changed in another window.');
    const recoveryCodes = await replaceRecoveryCodes(tx, member.userId);
    await recordAudit(tx, { tenantId: tenant.id, actor: actor(member), action: 'account.two_factor_enabled', target: { type: 'user', id: member.userId }, ip });
    return { recoveryCodes };
  });
}

/** Turns 2FA off, proven with a current code (or a recovery code) or the password. */
export async function disableTwoFactor(tenant: TenantContext, member: Member, input: unknown, ip: string | null = null): Promise<void> {
  const { code, password } = parseInput(disableSchema, input);
  if (!code && !password) throw validationFailed({ code: 'Enter a code from your app, or your password.' });
  const key = attemptKey(tenant, member, ip);
  await assertNotThrottled(key);
  const user = await db.user.findUniqueOrThrow({ where: { id: member.userId }, select: { totpEnabledAt: true, passwordHash: true } });
  if (!user.totpEnabledAt) throw conflict('Two-factor authentication is not on.');
  const proven = code ? (await checkSecondFactor(member.userId, code)) !== null : await verifyPassword(password, user.passwordHash);
  if (!proven) {
    await recordFailure(key);
    throw validationFailed(code ? { code: 'That code is not right, or was already used.' } : { password: 'This is not your password.' }, code ? 'Wrong code.' : 'Wrong password.');
  }
  await clearFailures(key);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: member.userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastTimeStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: member.userId } });
    await recordAudit(tx, { tenantId: tenant.id, actor: actor(member), action: 'account.two_factor_disabled', target: { type: 'user', id: member.userId }, ip, metadata: { provenWith: code ? 'code' : 'password' } });
  });
}

/** New recovery codes (the old ones stop working), proven with a code from the app. */
export async function regenerateRecoveryCodes(tenant: TenantContext, member: Member, input: unknown, ip: string | null = null): Promise<{ recoveryCodes: string[] }> {
  const { code } = parseInput(codeSchema, input);
  const key = attemptKey(tenant, member, ip);
  await assertNotThrottled(key);
  if (!(await twoFactorStatus(member)).enabled) throw conflict('Two-factor authentication is not on.');
  if (!(await checkSecondFactor(member.userId, code, { allowRecovery: false }))) {
    await recordFailure(key);
    throw validationFailed({ code: 'That code is not right, or was already used. Enter the code your app shows now.' }, 'Wrong code.');
  }
  await clearFailures(key);
  return db.$transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, member.userId);
    await recordAudit(tx, { tenantId: tenant.id, actor: actor(member), action: 'account.recovery_codes_regenerated', target: { type: 'user', id: member.userId }, ip });
    return { recoveryCodes };
  });
}
