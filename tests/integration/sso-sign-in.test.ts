import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeLoginToken } from '../../lib/auth/login-token.ts';
import { db } from '../../lib/db/client.ts';
import { closeJackson } from '../../lib/sso/jackson.ts';
import { createMember } from '../support/factories.ts';
import { createTestIdp, samlResponse, type ResponseOptions, type TestIdp } from '../support/saml-idp.ts';
import { fillSeats } from '../support/seats.ts';
import { ACS_URL, SP_ENTITY_ID, acsUrlOf, authnRequestFor, completeIn, handoffOf, hostOf, postToAcs, ssoWorkspace, startSignIn, type SsoWorkspace } from '../support/sso.ts';

// SAML sign-in end to end through the embedded Jackson: "Continue with SSO" → AuthnRequest →
// a response signed by the test IdP → ACS → just-in-time member → hand-off token on the
// workspace's host. And every kind of response that must be refused.

let w: SsoWorkspace;

beforeAll(async () => {
  w = await ssoWorkspace({ roleMapping: { 'wp-admins': 'admin', 'wp-viewers': 'viewer' }, idpInitiated: true });
});

type Started = Awaited<ReturnType<typeof authnRequestFor>>;

/** The IdP answers the sign-in `request` started; the answer goes to the ACS URL it named and on in the browser holding `cookie`. */
async function answer(request: Started, idp: TestIdp, options: Partial<ResponseOptions> & { email: string }, cookie: string | null = request.cookie): Promise<Response> {
  const body = await samlResponse(idp, { acsUrl: request.acsUrl, audience: SP_ENTITY_ID, inResponseTo: request.id, ...options });
  return completeIn(await postToAcs(body, request.relayState, { acsUrl: request.acsUrl }), cookie);
}

/** An IdP-initiated response to the workspace's connection's own ACS URL. */
async function unsolicited(workspace: SsoWorkspace, options: Partial<ResponseOptions> & { email: string }): Promise<Response> {
  const url = acsUrlOf(workspace.connectionId);
  return postToAcs(await samlResponse(workspace.idp, { acsUrl: url, audience: SP_ENTITY_ID, ...options }), '', { acsUrl: url });
}

afterAll(async () => {
  await closeJackson();
});

async function membershipOf(email: string) {
  return db.membership.findFirst({ where: { tenantId: w.tenant.id, user: { email } }, include: { user: true } });
}

async function errorText(response: Response): Promise<string> {
  return (await response.text()).replace(/<[^>]+>/g, ' ');
}

