import { createHash, createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as membersRoute from '../../app/api/app/members/route.ts';
import * as statusRoute from '../../app/api/app/account/two-factor/route.ts';
import { beginEnrolment, confirmEnrolment, disableTwoFactor, memberTwoFactor, regenerateRecoveryCodes, twoFactorStatus } from '../../lib/account/two-factor.ts';
import { issueLoginToken } from '../../lib/auth/login-token.ts';
import { checkSecondFactor, RECOVERY_CODE_COUNT } from '../../lib/auth/second-factor.ts';
import type { Member } from '../../lib/auth/session.ts';
import { MAX_FAILURES_PER_ACCOUNT } from '../../lib/auth/throttle.ts';
import { totpCode, verifyTotp } from '../../lib/auth/totp.ts';
import { mustEnrolTwoFactor } from '../../lib/auth/two-factor-policy.ts';
import { startSession } from '../../lib/auth/user-sessions.ts';
import { decryptSecret } from '../../lib/crypto/encrypt-secret.ts';
import { db } from '../../lib/db/client.ts';
import { updateGeneralSettings } from '../../lib/tenancy/tenant-settings.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { callRoute } from '../support/app-client.ts';
import { contextOf, TEST_PASSWORD } from '../support/factories.ts';
import { callAuth, handoffSignIn, passwordSignIn } from '../support/next-auth-call.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// Two-factor sign-in with TOTP (RFC 6238) and recovery codes: enrolment, the sign-in challenge
// (no session without the code), replay, throttling, turning it off, and a workspace that
// requires it of its admins and owners.

const SESSION_COOKIE = 'next-auth.session-token';
const now = () => Math.floor(Date.now() / 1000);
const errorOf = (response: { body: unknown }) => new URL((response.body as { url: string }).url).searchParams.get('error');

let acme: TenantContext;

beforeAll(async () => {
  acme = await workspace();
});

/** A member with 2FA on: its secret (plain, as the app holds it) and recovery codes. */
async function enrolled(tenant = acme, role: 'member' | 'admin' | 'owner' = 'member'): Promise<{ member: Member; secret: string; recoveryCodes: string[] }> {
  const member = await memberIn(tenant, role);
  const { secret } = await beginEnrolment(memberTwoFactor(tenant, member));
  const { recoveryCodes } = await confirmEnrolment(memberTwoFactor(tenant, member), { code: await totpCode(secret) });
  return { member, secret, recoveryCodes };
}

/** A code of the next time step: the current one was spent confirming the enrolment. */
const nextCode = (secret: string) => totpCode(secret, now() + 30);

describe('TOTP against RFC 6238', () => {
  // RFC 6238 Appendix B, SHA-1: the seed is the ASCII "12345678901234567890" (Base32 below);
  // authenticator apps show the last 6 of the RFC's 8 digits (the same value mod 10^6).
  const SEED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  const VECTORS: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];

  it('gives the RFC test vectors', async () => {
    for (const [time, expected] of VECTORS) expect(await totpCode(SEED, time)).toBe(expected.slice(-6));
  });

  /** RFC 4226 §5.3 HOTP with T = floor(time / 30), written here from the RFC with node:crypto. */
  function independentTotp(key: Buffer, time: number): string {
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(Math.floor(time / 30)));
    const hmac = createHmac('sha1', key).update(counter).digest();
    const offset = hmac[hmac.length - 1] & 0x0f;
    const binary = ((hmac[offset] & 0x7f) << 24) | (hmac[offset + 1] << 16) | (hmac[offset + 2] << 8) | hmac[offset + 3];
    return String(binary % 1_000_000).padStart(6, '0');
  }

  function base32Decode(input: string): Buffer {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    let bits = '';
    for (const char of input.replace(/=+$/, '')) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
    return Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
  }

  it('agrees with an independent implementation on the secrets it makes', async () => {
    const member = await memberIn(acme);
    for (let i = 0; i < 5; i++) {
      const { secret } = await beginEnrolment(memberTwoFactor(acme, member));
      for (const time of [0, 59, now(), now() + 12345, 1e10]) expect(await totpCode(secret, time)).toBe(independentTotp(base32Decode(secret), time));
    }
  });

  it('accepts one step of drift either way, not two, and never a step at or before the last accepted', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const t = 1_700_000_000;
    const step = Math.floor(t / 30);
    expect(await verifyTotp(secret, await totpCode(secret, t), null, t)).toBe(step);
    expect(await verifyTotp(secret, await totpCode(secret, t - 30), null, t)).toBe(step - 1);
    expect(await verifyTotp(secret, await totpCode(secret, t + 30), null, t)).toBe(step + 1);
    expect(await verifyTotp(secret, await totpCode(secret, t - 60), null, t)).toBeNull();
    expect(await verifyTotp(secret, await totpCode(secret, t), step, t)).toBeNull();
    expect(await verifyTotp(secret, 'abcdef', null, t)).toBeNull();
  });
});

