import { randomBytes } from 'node:crypto';
import { confirmAccountPassword } from '../auth/confirm-password.ts';
import type { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { markEmailVerified } from '../auth/email-verification.ts';
import { hashToken, issueLoginToken } from '../auth/login-token.ts';
import { hashPassword } from '../auth/password.ts';
import type { Member } from '../auth/session.ts';
import { tenantOrigin } from '../config/env.ts';
import { db, Prisma } from '../db/client.ts';
import type { Role } from '../db/generated/enums.ts';
import { tenantDb, type TenantDb } from '../db/tenant-db.ts';
import { assertSeatAvailable } from '../billing/seats.ts';
import { sendEmail, type Delivery } from '../email/send-email.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { invitationEmail } from '../email/templates/invitation-email.ts';
import { emitEvent } from '../events/domain-events.ts';
import { notifyInvitationAccepted } from '../notifications/membership-events.ts';
import { AppError, conflict, forbidden, notFound, tooManyRequests, validationFailed, zodFieldErrors } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { acceptInvitationSchema, createInvitationSchema, newAccountSchema, type InvitationResult, type InvitationView } from './invitation-schema.ts';
import { assertCan, can } from './permissions.ts';

// Invitations by email. The token (32 random bytes) only ever exists in the email; the
// database keeps its SHA-256 hash. A token is single-use, valid for 7 days, and belongs to
// one tenant: looked up through tenantDb(), another tenant's token matches nothing.
// Rules: members.manage to invite, resend and revoke; only owners touch owner invitations;
// one open invitation per address; resending at most once a minute.

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
export const RESEND_INTERVAL_MS = 60_000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const ALREADY_MEMBER = 'This person is already a member of this workspace.';
const ALREADY_INVITED = 'An invitation to this email is already pending. Resend it instead.';
const OWNERS_ONLY = 'Only an owner can invite someone as an owner.';

type Tx = Parameters<Parameters<TenantDb['$transaction']>[0]>[0];

const viewSelect = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  lastSentAt: true,
  acceptedAt: true,
  revokedAt: true,
  invitedBy: { select: { name: true, email: true } },
} as const;

type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof viewSelect }>;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailed(zodFieldErrors(parsed.error));
  return parsed.data;
}

function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

function expiry(): Date {
  return new Date(Date.now() + INVITATION_TTL_MS);
}

function actorOf(member: Member) {
  return { id: member.userId, email: member.email };
}

function inviterName(row: InvitationRow): string | null {
  return row.invitedBy ? (row.invitedBy.name ?? row.invitedBy.email) : null;
}

function toView(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: inviterName(row),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastSentAt: row.lastSentAt.toISOString(),
    expired: row.expiresAt.getTime() <= Date.now(),
  };
}

/** The link in the email. It uses the tenant's platform subdomain, which always resolves. */
export function invitationUrl(tenant: TenantContext, token: string): string {
  return `${tenantOrigin(tenant.slug)}/invite/${token}`;
}

async function deliver(tenant: TenantContext, row: InvitationRow, token: string): Promise<Delivery> {
  // The invitee is not a member yet: the workspace's language (lib/email/email-language.ts).
  const content = await invitationEmail({ tenant, inviterName: inviterName(row), role: row.role, acceptUrl: invitationUrl(tenant, token), expiresAt: row.expiresAt, ...emailLocaleFor(tenant, null) });
  const { delivery } = await sendEmail({ tenant, to: row.email, kind: 'invitation', ...content });
  return delivery;
}

function assertMayTouch(actor: Member, role: Role): void {
  if (role === 'owner' && !can(actor.role, 'owners.manage')) throw forbidden(OWNERS_ONLY);
}

/** Locks one invitation row for the rest of the transaction; 404 if this tenant has none with that id. */
async function lockInvitation(tx: Tx, tenantId: string, invitationId: string): Promise<InvitationRow> {
  await tx.$queryRaw`SELECT id FROM "Invitation" WHERE id = ${invitationId} AND "tenantId" = ${tenantId} FOR UPDATE`;
  const row = await tx.invitation.findUnique({ where: { id: invitationId }, select: viewSelect });
  if (!row) throw notFound('No such invitation in this workspace.');
  return row;
}

