import { randomBytes } from 'node:crypto';
import { confirmAccountPassword } from '../auth/confirm-password.ts';
import { markEmailVerified } from '../auth/email-verification.ts';
import { hashToken } from '../auth/login-token.ts';
import { hashPassword } from '../auth/password.ts';
import { db, Prisma } from '../db/client.ts';
import type { Delivery } from '../email/send-email.ts';
import { AppError, conflict, forbidden, notFound, parseInput } from '../http/problem.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import { assertPartnerOwner, type PartnerActor } from './partner-actor.ts';
import { sendPartnerAccessEmail } from './partner-emails.ts';
import { acceptPartnerInvitationSchema, invitePartnerUserSchema, newPartnerAccountSchema, partnerUserRoleSchema, PARTNER_USER_ROLES, type PartnerUserRole } from './partner-schema.ts';
import { syncSandboxMember } from './sandbox.ts';

// People who work for a partner: owners (profile, people, agreement, apps), developers (apps)
// and billing contacts (payouts, next issue). A partner user is an ordinary User with a
// PartnerUser row; they sign in on the root domain at /partner/signin, and owners and
// developers are members of the partner's sandbox workspace too (sandbox.ts).
//
// Invitations work like the reseller's (lib/resellers/reseller-users.ts): a VerificationToken
// with identifier "partner-invite:<partnerId>:<role>:<email>" and the SHA-256 of 32 random
// bytes that only ever exist in the email; single-use, 7 days. An owner adding someone who
// already has a Waypoint account adds them at once (and tells them); the public application
// always goes through a link, so the applicant proves the address before anything is theirs.

export const PARTNER_INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
const PREFIX = 'partner-invite';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

type Tx = Prisma.TransactionClient;

export interface PartnerGrant {
  status: 'added' | 'invited';
  token: string | null;
  expiresAt: Date | null;
}

function identifier(partnerId: string, role: PartnerUserRole, email: string): string {
  return `${PREFIX}:${partnerId}:${role}:${email}`;
}

function parseIdentifier(value: string): { partnerId: string; role: PartnerUserRole; email: string } | null {
  const [prefix, partnerId, role, ...rest] = value.split(':');
  if (prefix !== PREFIX || !partnerId || !(PARTNER_USER_ROLES as readonly string[]).includes(role) || rest.length === 0) return null;
  return { partnerId, role: role as PartnerUserRole, email: rest.join(':') };
}

/** A link for `email` to join the partner as `role` (replacing any earlier one to the same address). */
export async function issuePartnerInvitation(tx: Tx, partnerId: string, role: PartnerUserRole, email: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + PARTNER_INVITATION_TTL_MS);
  await tx.verificationToken.deleteMany({ where: { identifier: { startsWith: `${PREFIX}:${partnerId}:`, endsWith: `:${email}` } } });
  await tx.verificationToken.create({ data: { identifier: identifier(partnerId, role, email), token: hashToken(token), expires: expiresAt } });
  return { token, expiresAt };
}

/** Open invitations of a partner (not expired). */
export async function pendingPartnerInvitations(partnerId: string, client: Pick<typeof db, 'verificationToken'> = db): Promise<{ email: string; role: PartnerUserRole; expiresAt: Date }[]> {
  const tokens = await client.verificationToken.findMany({ where: { identifier: { startsWith: `${PREFIX}:${partnerId}:` }, expires: { gt: new Date() } }, orderBy: { expires: 'desc' } });
  return tokens.flatMap((token) => {
    const parsed = parseIdentifier(token.identifier);
    return parsed ? [{ email: parsed.email, role: parsed.role, expiresAt: token.expires }] : [];
  });
}

/** Drops every open invitation of a partner (a rejected application's link stops working). */
export async function dropPartnerInvitations(tx: Tx, partnerId: string): Promise<void> {
  await tx.verificationToken.deleteMany({ where: { identifier: { startsWith: `${PREFIX}:${partnerId}:` } } });
}

/**
 * Gives `email` access to the partner as `role`, inside the caller's transaction: an existing
 * account is added at once, anyone else gets an invitation link.
 */
export async function grantPartnerAccess(tx: Tx, partnerId: string, input: { email: string; role: PartnerUserRole }): Promise<PartnerGrant> {
  const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (user) {
    const existing = await tx.partnerUser.findUnique({ where: { partnerId_userId: { partnerId, userId: user.id } }, select: { id: true } });
    if (existing) throw conflict('This person already works for this partner.', { email: 'This person already works for this partner.' });
    await tx.partnerUser.create({ data: { partnerId, userId: user.id, role: input.role } });
    await syncSandboxMember(tx, partnerId, user.id, input.role);
    return { status: 'added', token: null, expiresAt: null };
  }
  const { token, expiresAt } = await issuePartnerInvitation(tx, partnerId, input.role, input.email);
  return { status: 'invited', token, expiresAt };
}

