import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as domainRoute from '../../app/api/app/sso/domains/[domainId]/route.ts';
import * as verifyRoute from '../../app/api/app/sso/domains/[domainId]/verify/route.ts';
import { authenticate } from '../../lib/auth/authenticate.ts';
import { db } from '../../lib/db/client.ts';
import { closeJackson } from '../../lib/sso/jackson.ts';
import { getSsoConfig } from '../../lib/sso/sso-config.ts';
import { createSsoConnection, deleteSsoConnection, listSsoConnections } from '../../lib/sso/sso-connections.ts';
import { addSsoDomain, listSsoDomains, updateSsoDomain, verifySsoDomain } from '../../lib/sso/sso-domains.ts';
import { SsoRequiredError } from '../../lib/sso/sso-policy.ts';
import { txtResolver } from '../../lib/tenancy/dns-resolver.ts';
import { callRoute } from '../support/app-client.ts';
import { startDnsStub, type DnsStub } from '../support/dns-stub-server.ts';
import { TEST_PASSWORD, createMember, memberOf } from '../support/factories.ts';
import { requestSignInLink } from '../support/next-auth-call.ts';
import { createTestIdp, samlResponse } from '../support/saml-idp.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { SP_ENTITY_ID, authnRequestFor, handoffOf, hostOf, signInThrough as spSignIn, ssoWorkspace, startSignIn, type SsoWorkspace } from '../support/sso.ts';
import { failure } from '../support/workspace.ts';

// SSO domains as the settings page manages them: each bound to one of the workspace's SAML
// connections (sign-in discovery and the ACS follow the binding), "Require SSO" chosen per
// domain, and a failed DNS verification that says why.

let dns: DnsStub;

beforeAll(async () => {
  dns = await startDnsStub(0);
  process.env.DNS_SERVERS = `127.0.0.1:${dns.port}`;
});

afterAll(async () => {
  delete process.env.DNS_SERVERS;
  await dns.close();
  await closeJackson();
});