export async function listPendingInvitations(tenant: TenantContext): Promise<InvitationView[]> {
  const rows = await tenantDb(tenant.id).invitation.findMany({
    where: { acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    take: 500,
    select: viewSelect,
  });
  return rows.map(toView);
}

export async function createInvitation(tenant: TenantContext, actor: Member, input: unknown, ip: string | null = null): Promise<InvitationResult> {
  assertCan(actor.role, 'members.manage');
  const { email, role } = parse(createInvitationSchema, input);
  assertMayTouch(actor, role);
  const { token, tokenHash } = newToken();
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    // One open invitation per address: serialize concurrent invitations to the same one.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invitation:${tenant.id}:${email}`}))`;
    if (await tx.membership.count({ where: { user: { email } } })) throw conflict(ALREADY_MEMBER, { email: ALREADY_MEMBER });
    if (await tx.invitation.count({ where: { email, acceptedAt: null, revokedAt: null } })) throw conflict(ALREADY_INVITED, { email: ALREADY_INVITED });
    // The plan's member limit counts pending invitations too.
    await assertSeatAvailable(tx, tenant, 'invite');
    const created = await tx.invitation.create({
      data: { tenantId: tenant.id, email, role, tokenHash, invitedById: actor.userId, expiresAt: expiry() },
      select: viewSelect,
    });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(actor), action: 'invitation.created', target: { type: 'invitation', id: created.id }, ip, metadata: { email, role } });
    return created;
  });
  return { invitation: toView(row), delivery: await deliver(tenant, row, token) };
}

/** A new token (the old link stops working) and a fresh 7 days; at most once a minute. */
export async function resendInvitation(tenant: TenantContext, actor: Member, invitationId: string, ip: string | null = null): Promise<InvitationResult> {
  assertCan(actor.role, 'members.manage');
  const { token, tokenHash } = newToken();
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    const current = await lockInvitation(tx, tenant.id, invitationId);
    if (current.acceptedAt) throw conflict('This invitation was already accepted.');
    if (current.revokedAt) throw conflict('This invitation was revoked. Invite the person again instead.');
    assertMayTouch(actor, current.role);
    const wait = current.lastSentAt.getTime() + RESEND_INTERVAL_MS - Date.now();
    if (wait > 0) throw tooManyRequests('This invitation was sent less than a minute ago. Wait a moment before sending it again.', Math.ceil(wait / 1000));
    // An expired invitation no longer holds a seat; sending it again takes one.
    if (current.expiresAt.getTime() <= Date.now()) await assertSeatAvailable(tx, tenant, 'invite');
    const updated = await tx.invitation.update({ where: { id: current.id }, data: { tokenHash, expiresAt: expiry(), lastSentAt: new Date() }, select: viewSelect });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(actor), action: 'invitation.resent', target: { type: 'invitation', id: current.id }, ip, metadata: { email: current.email, role: current.role } });
    return updated;
  });
  return { invitation: toView(row), delivery: await deliver(tenant, row, token) };
}

/** Withdraws a pending invitation; revoking one that is already revoked changes nothing. */
export async function revokeInvitation(tenant: TenantContext, actor: Member, invitationId: string, ip: string | null = null): Promise<void> {
  assertCan(actor.role, 'members.manage');
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const current = await lockInvitation(tx, tenant.id, invitationId);
    if (current.acceptedAt) throw conflict('This invitation was already accepted. Remove the member instead.');
    assertMayTouch(actor, current.role);
    if (current.revokedAt) return;
    await tx.invitation.update({ where: { id: current.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(actor), action: 'invitation.revoked', target: { type: 'invitation', id: current.id }, ip, metadata: { email: current.email, role: current.role } });
  });
}

export interface InvitationDetails {
  id: string;
  email: string;
  role: Role;
  inviterName: string | null;
  expiresAt: Date;
  /** The verified account that already uses this email, if any: it joins instead of a new one. */
  existingUserId: string | null;
}

export type InvitationLookup = { status: 'valid'; invitation: InvitationDetails } | { status: 'not_found' | 'expired' | 'revoked' | 'accepted' };

/** What the accept page shows for a token; never throws for a bad one. */
export async function lookupInvitation(tenant: TenantContext, token: string): Promise<InvitationLookup> {
  if (!TOKEN_PATTERN.test(token)) return { status: 'not_found' };
  const row = await tenantDb(tenant.id).invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: viewSelect });
  if (!row) return { status: 'not_found' };
  if (row.acceptedAt) return { status: 'accepted' };
  if (row.revokedAt) return { status: 'revoked' };
  if (row.expiresAt.getTime() <= Date.now()) return { status: 'expired' };
  // An account nobody has proven the address of may be someone else's registration: the
  // invitee (who got this link at that address) sets it up afresh, as a new account.
  const user = await db.user.findUnique({ where: { email: row.email }, select: { id: true, emailVerifiedAt: true } });
  return {
    status: 'valid',
    invitation: { id: row.id, email: row.email, role: row.role, inviterName: inviterName(row), expiresAt: row.expiresAt, existingUserId: user?.emailVerifiedAt ? user.id : null },
  };
}