function assertCanManagePeople(actor: PartnerActor): void {
  assertPartnerOwner(actor);
  if (actor.partner.status === 'rejected' || actor.partner.status === 'suspended') throw forbidden('Your partner account cannot add people right now.');
}

/** An owner adds someone to the partner account. */
export async function invitePartnerUser(actor: PartnerActor, input: unknown, ip: string | null = null): Promise<{ status: 'added' | 'invited'; email: string; role: PartnerUserRole; delivery: Delivery }> {
  assertCanManagePeople(actor);
  const { email, role } = parseInput(invitePartnerUserSchema, input);
  const grant = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`partner-user:${actor.partnerId}:${email}`}))`;
    const grant = await grantPartnerAccess(tx, actor.partnerId, { email, role });
    await recordPlatformAudit(tx, {
      actor: { id: actor.userId, email: actor.email },
      action: grant.status === 'added' ? 'partner_user.added' : 'partner_user.invited',
      target: { type: 'partner', id: actor.partnerId },
      ip,
      metadata: { email, role },
    });
    return grant;
  });
  const delivery = await sendPartnerAccessEmail(email, actor.partner.name, actor.name ?? actor.email, role, grant);
  return { status: grant.status, email, role, delivery };
}

export interface PartnerUserView {
  userId: string;
  email: string;
  name: string | null;
  role: PartnerUserRole;
  joinedAt: Date;
}

export async function listPartnerUsers(actor: PartnerActor): Promise<{ users: PartnerUserView[]; pending: { email: string; role: PartnerUserRole; expiresAt: Date }[] }> {
  const [rows, pending] = await Promise.all([
    db.partnerUser.findMany({ where: { partnerId: actor.partnerId }, orderBy: { createdAt: 'asc' }, select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } } }),
    pendingPartnerInvitations(actor.partnerId),
  ]);
  return {
    users: rows.map((row) => ({ userId: row.user.id, email: row.user.email, name: row.user.name, role: (PARTNER_USER_ROLES as readonly string[]).includes(row.role) ? (row.role as PartnerUserRole) : 'developer', joinedAt: row.createdAt })),
    pending,
  };
}

async function lockOwners(tx: Tx, partnerId: string): Promise<string[]> {
  // Serializes changes to who owns the partner, so two owners demoting each other cannot leave none.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`partner-owners:${partnerId}`}))`;
  const owners = await tx.partnerUser.findMany({ where: { partnerId, role: 'owner' }, select: { userId: true } });
  return owners.map((owner) => owner.userId);
}

/** An owner changes someone's role; the partner keeps at least one owner. */
export async function setPartnerUserRole(actor: PartnerActor, userId: string, input: unknown, ip: string | null = null): Promise<PartnerUserView> {
  assertPartnerOwner(actor);
  const { role } = parseInput(partnerUserRoleSchema, input);
  return db.$transaction(async (tx) => {
    const owners = await lockOwners(tx, actor.partnerId);
    const row = await tx.partnerUser.findUnique({ where: { partnerId_userId: { partnerId: actor.partnerId, userId } }, select: { id: true, role: true } });
    if (!row) throw notFound('No such person in your partner account.');
    if (row.role === 'owner' && role !== 'owner' && owners.length <= 1) throw conflict('Your partner account needs at least one owner. Make someone else an owner first.', { role: 'Your partner account needs at least one owner.' });
    const updated = await tx.partnerUser.update({ where: { id: row.id }, data: { role }, select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } } });
    await syncSandboxMember(tx, actor.partnerId, userId, role);
    await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'partner_user.role_changed', target: { type: 'partner', id: actor.partnerId }, ip, metadata: { userId, email: updated.user.email, from: row.role, to: role } });
    return { userId: updated.user.id, email: updated.user.email, name: updated.user.name, role, joinedAt: updated.createdAt };
  });
}

