import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../lib/auth/authenticate.ts';
import { db } from '../../lib/db/client.ts';
import { closeJackson } from '../../lib/sso/jackson.ts';
import { listSsoDomains, updateSsoDomain } from '../../lib/sso/sso-domains.ts';
import { SsoRequiredError } from '../../lib/sso/sso-policy.ts';
import { TEST_PASSWORD, contextOf, createMember } from '../support/factories.ts';
import { callAuth, passwordSignIn, requestSignInLink } from '../support/next-auth-call.ts';
import { ssoWorkspace, type SsoWorkspace } from '../support/sso.ts';

// "Require SSO" on a verified SSO domain: password and sign-in links are refused for its
// addresses; owners keep a break-glass password sign-in, which is audited.
// (Per-domain choice and the binding to connections: sso-domains.test.ts.)

let w: SsoWorkspace;
let member: { id: string; email: string };
let owner: { id: string; email: string };
let outsider: { id: string; email: string };

beforeAll(async () => {
  delete process.env.SMTP_URL;
  w = await ssoWorkspace();
  member = await createMember(w.tenant.id, 'admin', `admin@${w.domain}`);
  owner = await createMember(w.tenant.id, 'owner', `owner@${w.domain}`);
  outsider = await createMember(w.tenant.id, 'member', `contractor-${w.tenant.slug}@elsewhere.example`);
  await updateSsoDomain(w.tenant, w.owner, (await listSsoDomains(w.tenant.id))[0].id, { requireSso: true });
});

afterAll(async () => {
  await closeJackson();
});

const errorOf = (response: { body: unknown }) => new URL((response.body as { url: string }).url).searchParams.get('error');

describe('Require SSO', () => {
  it('refuses a password sign-in for the SSO domains, right password or not', async () => {
    await expect(authenticate({ email: member.email, password: TEST_PASSWORD }, w.tenant.id, '203.0.113.9')).rejects.toBeInstanceOf(SsoRequiredError);
    await expect(authenticate({ email: member.email, password: 'wrong-password' }, w.tenant.id, '203.0.113.9')).rejects.toBeInstanceOf(SsoRequiredError);
    // The form gets ?error=SsoRequired and offers "Continue with SSO".
    const response = await passwordSignIn(w.tenant, member.email, TEST_PASSWORD);
    expect(errorOf(response)).toBe('SsoRequired');
    expect(response.cookies['next-auth.session-token']).toBeUndefined();
  });

  it('refuses sign-in links for the SSO domains, and sends none', async () => {
    const url = await requestSignInLink(w.tenant, member.email);
    expect(new URL(url).searchParams.get('error')).toBe('SsoRequired');
    expect(await db.emailMessage.count({ where: { to: member.email, kind: 'magic_link' } })).toBe(0);
  });

  it('refuses a sign-in link sent before SSO was required', async () => {
    const { createHash } = await import('node:crypto');
    // A link from before: a verification token as next-auth stores it (sha256 of token + secret).
    const token = 'link-from-before';
    const secret = (await import('../../lib/auth/auth-options.ts')).authOptionsFor(w.tenant).secret!;
    await db.verificationToken.create({ data: { identifier: `${w.tenant.id}:${member.email}`, token: createHash('sha256').update(`${token}${secret}`).digest('hex'), expires: new Date(Date.now() + 600_000) } });
    const response = await callAuth(w.tenant, 'GET', ['callback', 'email'], { query: { token, email: member.email } });
    expect(response.location).toContain('error=SsoRequired');
    expect(response.cookies['next-auth.session-token']).toBeUndefined();
  });

  it('lets owners in with their password (break-glass), audited', async () => {
    const before = await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'sso.break_glass_sign_in' } });
    expect(await authenticate({ email: owner.email, password: TEST_PASSWORD }, w.tenant.id, '203.0.113.10')).toMatchObject({ id: owner.id });
    const entry = await db.auditLog.findFirstOrThrow({ where: { tenantId: w.tenant.id, action: 'sso.break_glass_sign_in' }, orderBy: { createdAt: 'desc' } });
    expect(entry).toMatchObject({ actorId: owner.id, ip: '203.0.113.10', targetId: owner.id });
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'sso.break_glass_sign_in' } })).toBe(before + 1);
    // Owners get no sign-in link either: break-glass is the password only.
    expect(new URL(await requestSignInLink(w.tenant, owner.email)).searchParams.get('error')).toBe('SsoRequired');
  });

  it('tells an owner who mistypes the break-glass password that the password is wrong, not to use SSO', async () => {
    const before = await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'sso.break_glass_sign_in' } });
    expect(await authenticate({ email: owner.email, password: 'wrong-password' }, w.tenant.id, '203.0.113.14')).toBeNull();
    // The form shows the usual "wrong email or password" (CredentialsSignin), not SsoRequired.
    const response = await passwordSignIn(w.tenant, owner.email, 'wrong-password');
    expect(errorOf(response)).toBe('CredentialsSignin');
    expect(response.cookies['next-auth.session-token']).toBeUndefined();
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'sso.break_glass_sign_in' } })).toBe(before);
  });

  it('leaves addresses outside the SSO domains alone', async () => {
    expect(await authenticate({ email: outsider.email, password: TEST_PASSWORD }, w.tenant.id, '203.0.113.11')).toMatchObject({ id: outsider.id });
    expect(errorOf(await passwordSignIn(w.tenant, outsider.email, 'wrong-password'))).toBe('CredentialsSignin');
  });

  it('stops applying when the workspace leaves a plan with SSO, so nobody is locked out', async () => {
    // Pro does not include SSO (enterprise does).
    await db.tenant.update({ where: { id: w.tenant.id }, data: { plan: 'pro' } });
    try {
      expect(await authenticate({ email: member.email, password: TEST_PASSWORD }, w.tenant.id, '203.0.113.12')).toMatchObject({ id: member.id });
    } finally {
      await db.tenant.update({ where: { id: w.tenant.id }, data: { plan: 'enterprise' } });
    }
  });

  it('applies to this workspace only', async () => {
    const other = await contextOf((await ssoWorkspace()).tenant.id);
    await db.membership.create({ data: { tenantId: other.id, userId: member.id, role: 'member' } });
    expect(await authenticate({ email: member.email, password: TEST_PASSWORD }, other.id, '203.0.113.13')).toMatchObject({ id: member.id });
  });
});