describe('SP-initiated SAML sign-in', () => {
  it('sends the person to the IdP, creates them with the mapped role, and hands them to the workspace host', async () => {
    const email = `ada@${w.domain}`;
    const request = await authnRequestFor(w.tenant, email, '/goals');
    expect(request.ssoUrl).toBe(w.idp.ssoUrl);
    expect(request.acsUrl).toBe(acsUrlOf(w.connectionId));
    expect(request.issuer).toBe(SP_ENTITY_ID);

    const response = await answer(request, w.idp, { email, firstName: 'Ada', lastName: 'Lovelace', attributes: { groups: ['staff', 'wp-admins'] } });
    expect(response.status).toBe(303);
    const { url, token } = handoffOf(response);
    expect(url.host).toBe(hostOf(w.tenant));
    expect(url.pathname).toBe('/auth/handoff');
    expect(url.searchParams.get('next')).toBe('/goals');

    const membership = await membershipOf(email);
    // The identity provider vouches for an address in the workspace's verified domain.
    expect(membership).toMatchObject({ role: 'admin', user: { name: 'Ada Lovelace', passwordHash: null, emailVerifiedAt: expect.any(Date) } });
    expect((await consumeLoginToken(token, w.tenant.id))?.userId).toBe(membership!.userId);
    expect(await db.domainEvent.count({ where: { tenantId: w.tenant.id, type: 'user.created', payload: { path: ['email'], equals: email } } })).toBe(1);
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'sso.member_provisioned', targetId: membership!.userId } })).toBe(1);
  });

  it('updates the name and the mapped role on a later sign-in', async () => {
    const email = `grace@${w.domain}`;
    const first = await authnRequestFor(w.tenant, email);
    await answer(first, w.idp, { email, firstName: 'Grace', attributes: { groups: 'wp-admins' } });
    expect(await membershipOf(email)).toMatchObject({ role: 'admin', user: { name: 'Grace' } });

    const second = await authnRequestFor(w.tenant, email);
    const response = await answer(second, w.idp, { email, firstName: 'Grace', lastName: 'Hopper', attributes: { groups: 'wp-viewers' } });
    expect(response.status).toBe(303);
    const membership = await membershipOf(email);
    expect(membership).toMatchObject({ role: 'viewer', user: { name: 'Grace Hopper' } });
    const updated = await db.domainEvent.findFirst({ where: { tenantId: w.tenant.id, type: 'user.updated', payload: { path: ['email'], equals: email } } });
    expect(updated?.payload).toMatchObject({ changes: { role: { from: 'admin', to: 'viewer' }, name: { from: 'Grace', to: 'Grace Hopper' } } });
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'member.role_changed', targetId: membership!.userId } })).toBe(1);
  });

  it('gives the default role when no mapped value matches, and never changes an owner', async () => {
    const email = `plain@${w.domain}`;
    const request = await authnRequestFor(w.tenant, email);
    await answer(request, w.idp, { email });
    expect((await membershipOf(email))?.role).toBe(w.tenant.defaultRole);

    const owner = await createMember(w.tenant.id, 'owner', `boss@${w.domain}`);
    const again = await authnRequestFor(w.tenant, owner.email);
    const response = await answer(again, w.idp, { email: owner.email, attributes: { groups: 'wp-viewers' } });
    expect(response.status).toBe(303);
    expect((await membershipOf(owner.email))?.role).toBe('owner');
  });

  it('sends addresses outside the verified domains back to the sign-in page', async () => {
    const response = await (await import('../support/sso.ts')).startSignIn(w.tenant, { email: 'someone@elsewhere.example', callbackUrl: '/' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`http://${hostOf(w.tenant)}/signin?error=SsoNotConfigured&email=someone%40elsewhere.example`);
  });
});

describe('Test connection', () => {
  it('runs a real sign-in back to the settings page, audited', async () => {
    const { startSsoSignIn } = await import('../../lib/sso/sso-start.ts');
    const { readAuthnRequest } = await import('../support/saml-idp.ts');
    const start = await startSsoSignIn({ connection: await db.ssoConnection.findUniqueOrThrow({ where: { id: w.connectionId } }), origin: `http://${hostOf(w.tenant)}`, next: `/settings/sso?tested=${w.connectionId}`, test: true });
    if (start.kind !== 'redirect') throw new Error('expected the redirect binding');
    const request = { ...(await readAuthnRequest(start.url)), cookie: start.cookie.split(';')[0] };
    const email = `it-admin@${w.domain}`;
    const response = await answer(request, w.idp, { email, attributes: { groups: 'wp-admins' } });
    expect(handoffOf(response).url.searchParams.get('next')).toBe(`/settings/sso?tested=${w.connectionId}`);
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'sso.connection_tested', targetId: w.connectionId } })).toBe(1);
  });
});

describe('IdP-initiated SAML sign-in', () => {
  it('accepts an unsolicited response and finds the workspace by the connection', async () => {
    const email = `idp-first@${w.domain}`;
    const response = await unsolicited(w, { email, firstName: 'Idp', attributes: { groups: ['wp-viewers'] } });
    expect(response.status).toBe(303);
    const { url, token } = handoffOf(response);
    expect(url.origin).toBe(`http://${hostOf(w.tenant)}`);
    expect(url.searchParams.get('next')).toBeNull();
    const membership = await membershipOf(email);
    expect(membership?.role).toBe('viewer');
    expect((await consumeLoginToken(token, w.tenant.id))?.userId).toBe(membership!.userId);
  });
});

