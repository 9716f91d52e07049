import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { POST as signupRoute } from '../../app/api/signup/route.ts';
import { verifyPassword } from '../../lib/auth/password.ts';
import { startSession } from '../../lib/auth/user-sessions.ts';
import { db } from '../../lib/db/client.ts';
import { backgroundTasksSettled } from '../../lib/http/after-response.ts';
import { completeSignup, lookupSignup, MAX_SIGNUPS_PER_ADDRESS, startSignup } from '../../lib/signup/sign-up.ts';
import { createMember, createTenant, TEST_PASSWORD, uniqueSlug } from '../support/factories.ts';
import { whileTablesLocked } from '../support/table-lock.ts';
import { failure } from '../support/workspace.ts';
import { trustedHeaders } from '../support/trusted.ts';

function input(overrides: Record<string, unknown> = {}) {
  const slug = uniqueSlug('s');
  return { name: 'Ada Lovelace', email: `${slug}@example.test`, password: 'analytical-engine', workspaceName: 'Ada Co', slug, ...overrides };
}

async function postSignup(body: unknown, ip = '203.0.113.20'): Promise<{ status: number; body: string }> {
  // As the sign-up page posts it through Waypoint's server: same origin, the client's IP sealed.
  const headers = { 'content-type': 'application/json', host: 'localhost:3100', origin: 'http://localhost:3100', ...trustedHeaders({ clientIp: ip }) };
  const req = new NextRequest('http://localhost:3100/api/signup', { method: 'POST', headers, body: JSON.stringify(body) });
  const response = await signupRoute(req, { params: Promise.resolve({}) });
  return { status: response.status, body: await response.text() };
}

/** The newest sign-up email to this address: its text and the link's token. */
async function signupEmail(email: string): Promise<{ subject: string; text: string; token: string } | null> {
  await backgroundTasksSettled();
  const message = await db.emailMessage.findFirst({ where: { to: email, kind: 'signup' }, orderBy: { createdAt: 'desc' } });
  const token = message?.text.match(/http:\/\/localhost:3100\/signup\/confirm\/([A-Za-z0-9_-]{43})/)?.[1];
  return message && token ? { subject: message.subject, text: message.text, token } : null;
}

async function rowsFor(email: string, slug: string) {
  return { users: await db.user.count({ where: { email } }), tenants: await db.tenant.count({ where: { slug } }) };
}

