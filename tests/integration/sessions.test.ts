import { encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { changePassword } from '../../lib/account/change-password.ts';
import { endMyOtherSessions, endMySession, listMySessions } from '../../lib/account/sessions.ts';
import { authOptionsFor } from '../../lib/auth/auth-options.ts';
import { issueLoginToken } from '../../lib/auth/login-token.ts';
import type { Member } from '../../lib/auth/session.ts';
import { forgetSessions, SESSION_CHANNEL } from '../../lib/auth/session-cache.ts';
import { endSessions, LAST_SEEN_INTERVAL_MS, sessionIsActive, startSession } from '../../lib/auth/user-sessions.ts';
import { db } from '../../lib/db/client.ts';
import { offNotify, onNotify } from '../../lib/db/notify-listener.ts';
import { leaveWorkspace, removeMember, signOutMember } from '../../lib/members/members.ts';
import { logger } from '../../lib/observability/logger.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { TEST_PASSWORD } from '../support/factories.ts';
import { TEST_CLIENT_IP, TEST_USER_AGENT, callAuth, passwordSignIn } from '../support/next-auth-call.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

const SESSION_COOKIE = 'next-auth.session-token';

let acme: TenantContext;
let globex: TenantContext;

beforeAll(async () => {
  acme = await workspace();
  globex = await workspace();
});

/** Signs in through next-auth with a password; answers the session cookie and its session id. */
async function signedIn(tenant: TenantContext, email: string): Promise<{ cookie: string; sessionId: string }> {
  const response = await passwordSignIn(tenant, email, TEST_PASSWORD);
  const cookie = response.cookies[SESSION_COOKIE];
  expect(cookie).toBeTruthy();
  const body = await sessionBody(tenant, cookie);
  expect(body.sessionId).toEqual(expect.any(String));
  return { cookie, sessionId: body.sessionId! };
}

async function sessionBody(tenant: TenantContext, cookie: string) {
  return (await callAuth(tenant, 'GET', ['session'], { cookies: { [SESSION_COOKIE]: cookie } })).body as { userId?: string; sessionId?: string };
}

async function signOut(tenant: TenantContext, cookie: string) {
  const csrf = await callAuth(tenant, 'GET', ['csrf']);
  const { csrfToken } = csrf.body as { csrfToken: string };
  return callAuth(tenant, 'POST', ['signout'], {
    body: { csrfToken, json: 'true' },
    cookies: { 'next-auth.csrf-token': csrf.cookies['next-auth.csrf-token'], [SESSION_COOKIE]: cookie },
  });
}

/** Another member on acme who is also a member of globex. */
async function memberOfBoth(role: 'member' | 'admin' = 'member'): Promise<Member> {
  const member = await memberIn(acme, role);
  await db.membership.create({ data: { tenantId: globex.id, userId: member.userId, role: 'member' } });
  return member;
}

const ended = async (id: string) => (await db.userSession.findUniqueOrThrow({ where: { id } })).revokedReason;

describe('signing out', () => {
  it('ends the session on the server: a copy of the cookie no longer reads a session', async () => {
    const member = await memberIn(acme);
    const { cookie, sessionId } = await signedIn(acme, member.email);
    expect(await sessionBody(acme, cookie)).toMatchObject({ userId: member.userId, sessionId });

    const response = await signOut(acme, cookie);
    // next-auth clears the cookie in the browser that signed out…
    expect(response.cookies[SESSION_COOKIE]).toBe('');
    // …and every other copy of it is refused from now on.
    expect(await sessionBody(acme, cookie)).toEqual({});
    expect(await ended(sessionId)).toBe('signed_out');
  });

  it('refuses a cookie issued before sessions were kept on the server (no sid)', async () => {
    const member = await memberIn(acme);
    const secret = authOptionsFor(acme).secret!;
    const legacy = await encode({ token: { uid: member.userId, tid: acme.id, sat: Date.now() }, secret });
    expect(await sessionBody(acme, legacy)).toEqual({});
  });
});

describe('logging', () => {
  it('reports neither an ended session nor another host’s cookie as an error (the latter is a warning)', async () => {
    const member = await memberOfBoth();
    const { cookie, sessionId } = await signedIn(acme, member.email);
    const error = vi.spyOn(logger(), 'error').mockImplementation(() => {});
    const warn = vi.spyOn(logger(), 'warn').mockImplementation(() => {});
    try {
      expect(await sessionBody(globex, cookie)).toEqual({});
      expect(warn).toHaveBeenCalledWith('auth: ignored a session cookie that was not issued for this host');
      warn.mockClear();
      await db.$transaction((tx) => endSessions(tx, { userId: member.userId, sessionId }, 'ended_by_user'));
      expect(await sessionBody(acme, cookie)).toEqual({});
      expect(warn).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
      warn.mockRestore();
    }
  });
});

describe('the session store', () => {
  it('records how, from where and with what each sign-in happened', async () => {
    const member = await memberIn(acme);
    const { sessionId } = await signedIn(acme, member.email);
    const row = await db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row).toMatchObject({ userId: member.userId, tenantId: acme.id, method: 'password', ip: TEST_CLIENT_IP, userAgent: TEST_USER_AGENT, revokedAt: null });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 24 * 60 * 60_000);
  });

  it('records the hand-off’s own method (sign-up, invitation, SSO) on the session it makes', async () => {
    const member = await memberIn(acme);
    const token = await issueLoginToken(db, member.userId, acme.id, 'invitation');
    const csrf = await callAuth(acme, 'GET', ['csrf']);
    const response = await callAuth(acme, 'POST', ['callback', 'handoff'], {
      body: { token, csrfToken: (csrf.body as { csrfToken: string }).csrfToken, json: 'true' },
      cookies: { 'next-auth.csrf-token': csrf.cookies['next-auth.csrf-token'] },
    });
    const { sessionId } = await sessionBody(acme, response.cookies[SESSION_COOKIE]);
    expect(await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ userId: member.userId, method: 'invitation' });
  });

  it('refuses an expired session, and one presented for another user or host', async () => {
    const member = await memberIn(acme);
    const { cookie, sessionId } = await signedIn(acme, member.email);
    expect(await sessionIsActive(sessionId, { userId: member.userId, tenantId: globex.id })).toBe(false);
    expect(await sessionIsActive(sessionId, { userId: 'someone-else', tenantId: acme.id })).toBe(false);
    await db.userSession.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    forgetSessions(sessionId);
    expect(await sessionBody(acme, cookie)).toEqual({});
  });

  it('answers from its cache until the session is ended through the store, which every instance hears about', async () => {
    const member = await memberIn(acme);
    const session = await startSession({ userId: member.userId, tenantId: acme.id, method: 'password', ip: null, userAgent: null });
    const expected = { userId: member.userId, tenantId: acme.id };
    expect(await sessionIsActive(session.id, expected)).toBe(true);
    // Changed behind the store's back: the cached answer stands (no query per request)…
    await db.userSession.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
    expect(await sessionIsActive(session.id, expected)).toBe(true);
    await db.userSession.update({ where: { id: session.id }, data: { revokedAt: null } });

    // …while ending it through the store NOTIFYs its id to every listening instance on commit.
    const heard: string[] = [];
    const listener = (payload?: string) => void (payload && heard.push(payload));
    onNotify(SESSION_CHANNEL, listener, { outsideNext: true });
    try {
      await expect.poll(async () => {
        // The listener connects in the background: until it has, nothing is heard.
        await db.$executeRaw`SELECT pg_notify(${SESSION_CHANNEL}, 'ping')`;
        return heard.includes('ping');
      }).toBe(true);
      await db.$transaction((tx) => endSessions(tx, { userId: member.userId, sessionId: session.id }, 'ended_by_user'));
      await expect.poll(() => heard).toContain(session.id);
    } finally {
      await offNotify(SESSION_CHANNEL, listener);
    }
    expect(await sessionIsActive(session.id, expected)).toBe(false);
  });

  it('writes lastSeenAt at most every few minutes', async () => {
    const member = await memberIn(acme);
    const start = new Date();
    const session = await startSession({ userId: member.userId, tenantId: acme.id, method: 'password', ip: null, userAgent: null }, start);
    const expected = { userId: member.userId, tenantId: acme.id };
    const lastSeen = async () => (await db.userSession.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt.getTime();
    await sessionIsActive(session.id, expected, start.getTime() + 60_000);
    expect(await lastSeen()).toBe(start.getTime());
    await sessionIsActive(session.id, expected, start.getTime() + LAST_SEEN_INTERVAL_MS + 1000);
    expect(await lastSeen()).toBe(start.getTime() + LAST_SEEN_INTERVAL_MS + 1000);
  });
});

