import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as metadataRoute from '../../app/api/sso/metadata/route.ts';
import { db } from '../../lib/db/client.ts';
import { closeJackson } from '../../lib/sso/jackson.ts';
import { getSsoConfig, updateSsoConfig } from '../../lib/sso/sso-config.ts';
import { createSsoConnection, deleteSsoConnection, listSsoConnections } from '../../lib/sso/sso-connections.ts';
import { addSsoDomain, listSsoDomains, removeSsoDomain, verifySsoDomain } from '../../lib/sso/sso-domains.ts';
import { txtResolver } from '../../lib/tenancy/dns-resolver.ts';
import { resolveTenant } from '../../lib/tenancy/tenant-cache.ts';
import { startDnsStub, type DnsStub } from '../support/dns-stub-server.ts';
import { contextOf, createMember, createTenant, memberOf, uniqueSlug } from '../support/factories.ts';
import { failure } from '../support/workspace.ts';
import { createTestIdp } from '../support/saml-idp.ts';
import { SP_ENTITY_ID } from '../support/sso.ts';

// What a workspace admin does on the SSO settings page, through the services the JSON routes
// call: SSO domains proved by DNS, SAML connections from metadata (pasted or fetched), the
// role mapping; and the SP metadata the IdP is given.

const DNS_PORT = 5410 + Math.floor(Math.random() * 20);
let dns: DnsStub;

beforeAll(async () => {
  dns = await startDnsStub(DNS_PORT);
  process.env.DNS_SERVERS = `127.0.0.1:${DNS_PORT}`;
});

afterAll(async () => {
  delete process.env.DNS_SERVERS;
  await dns.close();
  await closeJackson();
});

async function workspace(plan = 'enterprise') {
  const row = await createTenant();
  await db.tenant.update({ where: { id: row.id }, data: { plan } });
  const tenant = await contextOf(row.id);
  const owner = await memberOf(tenant.id, (await createMember(tenant.id, 'owner')).id);
  const admin = await memberOf(tenant.id, (await createMember(tenant.id, 'admin')).id);
  const member = await memberOf(tenant.id, (await createMember(tenant.id, 'member')).id);
  return { tenant, owner, admin, member, actor: { id: admin.userId, email: admin.email } };
}

const statusOf = (promise: Promise<unknown>) => promise.then(() => 200, (error: { status?: number }) => error.status ?? 500);
const domainName = () => `${uniqueSlug('corp')}.example`;

describe('SSO domains', () => {
  it('are proved with a DNS TXT record, audited, and removable', async () => {
    const w = await workspace();
    const domain = domainName();
    const added = await addSsoDomain(w.tenant.id, ` ${domain.toUpperCase()} `, w.actor);
    expect(added).toMatchObject({ domain, verifiedAt: null, record: { type: 'TXT', name: `_waypoint-verify.${domain}` } });

    expect((await verifySsoDomain(w.tenant.id, added.id, w.actor, txtResolver())).verified).toBe(false);
    dns.txt.set(`_waypoint-verify.${domain}`, ['unrelated', added.record.value]);
    const verified = await verifySsoDomain(w.tenant.id, added.id, w.actor, txtResolver());
    expect(verified.verified).toBe(true);
    expect((await listSsoDomains(w.tenant.id))[0].verifiedAt).not.toBeNull();

    await removeSsoDomain(w.tenant.id, added.id, w.actor);
    expect(await listSsoDomains(w.tenant.id)).toEqual([]);
    const actions = (await db.auditLog.findMany({ where: { tenantId: w.tenant.id, action: { startsWith: 'sso.domain' } }, orderBy: { createdAt: 'asc' } })).map((row) => row.action);
    expect(actions).toEqual(['sso.domain_added', 'sso.domain_verified', 'sso.domain_removed']);
  });

  it('can be verified by one workspace only', async () => {
    const first = await workspace();
    const second = await workspace();
    const domain = domainName();
    const a = await addSsoDomain(first.tenant.id, domain, first.actor);
    const b = await addSsoDomain(second.tenant.id, domain, second.actor);
    dns.txt.set(`_waypoint-verify.${domain}`, [a.record.value, b.record.value]);
    expect((await verifySsoDomain(first.tenant.id, a.id, first.actor, txtResolver())).verified).toBe(true);
    expect(await statusOf(verifySsoDomain(second.tenant.id, b.id, second.actor, txtResolver()))).toBe(409);
    expect(await statusOf(addSsoDomain((await workspace()).tenant.id, domain, null))).toBe(409);
  });

  it('refuses what is not a domain, and domains of other workspaces by id', async () => {
    const w = await workspace();
    for (const bad of ['', 'not a domain', 'http://example.com', 'localhost', '-x.example']) expect(await statusOf(addSsoDomain(w.tenant.id, bad, w.actor)), bad).toBe(422);
    const other = await workspace();
    const theirs = await addSsoDomain(other.tenant.id, domainName(), other.actor);
    expect(await statusOf(removeSsoDomain(w.tenant.id, theirs.id, w.actor))).toBe(404);
    expect(await statusOf(verifySsoDomain(w.tenant.id, theirs.id, w.actor, txtResolver()))).toBe(404);
  });
});