describe('the sign-up form', () => {
  it('answers an address that has an account exactly as a new one (status and body)', async () => {
    const verified = await createMember((await createTenant()).id, 'owner');
    const unverified = await db.user.create({ data: { email: `${uniqueSlug('squat')}@example.test`, name: 'Squatter' } });
    const fresh = await postSignup(input({ email: 'same-shape@example.test' }));
    expect(fresh.status).toBe(202);
    for (const email of [verified.email, unverified.email]) {
      const answer = await postSignup(input({ email }));
      expect(answer.status).toBe(fresh.status);
      expect(answer.body.replace(email, 'same-shape@example.test')).toBe(fresh.body);
    }
  });

  it('answers without looking at the accounts or sending anything (both happen after the response)', async () => {
    const existing = await createMember((await createTenant()).id, 'owner');
    const answers = await whileTablesLocked(['User', 'Membership', 'EmailMessage'], () => Promise.all([startSignup(input(), null), startSignup(input({ email: existing.email }), null)]));
    expect(answers.map((answer) => answer.status)).toEqual(['check_email', 'check_email']);
  });

  it('creates no account and no workspace until the emailed link is followed', async () => {
    const data = input();
    expect((await postSignup(data)).status).toBe(202);
    expect(await rowsFor(data.email, data.slug)).toEqual({ users: 0, tenants: 0 });
    const pending = await db.pendingSignup.findFirstOrThrow({ where: { email: data.email } });
    expect(pending.passwordHash).toMatch(/^scrypt\$/);
    expect(pending.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(pending.ip).toBe('203.0.113.20');
    const email = await signupEmail(data.email);
    expect(email?.subject).toBe('Confirm your email to create Ada Co');
    expect(pending.tokenHash).not.toContain(email!.token);
  });

  it.each([
    ['taken', { slug: 'acme' }, 409, 'already taken'],
    ['reserved', { slug: 'www' }, 422, 'reserved'],
    ['malformed', { slug: 'Bad_Slug!' }, 422, 'lowercase'],
  ])('refuses a %s slug with a field error and stores nothing', async (_label, overrides, status, message) => {
    const data = input(overrides);
    const error = await failure(startSignup(data, null));
    expect(error.status).toBe(status);
    expect(error.fields?.slug).toContain(message);
    expect(await db.pendingSignup.count({ where: { email: data.email } })).toBe(0);
  });

  it('refuses an invalid email, a short password and garbage with 422s', async () => {
    const error = await failure(startSignup(input({ email: 'not-an-email', password: 'short' }), null));
    expect(error.status).toBe(422);
    expect(error.fields).toMatchObject({ email: expect.stringContaining('valid email'), password: 'Use at least 10 characters.' });
    for (const garbage of [null, 42, 'text', [], { slug: { $ne: 1 } }]) expect((await failure(startSignup(garbage, null))).status).toBe(422);
  });

  it('throttles per address, whether or not it has an account', async () => {
    const existing = await createMember((await createTenant()).id, 'owner');
    for (const email of [existing.email, `${uniqueSlug('new')}@example.test`]) {
      for (let i = 0; i < MAX_SIGNUPS_PER_ADDRESS; i++) await startSignup(input({ email }), `192.0.2.${i + 50}`);
      expect((await failure(startSignup(input({ email }), '192.0.2.99'))).status).toBe(429);
    }
  });
});

describe('the emailed link', () => {
  it('creates the verified account, the workspace with branding, its owner, an audit entry, an event and a hand-off, once', async () => {
    const data = input();
    await startSignup(data, '203.0.113.9');
    const { token } = (await signupEmail(data.email))!;
    expect(await lookupSignup(token)).toEqual({ status: 'valid', email: data.email, workspaceName: 'Ada Co', slug: data.slug, existingAccount: false, keepsPassword: false });

    const result = await completeSignup(token, {}, '203.0.113.10');
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: data.slug }, include: { branding: true, memberships: { include: { user: true } } } });
    expect(tenant).toMatchObject({ id: result.tenantId, name: 'Ada Co', status: 'trial' });
    expect(tenant.branding).not.toBeNull();
    expect(tenant.memberships).toHaveLength(1);
    const [owner] = tenant.memberships;
    expect(owner.role).toBe('owner');
    expect(owner.user).toMatchObject({ email: data.email, name: 'Ada Lovelace', emailVerifiedAt: expect.any(Date) });
    expect(await verifyPassword(data.password, owner.user.passwordHash)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: tenant.id, action: 'tenant.created' } });
    expect(audit).toMatchObject({ actorId: result.userId, ip: '203.0.113.10' });
    const created = await db.domainEvent.findFirstOrThrow({ where: { tenantId: tenant.id, type: 'user.created' } });
    expect(created.payload).toEqual({ userId: result.userId, email: data.email, name: 'Ada Lovelace', role: 'owner' });
    expect(result.redirectTo).toMatch(new RegExp(`^http://${data.slug}\\.localhost:3100/auth/handoff\\?token=[A-Za-z0-9_-]{40,}$`));

    expect(await lookupSignup(token)).toEqual({ status: 'invalid' });
    expect((await failure(completeSignup(token, {}, null))).status).toBe(410);
    expect(await db.tenant.count({ where: { name: 'Ada Co', memberships: { some: { userId: result.userId } } } })).toBe(1);
  });

  it('tells an existing account so, and adds the workspace to it keeping its password (the typed one is dropped)', async () => {
    const existing = await createMember((await createTenant()).id, 'owner');
    const data = input({ email: existing.email, password: 'someone-elses-guess' });
    await startSignup(data, null);
    const email = (await signupEmail(existing.email))!;
    expect(email.subject).toBe('Create Ada Co with your Waypoint account');
    expect(email.text).toContain('already has a Waypoint account');
    expect(await lookupSignup(email.token)).toMatchObject({ existingAccount: true, keepsPassword: true });

    const result = await completeSignup(email.token, {}, null);
    expect(result.userId).toBe(existing.id);
    expect(await db.membership.count({ where: { userId: existing.id } })).toBe(2);
    const user = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(await verifyPassword(TEST_PASSWORD, user.passwordHash)).toBe(true);
    expect(await verifyPassword('someone-elses-guess', user.passwordHash)).toBe(false);
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
  });

  it('hands an unverified account to the address’s owner: its password is cleared and its sessions end', async () => {
    const squatted = await db.user.create({ data: { email: `${uniqueSlug('victim')}@example.test`, name: 'Squatter', passwordHash: 'scrypt$32768$8$1$AAAA$BBBB' } });
    const squatterSession = await startSession({ userId: squatted.id, tenantId: null, method: 'password', ip: null, userAgent: null });
    await startSignup(input({ email: squatted.email }), null);
    const { token } = (await signupEmail(squatted.email))!;
    expect(await lookupSignup(token)).toMatchObject({ existingAccount: true, keepsPassword: false });

    await completeSignup(token, {}, null);
    const user = await db.user.findUniqueOrThrow({ where: { id: squatted.id } });
    expect(user).toMatchObject({ passwordHash: null, emailVerifiedAt: expect.any(Date) });
    expect(await db.userSession.findUniqueOrThrow({ where: { id: squatterSession.id } })).toMatchObject({ revokedReason: 'email_claimed' });
  });

  it('takes the slug only when followed: a slug taken meanwhile is a field error, and the link still works with another', async () => {
    const first = input();
    const second = input({ slug: first.slug });
    await startSignup(first, null);
    await startSignup(second, null);
    const a = (await signupEmail(first.email))!.token;
    const b = (await signupEmail(second.email))!.token;
    await completeSignup(a, {}, null);

    const error = await failure(completeSignup(b, {}, null));
    expect(error).toMatchObject({ status: 409, fields: { slug: expect.stringContaining('already taken') } });
    expect((await failure(completeSignup(b, { slug: 'www' }, null))).fields?.slug).toContain('reserved');
    const other = uniqueSlug('other');
    expect((await completeSignup(b, { slug: other }, null)).slug).toBe(other);
  });

  it('lets only one of two racing confirmations for the same slug win', async () => {
    const slug = uniqueSlug('race');
    const tokens = [];
    for (const data of [input({ slug }), input({ slug })]) {
      await startSignup(data, null);
      tokens.push((await signupEmail(data.email))!.token);
    }
    const results = await Promise.allSettled(tokens.map((token) => completeSignup(token, {}, null)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as { status: number }).status).toBe(409);
    expect(await db.tenant.count({ where: { slug } })).toBe(1);
  });

  it('refuses an expired link and malformed tokens', async () => {
    const data = input();
    await startSignup(data, null);
    const { token } = (await signupEmail(data.email))!;
    await db.pendingSignup.updateMany({ where: { email: data.email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await lookupSignup(token)).toEqual({ status: 'invalid' });
    expect((await failure(completeSignup(token, {}, null))).status).toBe(410);
    expect(await rowsFor(data.email, data.slug)).toEqual({ users: 0, tenants: 0 });
    for (const bad of ['', 'a\u0000b', 'x'.repeat(43)]) expect((await failure(completeSignup(bad, {}, null))).status).toBe(410);
  });
});