describe('enrolment', () => {
  it('keeps the secret encrypted, and turns 2FA on only with a right code', async () => {
    const member = await memberIn(acme);
    const enrolment = await beginEnrolment(memberTwoFactor(acme, member));
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qrCode).toMatch(/^data:image\/png;base64,/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: member.userId } });
    expect(stored.totpSecret).not.toContain(enrolment.secret);
    expect(decryptSecret(stored.totpSecret!)).toBe(enrolment.secret);
    expect((await twoFactorStatus(member)).enabled).toBe(false);

    const wrong = await failure(confirmEnrolment(memberTwoFactor(acme, member), { code: '000000' === (await totpCode(enrolment.secret)) ? '111111' : '000000' }));
    expect(wrong.status).toBe(422);
    expect(wrong.fields?.code).toBeTruthy();
    expect((await twoFactorStatus(member)).enabled).toBe(false);

    const { recoveryCodes } = await confirmEnrolment(memberTwoFactor(acme, member), { code: await totpCode(enrolment.secret) });
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    expect(await twoFactorStatus(member)).toMatchObject({ enabled: true, recoveryCodesLeft: RECOVERY_CODE_COUNT });
    // Only hashes are kept.
    const rows = await db.recoveryCode.findMany({ where: { userId: member.userId } });
    expect(rows.map((row) => row.codeHash).sort()).toEqual(recoveryCodes.map((code) => createHash('sha256').update(code.replace('-', '')).digest('hex')).sort());
    expect(JSON.stringify(rows)).not.toContain(recoveryCodes[0]);

    // Enrolling again while on is refused (the secret is not replaced under the app's feet).
    expect((await failure(beginEnrolment(memberTwoFactor(acme, member)))).status).toBe(409);
  });

  it('is refused to an account without a password (it would guard nothing)', async () => {
    const member = await memberIn(acme);
    await db.user.update({ where: { id: member.userId }, data: { passwordHash: null } });
    expect((await failure(beginEnrolment(memberTwoFactor(acme, member)))).status).toBe(409);
  });
});

describe('codes', () => {
  it('accepts a TOTP code once: the same code again is a replay and refused', async () => {
    const { member, secret } = await enrolled();
    const code = await nextCode(secret);
    expect(await checkSecondFactor(member.userId, code)).toBe('totp');
    expect(await checkSecondFactor(member.userId, code)).toBeNull();
    // Nor an older one, even inside the drift window.
    expect(await checkSecondFactor(member.userId, await totpCode(secret))).toBeNull();
  });

  it('the code used to confirm the enrolment cannot sign in', async () => {
    const member = await memberIn(acme);
    const { secret } = await beginEnrolment(memberTwoFactor(acme, member));
    const code = await totpCode(secret);
    await confirmEnrolment(memberTwoFactor(acme, member), { code });
    expect(await checkSecondFactor(member.userId, code)).toBeNull();
  });

  it('accepts each recovery code once, in any case and with or without the dash', async () => {
    const { member, recoveryCodes } = await enrolled();
    expect(await checkSecondFactor(member.userId, recoveryCodes[0].toUpperCase().replace('-', ' '))).toBe('recovery');
    expect(await checkSecondFactor(member.userId, recoveryCodes[0])).toBeNull();
    expect((await twoFactorStatus(member)).recoveryCodesLeft).toBe(RECOVERY_CODE_COUNT - 1);
    // Another user's code is not this user's.
    const other = await enrolled();
    expect(await checkSecondFactor(member.userId, other.recoveryCodes[0])).toBeNull();
  });

  it('new recovery codes need a code from the app, and the old ones stop working', async () => {
    const { member, secret, recoveryCodes } = await enrolled();
    expect((await failure(regenerateRecoveryCodes(memberTwoFactor(acme, member), { code: recoveryCodes[0] }))).status).toBe(422);
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(memberTwoFactor(acme, member), { code: await nextCode(secret) });
    expect(fresh).toHaveLength(RECOVERY_CODE_COUNT);
    expect(await checkSecondFactor(member.userId, recoveryCodes[1])).toBeNull();
    expect(await checkSecondFactor(member.userId, fresh[0])).toBe('recovery');
  });
});