describe('SAML connections', () => {
  it('are created from pasted metadata, listed with the IdP details, audited and deleted', async () => {
    const w = await workspace();
    const idp = createTestIdp('paste');
    const created = await createSsoConnection(w.tenant, w.admin, { name: 'Okta', metadataXml: idp.metadataXml });
    expect(created).toMatchObject({ name: 'Okta', idpEntityId: idp.entityId, idpSsoUrl: idp.ssoUrl });
    expect(created.certificateValidTo).not.toBeNull();
    expect(await listSsoConnections(w.tenant.id)).toEqual([created]);

    // The same IdP again replaces its metadata: still one connection.
    await createSsoConnection(w.tenant, w.admin, { name: 'Okta (renewed)', metadataXml: idp.metadataXml });
    expect((await listSsoConnections(w.tenant.id)).map((c) => c.name)).toEqual(['Okta (renewed)']);

    await deleteSsoConnection(w.tenant, w.admin, created.id);
    expect(await listSsoConnections(w.tenant.id)).toEqual([]);
    const actions = (await db.auditLog.findMany({ where: { tenantId: w.tenant.id, action: { startsWith: 'sso.connection' } }, orderBy: { createdAt: 'asc' } })).map((row) => row.action);
    expect(actions).toEqual(['sso.connection_created', 'sso.connection_updated', 'sso.connection_deleted']);
  });

  it('refuses bad metadata with a field error', async () => {
    const w = await workspace();
    const bad = (input: object) => createSsoConnection(w.tenant, w.admin, input).then(() => null, (error: { status: number; fields?: Record<string, string> }) => ({ status: error.status, fields: error.fields }));
    expect(await bad({ name: 'x', metadataXml: 'hello' })).toMatchObject({ status: 422, fields: { metadataXml: expect.any(String) } });
    expect(await bad({ name: 'x', metadataXml: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><broken' })).toMatchObject({ status: 422 });
    expect(await bad({ name: 'x' })).toMatchObject({ status: 422 });
    expect(await bad({ name: '', metadataXml: createTestIdp().metadataXml })).toMatchObject({ status: 422, fields: { name: expect.any(String) } });
  });

  it('fetches metadata from a URL through the SSRF guard', async () => {
    const w = await workspace();
    const idp = createTestIdp('url');
    const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/xml' }).end(idp.metadataXml));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metadata`;
    try {
      // Loopback and plain http are refused unless allowed (development, tests).
      const refused = await createSsoConnection(w.tenant, w.admin, { name: 'Local', metadataUrl: url }).catch((error) => error);
      expect(refused).toMatchObject({ status: 422, fields: { metadataUrl: expect.stringMatching(/https|loopback/) } });
      // Credentials in the URL, however WHATWG parsing finds them, are refused before any fetch.
      for (const target of [url.replace('http://', 'http://user:pass@'), url.replace('http://', 'http:/\\user:pass@'), url.replace('http://', 'http:\\\\u:p@')]) {
        const error = await createSsoConnection(w.tenant, w.admin, { name: 'Creds', metadataUrl: target }, null, { allowLocalhost: true }).catch((caught) => caught);
        expect(error, target).toMatchObject({ status: 422, fields: { metadataUrl: expect.stringMatching(/credentials/i) } });
      }
      for (const target of ['https://169.254.169.254/latest/meta-data', 'https://10.0.0.1/metadata', 'https://[::1]/metadata']) {
        expect(await createSsoConnection(w.tenant, w.admin, { name: 'Internal', metadataUrl: target }).catch((error) => error.status), target).toBe(422);
      }
      const created = await createSsoConnection(w.tenant, w.admin, { name: 'Local', metadataUrl: url }, null, { allowLocalhost: true });
      expect(created.idpEntityId).toBe(idp.entityId);
      const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: w.tenant.id, action: 'sso.connection_created' } });
      expect(audit.metadata).toMatchObject({ metadataUrl: url });
    } finally {
      server.close();
    }
  });

  it('are for admins on plans with SSO (enterprise) only', async () => {
    const w = await workspace();
    const idp = createTestIdp('perm');
    expect(await statusOf(createSsoConnection(w.tenant, w.member, { name: 'x', metadataXml: idp.metadataXml }))).toBe(403);
    for (const plan of ['free', 'pro']) {
      const below = await workspace(plan);
      const refusals = [
        await failure(createSsoConnection(below.tenant, below.owner, { name: 'x', metadataXml: idp.metadataXml })),
        await failure(updateSsoConfig(below.tenant, below.owner, { roleAttribute: 'groups', roleMapping: [], defaultRole: 'member' })),
      ];
      for (const refused of refusals) {
        expect(refused, plan).toMatchObject({ status: 403, code: 'plan_upgrade_required' });
        expect(refused.message).toContain('Single sign-on (SAML) is not included in the');
        expect(refused.message).toContain('Upgrade to Enterprise');
      }
      expect(await db.ssoConnection.count({ where: { tenantId: below.tenant.id } })).toBe(0);
    }
  });
});