describe('refused responses', () => {
  const email = () => `refused-${Math.random().toString(36).slice(2)}@${w.domain}`;

  async function expectRefused(response: Response, status: number, text: RegExp, who: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await errorText(response)).toMatch(text);
    expect(await membershipOf(who)).toBeNull();
  }

  it('refuses an unsigned response', async () => {
    const who = email();
    const request = await authnRequestFor(w.tenant, who);
    const response = await answer(request, w.idp, { email: who, unsigned: true });
    await expectRefused(response, 403, /signature/i, who);
  });

  it('refuses a response signed by another key', async () => {
    const who = email();
    const forger = createTestIdp('forger');
    const request = await authnRequestFor(w.tenant, who);
    const response = await answer(request, w.idp, { email: who, signWith: forger });
    await expectRefused(response, 403, /signature|invalid/i, who);
  });

  it('refuses an expired response', async () => {
    const who = email();
    const request = await authnRequestFor(w.tenant, who);
    const response = await answer(request, w.idp, { email: who, ttlInMinutes: -60 });
    await expectRefused(response, 403, /expired/i, who);
  });

  it('refuses a response for another audience', async () => {
    const who = email();
    const request = await authnRequestFor(w.tenant, who);
    const response = await answer(request, w.idp, { audience: 'https://some-other-sp.example/saml', email: who });
    await expectRefused(response, 403, /audience/i, who);
  });

  it('refuses a replayed SP-initiated response', async () => {
    const who = email();
    const request = await authnRequestFor(w.tenant, who);
    const body = await samlResponse(w.idp, { acsUrl: request.acsUrl, audience: SP_ENTITY_ID, inResponseTo: request.id, email: who });
    expect((await completeIn(await postToAcs(body, request.relayState, { acsUrl: request.acsUrl }), request.cookie)).status).toBe(303);
    const replay = await postToAcs(body, request.relayState, { acsUrl: request.acsUrl });
    expect(replay.status).toBe(403);
    expect(await errorText(replay)).toMatch(/does not belong to a sign-in in progress|already used/);
  });

  it('refuses a replayed IdP-initiated response, also when re-posted as unsolicited', async () => {
    const who = email();
    const url = acsUrlOf(w.connectionId);
    const body = await samlResponse(w.idp, { acsUrl: url, audience: SP_ENTITY_ID, email: who });
    expect((await postToAcs(body, '', { acsUrl: url })).status).toBe(303);
    const replay = await postToAcs(body, '', { acsUrl: url });
    expect(replay.status).toBe(403);
    expect(await errorText(replay)).toMatch(/already used/);
    expect(await db.loginToken.count({ where: { tenantId: w.tenant.id, user: { email: who } } })).toBe(1);
  });

  it('refuses a response to a sign-in that was never started', async () => {
    const who = email();
    const response = await postToAcs(await samlResponse(w.idp, { acsUrl: acsUrlOf(w.connectionId), audience: SP_ENTITY_ID, inResponseTo: '_nope', email: who }), 'rs0123456789abcdef0123456789', { acsUrl: acsUrlOf(w.connectionId) });
    await expectRefused(response, 403, /sign-in in progress/, who);
  });

  it('answers garbage with a 4xx page, never a 500', async () => {
    for (const garbage of ['', 'not base64 at all!', Buffer.from('<html>hello</html>').toString('base64'), Buffer.from('<samlp:Response><saml:Issuer>x</saml:Issuer>').toString('base64'), Buffer.from('<Response><Issuer>https://unknown.example</Issuer></Response>').toString('base64')]) {
      const response = await postToAcs(garbage);
      expect(response.status, garbage).toBeGreaterThanOrEqual(400);
      expect(response.status, garbage).toBeLessThan(500);
    }
    const { NextRequest } = await import('next/server');
    const acs = await import('../../app/api/sso/acs/route.ts');
    const json = await acs.POST(new NextRequest(ACS_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), { params: Promise.resolve({}) });
    expect(json.status).toBe(415);
  });

  it('refuses an email outside the verified domains, even from the right IdP', async () => {
    const who = `someone@not-verified-${Math.random().toString(36).slice(2)}.example`;
    const response = await unsolicited(w, { email: who });
    expect(response.status).toBe(403);
    expect(await errorText(response)).toMatch(/not a verified domain/);
    expect(await db.user.count({ where: { email: who } })).toBe(0);
  });
});

