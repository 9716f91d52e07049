import * as oauth from 'oauth4webapi';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { proxy } from '../../proxy.ts';
import { db } from '../../lib/db/client.ts';
import { createOAuthApp, deleteOAuthApp, getOAuthApp, listOAuthApps, rotateOAuthClientSecret, updateOAuthApp } from '../../lib/oauth/apps.ts';
import { hashOAuthSecret } from '../../lib/oauth/hash-client-secret.ts';
import { callApi, clientOptions, discover, oauthFailure, REDIRECT_URI, registerApp, tokensFor, world, type World } from '../support/oauth-client.ts';
import { failure } from '../support/workspace.ts';

// OAuth apps in the developer portal: registration rules, the secret shown once and stored
// hashed, rotation, deletion (which ends every authorization), the audit trail; and the
// proxy's routing of the authorization server's public paths.

const valid = { name: 'Acme Sync', redirectUris: [REDIRECT_URI], clientType: 'public', allowedScopes: ['read:goals'] } as const;

describe('OAuth apps', () => {
  let w: World;

  beforeAll(async () => {
    w = await world();
  });

  it('registers a confidential app: wpc_ client id, wps_ secret shown once and stored hashed', async () => {
    const { app, clientSecret } = await createOAuthApp(w.owner.tenant, w.owner.admin, { ...valid, clientType: 'confidential', description: '', logoUrl: 'https://cdn.example.test/logo.png', homepageUrl: '' });
    expect(app.clientId).toMatch(/^wpc_[0-9A-Za-z]{24}$/);
    expect(clientSecret).toMatch(/^wps_[0-9A-Za-z]{43}$/);
    expect(app).toMatchObject({ id: expect.stringMatching(/^app_/), clientType: 'confidential', description: null, homepageUrl: null, logoUrl: 'https://cdn.example.test/logo.png', secretHint: clientSecret!.slice(-4) });
    const row = await db.oAuthApp.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.secretHash).toBe(hashOAuthSecret(clientSecret!));
    expect(JSON.stringify(row)).not.toContain(clientSecret);
    expect(JSON.stringify(await getOAuthApp(w.owner.tenant, w.owner.admin, app.id))).not.toContain(clientSecret);
    const audit = await db.auditLog.findFirst({ where: { tenantId: w.owner.tenant.id, action: 'oauth_app.created', targetId: app.id } });
    expect(audit).toMatchObject({ actorId: w.owner.admin.userId });
    expect(JSON.stringify(audit?.metadata)).not.toContain(clientSecret);
  });

  it('registers a public app without a secret', async () => {
    const { app, clientSecret } = await createOAuthApp(w.owner.tenant, w.owner.admin, valid);
    expect(clientSecret).toBeNull();
    expect(app.secretHint).toBeNull();
    await expect(rotateOAuthClientSecret(w.owner.tenant, w.owner.admin, app.id)).rejects.toMatchObject({ status: 409 });
  });

  it('validates redirect URIs, URLs and scopes', async () => {
    const cases: [object, string][] = [
      [{ redirectUris: ['http://app.example.test/cb'] }, 'redirectUris.0'],
      [{ redirectUris: ['https://app.example.test/cb#frag'] }, 'redirectUris.0'],
      [{ redirectUris: ['https://user:pw@app.example.test/cb'] }, 'redirectUris.0'],
      [{ redirectUris: ['app.example.test/cb'] }, 'redirectUris.0'],
      [{ redirectUris: ['javascript:alert(1)'] }, 'redirectUris.0'],
      [{ redirectUris: ['https://*.example.com/cb'] }, 'redirectUris.0'],
      [{ redirectUris: ['https://app.example.com/*'] }, 'redirectUris.0'],
      [{ redirectUris: ['https://app.*.example.com/cb'] }, 'redirectUris.0'],
      [{ redirectUris: [] }, 'redirectUris'],
      [{ redirectUris: Array.from({ length: 11 }, (_, i) => `https://app.example.test/${i}`) }, 'redirectUris'],
      [{ redirectUris: [REDIRECT_URI, REDIRECT_URI] }, 'redirectUris'],
      [{ allowedScopes: ['admin:all'] }, 'allowedScopes.0'],
      [{ allowedScopes: ['nope'] }, 'allowedScopes.0'],
      [{ allowedScopes: [] }, 'allowedScopes'],
      [{ clientType: 'native' }, 'clientType'],
      [{ name: '' }, 'name'],
      [{ logoUrl: 'javascript:alert(1)' }, 'logoUrl'],
      [{ homepageUrl: 'http://app.example.test' }, 'homepageUrl'],
      [{ extra: true }, '_'],
    ];
    for (const [change, field] of cases) {
      const error = await failure(createOAuthApp(w.owner.tenant, w.owner.admin, { ...valid, ...change }));
      expect(error.status, JSON.stringify(change)).toBe(422);
      expect(Object.keys(error.fields ?? {}), JSON.stringify(change)).toContain(field);
    }
    expect((await failure(createOAuthApp(w.owner.tenant, w.owner.admin, null))).status).toBe(422);
    // Loopback over http, any port, is fine.
    const loopback = await createOAuthApp(w.owner.tenant, w.owner.admin, { ...valid, redirectUris: ['http://localhost:8765/cb', 'http://127.0.0.1:43123/cb', 'http://[::1]:9000/cb', 'https://app.example.test/cb'] });
    expect(loopback.app.redirectUris).toHaveLength(4);
  });

  it('native apps (RFC 8252): private-use URI schemes for public apps only', async () => {
    const native = await createOAuthApp(w.owner.tenant, w.owner.admin, { ...valid, redirectUris: ['com.example.app:/oauth2redirect', 'com.example.app://callback', 'http://127.0.0.1/callback'] });
    expect(native.app.redirectUris).toEqual(['com.example.app:/oauth2redirect', 'com.example.app://callback', 'http://127.0.0.1/callback']);
    for (const uri of ['myapp:/callback', 'com.example.app:', 'javascript:/x.y', 'data:text/html,x.y', 'file:///etc/x.y']) {
      const error = await failure(createOAuthApp(w.owner.tenant, w.owner.admin, { ...valid, redirectUris: [uri] }));
      expect(Object.keys(error.fields ?? {}), uri).toContain('redirectUris.0');
    }
    const confidential = await failure(createOAuthApp(w.owner.tenant, w.owner.admin, { ...valid, clientType: 'confidential', redirectUris: [REDIRECT_URI, 'com.example.app:/cb'] }));
    expect(confidential).toMatchObject({ status: 422, fields: { 'redirectUris.1': expect.stringMatching(/public/) } });
    const server = await createOAuthApp(w.owner.tenant, w.owner.admin, { ...valid, clientType: 'confidential' });
    const update = await failure(updateOAuthApp(w.owner.tenant, w.owner.admin, server.app.id, { redirectUris: ['com.example.app:/cb'] }));
    expect(update).toMatchObject({ status: 422, fields: { 'redirectUris.0': expect.stringMatching(/public/) } });
  });

  it('is for admins only', async () => {
    const { memberIn } = await import('../support/workspace.ts');
    const member = await memberIn(w.owner.tenant, 'member');
    expect(await failure(createOAuthApp(w.owner.tenant, member, valid))).toMatchObject({ status: 403 });
    expect(await failure(listOAuthApps(w.owner.tenant, member))).toMatchObject({ status: 403 });
  });

  it("is the owner workspace's: other workspaces neither see nor change it", async () => {
    const { app } = await createOAuthApp(w.owner.tenant, w.owner.admin, valid);
    expect((await listOAuthApps(w.user.tenant, w.user.admin)).map((a) => a.id)).not.toContain(app.id);
    expect(await failure(getOAuthApp(w.user.tenant, w.user.admin, app.id))).toMatchObject({ status: 404 });
    expect(await failure(updateOAuthApp(w.user.tenant, w.user.admin, app.id, { name: 'Mine now' }))).toMatchObject({ status: 404 });
    expect(await failure(deleteOAuthApp(w.user.tenant, w.user.admin, app.id))).toMatchObject({ status: 404 });
    expect(await failure(rotateOAuthClientSecret(w.user.tenant, w.user.admin, app.id))).toMatchObject({ status: 404 });
  });

  it('updates; narrowing the allowed scopes narrows live tokens', async () => {
    const app = await registerApp(w.owner, { clientType: 'confidential', allowedScopes: ['read:users', 'read:goals'] });
    const tokens = await tokensFor(app, w.user.tenant, w.user.member, 'read:users read:goals');
    const updated = await updateOAuthApp(w.owner.tenant, w.owner.admin, app.view.id, { name: 'Renamed', allowedScopes: ['read:users'] });
    expect(updated).toMatchObject({ name: 'Renamed', allowedScopes: ['read:users'], clientType: 'confidential' });
    expect((await callApi(w.user.tenant, '/api/v1/goals', tokens.access_token)).status).toBe(403);
    expect((await callApi(w.user.tenant, '/api/v1/users/me', tokens.access_token)).status).toBe(200);
    expect(await failure(updateOAuthApp(w.owner.tenant, w.owner.admin, app.view.id, { clientType: 'public' }))).toMatchObject({ status: 422 });
    expect(await db.auditLog.count({ where: { action: 'oauth_app.updated', targetId: app.view.id } })).toBe(1);
  });

  it('rotates the secret: the old one stops at once; audit-logged', async () => {
    const app = await registerApp(w.owner, { clientType: 'confidential' });
    const ownerAs = await discover(w.owner.tenant);
    const clientCredentials = (secret: string) =>
      oauth.clientCredentialsGrantRequest(ownerAs, app.client, oauth.ClientSecretBasic(secret), {}, clientOptions).then((r) => oauth.processClientCredentialsResponse(ownerAs, app.client, r));
    await clientCredentials(app.secret!);
    const { app: rotated, clientSecret } = await rotateOAuthClientSecret(w.owner.tenant, w.owner.admin, app.view.id);
    expect(clientSecret).not.toBe(app.secret);
    expect(rotated.secretHint).toBe(clientSecret.slice(-4));
    expect(await oauthFailure(clientCredentials(app.secret!))).toMatchObject({ error: 'invalid_client', status: 401 });
    expect((await clientCredentials(clientSecret)).access_token).toMatch(/^wpat_/);
    expect(await db.auditLog.count({ where: { tenantId: w.owner.tenant.id, action: 'oauth_app.secret_rotated', targetId: app.view.id } })).toBe(1);
  });

  it('deletes: every authorization of it ends, audit-logged in each workspace', async () => {
    const app = await registerApp(w.owner, { clientType: 'confidential' });
    const tokens = await tokensFor(app, w.user.tenant, w.user.member, 'read:goals');
    const grant = await db.oAuthGrant.findFirstOrThrow({ where: { appId: app.view.id } });
    await deleteOAuthApp(w.owner.tenant, w.owner.admin, app.view.id);
    expect((await callApi(w.user.tenant, '/api/v1/goals', tokens.access_token)).status).toBe(401);
    expect(await db.oAuthGrant.count({ where: { appId: app.view.id } })).toBe(0);
    expect(await db.auditLog.findFirst({ where: { tenantId: w.owner.tenant.id, action: 'oauth_app.deleted', targetId: app.view.id } })).toMatchObject({ actorId: w.owner.admin.userId });
    expect((await db.auditLog.findFirst({ where: { tenantId: w.user.tenant.id, action: 'oauth.grant_revoked', targetId: grant.id } }))?.metadata).toMatchObject({ reason: 'app_deleted' });
    expect(await failure(getOAuthApp(w.owner.tenant, w.owner.admin, app.view.id))).toMatchObject({ status: 404 });
  });
});

