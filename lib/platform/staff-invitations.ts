import { randomBytes } from 'node:crypto';
import { confirmAccountPassword } from '../auth/confirm-password.ts';
import { markEmailVerified } from '../auth/email-verification.ts';
import { hashToken } from '../auth/login-token.ts';
import { hashPassword } from '../auth/password.ts';
import { platformOrigin } from '../config/env.ts';
import { db, Prisma } from '../db/client.ts';
import type { PlatformRole } from '../db/generated/enums.ts';
import { emailBrand } from '../email/email-brand.ts';
import { formatDateTime } from '../email/format-date.ts';
import { renderEmail } from '../email/render-email.ts';
import { sendEmail, type Delivery } from '../email/send-email.ts';
import { AppError, conflict, notFound, parseInput } from '../http/problem.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import { recordPlatformAudit } from './platform-audit.ts';
import { acceptStaffInvitationSchema, inviteStaffSchema, newStaffAccountSchema, STAFF_ROLE_LABELS, type StaffInvitationView } from './staff-schema.ts';

// Invitations to the platform's staff, sent by a platform owner. The token (32 random bytes)
// only ever exists in the email; the row keeps its SHA-256 hash. Single-use, 7 days, one open
// invitation per address. Accepting gives the role; the console then asks the new staff member
// to turn 2FA on before anything else (lib/auth/require-operator.ts).

export const STAFF_INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const ALREADY_STAFF = 'This person is already on the platform staff.';
const ALREADY_INVITED = 'An invitation to this email is already pending. Revoke it to send a new one.';

const viewSelect = { id: true, email: true, role: true, createdAt: true, expiresAt: true, invitedBy: { select: { name: true, email: true } } } as const;
type Row = Prisma.StaffInvitationGetPayload<{ select: typeof viewSelect }>;

const actorOf = (operator: OperatorActor) => ({ id: operator.userId, email: operator.email });

function toView(row: Row, now = Date.now()): StaffInvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy ? (row.invitedBy.name ?? row.invitedBy.email) : null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    expired: row.expiresAt.getTime() <= now,
  };
}

export function staffInvitationUrl(token: string): string {
  return `${platformOrigin()}/operator/join/${token}`;
}

async function sendInvitation(email: string, role: PlatformRole, inviter: string, token: string, expiresAt: Date): Promise<Delivery> {
  const rendered = renderEmail({
    brand: emailBrand(null),
    preview: `${inviter} invited you to the Waypoint operator console.`,
    heading: 'Join the Waypoint operator console',
    paragraphs: [
      `${inviter} invited you to the platform's staff as ${STAFF_ROLE_LABELS[role]}.`,
      'The console runs every workspace on Waypoint. You will set up two-factor authentication (an authenticator app on your phone) when you first sign in: staff cannot use the console without it.',
    ],
    action: { label: 'Accept the invitation', url: staffInvitationUrl(token) },
    footnote: `This link works once and expires on ${formatDateTime(expiresAt, 'UTC')}. If you were not expecting it, ignore this email.`,
  });
  const { delivery } = await sendEmail({ tenant: null, to: email, kind: 'staff_invitation', subject: 'You are invited to the Waypoint operator console', ...rendered });
  return delivery;
}

export async function listStaffInvitations(now = new Date()): Promise<StaffInvitationView[]> {
  const rows = await db.staffInvitation.findMany({ where: { acceptedAt: null, revokedAt: null }, orderBy: { createdAt: 'desc' }, take: 200, select: viewSelect });
  return rows.map((row) => toView(row, now.getTime()));
}