describe('workspace isolation', () => {
  it("does not let one workspace's connection sign people into another", async () => {
    const other = await ssoWorkspace({ idpInitiated: true });
    // other's IdP vouches for an address in w's verified domain: other never verified it.
    const who = `victim@${w.domain}`;
    const idpInitiated = await unsolicited(other, { email: who });
    expect(idpInitiated.status).toBe(403);
    expect(await db.membership.count({ where: { user: { email: who } } })).toBe(0);

    // A sign-in started at w, answered by other's IdP: the session is bound to w's connection.
    const request = await authnRequestFor(w.tenant, who);
    const crossed = await answer(request, other.idp, { email: who });
    expect(crossed.status).toBe(403);
    expect(await db.membership.count({ where: { user: { email: who } } })).toBe(0);
  });

  it('stops accepting a connection the moment it is deleted', async () => {
    const gone = await ssoWorkspace({ idpInitiated: true });
    const { deleteSsoConnection } = await import('../../lib/sso/sso-connections.ts');
    await deleteSsoConnection(gone.tenant, gone.owner, gone.connectionId);
    const who = `late@${gone.domain}`;
    const response = await unsolicited(gone, { email: who });
    expect(response.status).toBe(403);
    expect(await db.user.count({ where: { email: who } })).toBe(0);
  });
});

describe('plans', () => {
  it('refuses SSO sign-in on a plan without SSO (pro), and the sign-in page stops offering it', async () => {
    const pro = await ssoWorkspace({ idpInitiated: true });
    await db.tenant.update({ where: { id: pro.tenant.id }, data: { plan: 'pro' } });
    const { clearLocalTenantCache } = await import('../../lib/tenancy/tenant-cache.ts');
    clearLocalTenantCache();
    const tenant = { ...pro.tenant, plan: 'pro' };
    const who = `planless@${pro.domain}`;

    const response = await unsolicited(pro, { email: who });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-error-code')).toBe('sso_unavailable');
    expect(await errorText(response)).toMatch(/Single sign-on is not available for .* on its current plan/);
    expect(await db.user.count({ where: { email: who } })).toBe(0);

    const { tenantOffersSso } = await import('../../lib/sso/sso-discovery.ts');
    expect(await tenantOffersSso(tenant)).toBe(false);
    const start = await startSignIn(tenant, { email: who, callbackUrl: '/' });
    expect(start.status).toBe(303);
    expect(new URL(start.headers.get('location')!).searchParams.get('error')).toBe('SsoNotConfigured');
  });

  it("refuses a just-in-time member beyond the plan's member limit with a clear 403 page; members still sign in", async () => {
    const full = await ssoWorkspace({ idpInitiated: true });
    const existing = await createMember(full.tenant.id, 'member', `existing@${full.domain}`);
    await fillSeats(full.tenant);
    const who = `newcomer@${full.domain}`;

    const refused = await unsolicited(full, { email: who });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('text/html');
    expect(refused.headers.get('x-error-code')).toBe('sso_member_limit_reached');
    const text = await errorText(refused);
    expect(text).toContain(`${full.tenant.name} has reached the member limit of its plan, so your account could not be added.`);
    expect(text).toContain('Back to sign in');
    // The transaction is undone: no account, no membership, no login token.
    expect(await db.user.count({ where: { email: who } })).toBe(0);
    expect(await db.auditLog.count({ where: { tenantId: full.tenant.id, action: 'sso.member_provisioned' } })).toBe(0);

    // People who are members already take no new seat.
    const request = await authnRequestFor(full.tenant, existing.email);
    const signedIn = await answer(request, full.idp, { email: existing.email });
    expect(signedIn.status).toBe(303);
    expect((await consumeLoginToken(handoffOf(signedIn).token, full.tenant.id))?.userId).toBe(existing.id);
  });
});