describe('turning it off', () => {
  it('needs the password or a code; a wrong one is refused and counted', async () => {
    const { member, secret } = await enrolled();
    const wrong = await failure(disableTwoFactor(memberTwoFactor(acme, member), { password: 'not-my-password' }));
    expect(wrong.status).toBe(422);
    expect(await db.loginFailure.count({ where: { email: member.email } })).toBe(1);
    expect((await failure(disableTwoFactor(memberTwoFactor(acme, member), {}))).status).toBe(422);
    expect((await failure(disableTwoFactor(memberTwoFactor(acme, member), { code: '12' }))).status).toBe(422);
    expect((await twoFactorStatus(member)).enabled).toBe(true);

    await disableTwoFactor(memberTwoFactor(acme, member), { code: await nextCode(secret) });
    expect(await twoFactorStatus(member)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await db.recoveryCode.count({ where: { userId: member.userId } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).totpSecret).toBeNull();
    // Sign-in is back to the password alone.
    expect((await passwordSignIn(acme, member.email, TEST_PASSWORD)).cookies[SESSION_COOKIE]).toBeTruthy();
  });

  it('works with the password too', async () => {
    const { member } = await enrolled();
    await disableTwoFactor(memberTwoFactor(acme, member), { password: TEST_PASSWORD });
    expect((await twoFactorStatus(member)).enabled).toBe(false);
  });
});

describe('the sign-in challenge', () => {
  it('makes no session from the right password alone: the form is asked for a code', async () => {
    const { member } = await enrolled();
    const response = await passwordSignIn(acme, member.email, TEST_PASSWORD);
    expect(errorOf(response)).toBe('TwoFactorRequired');
    expect(response.cookies[SESSION_COOKIE]).toBeUndefined();
    expect(await db.userSession.count({ where: { userId: member.userId } })).toBe(0);
  });

  it('a wrong password with a code is still a wrong password (no hint that 2FA is on)', async () => {
    const { member, secret } = await enrolled();
    const response = await passwordSignIn(acme, member.email, 'wrong-password', await nextCode(secret));
    expect(errorOf(response)).toBe('CredentialsSignin');
    expect(response.cookies[SESSION_COOKIE]).toBeUndefined();
  });

  it('signs in with the password and a code, once: the same code again is refused', async () => {
    const { member, secret } = await enrolled();
    const code = await nextCode(secret);
    const first = await passwordSignIn(acme, member.email, TEST_PASSWORD, code);
    expect(first.cookies[SESSION_COOKIE]).toBeTruthy();
    const session = await callAuth(acme, 'GET', ['session'], { cookies: { [SESSION_COOKIE]: first.cookies[SESSION_COOKIE] } });
    expect(session.body).toMatchObject({ userId: member.userId });

    const replay = await passwordSignIn(acme, member.email, TEST_PASSWORD, code);
    expect(errorOf(replay)).toBe('TwoFactorInvalid');
    expect(replay.cookies[SESSION_COOKIE]).toBeUndefined();
  });

  it('signs in with a recovery code, which is then spent', async () => {
    const { member, recoveryCodes } = await enrolled();
    expect((await passwordSignIn(acme, member.email, TEST_PASSWORD, recoveryCodes[3])).cookies[SESSION_COOKIE]).toBeTruthy();
    expect(errorOf(await passwordSignIn(acme, member.email, TEST_PASSWORD, recoveryCodes[3]))).toBe('TwoFactorInvalid');
  });

  it('throttles wrong codes like wrong passwords: then even the right code is refused', async () => {
    const { member, secret } = await enrolled();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect(errorOf(await passwordSignIn(acme, member.email, TEST_PASSWORD, `00000${i}`))).toBe('TwoFactorInvalid');
    const blocked = await passwordSignIn(acme, member.email, TEST_PASSWORD, await nextCode(secret));
    expect(errorOf(blocked)).toMatch(/Too many failed sign-in attempts/);
    expect(blocked.cookies[SESSION_COOKIE]).toBeUndefined();
  });

  it('refuses a sign-up or invitation hand-off for an account with 2FA; SSO hand-offs pass', async () => {
    const { member } = await enrolled();
    const invitation = await handoffSignIn(acme, await issueLoginToken(db, member.userId, acme.id, 'invitation'));
    expect(errorOf(invitation)).toBe('TwoFactorRequired');
    expect(invitation.cookies[SESSION_COOKIE]).toBeUndefined();
    const sso = await handoffSignIn(acme, await issueLoginToken(db, member.userId, acme.id, 'sso'));
    expect(sso.cookies[SESSION_COOKIE]).toBeTruthy();
  });

  it('refuses an emailed sign-in link for an account with 2FA', async () => {
    const { member } = await enrolled();
    const token = `link-${member.userId}`;
    const secret = (await import('../../lib/auth/auth-options.ts')).authOptionsFor(acme).secret!;
    await db.verificationToken.create({ data: { identifier: `${acme.id}:${member.email}`, token: createHash('sha256').update(`${token}${secret}`).digest('hex'), expires: new Date(Date.now() + 600_000) } });
    const response = await callAuth(acme, 'GET', ['callback', 'email'], { query: { token, email: member.email } });
    expect(response.location).toContain('error=TwoFactorRequired');
    expect(response.cookies[SESSION_COOKIE]).toBeUndefined();
  });
});

describe('a workspace that requires 2FA of admins and owners', () => {
  let strict: TenantContext;

  beforeAll(async () => {
    const base = await workspace();
    await db.tenant.update({ where: { id: base.id }, data: { requireTwoFactor: true } });
    strict = await contextOf(base.id);
  });

  const call = async (handler: Parameters<typeof callRoute>[0], path: string, cookie: string) => callRoute(handler, { path, tenantId: strict.id, host: `${strict.slug}.localhost:3100`, cookie });

  it('stops an admin without 2FA at the API (403 two_factor_required) but lets them reach enrolment', async () => {
    const admin = await memberIn(strict, 'admin');
    const cookie = await sessionCookie(admin.userId, strict.id);
    const members = await call(membersRoute.GET, '/api/app/members', cookie);
    expect(members.status).toBe(403);
    expect(members.body.code).toBe('two_factor_required');
    expect((await call(statusRoute.GET, '/api/app/account/two-factor', cookie)).status).toBe(200);
    expect(await mustEnrolTwoFactor(strict, admin)).toBe(true);
  });

  it('lets through admins with 2FA, members without it, and SSO sessions', async () => {
    const { member: admin } = await enrolled(strict, 'admin');
    expect((await call(membersRoute.GET, '/api/app/members', await sessionCookie(admin.userId, strict.id))).status).toBe(200);
    const member = await memberIn(strict, 'member');
    expect((await call(membersRoute.GET, '/api/app/members', await sessionCookie(member.userId, strict.id))).status).toBe(200);

    const ssoOwner = await memberIn(strict, 'owner');
    const session = await startSession({ userId: ssoOwner.userId, tenantId: strict.id, method: 'sso', ip: null, userAgent: null });
    expect(await mustEnrolTwoFactor(strict, { ...ssoOwner, sessionId: session.id })).toBe(false);
    const passwordSession = await startSession({ userId: ssoOwner.userId, tenantId: strict.id, method: 'password', ip: null, userAgent: null });
    expect(await mustEnrolTwoFactor(strict, { ...ssoOwner, sessionId: passwordSession.id })).toBe(true);
  });

  it('is turned on only by someone who meets it', async () => {
    const tenant = await workspace();
    const owner = await memberIn(tenant, 'owner');
    const general = { name: tenant.name, timeZone: tenant.timeZone, defaultRole: 'member' };
    const refused = await failure(updateGeneralSettings(tenant, owner, { ...general, requireTwoFactor: true }));
    expect(refused.status).toBe(422);
    expect(refused.fields?.requireTwoFactor).toBeTruthy();

    const { member: secured } = await enrolled(tenant, 'owner');
    await updateGeneralSettings(tenant, secured, { ...general, requireTwoFactor: true });
    expect((await contextOf(tenant.id)).requireTwoFactor).toBe(true);
    // Saving the form without the field leaves it as it was.
    await updateGeneralSettings(await contextOf(tenant.id), secured, general);
    expect((await contextOf(tenant.id)).requireTwoFactor).toBe(true);
  });
});