const gone = (code: 'invitation_expired' | 'invitation_revoked' | 'invitation_used', message: string) => new AppError(410, code, message);

const LOOKUP_ERRORS = {
  not_found: () => notFound('This invitation link is not valid.'),
  expired: () => gone('invitation_expired', 'This invitation has expired. Ask for a new one.'),
  revoked: () => gone('invitation_revoked', 'This invitation was withdrawn.'),
  accepted: () => gone('invitation_used', 'This invitation was already used. Sign in instead.'),
};

const EXISTS_NOW = 'An account with this email exists now. Reload the page and confirm with its password.';

/**
 * The invitee's account, with the name and password they chose; the emailed link proves the
 * address. An unverified account already at this address is taken over (its password and
 * sessions, possibly someone else's, end: lib/auth/email-verification.ts).
 */
async function setUpAccount(tx: Prisma.TransactionClient, email: string, account: { name: string; passwordHash: string }) {
  const select = { id: true, email: true, name: true } as const;
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true, emailVerifiedAt: true } });
  if (!existing) return tx.user.create({ data: { email, ...account, emailVerifiedAt: new Date() }, select });
  if (existing.emailVerifiedAt) throw conflict(EXISTS_NOW);
  await markEmailVerified(tx, existing.id);
  return tx.user.update({ where: { id: existing.id }, data: account, select });
}

export interface AcceptContext {
  ip: string | null;
  /** The user signed in on this tenant's host, if any: the invitee needs no password then. */
  sessionUserId: string | null;
}

export interface AcceptResult {
  userId: string;
  /** Where the browser goes next (on this host): the sign-in hand-off. */
  redirectTo: string;
}

/**
 * Accepts an invitation: a new person gets an account (name + password), someone with an
 * account confirms their password (or is already signed in as that account). The
 * membership, the user.created event and the audit entry are written together, and the
 * token is spent in the same transaction, so it works exactly once.
 */
export async function acceptInvitation(tenant: TenantContext, token: string, input: unknown, context: AcceptContext): Promise<AcceptResult> {
  const body = parse(acceptInvitationSchema, input ?? {});
  const lookup = await lookupInvitation(tenant, token);
  if (lookup.status !== 'valid') throw LOOKUP_ERRORS[lookup.status]();
  const { invitation } = lookup;
  const signedIn = invitation.existingUserId !== null && invitation.existingUserId === context.sessionUserId;

  let newAccount: { name: string; passwordHash: string } | null = null;
  if (!invitation.existingUserId) {
    const { name, password } = parse(newAccountSchema, body);
    newAccount = { name, passwordHash: await hashPassword(password) };
  } else if (!signedIn) {
    await confirmAccountPassword({ tenantId: tenant.id, email: invitation.email, ip: context.ip }, body.password);
  }

  try {
    return await db.$transaction(async (tx) => {
      const now = new Date();
      const { count } = await tx.invitation.updateMany({
        where: { id: invitation.id, tenantId: tenant.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (count !== 1) throw gone('invitation_used', 'This invitation is no longer valid.');
      const user = newAccount
        ? await setUpAccount(tx, invitation.email, newAccount)
        : await tx.user.findUniqueOrThrow({ where: { email: invitation.email }, select: { id: true, email: true, name: true } });
      const membership = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } }, select: { role: true } });
      // Someone who joined meanwhile (e.g. through another invitation) keeps their role.
      if (!membership) {
        await assertSeatAvailable(tx, tenant, 'join');
        await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: invitation.role } });
        await emitEvent(tx, tenant.id, 'user.created', { userId: user.id, email: user.email, name: user.name, role: invitation.role }, user.id);
        await notifyInvitationAccepted(tx, tenant.id, invitation.id, user);
      }
      await recordAudit(tx, {
        tenantId: tenant.id,
        actor: { id: user.id, email: user.email },
        action: 'invitation.accepted',
        target: { type: 'invitation', id: invitation.id },
        ip: context.ip,
        metadata: { email: user.email, role: membership?.role ?? invitation.role, newAccount: newAccount !== null },
      });
      // Also when already signed in on this host: a session from before the membership
      // existed does not count for it (lib/auth/session.ts), so the hand-off signs in afresh.
      const loginToken = await issueLoginToken(tx, user.id, tenant.id, 'invitation');
      return { userId: user.id, redirectTo: `/auth/handoff?token=${encodeURIComponent(loginToken)}` };
    });
  } catch (error) {
    // An account with this email was created between the page load and now (e.g. a sign-up).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw conflict(EXISTS_NOW);
    }
    throw error;
  }
}