const domainName = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}.example`;
const actorOf = (w: SsoWorkspace) => ({ id: w.owner.userId, email: w.owner.email });

/** A second, verified SSO domain of the workspace. */
async function secondDomain(w: SsoWorkspace) {
  const added = await addSsoDomain(w.tenant.id, domainName('second'), actorOf(w));
  await db.ssoDomain.update({ where: { id: added.id }, data: { verifiedAt: new Date() } });
  return added;
}

/** An SP-initiated sign-in started with `startEmail`, answered by `idp` for `assertedEmail`. */
function signInThrough(w: SsoWorkspace, idp: SsoWorkspace['idp'], startEmail: string, assertedEmail = startEmail): Promise<Response> {
  return spSignIn(w.tenant, startEmail, async (request) => samlResponse(idp, { acsUrl: request.acsUrl, audience: SP_ENTITY_ID, inResponseTo: request.id, email: assertedEmail }));
}

describe('Several SAML connections, each bound to its domains', () => {
  it('"Continue with SSO" goes to the connection bound to the email\'s domain, and that IdP signs its people in', async () => {
    const w = await ssoWorkspace();
    // The first connection took the domain added before it.
    expect((await listSsoDomains(w.tenant.id))[0]).toMatchObject({ domain: w.domain, connectionId: w.connectionId });

    const entra = createTestIdp('entra');
    const second = await createSsoConnection(w.tenant, w.owner, { name: 'Entra', metadataXml: entra.metadataXml });
    const domain = await secondDomain(w);
    // Two connections: which one is for the new domain is the admin's choice, and until then it has no SSO.
    expect(domain.connectionId).toBeNull();
    const unbound = await startSignIn(w.tenant, { email: `bo@${domain.domain}` });
    expect(new URL(unbound.headers.get('location')!).searchParams.get('error')).toBe('SsoNotConfigured');

    expect(await updateSsoDomain(w.tenant, w.owner, domain.id, { connectionId: second.id })).toMatchObject({ connectionId: second.id });
    expect((await authnRequestFor(w.tenant, `bo@${domain.domain}`)).ssoUrl).toBe(entra.ssoUrl);
    expect((await authnRequestFor(w.tenant, `al@${w.domain}`)).ssoUrl).toBe(w.idp.ssoUrl);

    const response = await signInThrough(w, entra, `bo@${domain.domain}`);
    expect(response.status).toBe(303);
    expect(handoffOf(response).url.host).toBe(hostOf(w.tenant));
    expect(await db.membership.count({ where: { tenantId: w.tenant.id, user: { email: `bo@${domain.domain}` } } })).toBe(1);

    const connections = await listSsoConnections(w.tenant.id);
    expect(connections.map((c) => [c.name, c.domains])).toEqual([
      ['Test IdP', [w.domain]],
      ['Entra', [domain.domain]],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: w.tenant.id, action: 'sso.domain_connection_changed' } });
    expect(audit.metadata).toMatchObject({ domain: domain.domain, from: null, to: second.id });
  });

  it("refuses a response from one connection for an address in a domain bound to another", async () => {
    const w = await ssoWorkspace();
    const entra = createTestIdp('entra');
    const second = await createSsoConnection(w.tenant, w.owner, { name: 'Entra', metadataXml: entra.metadataXml });
    const domain = await secondDomain(w);
    await updateSsoDomain(w.tenant, w.owner, domain.id, { connectionId: second.id });

    // The first IdP vouches for someone in the domain the second IdP is responsible for.
    const victim = `ceo@${domain.domain}`;
    const response = await signInThrough(w, w.idp, `it@${w.domain}`, victim);
    expect(response.status).toBe(403);
    expect(response.headers.get('x-error-code')).toBe('sso_wrong_connection');
    expect(await db.user.count({ where: { email: victim } })).toBe(0);
  });

  it('binds a domain only to a connection of the same workspace, for admins', async () => {
    const w = await ssoWorkspace();
    const other = await ssoWorkspace();
    const [domain] = await listSsoDomains(w.tenant.id);
    const refused = await failure(updateSsoDomain(w.tenant, w.owner, domain.id, { connectionId: other.connectionId }));
    expect(refused).toMatchObject({ status: 422, fields: { connectionId: expect.any(String) } });
    const [theirs] = await listSsoDomains(other.tenant.id);
    expect((await failure(updateSsoDomain(w.tenant, w.owner, theirs.id, { connectionId: w.connectionId }))).status).toBe(404);
    const member = await memberOf(w.tenant.id, (await createMember(w.tenant.id, 'member')).id);
    expect((await failure(updateSsoDomain(w.tenant, member, domain.id, { connectionId: null }))).status).toBe(403);
    expect((await failure(updateSsoDomain(w.tenant, w.owner, domain.id, { requireSso: 'yes' }))).status).toBe(422);
    expect((await listSsoDomains(other.tenant.id))[0].connectionId).toBe(other.connectionId);
  });

  it('a deleted connection leaves its domains unbound, with Require SSO off', async () => {
    const w = await ssoWorkspace();
    const [domain] = await listSsoDomains(w.tenant.id);
    await updateSsoDomain(w.tenant, w.owner, domain.id, { requireSso: true });
    await deleteSsoConnection(w.tenant, w.owner, w.connectionId);
    expect((await listSsoDomains(w.tenant.id))[0]).toMatchObject({ connectionId: null, requireSso: false });
  });
});

describe('Require SSO, per domain', () => {
  it('refuses password and sign-in links only for the domains that require it', async () => {
    delete process.env.SMTP_URL;
    const w = await ssoWorkspace();
    const [strict] = await listSsoDomains(w.tenant.id);
    const relaxed = await secondDomain(w);
    expect(relaxed.connectionId).toBe(w.connectionId);
    const inStrict = await createMember(w.tenant.id, 'member', `pat@${strict.domain}`);
    const inRelaxed = await createMember(w.tenant.id, 'member', `sam@${relaxed.domain}`);

    expect(await updateSsoDomain(w.tenant, w.owner, strict.id, { requireSso: true })).toMatchObject({ requireSso: true });
    await expect(authenticate({ email: inStrict.email, password: TEST_PASSWORD }, w.tenant.id, '203.0.113.40')).rejects.toBeInstanceOf(SsoRequiredError);
    expect(await authenticate({ email: inRelaxed.email, password: TEST_PASSWORD }, w.tenant.id, '203.0.113.40')).toMatchObject({ id: inRelaxed.id });
    expect(new URL(await requestSignInLink(w.tenant, inStrict.email)).searchParams.get('error')).toBe('SsoRequired');
    expect(new URL(await requestSignInLink(w.tenant, inRelaxed.email)).searchParams.get('error')).toBeNull();

    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: w.tenant.id, action: 'sso.required_enabled' } });
    expect(audit).toMatchObject({ targetId: strict.id, metadata: { domain: strict.domain } });
    await updateSsoDomain(w.tenant, w.owner, strict.id, { requireSso: false });
    expect(await authenticate({ email: inStrict.email, password: TEST_PASSWORD }, w.tenant.id, '203.0.113.40')).toMatchObject({ id: inStrict.id });
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'sso.required_disabled', targetId: strict.id } })).toBe(1);
    // No workspace-wide switch any more.
    expect(await getSsoConfig(w.tenant)).not.toHaveProperty('requireSso');
  });

  it('cannot be turned on for a domain that is not verified or has no connection', async () => {
    const w = await ssoWorkspace();
    const pending = await addSsoDomain(w.tenant.id, domainName('pending'), actorOf(w));
    expect(await failure(updateSsoDomain(w.tenant, w.owner, pending.id, { requireSso: true }))).toMatchObject({ status: 422, fields: { requireSso: expect.stringMatching(/Verify/) } });
    const [verified] = await listSsoDomains(w.tenant.id);
    expect(await failure(updateSsoDomain(w.tenant, w.owner, verified.id, { connectionId: null, requireSso: true }))).toMatchObject({ status: 422, fields: { requireSso: expect.any(String) } });
    // Unbinding a domain that requires SSO ends the requirement (nowhere left to send its people).
    await updateSsoDomain(w.tenant, w.owner, verified.id, { requireSso: true });
    expect(await updateSsoDomain(w.tenant, w.owner, verified.id, { connectionId: null })).toMatchObject({ connectionId: null, requireSso: false });
  });

  it('is set through the JSON route by admins', async () => {
    const w = await ssoWorkspace();
    const [domain] = await listSsoDomains(w.tenant.id);
    const call = async (userId: string, json: unknown) =>
      callRoute(domainRoute.PATCH, { method: 'PATCH', path: `/api/app/sso/domains/${domain.id}`, params: { domainId: domain.id }, tenantId: w.tenant.id, host: hostOf(w.tenant), cookie: await sessionCookie(userId, w.tenant.id), json });
    const answer = await call(w.owner.userId, { requireSso: true });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: domain.id, requireSso: true, connectionId: w.connectionId });
    const member = await createMember(w.tenant.id, 'member');
    expect((await call(member.id, { requireSso: false })).status).toBe(403);
    expect((await call(w.owner.userId, { requireSso: true, extra: 1 })).status).toBe(422);
  });
});

describe('Domain verification says why it failed', () => {
  it('no TXT record at the name, or one with a different value (shown briefly)', async () => {
    const w = await ssoWorkspace();
    const added = await addSsoDomain(w.tenant.id, domainName('dns'), actorOf(w));
    const name = `_waypoint-verify.${added.domain}`;

    const missing = await verifySsoDomain(w.tenant.id, added.id, actorOf(w), txtResolver());
    expect(missing).toMatchObject({ verified: false, failure: { reason: 'not_found' } });
    expect(!missing.verified && missing.failure.message).toContain(`No TXT record found at ${name}`);

    const long = `v=spf1 ${'include:_spf.example.net '.repeat(8)}~all`;
    dns.txt.set(name, ['waypoint-verify=an-old-token', long]);
    const different = await verifySsoDomain(w.tenant.id, added.id, actorOf(w), txtResolver());
    expect(different).toMatchObject({ verified: false, failure: { reason: 'mismatch', found: ['waypoint-verify=an-old-token', expect.stringMatching(/^v=spf1 include.*…$/)] } });
    if (different.verified || different.failure.reason !== 'mismatch') throw new Error('expected a mismatch');
    expect(different.failure.found[1].length).toBeLessThan(long.length);
    expect(different.failure.message).toContain('different value');
    expect(different.failure.message).toContain('"waypoint-verify=an-old-token"');
    expect(different.failure.message).toContain(added.record.value);
    expect(await db.ssoDomain.count({ where: { id: added.id, verifiedAt: { not: null } } })).toBe(0);
  });

  it('the verify route answers the reason and what was found', async () => {
    const w = await ssoWorkspace();
    const added = await addSsoDomain(w.tenant.id, domainName('route'), actorOf(w));
    const verify = async () =>
      callRoute(verifyRoute.POST, { method: 'POST', path: `/api/app/sso/domains/${added.id}/verify`, params: { domainId: added.id }, tenantId: w.tenant.id, host: hostOf(w.tenant), cookie: await sessionCookie(w.owner.userId, w.tenant.id) });
    expect((await verify()).body).toMatchObject({ verified: false, reason: 'not_found', message: expect.stringContaining('No TXT record found') });
    dns.txt.set(`_waypoint-verify.${added.domain}`, ['waypoint-verify=typo']);
    expect((await verify()).body).toMatchObject({ verified: false, reason: 'mismatch', found: ['waypoint-verify=typo'] });
    dns.txt.set(`_waypoint-verify.${added.domain}`, [added.record.value]);
    expect((await verify()).body).toMatchObject({ verified: true, verifiedAt: expect.any(String) });
  });
});
