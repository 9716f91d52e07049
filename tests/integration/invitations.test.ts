import { beforeAll, describe, expect, it } from 'vitest';
import { consumeLoginToken } from '../../lib/auth/login-token.ts';
import type { Member } from '../../lib/auth/session.ts';
import { MAX_FAILURES_PER_ACCOUNT } from '../../lib/auth/throttle.ts';
import { startSession } from '../../lib/auth/user-sessions.ts';
import { verifyPassword } from '../../lib/auth/password.ts';
import { db } from '../../lib/db/client.ts';
import type { Role } from '../../lib/db/generated/enums.ts';
import { AppError } from '../../lib/http/problem.ts';
import { acceptInvitation, createInvitation, listPendingInvitations, lookupInvitation, RESEND_INTERVAL_MS, resendInvitation, revokeInvitation } from '../../lib/members/invitations.ts';
import { loadTenantById } from '../../lib/tenancy/load-tenant.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { TEST_PASSWORD, createMember, createTenant, uniqueSlug } from '../support/factories.ts';

let acme: TenantContext;
let globex: TenantContext;
let owner: Member;
let admin: Member;

async function memberOf(tenant: TenantContext, role: Role): Promise<Member> {
  const user = await createMember(tenant.id, role);
  const membership = await db.membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } } });
  return { userId: user.id, email: user.email, name: user.name, role, membershipId: membership.id };
}

function newEmail(): string {
  return `${uniqueSlug('inv')}@example.test`;
}