describe('SSO roles and policy', () => {
  const base = { roleAttribute: 'groups', roleMapping: [] as { value: string; role: string }[], defaultRole: 'member' };

  it('saves the mapping and the default role (the cached workspace follows), audited', async () => {
    const w = await workspace();
    const saved = await updateSsoConfig(w.tenant, w.admin, { ...base, roleAttribute: 'memberOf', roleMapping: [{ value: 'cn=admins', role: 'admin' }, { value: 'viewers', role: 'viewer' }], defaultRole: 'viewer' });
    expect(saved).toMatchObject({ roleAttribute: 'memberOf', defaultRole: 'viewer' });
    const tenant = await contextOf(w.tenant.id);
    expect(tenant.defaultRole).toBe('viewer');
    expect((await resolveTenant({ kind: 'subdomain', slug: w.tenant.slug }))?.defaultRole).toBe('viewer');
    expect(await getSsoConfig(tenant)).toEqual({ roleAttribute: 'memberOf', roleMapping: [{ value: 'cn=admins', role: 'admin' }, { value: 'viewers', role: 'viewer' }], defaultRole: 'viewer' });
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'sso.settings_updated' } })).toBe(1);
  });

  it('refuses owner in the mapping and duplicate values', async () => {
    const w = await workspace();
    const fields = (input: object) => updateSsoConfig(w.tenant, w.admin, input).then(() => null, (error: { status: number; fields?: Record<string, string> }) => ({ status: error.status, fields: error.fields }));
    expect(await fields({ ...base, roleMapping: [{ value: 'x', role: 'owner' }] })).toMatchObject({ status: 422, fields: { 'roleMapping.0.role': expect.any(String) } });
    expect(await fields({ ...base, roleMapping: [{ value: 'x', role: 'admin' }, { value: 'x', role: 'viewer' }] })).toMatchObject({ status: 422 });
    expect(await fields({ ...base, defaultRole: 'owner' })).toMatchObject({ status: 422 });
  });
});

describe('SP metadata', () => {
  it("serves Waypoint's entity id, ACS URL and own certificate", async () => {
    const response = await metadataRoute.GET(new NextRequest('http://localhost:3100/api/sso/metadata?download=1'), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const xml = await response.text();
    expect(xml).toContain(`entityID="${SP_ENTITY_ID}"`);
    expect(xml).toContain('Location="http://localhost:3100/api/sso/acs"');
    const cert = /<ds:X509Certificate>([^<]+)</.exec(xml)?.[1] ?? /X509Certificate>([^<]+)</.exec(xml)?.[1];
    const { X509Certificate } = await import('node:crypto');
    expect(new X509Certificate(Buffer.from(cert!, 'base64')).subject).toContain('Waypoint');
  });
});