/** A platform owner invites someone by email with a role; an expired invitation to the same address is replaced. */
export async function inviteStaff(actor: OperatorActor, input: unknown, ip: string | null = null): Promise<{ invitation: StaffInvitationView; delivery: Delivery }> {
  const { email, role } = parseInput(inviteStaffSchema, input);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + STAFF_INVITATION_TTL_MS);
  const row = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`staff-invitation:${email}`}))`;
    if (await tx.user.count({ where: { email, platformRole: { not: null } } })) throw conflict(ALREADY_STAFF, { email: ALREADY_STAFF });
    if (await tx.staffInvitation.count({ where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } })) throw conflict(ALREADY_INVITED, { email: ALREADY_INVITED });
    const created = await tx.staffInvitation.create({ data: { email, role, tokenHash: hashToken(token), invitedById: actor.userId, expiresAt }, select: viewSelect });
    await recordPlatformAudit(tx, { actor: actorOf(actor), action: 'staff.invited', target: { type: 'staff_invitation', id: created.id }, ip, metadata: { email, role } });
    return created;
  });
  return { invitation: toView(row), delivery: await sendInvitation(email, role, actor.email, token, expiresAt) };
}

/** Withdraws a pending invitation (its link stops working); revoking twice changes nothing. */
export async function revokeStaffInvitation(actor: OperatorActor, id: string, ip: string | null = null): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.staffInvitation.findUnique({ where: { id }, select: { email: true, role: true, acceptedAt: true, revokedAt: true } });
    if (!row) throw notFound('No such invitation.');
    if (row.acceptedAt) throw conflict('This invitation was already accepted. Remove the staff member instead.');
    const { count } = await tx.staffInvitation.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(), tokenHash: `revoked:${id}` } });
    if (count === 1) await recordPlatformAudit(tx, { actor: actorOf(actor), action: 'staff.invitation_revoked', target: { type: 'staff_invitation', id }, ip, metadata: { email: row.email, role: row.role } });
  });
}

export interface StaffInvitationDetails {
  email: string;
  role: PlatformRole;
  inviter: string | null;
  /** A verified account already uses this address: it confirms its password instead of making one. */
  existingAccount: boolean;
}

async function findValid(token: string, now = new Date()) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db.staffInvitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { ...viewSelect, acceptedAt: true, revokedAt: true } });
  return row && !row.acceptedAt && !row.revokedAt && row.expiresAt > now ? row : null;
}

/** What the join page shows for a link; null when it is unknown, used, revoked or expired. */
export async function lookupStaffInvitation(token: string): Promise<StaffInvitationDetails | null> {
  const row = await findValid(token);
  if (!row) return null;
  const user = await db.user.findUnique({ where: { email: row.email }, select: { emailVerifiedAt: true } });
  return { email: row.email, role: row.role, inviter: row.invitedBy ? (row.invitedBy.name ?? row.invitedBy.email) : null, existingAccount: !!user?.emailVerifiedAt };
}

/**
 * Accepts a staff invitation: a new person sets their name and a password; someone with a
 * verified account confirms its password. An account nobody has proven the address of may be
 * someone else's registration: the invitee (who got this link at that address) sets its
 * password afresh, and its other sessions end. Spent in the same transaction that gives the role.
 */
export async function acceptStaffInvitation(token: string, input: unknown, ip: string | null = null): Promise<{ userId: string; email: string }> {
  const body = parseInput(acceptStaffInvitationSchema, input ?? {});
  const found = await findValid(token);
  if (!found) throw new AppError(410, 'invitation_invalid', 'This invitation link is not valid any more. Ask a platform owner for a new one.');
  const existing = await db.user.findUnique({ where: { email: found.email }, select: { id: true, emailVerifiedAt: true } });
  let fresh: { name: string; passwordHash: string } | null = null;
  if (existing?.emailVerifiedAt) {
    await confirmAccountPassword({ tenantId: null, email: found.email, ip }, body.password);
  } else {
    const { name, password } = parseInput(newStaffAccountSchema, body);
    fresh = { name, passwordHash: await hashPassword(password) };
  }
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.staffInvitation.updateMany({ where: { id: found.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, data: { acceptedAt: new Date(), tokenHash: `accepted:${found.id}` } });
      if (count !== 1) throw new AppError(410, 'invitation_invalid', 'This invitation link was already used.');
      let userId: string;
      if (existing) {
        userId = existing.id;
        if (fresh) {
          // Claims the unproven account first (its old password cleared, its sessions ended), then sets theirs.
          await markEmailVerified(tx, userId);
          await tx.user.update({ where: { id: userId }, data: { name: fresh.name, passwordHash: fresh.passwordHash } });
        }
      } else {
        userId = (await tx.user.create({ data: { email: found.email, name: fresh!.name, passwordHash: fresh!.passwordHash, emailVerifiedAt: new Date() }, select: { id: true } })).id;
      }
      await tx.user.update({ where: { id: userId }, data: { platformRole: found.role } });
      await recordPlatformAudit(tx, { actor: { id: userId, email: found.email }, action: 'staff.joined', target: { type: 'user', id: userId }, ip, metadata: { role: found.role, invitationId: found.id, newAccount: !existing } });
      return { userId, email: found.email };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw conflict('An account with this email was just created. Open the link again.');
    throw error;
  }
}
