import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/record-audit.ts';
import { markEmailVerified } from '../auth/email-verification.ts';
import { hashToken, issueLoginToken } from '../auth/login-token.ts';
import { hashPassword } from '../auth/password.ts';
import { platformOrigin, tenantOrigin } from '../config/env.ts';
import { db, Prisma } from '../db/client.ts';
import { sendEmail } from '../email/send-email.ts';
import { signupEmail } from '../email/templates/signup-email.ts';
import { emitEvent } from '../events/domain-events.ts';
import { afterResponse } from '../http/after-response.ts';
import { AppError, conflict, parseInput, tooManyRequests } from '../http/problem.ts';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages.ts';
import { clearLocalTenantCache, notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import { confirmSignupSchema, signupSchema } from './signup-schema.ts';
import { newTrial } from '../billing/trial-state.ts';

// Sign-up proves the address before anything exists. The form makes a pending sign-up (the
// password waits as a scrypt hash) and always answers "check your email", whether or not the
// address has an account: the lookup and the email happen after the response. The emailed
// link (on the root domain) creates the account, verified, and the workspace, and hands the
// owner to the workspace's host. An address that has an account gets an email saying so; its
// link creates the workspace under that account (whose password stays; the typed one is
// dropped). A slug is checked on the form but only taken when the link is followed.

export const SIGNUP_TTL_MS = 24 * 60 * 60_000;
export const SIGNUP_WINDOW_MINUTES = 15;
export const MAX_SIGNUPS_PER_ADDRESS = 3;
export const MAX_SIGNUPS_PER_IP = 20;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface SignupResult {
  tenantId: string;
  slug: string;
  userId: string;
  /** Where to send the browser: the new tenant's host, which signs the user in. */
  redirectTo: string;
}

const SLUG_TAKEN = 'This address is already taken. Pick another one.';

type Tx = Prisma.TransactionClient;

export interface NewWorkspace {
  slug: string;
  name: string;
  /** The reseller that sells and owns this client workspace (lib/resellers/clients.ts). */
  resellerId?: string | null;
}

/** 409 when the address is taken (a race past this check is decided by the unique index: slugTakenError). */
export async function assertSlugFree(slug: string): Promise<void> {
  if (await slugInUse(db, slug)) throw conflict(SLUG_TAKEN, { slug: SLUG_TAKEN });
}

/** A workspace has it, or had it and was erased (the old address keeps answering "deleted"). */
async function slugInUse(client: Pick<typeof db, 'tenant' | 'deletedTenant'>, slug: string): Promise<boolean> {
  const [live, erased] = await Promise.all([client.tenant.findUnique({ where: { slug }, select: { id: true } }), client.deletedTenant.findUnique({ where: { slug }, select: { id: true } })]);
  return live !== null || erased !== null;
}

export function slugTakenError() {
  return conflict(SLUG_TAKEN, { slug: SLUG_TAKEN });
}

/**
 * The workspace itself, inside the caller's transaction: the tenant (in its trial), its branding and
 * the tenant.created audit entry (with the trial's plan and end), and the tenant cache told about the new slug. Sign-up adds
 * its owner; a reseller adds an owner invitation.
 */
export async function createWorkspaceRecord(tx: Tx, workspace: NewWorkspace, actor: { id: string; email: string }, ip: string | null, metadata: Prisma.InputJsonObject = {}) {
  // The trial of a paid plan (lib/billing/trials.ts); with trials off, the free plan.
  const trial = newTrial();
  const tenant = await tx.tenant.create({
    data: {
      slug: workspace.slug,
      name: workspace.name,
      status: trial ? 'trial' : 'active',
      ...(trial ? { plan: trial.plan, trialEndsAt: trial.trialEndsAt } : {}),
      resellerId: workspace.resellerId ?? null,
      branding: { create: {} },
    },
  });
  await recordAudit(tx, {
    tenantId: tenant.id,
    actor,
    action: 'tenant.created',
    target: { type: 'tenant', id: tenant.id },
    ip,
    metadata: { slug: tenant.slug, name: tenant.name, ...(trial ? { trialPlan: trial.plan, trialEndsAt: trial.trialEndsAt.toISOString() } : {}), ...metadata },
  });
  // The slug may be cached as "unknown" from an earlier visit.
  await notifyTenantChanged(tx);
  return tenant;
}

export interface SignupStarted {
  status: 'check_email';
  message: string;
}

/**
 * The form: validates, checks the slug (a workspace question, not a person's), throttles per
 * address and IP (ip null: a script, not throttled by IP), and stores the pending sign-up.
 * The same answer and work for every address. The email speaks `language`, the sign-up page's.
 */
export async function startSignup(input: unknown, ip: string | null, language: Language = DEFAULT_LANGUAGE): Promise<SignupStarted> {
  const data = parseInput(signupSchema, input);
  const since = new Date(Date.now() - SIGNUP_WINDOW_MINUTES * 60_000);
  const [slugOwner, byAddress, byIp] = await Promise.all([
    slugInUse(db, data.slug),
    db.pendingSignup.count({ where: { email: data.email, createdAt: { gte: since } } }),
    ip ? db.pendingSignup.count({ where: { ip, createdAt: { gte: since } } }) : 0,
  ]);
  if (slugOwner) throw slugTakenError();
  if (byAddress >= MAX_SIGNUPS_PER_ADDRESS || byIp >= MAX_SIGNUPS_PER_IP) {
    throw tooManyRequests(`Too many sign-ups. Try again in ${SIGNUP_WINDOW_MINUTES} minutes.`, SIGNUP_WINDOW_MINUTES * 60);
  }
  const token = randomBytes(32).toString('base64url');
  const pending = await db.pendingSignup.create({
    data: {
      email: data.email,
      name: data.name,
      passwordHash: await hashPassword(data.password),
      workspaceName: data.workspaceName,
      slug: data.slug,
      tokenHash: hashToken(token),
      ip,
      expiresAt: new Date(Date.now() + SIGNUP_TTL_MS),
    },
    select: { email: true, workspaceName: true, expiresAt: true },
  });
  afterResponse(() => sendSignupLink(pending, token, language));
  return { status: 'check_email', message: `Check your email: we sent a link to ${data.email}. Follow it to create your workspace.` };
}

async function sendSignupLink(pending: { email: string; workspaceName: string; expiresAt: Date }, token: string, language: Language): Promise<void> {
  // Keep the table small: now and then, drop sign-ups whose link has expired.
  if (Math.random() < 0.05) await db.pendingSignup.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  const existing = await db.user.findUnique({ where: { email: pending.email }, select: { id: true } });
  const content = await signupEmail({ workspaceName: pending.workspaceName, confirmUrl: `${platformOrigin()}/signup/confirm/${token}`, expiresAt: pending.expiresAt, existingAccount: !!existing, language });
  await sendEmail({ tenant: null, to: pending.email, kind: 'signup', ...content });
}

export type SignupLookup =
  | {
      status: 'valid';
      email: string;
      workspaceName: string;
      slug: string;
      /** The address has an account: the workspace goes to it. */
      existingAccount: boolean;
      /** That account has a password its owner set (a verified account's): it stays. */
      keepsPassword: boolean;
    }
  | { status: 'invalid' };

/** What the confirmation page shows for a link; never throws for a bad one. */
export async function lookupSignup(token: string): Promise<SignupLookup> {
  if (!TOKEN_PATTERN.test(token)) return { status: 'invalid' };
  const pending = await db.pendingSignup.findUnique({ where: { tokenHash: hashToken(token) }, select: { email: true, workspaceName: true, slug: true, usedAt: true, expiresAt: true } });
  if (!pending || pending.usedAt || pending.expiresAt.getTime() <= Date.now()) return { status: 'invalid' };
  const existing = await db.user.findUnique({ where: { email: pending.email }, select: { emailVerifiedAt: true, passwordHash: true } });
  return {
    status: 'valid',
    email: pending.email,
    workspaceName: pending.workspaceName,
    slug: pending.slug,
    existingAccount: !!existing,
    keepsPassword: !!existing?.emailVerifiedAt && !!existing.passwordHash,
  };
}

const invalidLink = () => new AppError(410, 'signup_link_invalid', 'This sign-up link has expired or was already used. Sign up again.');

/**
 * The link, followed: the account (new and verified, or the existing one, which the link
 * proves; an unverified one is taken over from whoever registered it), the workspace, its
 * owner membership and the hand-off to its host, in one transaction. `slug` may replace the
 * one from the form if that was taken meanwhile; a conflict leaves the link usable.
 */
export async function completeSignup(token: string, input: unknown, ip: string | null): Promise<SignupResult> {
  const { slug: chosenSlug } = parseInput(confirmSignupSchema, input ?? {});
  if (!TOKEN_PATTERN.test(token)) throw invalidLink();
  try {
    const result = await db.$transaction(async (tx) => {
      const now = new Date();
      const pending = await tx.pendingSignup.findUnique({ where: { tokenHash: hashToken(token) } });
      if (!pending) throw invalidLink();
      // One UPDATE both checks and spends the link, so two clicks cannot both create a workspace.
      const { count } = await tx.pendingSignup.updateMany({ where: { id: pending.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (count !== 1) throw invalidLink();
      const slug = chosenSlug ?? pending.slug;
      if (await slugInUse(tx, slug)) throw slugTakenError();

      const existing = await tx.user.findUnique({ where: { email: pending.email }, select: { id: true } });
      if (existing) await markEmailVerified(tx, existing.id, { now });
      const user = existing ?? (await tx.user.create({ data: { email: pending.email, name: pending.name, passwordHash: pending.passwordHash, emailVerifiedAt: now }, select: { id: true } }));
      const tenant = await createWorkspaceRecord(tx, { slug, name: pending.workspaceName }, { id: user.id, email: pending.email }, ip);
      await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: 'owner' } });
      await emitEvent(tx, tenant.id, 'user.created', { userId: user.id, email: pending.email, name: existing ? null : pending.name, role: 'owner' }, user.id);
      const handoff = await issueLoginToken(tx, user.id, tenant.id, 'signup');
      return {
        tenantId: tenant.id,
        slug: tenant.slug,
        userId: user.id,
        redirectTo: `${tenantOrigin(tenant.slug)}/auth/handoff?token=${encodeURIComponent(handoff)}`,
      };
    });
    clearLocalTenantCache();
    return result;
  } catch (error) {
    // Two confirmations racing for one slug (or, rarely, one address): the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      if (JSON.stringify(error.meta ?? {}).includes('email')) throw conflict('An account with this email was just created. Follow the link again.');
      throw slugTakenError();
    }
    throw error;
  }
}