describe('proxy.ts routes the authorization server', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  const route = async (host: string, path: string) => {
    const response = await proxy(new NextRequest(`http://${host}${path}`, { headers: { host } }));
    return { rewrite: response.headers.get('x-middleware-rewrite'), tenantHeader: response.headers.get('x-middleware-request-x-waypoint-tenant-id') };
  };

  it('on a workspace host: /oauth/token etc. to the /api/oauth handlers, /oauth/authorize to the branded page', async () => {
    const host = `${w.user.tenant.slug}.localhost:3100`;
    for (const [path, target] of [
      ['/oauth/token', '/api/oauth/token'],
      ['/oauth/revoke', '/api/oauth/revoke'],
      ['/oauth/introspect', '/api/oauth/introspect'],
      ['/.well-known/oauth-authorization-server', '/api/oauth/metadata'],
      ['/oauth/authorize?client_id=x', `/t/${w.user.tenant.slug}/oauth/authorize`],
    ]) {
      const answer = await route(host, path);
      expect(new URL(answer.rewrite!).pathname, path).toBe(target);
      expect(answer.tenantHeader).toBe(w.user.tenant.id);
    }
  });

  it('not on the platform host', async () => {
    expect((await route('localhost:3100', '/oauth/token')).rewrite).toBeNull();
  });
});
