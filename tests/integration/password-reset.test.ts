import { beforeAll, describe, expect, it } from 'vitest';
import { lookupPasswordReset, MAX_RESETS_PER_ADDRESS, requestPasswordReset, resetPassword, RESET_REQUESTED } from '../../lib/auth/password-reset.ts';
import { startSession } from '../../lib/auth/user-sessions.ts';
import { db } from '../../lib/db/client.ts';
import { backgroundTasksSettled } from '../../lib/http/after-response.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { TEST_PASSWORD } from '../support/factories.ts';
import { passwordSignIn } from '../support/next-auth-call.ts';
import { whileTablesLocked } from '../support/table-lock.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

let acme: TenantContext;
let globex: TenantContext;
let ipCounter = 0;
/** A fresh IP per request keeps the per-IP throttle out of tests that are not about it. */
const ip = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  acme = await workspace();
  globex = await workspace();
});

async function resetLink(email: string): Promise<{ url: URL; token: string } | null> {
  await backgroundTasksSettled();
  const message = await db.emailMessage.findFirst({ where: { to: email, kind: 'password_reset' }, orderBy: { createdAt: 'desc' } });
  const match = message?.text.match(/https?:\/\/\S+\/reset-password\/([A-Za-z0-9_-]+)/);
  return match ? { url: new URL(match[0]), token: match[1] } : null;
}