function ip(): string {
  return `192.0.2.${Math.floor(Math.random() * 250)}-${Math.random()}`;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** The token from the latest invitation email to this address, as a person would click it. */
async function tokenFromOutbox(tenant: TenantContext, email: string): Promise<string> {
  const message = await db.emailMessage.findFirstOrThrow({ where: { tenantId: tenant.id, to: email, kind: 'invitation' }, orderBy: { createdAt: 'desc' } });
  const match = message.text.match(new RegExp(`http://${tenant.slug}\\.localhost:3100/invite/([A-Za-z0-9_-]{43})`));
  expect(match).not.toBeNull();
  expect(message.html).toContain(`/invite/${match![1]}`);
  return match![1];
}

async function invite(email: string, role: Role = 'member', actor: Member = admin, tenant: TenantContext = acme) {
  const result = await createInvitation(tenant, actor, { email, role }, '203.0.113.5');
  return { ...result, token: await tokenFromOutbox(tenant, email.toLowerCase()) };
}

/** Lets a resend happen now by pretending the last one was long ago. */
async function backdate(invitationId: string): Promise<void> {
  await db.invitation.update({ where: { id: invitationId }, data: { lastSentAt: new Date(Date.now() - RESEND_INTERVAL_MS - 1000) } });
}

beforeAll(async () => {
  // These tests read what was sent from the outbox, whatever the developer's environment says.
  delete process.env.SMTP_URL;
  delete process.env.EMAIL_FROM;
  acme = (await loadTenantById((await createTenant({ name: 'Acme Invites' })).id))!;
  globex = (await loadTenantById((await createTenant({ name: 'Globex Invites' })).id))!;
  owner = await memberOf(acme, 'owner');
  admin = await memberOf(acme, 'admin');
});

describe('inviting', () => {
  it('stores a hashed single token, sends the branded email with a working link, and lists it as pending', async () => {
    const email = newEmail();
    const { invitation, delivery, token } = await invite(email.toUpperCase(), 'admin', owner);
    expect(delivery).toBe('outbox');
    expect(invitation).toMatchObject({ email, role: 'admin', invitedBy: owner.name, expired: false });
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.email).toBe(email);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    expect(await lookupInvitation(acme, token)).toMatchObject({ status: 'valid', invitation: { email, role: 'admin', inviterName: owner.name, existingUserId: null } });
    expect((await listPendingInvitations(acme)).map((i) => i.id)).toContain(invitation.id);
    const message = await db.emailMessage.findFirstOrThrow({ where: { to: email } });
    expect(message.subject).toBe(`${owner.name} invited you to join Acme Invites`);
  });

  it('lets only an owner invite an owner', async () => {
    expect((await failure(createInvitation(acme, admin, { email: newEmail(), role: 'owner' }))).status).toBe(403);
    expect((await invite(newEmail(), 'owner', owner)).invitation.role).toBe('owner');
  });

  it('refuses members without members.manage', async () => {
    const plain = await memberOf(acme, 'member');
    expect((await failure(createInvitation(acme, plain, { email: newEmail(), role: 'viewer' }))).status).toBe(403);
  });

  it('refuses an existing member and a second pending invitation with 409 field errors', async () => {
    const existing = await createMember(acme.id, 'viewer');
    const asMember = await failure(createInvitation(acme, admin, { email: existing.email.toUpperCase(), role: 'member' }));
    expect(asMember.status).toBe(409);
    expect(asMember.fields?.email).toContain('already a member');

    const email = newEmail();
    await invite(email);
    const twice = await failure(createInvitation(acme, admin, { email, role: 'viewer' }));
    expect(twice.status).toBe(409);
    expect(twice.fields?.email).toMatch(/already pending.*Resend/);
    expect(await db.invitation.count({ where: { email } })).toBe(1);
  });

  it('answers the inviting admin the same whether or not the address has an account somewhere', async () => {
    const elsewhere = await createMember(globex.id, 'member');
    const fresh = newEmail();
    const shape = ({ invitation, delivery }: Awaited<ReturnType<typeof createInvitation>>) => ({ ...invitation, id: 'x', email: 'x', createdAt: 'x', expiresAt: 'x', lastSentAt: 'x', delivery });
    const withAccount = await createInvitation(acme, admin, { email: elsewhere.email, role: 'member' }, '203.0.113.5');
    const withoutAccount = await createInvitation(acme, admin, { email: fresh, role: 'member' }, '203.0.113.5');
    expect(shape(withAccount)).toEqual(shape(withoutAccount));
  });

  it('lets only one of two concurrent invitations to the same address through', async () => {
    const email = newEmail();
    const results = await Promise.allSettled([createInvitation(acme, admin, { email, role: 'member' }), createInvitation(acme, owner, { email, role: 'member' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.invitation.count({ where: { email } })).toBe(1);
  });

  it('validates the email and role', async () => {
    const error = await failure(createInvitation(acme, admin, { email: 'nope', role: 'emperor' }));
    expect(error.status).toBe(422);
    expect(error.fields).toMatchObject({ email: expect.stringContaining('valid email'), role: expect.any(String) });
  });

  it('writes audit entries for invite, resend and revoke', async () => {
    const { invitation } = await invite(newEmail());
    await backdate(invitation.id);
    await resendInvitation(acme, admin, invitation.id, '203.0.113.6');
    await revokeInvitation(acme, admin, invitation.id, '203.0.113.7');
    const entries = await db.auditLog.findMany({ where: { tenantId: acme.id, targetId: invitation.id }, orderBy: { createdAt: 'asc' } });
    expect(entries.map((e) => [e.action, e.actorId, e.ip])).toEqual([
      ['invitation.created', admin.userId, '203.0.113.5'],
      ['invitation.resent', admin.userId, '203.0.113.6'],
      ['invitation.revoked', admin.userId, '203.0.113.7'],
    ]);
    expect(entries[0].metadata).toEqual({ email: invitation.email, role: 'member' });
  });
});

describe('accepting', () => {
  it('creates the user and membership for a new person, emits user.created, and hands them a sign-in', async () => {
    const email = newEmail();
    const { token, invitation } = await invite(email, 'member');
    const result = await acceptInvitation(acme, token, { name: '  Grace Hopper ', password: 'a-long-password' }, { ip: ip(), sessionUserId: null });

    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(result.userId).toBe(user.id);
    expect(user.name).toBe('Grace Hopper');
    // The invitation came to this address: it is proven.
    expect(user.emailVerifiedAt).toEqual(expect.any(Date));
    expect(await verifyPassword('a-long-password', user.passwordHash)).toBe(true);
    expect(user.memberships.map((m) => [m.tenantId, m.role])).toEqual([[acme.id, 'member']]);

    const event = await db.domainEvent.findFirstOrThrow({ where: { tenantId: acme.id, type: 'user.created', actorId: user.id } });
    expect(event.payload).toEqual({ userId: user.id, email, name: 'Grace Hopper', role: 'member' });
    expect(await db.auditLog.count({ where: { tenantId: acme.id, action: 'invitation.accepted', targetId: invitation.id } })).toBe(1);

    const handoff = result.redirectTo.match(/^\/auth\/handoff\?token=([A-Za-z0-9_-]+)$/);
    expect(handoff).not.toBeNull();
    expect((await consumeLoginToken(decodeURIComponent(handoff![1]), acme.id))?.userId).toBe(user.id);
    expect((await listPendingInvitations(acme)).map((i) => i.id)).not.toContain(invitation.id);
  });

  it('works once only', async () => {
    const { token } = await invite(newEmail());
    await acceptInvitation(acme, token, { name: 'Once', password: 'a-long-password' }, { ip: ip(), sessionUserId: null });
    expect(await lookupInvitation(acme, token)).toEqual({ status: 'accepted' });
    const again = await failure(acceptInvitation(acme, token, { name: 'Twice', password: 'a-long-password' }, { ip: ip(), sessionUserId: null }));
    expect([again.status, again.code]).toEqual([410, 'invitation_used']);
  });

  it('lets only one of two simultaneous accepts win', async () => {
    const email = newEmail();
    const { token } = await invite(email);
    const results = await Promise.allSettled([
      acceptInvitation(acme, token, { name: 'A', password: 'a-long-password' }, { ip: ip(), sessionUserId: null }),
      acceptInvitation(acme, token, { name: 'B', password: 'a-long-password' }, { ip: ip(), sessionUserId: null }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it('asks a new person for a name and a password of at least 10 characters', async () => {
    const { token } = await invite(newEmail());
    const error = await failure(acceptInvitation(acme, token, { password: 'short' }, { ip: ip(), sessionUserId: null }));
    expect(error.status).toBe(422);
    expect(error.fields).toMatchObject({ name: 'Enter your name.', password: 'Use at least 10 characters.' });
    expect((await lookupInvitation(acme, token)).status).toBe('valid');
  });

  it('adds an existing user after they confirm their own password, keeping their account', async () => {
    const someone = await createMember(globex.id, 'member');
    const { token } = await invite(someone.email.toUpperCase(), 'viewer');
    expect(await lookupInvitation(acme, token)).toMatchObject({ status: 'valid', invitation: { existingUserId: someone.id } });

    const wrong = await failure(acceptInvitation(acme, token, { password: 'not-the-password' }, { ip: ip(), sessionUserId: null }));
    expect(wrong.status).toBe(422);
    expect(wrong.fields?.password).toContain('not the password');

    const result = await acceptInvitation(acme, token, { name: 'Ignored', password: TEST_PASSWORD }, { ip: ip(), sessionUserId: null });
    expect(result.userId).toBe(someone.id);
    expect(result.redirectTo).toMatch(/^\/auth\/handoff\?token=/);
    const user = await db.user.findUniqueOrThrow({ where: { id: someone.id }, include: { memberships: { orderBy: { createdAt: 'asc' } } } });
    expect(user.name).toBe(someone.name);
    expect(user.memberships.map((m) => [m.tenantId, m.role])).toEqual([
      [globex.id, 'member'],
      [acme.id, 'viewer'],
    ]);
    expect(await db.domainEvent.count({ where: { tenantId: acme.id, type: 'user.created', actorId: someone.id } })).toBe(1);
  });

  it('treats an unverified account at the address as new: the invitee sets it up and takes it over', async () => {
    const squatted = await db.user.create({ data: { email: newEmail(), name: 'Squatter', passwordHash: 'scrypt$32768$8$1$AAAA$BBBB' } });
    const squatterSession = await startSession({ userId: squatted.id, tenantId: null, method: 'password', ip: null, userAgent: null });
    const { token } = await invite(squatted.email);
    expect(await lookupInvitation(acme, token)).toMatchObject({ status: 'valid', invitation: { existingUserId: null } });

    const result = await acceptInvitation(acme, token, { name: 'Real Owner', password: 'the-real-password' }, { ip: ip(), sessionUserId: null });
    expect(result.userId).toBe(squatted.id);
    const user = await db.user.findUniqueOrThrow({ where: { id: squatted.id } });
    expect(user).toMatchObject({ name: 'Real Owner', emailVerifiedAt: expect.any(Date) });
    expect(await verifyPassword('the-real-password', user.passwordHash)).toBe(true);
    expect(await db.userSession.findUniqueOrThrow({ where: { id: squatterSession.id } })).toMatchObject({ revokedReason: 'email_claimed' });
    expect(await db.membership.count({ where: { tenantId: acme.id, userId: squatted.id } })).toBe(1);
  });

  it('accepts directly for the invitee signed in on this tenant, but not for someone else signed in', async () => {
    const someone = await createMember(globex.id, 'member');
    const { token } = await invite(someone.email);
    const other = await failure(acceptInvitation(acme, token, {}, { ip: ip(), sessionUserId: admin.userId }));
    expect(other.fields?.password).toBeDefined();
    const result = await acceptInvitation(acme, token, {}, { ip: ip(), sessionUserId: someone.id });
    // No password asked; a fresh sign-in through the hand-off, since the session predates the membership.
    expect(result).toEqual({ userId: someone.id, redirectTo: expect.stringMatching(/^\/auth\/handoff\?token=/) });
    expect(await db.membership.count({ where: { tenantId: acme.id, userId: someone.id } })).toBe(1);
  });

  it('throttles repeated wrong passwords for an existing account', async () => {
    const someone = await createMember(globex.id, 'member');
    const { token } = await invite(someone.email);
    const attacker = ip();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await failure(acceptInvitation(acme, token, { password: `guess-${i}` }, { ip: attacker, sessionUserId: null }))).status).toBe(422);
    }
    expect((await failure(acceptInvitation(acme, token, { password: TEST_PASSWORD }, { ip: ip(), sessionUserId: null }))).status).toBe(429);
  });

  it('refuses an invitation after 7 days', async () => {
    const { token, invitation } = await invite(newEmail());
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await lookupInvitation(acme, token)).toEqual({ status: 'expired' });
    const error = await failure(acceptInvitation(acme, token, { name: 'Late', password: 'a-long-password' }, { ip: ip(), sessionUserId: null }));
    expect([error.status, error.code]).toEqual([410, 'invitation_expired']);
    expect((await listPendingInvitations(acme)).find((i) => i.id === invitation.id)?.expired).toBe(true);
  });

  it('refuses a revoked invitation, and revoking twice changes nothing', async () => {
    const { token, invitation } = await invite(newEmail());
    await revokeInvitation(acme, admin, invitation.id);
    await revokeInvitation(acme, admin, invitation.id);
    expect(await db.auditLog.count({ where: { action: 'invitation.revoked', targetId: invitation.id } })).toBe(1);
    expect(await lookupInvitation(acme, token)).toEqual({ status: 'revoked' });
    const error = await failure(acceptInvitation(acme, token, { name: 'X', password: 'a-long-password' }, { ip: ip(), sessionUserId: null }));
    expect([error.status, error.code]).toEqual([410, 'invitation_revoked']);
    expect((await listPendingInvitations(acme)).map((i) => i.id)).not.toContain(invitation.id);
  });

  it("does not know another tenant's token, nor a malformed one", async () => {
    const email = newEmail();
    const { token } = await invite(email);
    expect(await lookupInvitation(globex, token)).toEqual({ status: 'not_found' });
    const error = await failure(acceptInvitation(globex, token, { name: 'X', password: 'a-long-password' }, { ip: ip(), sessionUserId: null }));
    expect(error.status).toBe(404);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await lookupInvitation(acme, 'x'.repeat(43))).toEqual({ status: 'not_found' });
    expect(await lookupInvitation(acme, '../../etc')).toEqual({ status: 'not_found' });
  });
});

describe('resending and revoking', () => {
  it('rotates the token and resets the expiry: the old link stops working, the new one works', async () => {
    const email = newEmail();
    const { token: oldToken, invitation } = await invite(email);
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    await backdate(invitation.id);
    const resent = await resendInvitation(acme, admin, invitation.id);
    const newToken = await tokenFromOutbox(acme, email);
    expect(newToken).not.toBe(oldToken);
    expect(new Date(resent.invitation.expiresAt).getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(Date.now() - new Date(resent.invitation.lastSentAt).getTime()).toBeLessThan(10_000);
    expect(await lookupInvitation(acme, oldToken)).toEqual({ status: 'not_found' });
    await acceptInvitation(acme, newToken, { name: 'Fresh', password: 'a-long-password' }, { ip: ip(), sessionUserId: null });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it('allows at most one resend a minute (429 with Retry-After seconds)', async () => {
    const { invitation } = await invite(newEmail());
    const error = await failure(resendInvitation(acme, admin, invitation.id));
    expect(error.status).toBe(429);
    expect((error as AppError & { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect((error as AppError & { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    await backdate(invitation.id);
    await resendInvitation(acme, admin, invitation.id);
    expect((await failure(resendInvitation(acme, admin, invitation.id))).status).toBe(429);
  });

  it("leaves owner invitations to owners, and another tenant's invitations alone", async () => {
    const { invitation } = await invite(newEmail(), 'owner', owner);
    await backdate(invitation.id);
    expect((await failure(resendInvitation(acme, admin, invitation.id))).status).toBe(403);
    expect((await failure(revokeInvitation(acme, admin, invitation.id))).status).toBe(403);

    const globexAdmin = await memberOf(globex, 'admin');
    expect((await failure(resendInvitation(globex, globexAdmin, invitation.id))).status).toBe(404);
    expect((await failure(revokeInvitation(globex, globexAdmin, invitation.id))).status).toBe(404);
    expect(await listPendingInvitations(globex)).not.toContainEqual(expect.objectContaining({ id: invitation.id }));
  });

  it('refuses to resend or revoke an accepted invitation', async () => {
    const { token, invitation } = await invite(newEmail());
    await acceptInvitation(acme, token, { name: 'Done', password: 'a-long-password' }, { ip: ip(), sessionUserId: null });
    await backdate(invitation.id);
    expect((await failure(resendInvitation(acme, admin, invitation.id))).status).toBe(409);
    expect((await failure(revokeInvitation(acme, admin, invitation.id))).status).toBe(409);
  });
});
