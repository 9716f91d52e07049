import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_MAGIC_LINKS_PER_WINDOW, sendMagicLink } from '../../lib/auth/magic-link.ts';
import { authOptionsFor } from '../../lib/auth/auth-options.ts';
import { magicLinkAdapter } from '../../lib/auth/magic-link-adapter.ts';
import { startSession } from '../../lib/auth/user-sessions.ts';
import { db } from '../../lib/db/client.ts';
import { backgroundTasksSettled } from '../../lib/http/after-response.ts';
import { loadTenantById } from '../../lib/tenancy/load-tenant.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { TEST_PASSWORD, createMember, createTenant } from '../support/factories.ts';
import { callAuth, passwordSignIn, requestSignInLink, type AuthResponse } from '../support/next-auth-call.ts';
import { whileTablesLocked } from '../support/table-lock.ts';

let acme: TenantContext;
let globex: TenantContext;
let member: { id: string; email: string };
let outsider: { id: string; email: string };

beforeAll(async () => {
  // These tests read what was sent from the outbox, whatever the developer's environment says.
  delete process.env.SMTP_URL;
  delete process.env.EMAIL_FROM;
  acme = (await loadTenantById((await createTenant()).id))!;
  globex = (await loadTenantById((await createTenant()).id))!;
  member = await createMember(acme.id, 'member');
  outsider = await createMember(globex.id, 'member');
});

async function latestLink(tenant: TenantContext, email: string): Promise<URL | null> {
  await backgroundTasksSettled();
  const message = await db.emailMessage.findFirst({ where: { tenantId: tenant.id, to: email, kind: 'magic_link' }, orderBy: { createdAt: 'desc' } });
  const match = message?.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/);
  return match ? new URL(match[0]) : null;
}

async function followLink(tenant: TenantContext, link: URL): Promise<AuthResponse> {
  return callAuth(tenant, 'GET', ['callback', 'email'], { query: Object.fromEntries(link.searchParams) });
}

async function sessionOf(tenant: TenantContext, response: AuthResponse) {
  const token = response.cookies['next-auth.session-token'];
  if (!token) return null;
  const session = await callAuth(tenant, 'GET', ['session'], { cookies: { 'next-auth.session-token': token } });
  return session.body as { userId?: string; tenantId?: string | null };
}

