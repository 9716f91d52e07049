import { randomBytes } from 'node:crypto';
import { confirmAccountPassword } from '../auth/confirm-password.ts';
import { markEmailVerified } from '../auth/email-verification.ts';
import { hashToken } from '../auth/login-token.ts';
import { hashPassword } from '../auth/password.ts';
import { platformOrigin } from '../config/env.ts';
import { db, Prisma } from '../db/client.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import { emailBrand } from '../email/email-brand.ts';
import { formatDateTime } from '../email/format-date.ts';
import { renderEmail } from '../email/render-email.ts';
import { sendEmail, type Delivery } from '../email/send-email.ts';
import { AppError, conflict, notFound, parseInput } from '../http/problem.ts';
import { assertOwner, type ResellerActor } from './reseller-actor.ts';
import { acceptResellerInvitationSchema, inviteResellerUserSchema, newResellerAccountSchema, type ResellerUserRole } from './reseller-schema.ts';

// People who work for a reseller. A reseller user is an ordinary User with a ResellerUser row;
// they sign in on the root domain (/reseller/signin) with the platform's email + password
// sign-in. Someone who already has a Waypoint account is added at once (and told by email);
// anyone else gets an invitation link to set their name and password.
//
// Invitations live in VerificationToken (the next-auth table, which holds tenant sign-in
// links as "<tenantId>:<email>"): identifier "reseller-invite:<resellerId>:<role>:<email>",
// token = SHA-256 of 32 random bytes that only ever exist in the email. Single-use, 7 days.

export const RESELLER_INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
const PREFIX = 'reseller-invite';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface ResellerInviteResult {
  /** added: an existing account now works for the reseller; invited: a link was sent to set one up. */
  status: 'added' | 'invited';
  delivery: Delivery;
}

type Writer = Pick<typeof db, 'resellerUser' | 'verificationToken' | 'user'>;

function identifier(resellerId: string, role: ResellerUserRole, email: string): string {
  return `${PREFIX}:${resellerId}:${role}:${email}`;
}

function parseIdentifier(value: string): { resellerId: string; role: ResellerUserRole; email: string } | null {
  const [prefix, resellerId, role, ...rest] = value.split(':');
  if (prefix !== PREFIX || !resellerId || (role !== 'owner' && role !== 'member') || rest.length === 0) return null;
  return { resellerId, role, email: rest.join(':') };
}

export function resellerSignInUrl(): string {
  return `${platformOrigin()}/reseller/signin`;
}

export function resellerInvitationUrl(token: string): string {
  return `${platformOrigin()}/reseller/welcome/${token}`;
}

/**
 * Gives `email` access to the reseller as `role`, inside the caller's transaction when given
 * one (a new reseller and its first owner are created together). Returns what to email; the
 * email goes out after the transaction (sendResellerAccessEmail).
 */
export async function grantResellerAccess(
  tx: Writer,
  reseller: { id: string; name: string },
  input: { email: string; role: ResellerUserRole },
): Promise<{ status: 'added' | 'invited'; token: string | null; expiresAt: Date | null }> {
  const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (user) {
    const existing = await tx.resellerUser.findUnique({ where: { resellerId_userId: { resellerId: reseller.id, userId: user.id } }, select: { id: true } });
    if (existing) throw conflict('This person already works for this reseller.', { email: 'This person already works for this reseller.' });
    await tx.resellerUser.create({ data: { resellerId: reseller.id, userId: user.id, role: input.role } });
    return { status: 'added', token: null, expiresAt: null };
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + RESELLER_INVITATION_TTL_MS);
  // A new invitation to the same address replaces the old one.
  await tx.verificationToken.deleteMany({ where: { identifier: { startsWith: `${PREFIX}:${reseller.id}:` }, AND: { identifier: { endsWith: `:${input.email}` } } } });
  await tx.verificationToken.create({ data: { identifier: identifier(reseller.id, input.role, input.email), token: hashToken(token), expires: expiresAt } });
  return { status: 'invited', token, expiresAt };
}

export async function sendResellerAccessEmail(
  reseller: { name: string },
  invitedBy: string | null,
  email: string,
  grant: { status: 'added' | 'invited'; token: string | null; expiresAt: Date | null },
): Promise<Delivery> {
  const who = invitedBy ?? 'The Waypoint team';
  const invited = grant.status === 'invited' && grant.token;
  const rendered = renderEmail({
    brand: emailBrand(null),
    preview: `${who} gave you access to ${reseller.name} on Waypoint.`,
    heading: `Work for ${reseller.name} on Waypoint`,
    paragraphs: [
      `${who} gave you access to the reseller account of ${reseller.name}.`,
      'From the reseller dashboard you create client workspaces, set their prices and follow your commissions and payouts.',
    ],
    action: invited ? { label: 'Set up your account', url: resellerInvitationUrl(grant.token!) } : { label: 'Sign in', url: resellerSignInUrl() },
    footnote: invited && grant.expiresAt ? `This link expires on ${formatDateTime(grant.expiresAt, 'UTC')}. If you were not expecting it, you can ignore this email.` : 'Sign in with your existing Waypoint email and password.',
  });
  const { delivery } = await sendEmail({ tenant: null, to: email, kind: 'reseller_invitation', subject: `You now have access to ${reseller.name} on Waypoint`, ...rendered });
  return delivery;
}