describe('ending sessions', () => {
  it('removing a member ends their sessions on that workspace only', async () => {
    const owner = await memberIn(acme, 'owner');
    const member = await memberOfBoth();
    const onAcme = await signedIn(acme, member.email);
    const onGlobex = await signedIn(globex, member.email);
    await removeMember(acme, owner, member.membershipId);
    expect(await sessionBody(acme, onAcme.cookie)).toEqual({});
    expect(await ended(onAcme.sessionId)).toBe('removed_from_workspace');
    expect(await sessionBody(globex, onGlobex.cookie)).toMatchObject({ userId: member.userId });
  });

  it('leaving a workspace ends one’s sessions there', async () => {
    const member = await memberIn(acme);
    const { cookie } = await signedIn(acme, member.email);
    await leaveWorkspace(acme, member);
    expect(await sessionBody(acme, cookie)).toEqual({});
  });

  it('an admin signs a member out everywhere on the workspace, audited; not owners (unless an owner), not themselves', async () => {
    const admin = await memberIn(acme, 'admin');
    const owner = await memberIn(acme, 'owner');
    const member = await memberOfBoth();
    const first = await signedIn(acme, member.email);
    const second = await signedIn(acme, member.email);
    const elsewhere = await signedIn(globex, member.email);

    expect(await signOutMember(acme, admin, member.membershipId, '192.0.2.4')).toEqual({ ended: 2 });
    expect(await sessionBody(acme, first.cookie)).toEqual({});
    expect(await sessionBody(acme, second.cookie)).toEqual({});
    expect(await ended(first.sessionId)).toBe('ended_by_admin');
    expect(await sessionBody(globex, elsewhere.cookie)).toMatchObject({ userId: member.userId });
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: acme.id, action: 'member.signed_out', targetId: member.userId } });
    expect(audit).toMatchObject({ actorId: admin.userId, ip: '192.0.2.4', metadata: { email: member.email, sessions: 2 } });

    expect((await failure(signOutMember(acme, admin, owner.membershipId))).status).toBe(403);
    expect((await failure(signOutMember(acme, admin, admin.membershipId))).status).toBe(400);
    expect((await failure(signOutMember(acme, member, admin.membershipId))).status).toBe(403);
    expect(await signOutMember(acme, owner, owner.membershipId).catch((e) => e.status)).toBe(400);
    expect(await signOutMember(globex, await memberIn(globex, 'owner'), admin.membershipId).catch((e) => e.status)).toBe(404);
  });

  it('a person lists and ends their own sessions on this workspace, never anyone else’s', async () => {
    const member = await memberOfBoth();
    const here = await signedIn(acme, member.email);
    const other = await signedIn(acme, member.email);
    const elsewhere = await signedIn(globex, member.email);
    const stranger = await memberIn(acme);
    const strangers = await signedIn(acme, stranger.email);
    const me = { ...member, sessionId: here.sessionId };

    const listed = await listMySessions(acme, me);
    expect(listed.map((s) => s.id).sort()).toEqual([here.sessionId, other.sessionId].sort());
    expect(listed.find((s) => s.id === here.sessionId)).toMatchObject({ current: true, label: 'Chrome on Linux', device: 'desktop', ip: TEST_CLIENT_IP, method: 'password' });
    expect(listed.find((s) => s.id === other.sessionId)?.current).toBe(false);

    expect((await failure(endMySession(acme, me, strangers.sessionId))).status).toBe(404);
    expect((await failure(endMySession(acme, me, elsewhere.sessionId))).status).toBe(404);
    expect((await failure(endMySession(acme, me, 'a\u0000b'))).status).toBe(404);
    await endMySession(acme, me, other.sessionId);
    expect(await sessionBody(acme, other.cookie)).toEqual({});
    expect(await ended(other.sessionId)).toBe('ended_by_user');

    const third = await signedIn(acme, member.email);
    expect(await endMyOtherSessions(acme, me)).toEqual({ ended: 1 });
    expect(await sessionBody(acme, third.cookie)).toEqual({});
    expect(await sessionBody(acme, here.cookie)).toMatchObject({ sessionId: here.sessionId });
    expect(await sessionBody(globex, elsewhere.cookie)).toMatchObject({ userId: member.userId });
    expect(await sessionBody(acme, strangers.cookie)).toMatchObject({ userId: stranger.userId });
  });
});