describe('magic-link sign-in through next-auth', () => {
  it('emails a member a branded link that signs them in on this tenant with uid and tid, once', async () => {
    const answer = await requestSignInLink(acme, member.email.toUpperCase());
    expect(answer).toContain('/api/auth/verify-request');
    const link = await latestLink(acme, member.email);
    expect(link?.origin).toBe(`http://${acme.slug}.localhost:3100`);

    const first = await followLink(acme, link!);
    expect(first.location).toBe(`http://${acme.slug}.localhost:3100/`);
    expect(await sessionOf(acme, first)).toMatchObject({ userId: member.id, tenantId: acme.id });

    const second = await followLink(acme, link!);
    expect(second.location).toContain('error=Verification');
    expect(await sessionOf(acme, second)).toBeNull();
  });

  it('gives a non-member and an unknown address the same answer and the same work, and sends them nothing', async () => {
    const unknown = `nobody-${Date.now()}@example.test`;
    const tokens = () => db.verificationToken.count({ where: { identifier: { in: [member.email, outsider.email, unknown].map((e) => `${acme.id}:${e}`) } } });
    const before = await tokens();
    // Deciding whether to send, and sending, wait until after the answer: the outbox stays locked meanwhile.
    const [memberAnswer, outsiderAnswer, unknownAnswer] = await whileTablesLocked(['EmailMessage'], () =>
      Promise.all([requestSignInLink(acme, member.email), requestSignInLink(acme, outsider.email), requestSignInLink(acme, unknown)]),
    );
    expect(outsiderAnswer).toBe(memberAnswer);
    expect(unknownAnswer).toBe(memberAnswer);
    // A token is stored for every address alike; only the member's is ever emailed.
    expect(await tokens()).toBe(before + 3);
    expect(await latestLink(acme, member.email)).not.toBeNull();
    expect(await db.emailMessage.count({ where: { to: { in: [outsider.email, unknown] } } })).toBe(0);
  });

  it('proves the address: an unverified member who follows a link loses any password on the account and its other sessions', async () => {
    const unverified = await createMember(acme.id, 'member');
    await db.user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: null } });
    const earlier = await startSession({ userId: unverified.id, tenantId: acme.id, method: 'password', ip: null, userAgent: null });
    await requestSignInLink(acme, unverified.email);
    const response = await followLink(acme, (await latestLink(acme, unverified.email))!);
    expect(await sessionOf(acme, response)).toMatchObject({ userId: unverified.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: unverified.id } })).toMatchObject({ emailVerifiedAt: expect.any(Date), passwordHash: null });
    expect(await db.userSession.findUniqueOrThrow({ where: { id: earlier.id } })).toMatchObject({ revokedReason: 'email_claimed' });
    expect((await passwordSignIn(acme, unverified.email, TEST_PASSWORD)).cookies['next-auth.session-token']).toBeUndefined();

    // A verified member keeps their password.
    const verified = await createMember(acme.id, 'member');
    await requestSignInLink(acme, verified.email);
    await followLink(acme, (await latestLink(acme, verified.email))!);
    expect((await passwordSignIn(acme, verified.email, TEST_PASSWORD)).cookies['next-auth.session-token']).toBeTruthy();
  });

  it('does not accept a link made for one tenant on another', async () => {
    await db.membership.create({ data: { tenantId: globex.id, userId: member.id, role: 'member' } });
    await requestSignInLink(acme, member.email);
    const link = await latestLink(acme, member.email);
    const onGlobex = await followLink(globex, link!);
    expect(onGlobex.location).toContain('error=Verification');
    expect(await sessionOf(globex, onGlobex)).toBeNull();
    // The link is still good where it was made.
    expect(await sessionOf(acme, await followLink(acme, link!))).toMatchObject({ userId: member.id, tenantId: acme.id });
  });

  it('refuses a valid link once the person is no longer a member', async () => {
    const leaver = await createMember(acme.id, 'viewer');
    await requestSignInLink(acme, leaver.email);
    const link = await latestLink(acme, leaver.email);
    await db.membership.deleteMany({ where: { tenantId: acme.id, userId: leaver.id } });
    const response = await followLink(acme, link!);
    expect(response.location).toContain('error=AccessDenied');
    expect(await sessionOf(acme, response)).toBeNull();
  });

  it('leaves password sign-in working alongside it, with the same session fields', async () => {
    const csrf = await callAuth(acme, 'GET', ['csrf']);
    const { csrfToken } = csrf.body as { csrfToken: string };
    const response = await callAuth(acme, 'POST', ['callback', 'credentials'], {
      body: { email: member.email, password: TEST_PASSWORD, csrfToken, json: 'true' },
      cookies: { 'next-auth.csrf-token': csrf.cookies['next-auth.csrf-token'] },
    });
    expect(await sessionOf(acme, response)).toMatchObject({ userId: member.id, tenantId: acme.id });
  });

  it('stops sending after a few links in a row to the same address', async () => {
    const busy = await createMember(acme.id, 'member');
    for (let i = 0; i < MAX_MAGIC_LINKS_PER_WINDOW + 2; i++) {
      await sendMagicLink(acme, { identifier: busy.email, url: `http://${acme.slug}.localhost:3100/api/auth/callback/email?token=t${i}`, expires: new Date(Date.now() + 60_000) });
      await backgroundTasksSettled();
    }
    expect(await db.emailMessage.count({ where: { to: busy.email, kind: 'magic_link' } })).toBe(MAX_MAGIC_LINKS_PER_WINDOW);
  });
});

describe('magicLinkAdapter', () => {
  const expires = () => new Date(Date.now() + 60_000);

  it('stores tokens under "<tenantId>:<email>" and hands each out once', async () => {
    const adapter = magicLinkAdapter(acme.id);
    await adapter.createVerificationToken!({ identifier: member.email, token: 'hashed-token-1', expires: expires() });
    const row = await db.verificationToken.findUniqueOrThrow({ where: { token: 'hashed-token-1' } });
    expect(row.identifier).toBe(`${acme.id}:${member.email}`);

    expect(await magicLinkAdapter(globex.id).useVerificationToken!({ identifier: member.email, token: 'hashed-token-1' })).toBeNull();
    expect(await adapter.useVerificationToken!({ identifier: member.email, token: 'hashed-token-1' })).toMatchObject({ identifier: member.email, token: 'hashed-token-1' });
    expect(await adapter.useVerificationToken!({ identifier: member.email, token: 'hashed-token-1' })).toBeNull();
  });

  it('knows only members of its tenant and never creates users', async () => {
    const adapter = magicLinkAdapter(acme.id);
    expect(await adapter.getUserByEmail!(member.email)).toMatchObject({ id: member.id, email: member.email });
    expect(await adapter.getUserByEmail!(outsider.email)).toBeNull();
    expect(await adapter.getUser!(outsider.id)).toBeNull();
    await expect(Promise.resolve(adapter.createUser!({ email: 'new@example.test', emailVerified: null }))).rejects.toThrow(/existing members only/);
  });

  it('is only configured on tenant hosts (as is support\'s hand-off into a member\'s session)', () => {
    expect(authOptionsFor(null).providers.map((p) => p.type)).toEqual(['credentials', 'credentials']);
    expect(authOptionsFor(null).adapter).toBeUndefined();
    expect(authOptionsFor(acme).providers.map((p) => p.type)).toEqual(['credentials', 'credentials', 'credentials', 'email']);
  });
});
