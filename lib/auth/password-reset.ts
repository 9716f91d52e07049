import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { platformOrigin, tenantOrigin } from '../config/env.ts';
import { db } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { sendEmail } from '../email/send-email.ts';
import { passwordResetEmail } from '../email/templates/password-reset-email.ts';
import { afterResponse } from '../http/after-response.ts';
import { AppError, parseInput, tooManyRequests } from '../http/problem.ts';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { markEmailVerified } from './email-verification.ts';
import { hashToken } from './login-token.ts';
import { findMemberByEmail } from './magic-link.ts';
import { hashPassword } from './password.ts';
import { newPasswordSchema } from './password-rules.ts';
import { endSessions } from './user-sessions.ts';

// "Forgot password?" on every sign-in page. The answer never says whether the address has an
// account: every request is validated, throttled and recorded the same way, and only after the
// response has gone does anything look the address up and, for someone who may sign in on
// that host, send a single-use link (30 minutes, stored as SHA-256) to a page on the same host.
// Choosing the new password there ends every session of the account and marks its address
// verified (the link proves it).

export const RESET_TTL_MS = 30 * 60_000;
export const RESET_WINDOW_MINUTES = 15;
export const MAX_RESETS_PER_ADDRESS = 3;
export const MAX_RESETS_PER_IP = 20;
export const RESET_REQUESTED = 'If an account exists for that address, we sent it a link to choose a new password. The link works once, for 30 minutes.';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const requestSchema = z.object({
  email: z.string({ message: 'Enter your email address.' }).trim().toLowerCase().max(254, 'Use at most 254 characters.').email('Enter a valid email address.'),
});

const resetSchema = z.object({ password: newPasswordSchema });

const invalidLink = () => new AppError(410, 'reset_link_invalid', 'This link has expired or was already used. Ask for a new one.');

/** Who may get a link on this host: the workspace's members, or on the root domain operators, reseller and partner users. */
async function accountFor(tenant: TenantContext | null, email: string): Promise<{ id: string; email: string } | null> {
  if (tenant) return findMemberByEmail(tenant.id, email);
  return db.user.findFirst({ where: { email, OR: [{ platformRole: { not: null } }, { resellerUsers: { some: {} } }, { partnerUsers: { some: {} } }] }, select: { id: true, email: true } });
}

/**
 * The request: the same answer, work and timing for every valid address. 429 past the throttle
 * (per address and per IP). `pageLanguage`: the language of the page it was asked on, which the
 * email speaks on the root domain (a workspace's member gets their own, else the workspace's).
 */
export async function requestPasswordReset(tenant: TenantContext | null, input: unknown, ip: string | null, pageLanguage: Language = DEFAULT_LANGUAGE): Promise<{ message: string }> {
  const { email } = parseInput(requestSchema, input);
  const since = new Date(Date.now() - RESET_WINDOW_MINUTES * 60_000);
  const [byAddress, byIp] = await Promise.all([
    db.passwordResetRequest.count({ where: { email, createdAt: { gte: since } } }),
    // Without a known IP only the address counts (no shared bucket of unknown callers).
    ip ? db.passwordResetRequest.count({ where: { ip, createdAt: { gte: since } } }) : 0,
  ]);
  if (byAddress >= MAX_RESETS_PER_ADDRESS || byIp >= MAX_RESETS_PER_IP) {
    throw tooManyRequests(`Too many requests for a password link. Try again in ${RESET_WINDOW_MINUTES} minutes.`, RESET_WINDOW_MINUTES * 60);
  }
  await db.passwordResetRequest.create({ data: { tenantId: tenant?.id ?? null, email, ip: ip ?? '' }, select: { id: true } });
  afterResponse(() => sendResetLink(tenant, email, pageLanguage));
  return { message: RESET_REQUESTED };
}

async function sendResetLink(tenant: TenantContext | null, email: string, pageLanguage: Language): Promise<void> {
  // Keep the request log small: anything outside the window no longer counts.
  if (Math.random() < 0.05) await db.passwordResetRequest.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - RESET_WINDOW_MINUTES * 60_000) } } });
  const account = await accountFor(tenant, email);
  if (!account) return;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + RESET_TTL_MS);
  await db.passwordReset.create({ data: { userId: account.id, tenantId: tenant?.id ?? null, tokenHash: hashToken(token), expiresAt } });
  const resetUrl = `${tenant ? tenantOrigin(tenant.slug) : platformOrigin()}/reset-password/${token}`;
  const membership = tenant ? await tenantDb(tenant.id).membership.findFirst({ where: { userId: account.id }, select: { locale: true } }) : null;
  const language = tenant ? emailLocaleFor(tenant, membership).language : pageLanguage;
  await sendEmail({ tenant, to: account.email, kind: 'password_reset', ...(await passwordResetEmail({ tenant, resetUrl, expiresAt, language })) });
}

export type ResetLookup = { status: 'valid'; email: string } | { status: 'invalid' };

/** What the reset page shows for a token made on this host; never throws for a bad one. */
export async function lookupPasswordReset(tenant: TenantContext | null, token: string): Promise<ResetLookup> {
  if (!TOKEN_PATTERN.test(token)) return { status: 'invalid' };
  const reset = await db.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: { tenantId: true, usedAt: true, expiresAt: true, user: { select: { email: true } } } });
  if (!reset || reset.tenantId !== (tenant?.id ?? null) || reset.usedAt || reset.expiresAt.getTime() <= Date.now()) return { status: 'invalid' };
  return { status: 'valid', email: reset.user.email };
}

/**
 * Sets the new password with a link made on this host, once. Every session of the account
 * ends, other unused links stop working, and failed sign-ins are forgotten. Answers where to
 * sign in next (on this host).
 */
export async function resetPassword(tenant: TenantContext | null, token: string, input: unknown, ip: string | null): Promise<{ signInUrl: string }> {
  const { password } = parseInput(resetSchema, input);
  if (!TOKEN_PATTERN.test(token)) throw invalidLink();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, tenantId: true, userId: true } });
    if (!reset || reset.tenantId !== (tenant?.id ?? null)) throw invalidLink();
    // One UPDATE both checks and spends the link, so two submissions cannot both succeed.
    const { count } = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count !== 1) throw invalidLink();
    // The link proves the address (and takes an unverified account from whoever registered it).
    await markEmailVerified(tx, reset.userId, { now });
    const user = await tx.user.update({ where: { id: reset.userId }, data: { passwordHash }, select: { id: true, email: true, platformRole: true, _count: { select: { resellerUsers: true } } } });
    await endSessions(tx, { userId: user.id }, 'password_reset', now);
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.loginFailure.deleteMany({ where: { email: user.email } });
    if (tenant) await recordAudit(tx, { tenantId: tenant.id, actor: { id: user.id, email: user.email }, action: 'account.password_reset', target: { type: 'user', id: user.id }, ip });
    return { signInUrl: tenant ? '/signin' : user.platformRole ? '/operator/signin' : user._count.resellerUsers > 0 ? '/reseller/signin' : '/partner/signin' };
  });
}