/** An owner removes someone (never themselves; never the last owner). They leave the sandbox too. */
export async function removePartnerUser(actor: PartnerActor, userId: string, ip: string | null = null): Promise<void> {
  assertPartnerOwner(actor);
  if (userId === actor.userId) throw conflict('You cannot remove yourself.');
  await db.$transaction(async (tx) => {
    const owners = await lockOwners(tx, actor.partnerId);
    const row = await tx.partnerUser.findUnique({ where: { partnerId_userId: { partnerId: actor.partnerId, userId } }, select: { id: true, role: true, user: { select: { email: true } } } });
    if (!row) throw notFound('No such person in your partner account.');
    if (row.role === 'owner' && owners.length <= 1) throw conflict('Your partner account needs at least one owner.');
    await tx.partnerUser.delete({ where: { id: row.id } });
    await syncSandboxMember(tx, actor.partnerId, userId, null);
    await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'partner_user.removed', target: { type: 'partner', id: actor.partnerId }, ip, metadata: { userId, email: row.user.email, role: row.role } });
  });
}

/** An owner withdraws an open invitation. */
export async function revokePartnerInvitation(actor: PartnerActor, email: string, ip: string | null = null): Promise<void> {
  assertPartnerOwner(actor);
  const address = email.trim().toLowerCase();
  await db.$transaction(async (tx) => {
    const { count } = await tx.verificationToken.deleteMany({ where: { identifier: { startsWith: `${PREFIX}:${actor.partnerId}:`, endsWith: `:${address}` } } });
    if (count === 0) throw notFound('No open invitation for this address.');
    await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'partner_user.invitation_revoked', target: { type: 'partner', id: actor.partnerId }, ip, metadata: { email: address } });
  });
}

export interface PartnerInvitationDetails {
  partnerName: string;
  email: string;
  role: PartnerUserRole;
  /** An account already uses this address: it confirms with its password. */
  existingAccount: boolean;
}

async function findInvitation(token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db.verificationToken.findUnique({ where: { token: hashToken(token) } });
  if (!row || row.expires <= new Date()) return null;
  const parsed = parseIdentifier(row.identifier);
  if (!parsed) return null;
  const partner = await db.partner.findUnique({ where: { id: parsed.partnerId }, select: { id: true, name: true, status: true } });
  if (!partner || partner.status === 'rejected') return null;
  return { row, ...parsed, partner };
}

/** What the welcome page shows for a link; null when it is unknown, used or expired. */
export async function lookupPartnerInvitation(token: string): Promise<PartnerInvitationDetails | null> {
  const found = await findInvitation(token);
  if (!found) return null;
  const user = await db.user.findUnique({ where: { email: found.email }, select: { id: true } });
  return { partnerName: found.partner.name, email: found.email, role: found.role, existingAccount: !!user };
}

/**
 * Follows an invitation (or an application's confirmation) link: a new person sets name and
 * password; an address that has an account confirms its password. The token is spent in the
 * transaction that adds the access, so a link works once.
 */
export async function acceptPartnerInvitation(token: string, input: unknown, ip: string | null): Promise<{ userId: string; email: string }> {
  const body = parseInput(acceptPartnerInvitationSchema, input ?? {});
  const found = await findInvitation(token);
  if (!found) throw new AppError(410, 'invitation_invalid', 'This link is not valid any more. Ask for a new one.');
  const existing = await db.user.findUnique({ where: { email: found.email }, select: { id: true } });
  let newAccount: { name: string; passwordHash: string } | null = null;
  if (existing) {
    await confirmAccountPassword({ tenantId: null, email: found.email, ip }, body.password);
  } else {
    const { name, password } = parseInput(newPartnerAccountSchema, body);
    newAccount = { name, passwordHash: await hashPassword(password) };
  }
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.verificationToken.deleteMany({ where: { token: found.row.token, expires: { gt: new Date() } } });
      if (count !== 1) throw new AppError(410, 'invitation_invalid', 'This link was already used.');
      const user = existing ?? (await tx.user.create({ data: { email: found.email, name: newAccount!.name, passwordHash: newAccount!.passwordHash, emailVerifiedAt: new Date() }, select: { id: true } }));
      if (existing) await markEmailVerified(tx, existing.id, { passwordProven: true });
      const already = await tx.partnerUser.findUnique({ where: { partnerId_userId: { partnerId: found.partner.id, userId: user.id } }, select: { id: true } });
      if (!already) {
        await tx.partnerUser.create({ data: { partnerId: found.partner.id, userId: user.id, role: found.role } });
        await syncSandboxMember(tx, found.partner.id, user.id, found.role);
        await recordPlatformAudit(tx, { actor: { id: user.id, email: found.email }, action: 'partner_user.joined', target: { type: 'partner', id: found.partner.id }, ip, metadata: { email: found.email, role: found.role } });
      }
      return { userId: user.id, email: found.email };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw conflict('An account with this email was just created. Sign in instead.');
    throw error;
  }
}