describe('changing the password', () => {
  it('needs the current password, follows the sign-up rules, ends every other session of the account and is audited', async () => {
    const member = await memberOfBoth();
    const here = await signedIn(acme, member.email);
    const other = await signedIn(acme, member.email);
    const elsewhere = await signedIn(globex, member.email);
    const me = { ...member, sessionId: here.sessionId };

    const wrong = await failure(changePassword(acme, me, { currentPassword: 'not-it', newPassword: 'a-new-password-1' }, '192.0.2.5'));
    expect(wrong).toMatchObject({ status: 422, fields: { currentPassword: expect.stringContaining('not your current password') } });
    const short = await failure(changePassword(acme, me, { currentPassword: TEST_PASSWORD, newPassword: 'short' }, '192.0.2.5'));
    expect(short).toMatchObject({ status: 422, fields: { newPassword: 'Use at least 10 characters.' } });
    expect(await sessionBody(acme, other.cookie)).toMatchObject({ userId: member.userId });

    expect(await changePassword(acme, me, { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' }, '192.0.2.5')).toEqual({ endedSessions: 2 });
    expect(await sessionBody(acme, here.cookie)).toMatchObject({ sessionId: here.sessionId });
    expect(await sessionBody(acme, other.cookie)).toEqual({});
    expect(await sessionBody(globex, elsewhere.cookie)).toEqual({});
    expect(await ended(elsewhere.sessionId)).toBe('password_changed');
    expect((await passwordSignIn(acme, member.email, 'a-new-password-1')).cookies[SESSION_COOKIE]).toBeTruthy();
    expect((await passwordSignIn(acme, member.email, TEST_PASSWORD)).cookies[SESSION_COOKIE]).toBeUndefined();
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: acme.id, action: 'account.password_changed', actorId: member.userId } });
    expect(audit).toMatchObject({ ip: '192.0.2.5', metadata: { endedSessions: 2 } });
  });

  it('is refused for an account without a password (it sets one through a reset link)', async () => {
    const member = await memberIn(acme);
    await db.user.update({ where: { id: member.userId }, data: { passwordHash: null } });
    const error = await failure(changePassword(acme, member, { currentPassword: 'anything', newPassword: 'a-new-password-1' }, '192.0.2.6'));
    expect(error.status).toBe(409);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).passwordHash).toBeNull();
  });
});