/** An owner adds someone to their reseller account. */
export async function inviteResellerUser(actor: ResellerActor, input: unknown): Promise<ResellerInviteResult> {
  assertOwner(actor);
  const { email, role } = parseInput(inviteResellerUserSchema, input);
  const reseller = { id: actor.resellerId, name: actor.reseller.name };
  const grant = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reseller-user:${reseller.id}:${email}`}))`;
    const granted = await grantResellerAccess(tx, reseller, { email, role });
    await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: granted.status === 'added' ? 'reseller_user.added' : 'reseller_user.invited', target: { type: 'reseller', id: reseller.id }, metadata: { email, role } });
    return granted;
  });
  return { status: grant.status, delivery: await sendResellerAccessEmail(reseller, actor.name ?? actor.email, email, grant) };
}

export interface ResellerUserView {
  userId: string;
  email: string;
  name: string | null;
  role: ResellerUserRole;
}

export async function listResellerUsers(actor: ResellerActor): Promise<{ users: ResellerUserView[]; pending: { email: string; role: ResellerUserRole; expiresAt: string }[] }> {
  const [rows, tokens] = await Promise.all([
    db.resellerUser.findMany({ where: { resellerId: actor.resellerId }, orderBy: { createdAt: 'asc' }, select: { role: true, user: { select: { id: true, email: true, name: true } } } }),
    db.verificationToken.findMany({ where: { identifier: { startsWith: `${PREFIX}:${actor.resellerId}:` }, expires: { gt: new Date() } }, orderBy: { expires: 'desc' } }),
  ]);
  return {
    users: rows.map((row) => ({ userId: row.user.id, email: row.user.email, name: row.user.name, role: row.role === 'owner' ? 'owner' : 'member' })),
    pending: tokens.flatMap((token) => {
      const parsed = parseIdentifier(token.identifier);
      return parsed ? [{ email: parsed.email, role: parsed.role, expiresAt: token.expires.toISOString() }] : [];
    }),
  };
}

export interface ResellerInvitationDetails {
  resellerName: string;
  email: string;
  role: ResellerUserRole;
  /** An account already uses this address (created since the invitation): it confirms its password. */
  existingAccount: boolean;
}

async function findInvitation(token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db.verificationToken.findUnique({ where: { token: hashToken(token) } });
  if (!row || row.expires <= new Date()) return null;
  const parsed = parseIdentifier(row.identifier);
  if (!parsed) return null;
  const reseller = await db.reseller.findUnique({ where: { id: parsed.resellerId }, select: { id: true, name: true } });
  return reseller ? { row, ...parsed, reseller } : null;
}

/** What the welcome page shows for a link; null when it is unknown, used or expired. */
export async function lookupResellerInvitation(token: string): Promise<ResellerInvitationDetails | null> {
  const found = await findInvitation(token);
  if (!found) return null;
  const user = await db.user.findUnique({ where: { email: found.email }, select: { id: true } });
  return { resellerName: found.reseller.name, email: found.email, role: found.role, existingAccount: !!user };
}

/**
 * Accepts a reseller invitation: a new person sets name and password; an address that has an
 * account by now confirms its password. The token is spent (deleted) in the same transaction
 * that adds the access, so a link works once.
 */
export async function acceptResellerInvitation(token: string, input: unknown, ip: string | null): Promise<{ userId: string; email: string }> {
  const body = parseInput(acceptResellerInvitationSchema, input ?? {});
  const found = await findInvitation(token);
  if (!found) throw new AppError(410, 'invitation_invalid', 'This invitation link is not valid any more. Ask for a new one.');
  const existing = await db.user.findUnique({ where: { email: found.email }, select: { id: true } });
  let newAccount: { name: string; passwordHash: string } | null = null;
  if (existing) {
    await confirmAccountPassword({ tenantId: null, email: found.email, ip }, body.password);
  } else {
    const { name, password } = parseInput(newResellerAccountSchema, body);
    newAccount = { name, passwordHash: await hashPassword(password) };
  }
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.verificationToken.deleteMany({ where: { token: found.row.token, expires: { gt: new Date() } } });
      if (count !== 1) throw new AppError(410, 'invitation_invalid', 'This invitation link was already used.');
      // The link came to this address; an existing account also gave its password, which stays.
      const user = existing ?? (await tx.user.create({ data: { email: found.email, name: newAccount!.name, passwordHash: newAccount!.passwordHash, emailVerifiedAt: new Date() }, select: { id: true } }));
      if (existing) await markEmailVerified(tx, existing.id, { passwordProven: true });
      await tx.resellerUser.upsert({
        where: { resellerId_userId: { resellerId: found.reseller.id, userId: user.id } },
        create: { resellerId: found.reseller.id, userId: user.id, role: found.role },
        update: {},
      });
      await recordPlatformAudit(tx, { actor: { id: user.id, email: found.email }, action: 'reseller_user.joined', target: { type: 'reseller', id: found.reseller.id }, ip, metadata: { role: found.role, newAccount: !existing } });
      return { userId: user.id, email: found.email };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw conflict('An account with this email was just created. Sign in instead.');
    throw error;
  }
}

export async function removeResellerUser(actor: ResellerActor, userId: string): Promise<void> {
  assertOwner(actor);
  if (userId === actor.userId) throw conflict('You cannot remove yourself.');
  await db.$transaction(async (tx) => {
    const removed = await tx.resellerUser.findFirst({ where: { resellerId: actor.resellerId, userId }, select: { role: true, user: { select: { email: true } } } });
    // Counted, not assumed: of two removals at once, one removes and records.
    const { count } = await tx.resellerUser.deleteMany({ where: { resellerId: actor.resellerId, userId } });
    if (!removed || count === 0) throw notFound('No such person in your reseller account.');
    await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'reseller_user.removed', target: { type: 'reseller', id: actor.resellerId }, metadata: { userId, email: removed.user.email, role: removed.role } });
  });
}