describe('asking for a password link', () => {
  it('answers the same for a member, someone else’s member and an unknown address, without looking anyone up first', async () => {
    const member = await memberIn(acme);
    const outsider = await memberIn(globex);
    const unknown = `nobody-${Date.now()}@example.test`;
    // The answer never touches the accounts or the outbox: both wait behind these locks.
    const answers = await whileTablesLocked(['User', 'Membership', 'EmailMessage'], () =>
      Promise.all([member.email, outsider.email, unknown].map((email) => requestPasswordReset(acme, { email }, ip()))),
    );
    expect(answers).toEqual([{ message: RESET_REQUESTED }, { message: RESET_REQUESTED }, { message: RESET_REQUESTED }]);
    expect(await db.passwordResetRequest.count({ where: { email: { in: [member.email, outsider.email, unknown] } } })).toBe(3);

    const link = await resetLink(member.email);
    expect(link?.url.origin).toBe(`http://${acme.slug}.localhost:3100`);
    expect(await resetLink(outsider.email)).toBeNull();
    expect(await resetLink(unknown)).toBeNull();
    const email = await db.emailMessage.findFirstOrThrow({ where: { to: member.email, kind: 'password_reset' } });
    expect(email).toMatchObject({ tenantId: acme.id, transport: 'outbox', subject: `Choose a new password for ${acme.name}` });
    // Only the hash is stored.
    const stored = await db.passwordReset.findFirstOrThrow({ where: { userId: member.userId } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(link!.token);
  });

  it('refuses bad addresses with a field error, and throttles per address and per IP alike for every address', async () => {
    expect((await failure(requestPasswordReset(acme, { email: 'not-an-email' }, ip()))).fields).toEqual({ email: 'Enter a valid email address.' });
    expect((await failure(requestPasswordReset(acme, null, ip()))).status).toBe(422);

    const member = await memberIn(acme);
    const unknown = `nobody-${Date.now()}-2@example.test`;
    for (const email of [member.email, unknown]) {
      for (let i = 0; i < MAX_RESETS_PER_ADDRESS; i++) await requestPasswordReset(acme, { email }, ip());
      expect((await failure(requestPasswordReset(acme, { email }, ip()))).status).toBe(429);
    }
    const sameIp = '192.0.2.200';
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await requestPasswordReset(acme, { email: `spray-${i}-${Date.now()}@example.test` }, sameIp).then(() => 202, (e) => e.status));
    expect(results.slice(0, 20).every((status) => status === 202)).toBe(true);
    expect(results[20]).toBe(429);
  });

  it('on the root domain, sends links to operators and reseller users only', async () => {
    const operator = await db.user.findUniqueOrThrow({ where: { email: 'operator@waypoint.test' } });
    const member = await memberIn(acme);
    await requestPasswordReset(null, { email: operator.email }, ip());
    await requestPasswordReset(null, { email: member.email }, ip());
    expect((await resetLink(operator.email))?.url.origin).toBe('http://localhost:3100');
    expect(await resetLink(member.email)).toBeNull();
  });
});

describe('choosing the new password', () => {
  it('works once, on the host it was asked on, ends every session and is audited', async () => {
    const member = await memberIn(acme);
    const sessions = await Promise.all([acme.id, null].map((tenantId) => startSession({ userId: member.userId, tenantId, method: 'password', ip: null, userAgent: null })));
    await requestPasswordReset(acme, { email: member.email }, ip());
    const { token } = (await resetLink(member.email))!;

    expect(await lookupPasswordReset(acme, token)).toEqual({ status: 'valid', email: member.email });
    expect(await lookupPasswordReset(globex, token)).toEqual({ status: 'invalid' });
    expect(await lookupPasswordReset(null, token)).toEqual({ status: 'invalid' });
    expect((await failure(resetPassword(globex, token, { password: 'a-whole-new-password' }, '192.0.2.9'))).status).toBe(410);
    expect((await failure(resetPassword(acme, token, { password: 'short' }, '192.0.2.9'))).fields).toEqual({ password: 'Use at least 10 characters.' });

    expect(await resetPassword(acme, token, { password: 'a-whole-new-password' }, '192.0.2.9')).toEqual({ signInUrl: '/signin' });
    for (const session of sessions) expect((await db.userSession.findUniqueOrThrow({ where: { id: session.id } })).revokedReason).toBe('password_reset');
    expect((await passwordSignIn(acme, member.email, 'a-whole-new-password')).cookies['next-auth.session-token']).toBeTruthy();
    expect((await passwordSignIn(acme, member.email, TEST_PASSWORD)).cookies['next-auth.session-token']).toBeUndefined();
    expect(await db.auditLog.findFirst({ where: { tenantId: acme.id, action: 'account.password_reset', actorId: member.userId } })).toMatchObject({ ip: '192.0.2.9' });

    expect((await failure(resetPassword(acme, token, { password: 'yet-another-password' }, '192.0.2.9'))).status).toBe(410);
    expect(await lookupPasswordReset(acme, token)).toEqual({ status: 'invalid' });
  });

  it('proves the address: an unverified account is verified, and the new password replaces whatever was set before', async () => {
    const member = await memberIn(acme);
    await db.user.update({ where: { id: member.userId }, data: { emailVerifiedAt: null } });
    await requestPasswordReset(acme, { email: member.email }, ip());
    await resetPassword(acme, (await resetLink(member.email))!.token, { password: 'a-whole-new-password' }, '192.0.2.9');
    expect((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).emailVerifiedAt).toEqual(expect.any(Date));
    expect((await passwordSignIn(acme, member.email, 'a-whole-new-password')).cookies['next-auth.session-token']).toBeTruthy();
  });

  it('refuses an expired link, and every older link once one is used', async () => {
    const member = await memberIn(acme);
    await requestPasswordReset(acme, { email: member.email }, ip());
    const first = (await resetLink(member.email))!.token;
    await requestPasswordReset(acme, { email: member.email }, ip());
    const second = (await resetLink(member.email))!.token;
    expect(second).not.toBe(first);
    await resetPassword(acme, second, { password: 'a-whole-new-password' }, '192.0.2.9');
    expect((await failure(resetPassword(acme, first, { password: 'another-new-password' }, '192.0.2.9'))).status).toBe(410);

    await requestPasswordReset(acme, { email: member.email }, ip());
    const third = (await resetLink(member.email))!.token;
    await db.passwordReset.updateMany({ where: { userId: member.userId, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await lookupPasswordReset(acme, third)).toEqual({ status: 'invalid' });
    expect((await failure(resetPassword(acme, third, { password: 'another-new-password' }, '192.0.2.9'))).status).toBe(410);
  });

  it('lets only one of two concurrent submissions of a link win', async () => {
    const member = await memberIn(acme);
    await requestPasswordReset(acme, { email: member.email }, ip());
    const { token } = (await resetLink(member.email))!;
    const results = await Promise.allSettled([resetPassword(acme, token, { password: 'first-new-password' }, '192.0.2.9'), resetPassword(acme, token, { password: 'second-new-password' }, '192.0.2.9')]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });

  it('ignores malformed tokens without an error of its own', async () => {
    for (const token of ['', 'short', 'a\u0000b', 'x'.repeat(43)]) {
      expect(await lookupPasswordReset(acme, token)).toEqual({ status: 'invalid' });
      expect((await failure(resetPassword(acme, token, { password: 'a-whole-new-password' }, '192.0.2.9'))).status).toBe(410);
    }
  });
});
