import * as oauth from 'oauth4webapi';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import * as introspectRoute from '../../app/api/oauth/introspect/route.ts';
import * as revokeRoute from '../../app/api/oauth/revoke/route.ts';
import * as tokenRoute from '../../app/api/oauth/token/route.ts';
import { flushRequestLog } from '../../lib/api/request-log.ts';
import { db } from '../../lib/db/client.ts';
import { listAuthorizedApps, revokeGrant } from '../../lib/oauth/grants.ts';
import { hashOAuthSecret } from '../../lib/oauth/hash-client-secret.ts';
import { issuerFor } from '../../lib/oauth/issuer.ts';
import { REFRESH_REUSE_GRACE } from '../../lib/oauth/token-lifetimes.ts';
import { trustedHeaders } from '../support/trusted.ts';
import { callApi, clientOptions, discover, oauthFailure, registerApp, tokensFor, world, type RegisteredApp, type World } from '../support/oauth-client.ts';

// Refresh rotation, client credentials, introspection, revocation and client authentication,
// driven by oauth4webapi against the route handlers.

describe('tokens', () => {
  let w: World;
  let as: oauth.AuthorizationServer;
  let confidential: RegisteredApp;
  let publicApp: RegisteredApp;
  let otherConfidential: RegisteredApp;

  const refresh = (app: RegisteredApp, token: string, auth = app.auth) =>
    oauth.refreshTokenGrantRequest(as, app.client, auth, token, clientOptions).then((r) => oauth.processRefreshTokenResponse(as, app.client, r));
  const introspect = (app: RegisteredApp, token: string, auth = app.auth) =>
    oauth.introspectionRequest(as, app.client, auth, token, clientOptions).then((r) => oauth.processIntrospectionResponse(as, app.client, r));
  const revoke = (app: RegisteredApp, token: string) => oauth.revocationRequest(as, app.client, app.auth, token, clientOptions).then((r) => oauth.processRevocationResponse(r));

  beforeAll(async () => {
    w = await world();
    as = await discover(w.user.tenant);
    confidential = await registerApp(w.owner, { name: 'Server app', clientType: 'confidential' });
    otherConfidential = await registerApp(w.owner, { name: 'Other server app', clientType: 'confidential' });
    publicApp = await registerApp(w.owner, { name: 'SPA' });
  });

  describe('refresh tokens', () => {
    it('rotate on every use, each pair working', async () => {
      const first = await tokensFor(publicApp, w.user.tenant, w.user.member);
      const second = await refresh(publicApp, first.refresh_token!);
      expect(second.refresh_token).toMatch(/^wprt_/);
      expect(second.refresh_token).not.toBe(first.refresh_token);
      expect(second.scope).toBe('read:users read:goals');
      const third = await refresh(publicApp, second.refresh_token!);
      expect((await callApi(w.user.tenant, '/api/v1/users/me', third.access_token)).status).toBe(200);
      const stored = await db.oAuthToken.findFirstOrThrow({ where: { grant: { appId: publicApp.view.id } }, orderBy: { createdAt: 'desc' } });
      const days = (stored.refreshTokenExpiresAt!.getTime() - stored.createdAt.getTime()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30.01);
    });

    it('may narrow the scope, never widen it', async () => {
      const first = await tokensFor(publicApp, w.user.tenant, w.user.member);
      const narrowed = await oauth.processRefreshTokenResponse(as, publicApp.client, await oauth.refreshTokenGrantRequest(as, publicApp.client, publicApp.auth, first.refresh_token!, { ...clientOptions, additionalParameters: { scope: 'read:goals' } }));
      expect(narrowed.scope).toBe('read:goals');
      const widened = await oauthFailure(oauth.refreshTokenGrantRequest(as, publicApp.client, publicApp.auth, narrowed.refresh_token!, { ...clientOptions, additionalParameters: { scope: 'read:goals write:goals' } }).then((r) => oauth.processRefreshTokenResponse(as, publicApp.client, r)));
      expect(widened.error).toBe('invalid_scope');
    });

    it('a refresh refused with invalid_scope does not use up the refresh token', async () => {
      const first = await tokensFor(confidential, w.user.tenant, w.user.member);
      for (const scope of ['read:goals write:goals', 'read:goals nonsense']) {
        const widened = await oauthFailure(oauth.refreshTokenGrantRequest(as, confidential.client, confidential.auth, first.refresh_token!, { ...clientOptions, additionalParameters: { scope } }).then((r) => oauth.processRefreshTokenResponse(as, confidential.client, r)));
        expect(widened.error, scope).toBe('invalid_scope');
      }
      // The client's corrected retry is a normal refresh, not a reuse.
      const retried = await refresh(confidential, first.refresh_token!);
      expect(retried.scope).toBe('read:users read:goals');
      expect((await callApi(w.user.tenant, '/api/v1/users/me', retried.access_token)).status).toBe(200);
      const grant = await db.oAuthGrant.findFirstOrThrow({ where: { appId: confidential.view.id, userId: w.user.member.userId }, orderBy: { createdAt: 'desc' } });
      expect(grant.revokedAt).toBeNull();
    });

    it('a retry of the same refresh token within the grace gets the same new pair', async () => {
      const first = await tokensFor(publicApp, w.user.tenant, w.user.member);
      const second = await refresh(publicApp, first.refresh_token!);
      const retried = await refresh(publicApp, first.refresh_token!);
      expect(retried).toMatchObject({ access_token: second.access_token, refresh_token: second.refresh_token, scope: second.scope });
      expect(retried.expires_in).toBeGreaterThan(3500);
      expect((await callApi(w.user.tenant, '/api/v1/users/me', retried.access_token)).status).toBe(200);
      // The pair kept for the retry is encrypted at rest, never in plain text.
      const rotated = await db.oAuthToken.findFirstOrThrow({ where: { replacedBy: { refreshTokenHash: { not: null } }, grant: { appId: publicApp.view.id, userId: w.user.member.userId, revokedAt: null } }, orderBy: { createdAt: 'desc' } });
      expect(rotated.replacementSecret).toMatch(/^v1\./);
      expect(rotated.replacementSecret).not.toContain(second.refresh_token!.slice(5, 20));
      // Rotating the new pair ends the old token's retry: its copy is wiped, and presenting it is reuse.
      const third = await refresh(publicApp, second.refresh_token!);
      expect((await db.oAuthToken.findUniqueOrThrow({ where: { id: rotated.id } })).replacementSecret).toBeNull();
      expect(await oauthFailure(refresh(publicApp, first.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
      expect(await callApi(w.user.tenant, '/api/v1/users/me', third.access_token)).toMatchObject({ status: 401, body: { code: 'token_revoked' } });
    });

    it('concurrent requests with one refresh token all get the same new pair, and nothing is revoked', async () => {
      const first = await tokensFor(confidential, w.user.tenant, w.user.member);
      const answers = await Promise.all(Array.from({ length: 5 }, () => refresh(confidential, first.refresh_token!)));
      expect(new Set(answers.map((answer) => answer.access_token)).size).toBe(1);
      expect(new Set(answers.map((answer) => answer.refresh_token)).size).toBe(1);
      expect((await callApi(w.user.tenant, '/api/v1/users/me', answers[0].access_token)).status).toBe(200);
      // One rotation happened: the chain has exactly one live token.
      const original = await db.oAuthToken.findUniqueOrThrow({ where: { refreshTokenHash: hashOAuthSecret(first.refresh_token!) } });
      expect(await db.oAuthToken.count({ where: { authorizationCodeId: original.authorizationCodeId, revokedAt: null, refreshedAt: null } })).toBe(1);
      expect((await refresh(confidential, answers[0].refresh_token!)).access_token).toMatch(/^wpat_/);
    });

    it('reuse of a rotated refresh token after the grace revokes the whole grant', async () => {
      const first = await tokensFor(confidential, w.user.tenant, w.user.member);
      const second = await refresh(confidential, first.refresh_token!);
      await db.oAuthToken.updateMany({ where: { refreshTokenHash: hashOAuthSecret(first.refresh_token!) }, data: { refreshedAt: new Date(Date.now() - (REFRESH_REUSE_GRACE + 1) * 1000) } });
      expect(await oauthFailure(refresh(confidential, first.refresh_token!))).toMatchObject({ error: 'invalid_grant', description: expect.stringMatching(/already used/) });

      // Everything of the grant is dead: the newest pair too.
      const api = await callApi(w.user.tenant, '/api/v1/users/me', second.access_token);
      expect(api).toMatchObject({ status: 401, body: { code: 'token_revoked' } });
      expect(await oauthFailure(refresh(confidential, second.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
      expect(await introspect(confidential, second.access_token)).toEqual({ active: false });

      const grant = await db.oAuthGrant.findFirstOrThrow({ where: { appId: confidential.view.id, userId: w.user.member.userId }, orderBy: { createdAt: 'desc' } });
      expect(grant.revokedAt).not.toBeNull();
      const audit = await db.auditLog.findFirst({ where: { tenantId: w.user.tenant.id, action: 'oauth.grant_revoked', targetId: grant.id } });
      expect(audit?.metadata).toMatchObject({ reason: 'refresh_token_reused' });

      // A new consent starts a new grant.
      const again = await tokensFor(confidential, w.user.tenant, w.user.member);
      expect((await callApi(w.user.tenant, '/api/v1/users/me', again.access_token)).status).toBe(200);
    });

    it('are refused for another client and on another workspace host', async () => {
      const first = await tokensFor(confidential, w.user.tenant, w.user.admin);
      expect(await oauthFailure(refresh(otherConfidential, first.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
      const ownerAs = await discover(w.owner.tenant);
      const elsewhere = await oauthFailure(oauth.refreshTokenGrantRequest(ownerAs, confidential.client, confidential.auth, first.refresh_token!, clientOptions).then((r) => oauth.processRefreshTokenResponse(ownerAs, confidential.client, r)));
      expect(elsewhere.error).toBe('invalid_grant');
      // Neither attempt spent it.
      expect((await refresh(confidential, first.refresh_token!)).access_token).toMatch(/^wpat_/);
    });
  });

  describe('client credentials', () => {
    it('a confidential client acts for its own workspace, as the member who registered it', async () => {
      const ownerAs = await discover(w.owner.tenant);
      const tokens = await oauth.processClientCredentialsResponse(ownerAs, confidential.client, await oauth.clientCredentialsGrantRequest(ownerAs, confidential.client, confidential.auth, { scope: 'read:users' }, clientOptions));
      expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'read:users' });
      expect(tokens.refresh_token).toBeUndefined();
      const me = await callApi(w.owner.tenant, '/api/v1/users/me', tokens.access_token);
      expect(me).toMatchObject({ status: 200, body: { email: w.owner.admin.email } });
      expect((await callApi(w.owner.tenant, '/api/v1/goals', tokens.access_token)).status).toBe(403);

      const all = await oauth.processClientCredentialsResponse(ownerAs, confidential.client, await oauth.clientCredentialsGrantRequest(ownerAs, confidential.client, confidential.auth, {}, clientOptions));
      expect(all.scope).toBe('read:users read:goals write:goals');

      const apps = await listAuthorizedApps(w.owner.tenant, w.owner.admin);
      expect(apps.find((app) => app.app.name === 'Server app')).toMatchObject({ user: null, scopes: ['read:users', 'read:goals', 'write:goals'] });
    });

    it('with client_secret_post too', async () => {
      const ownerAs = await discover(w.owner.tenant);
      const tokens = await oauth.processClientCredentialsResponse(ownerAs, confidential.client, await oauth.clientCredentialsGrantRequest(ownerAs, confidential.client, oauth.ClientSecretPost(confidential.secret!), { scope: 'read:goals' }, clientOptions));
      expect(tokens.scope).toBe('read:goals');
    });

    it('is refused to public clients, beyond the allowance, and on another workspace host', async () => {
      const ownerAs = await discover(w.owner.tenant);
      const grant = (server: oauth.AuthorizationServer, app: RegisteredApp, scope: string) =>
        oauthFailure(oauth.clientCredentialsGrantRequest(server, app.client, app.auth, { scope }, clientOptions).then((r) => oauth.processClientCredentialsResponse(server, app.client, r)));
      expect(await grant(ownerAs, publicApp, 'read:goals')).toMatchObject({ error: 'unauthorized_client' });
      expect(await grant(ownerAs, confidential, 'webhooks:manage')).toMatchObject({ error: 'invalid_scope' });
      expect(await grant(ownerAs, confidential, 'admin:all')).toMatchObject({ error: 'invalid_scope' });
      expect(await grant(as, confidential, 'read:goals')).toMatchObject({ error: 'unauthorized_client' });
    });
  });

  describe('client authentication at the token endpoint', () => {
    it('a wrong secret with client_secret_basic is 401 invalid_client with a Basic challenge', async () => {
      const ownerAs = await discover(w.owner.tenant);
      const answer = await oauthFailure(oauth.clientCredentialsGrantRequest(ownerAs, confidential.client, oauth.ClientSecretBasic(otherConfidential.secret!), {}, clientOptions).then((r) => oauth.processClientCredentialsResponse(ownerAs, confidential.client, r)));
      expect(answer).toMatchObject({ error: 'invalid_client', status: 401, challenge: true });
    });

    it('a wrong secret with client_secret_post is 401 invalid_client too', async () => {
      const ownerAs = await discover(w.owner.tenant);
      const answer = await oauthFailure(oauth.clientCredentialsGrantRequest(ownerAs, confidential.client, oauth.ClientSecretPost('wps_wrong'), {}, clientOptions).then((r) => oauth.processClientCredentialsResponse(ownerAs, confidential.client, r)));
      expect(answer).toMatchObject({ error: 'invalid_client', status: 401 });
    });

    it('a public client presenting a secret is invalid_client', async () => {
      const first = await tokensFor(publicApp, w.user.tenant, w.user.member);
      expect(await oauthFailure(refresh(publicApp, first.refresh_token!, oauth.ClientSecretPost('wps_anything')))).toMatchObject({ error: 'invalid_client' });
    });
  });

  describe('the token endpoint’s answers to bad requests', () => {
    const post = async (body: string | null, headers: Record<string, string> = {}, hostTenantId: string | null = w.user.tenant.id) => {
      const all: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...headers, ...trustedHeaders({ tenantId: hostTenantId }) };
      const response = await tokenRoute.POST(new NextRequest(`${issuerFor(w.user.tenant)}/oauth/token`, { method: 'POST', headers: all, body }), { params: Promise.resolve({}) });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: JSON.parse(text) as { error: string; error_description?: string } };
    };
    const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

    it('are RFC 6749 JSON errors with no-store, never 500', async () => {
      const id = confidential.client.client_id;
      const cases: [string | null, Record<string, string>, number, string][] = [
        ['grant_type=client_credentials', { 'content-type': 'application/json' }, 400, 'invalid_request'],
        ['{"grant_type":"client_credentials"}', { 'content-type': 'application/json' }, 400, 'invalid_request'],
        ['', {}, 400, 'invalid_request'],
        [null, {}, 400, 'invalid_request'],
        [`grant_type=client_credentials&client_id=${id}&client_secret=${confidential.secret}&grant_type=client_credentials`, {}, 400, 'invalid_request'],
        [`grant_type=password&username=a&password=b`, { authorization: basic(id, confidential.secret!) }, 400, 'unsupported_grant_type'],
        [`grant_type=password&username=a&password=b&client_id=${publicApp.client.client_id}`, {}, 400, 'unsupported_grant_type'],
        [`grant_type=urn:ietf:params:oauth:grant-type:device_code`, { authorization: basic(id, confidential.secret!) }, 400, 'unsupported_grant_type'],
        [`client_id=${id}&client_secret=${confidential.secret}`, {}, 400, 'invalid_request'],
        [`grant_type=client_credentials&client_secret=${confidential.secret}`, { authorization: basic(id, confidential.secret!) }, 400, 'invalid_request'],
        [`grant_type=client_credentials&client_id=${otherConfidential.client.client_id}`, { authorization: basic(id, confidential.secret!) }, 400, 'invalid_request'],
        ['grant_type=client_credentials', { authorization: 'Basic !!!' }, 401, 'invalid_client'],
        ['grant_type=client_credentials', { authorization: basic('wpc_unknown', 'x') }, 401, 'invalid_client'],
        ['grant_type=client_credentials', {}, 401, 'invalid_client'],
        [`grant_type=client_credentials&client_id=${id}&client_secret=wps_wrong`, {}, 401, 'invalid_client'],
        ['grant_type=authorization_code&code=wpac_nope&client_id=' + publicApp.client.client_id + '&code_verifier=' + 'a'.repeat(43), {}, 400, 'invalid_grant'],
        ['grant_type=refresh_token&refresh_token=%00%01&client_id=' + publicApp.client.client_id, {}, 400, 'invalid_request'],
        [`grant_type=client_credentials&scope=${'x'.repeat(20_000)}`, { authorization: basic(id, confidential.secret!) }, 413, 'invalid_request'],
      ];
      for (const [body, headers, status, error] of cases) {
        const answer = await post(body, headers);
        expect(answer.status, `${body?.slice(0, 80)} ${JSON.stringify(headers)}: ${JSON.stringify(answer.body)}`).toBe(status);
        expect(answer.body.error).toBe(error);
        expect(answer.headers.get('cache-control')).toBe('no-store');
        expect(answer.headers.get('pragma')).toBe('no-cache');
        expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
        if (status === 401) expect(answer.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      }
    });

    it('other methods are 405 with Allow: POST and an RFC 6749 JSON error', async () => {
      const endpoints = [
        ['/oauth/token', tokenRoute],
        ['/oauth/revoke', revokeRoute],
        ['/oauth/introspect', introspectRoute],
      ] as const;
      for (const [path, route] of endpoints) {
        for (const method of ['GET', 'PUT', 'DELETE'] as const) {
          const handler = (route as unknown as Record<string, typeof tokenRoute.POST | undefined>)[method];
          expect(handler, `${method} ${path}`).toBeTypeOf('function');
          const response = await handler!(new NextRequest(`${issuerFor(w.user.tenant)}${path}`, { method, headers: trustedHeaders({ tenantId: w.user.tenant.id }) }), { params: Promise.resolve({}) });
          expect(response.status, `${method} ${path}`).toBe(405);
          expect(response.headers.get('allow')).toBe('POST');
          expect(response.headers.get('content-type')).toMatch(/^application\/json/);
          expect(response.headers.get('cache-control')).toBe('no-store');
          expect(await response.json()).toEqual({ error: 'invalid_request', error_description: expect.stringMatching(/POST/) });
        }
      }
    });

    it('off a workspace host it is 404, in the same JSON shape', async () => {
      const answer = await post('grant_type=client_credentials', {}, null);
      expect(answer).toMatchObject({ status: 404, body: { error: 'invalid_request' } });
    });

    it('success is no-store too', async () => {
      const answer = await post('grant_type=client_credentials', { authorization: basic(confidential.client.client_id, confidential.secret!) }, w.owner.tenant.id);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('pragma')).toBe('no-cache');
    });
  });

  describe('introspection (RFC 7662)', () => {
    it('describes active access and refresh tokens to their confidential client', async () => {
      const tokens = await tokensFor(confidential, w.user.tenant, w.user.admin, 'read:users read:goals');
      const access = await introspect(confidential, tokens.access_token);
      expect(access).toMatchObject({ active: true, scope: 'read:users read:goals', client_id: confidential.client.client_id, token_type: 'Bearer', sub: w.user.admin.userId, iss: issuerFor(w.user.tenant) });
      expect(access.exp! - Math.floor(Date.now() / 1000)).toBeGreaterThan(3500);
      expect(await introspect(confidential, tokens.refresh_token!)).toMatchObject({ active: true, client_id: confidential.client.client_id });
      // With client_secret_post as well.
      expect(await introspect(confidential, tokens.access_token, oauth.ClientSecretPost(confidential.secret!))).toMatchObject({ active: true });
    });

    it('is inactive for expired, revoked, rotated, unknown and other apps’ tokens', async () => {
      const expired = await tokensFor(confidential, w.user.tenant, w.user.admin, 'read:goals');
      await db.oAuthToken.updateMany({ where: { accessTokenHash: { not: '' }, createdAt: { gte: new Date(Date.now() - 5_000) }, grant: { appId: confidential.view.id } }, data: { accessTokenExpiresAt: new Date(Date.now() - 1_000) } });
      expect(await introspect(confidential, expired.access_token)).toEqual({ active: false });
      expect(await callApi(w.user.tenant, '/api/v1/goals', expired.access_token)).toMatchObject({ status: 401, body: { code: 'token_expired' } });

      const revoked = await tokensFor(confidential, w.user.tenant, w.user.admin, 'read:goals');
      await revoke(confidential, revoked.access_token);
      expect(await introspect(confidential, revoked.access_token)).toEqual({ active: false });

      const rotated = await tokensFor(confidential, w.user.tenant, w.user.admin, 'read:goals');
      await refresh(confidential, rotated.refresh_token!);
      expect(await introspect(confidential, rotated.refresh_token!)).toEqual({ active: false });

      const others = await tokensFor(otherConfidential, w.user.tenant, w.user.admin, 'read:goals');
      expect(await introspect(confidential, others.access_token)).toEqual({ active: false });
      expect(await introspect(confidential, 'wpat_unknown')).toEqual({ active: false });
      expect(await introspect(confidential, 'something else')).toEqual({ active: false });
    });

    it('is for confidential clients only', async () => {
      const tokens = await tokensFor(publicApp, w.user.tenant, w.user.member);
      expect(await oauthFailure(introspect(publicApp, tokens.access_token))).toMatchObject({ error: 'invalid_client' });
      expect(await oauthFailure(introspect(confidential, tokens.access_token, oauth.ClientSecretBasic('wps_wrong')))).toMatchObject({ error: 'invalid_client', status: 401 });
    });
  });

  describe('revocation (RFC 7009)', () => {
    it('revokes an access token (and its refresh token); always 200', async () => {
      const tokens = await tokensFor(confidential, w.user.tenant, w.user.member, 'read:goals');
      await expect(revoke(confidential, tokens.access_token)).resolves.toBeUndefined();
      expect(await callApi(w.user.tenant, '/api/v1/goals', tokens.access_token)).toMatchObject({ status: 401, body: { code: 'token_revoked' } });
      expect(await oauthFailure(refresh(confidential, tokens.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
      // Again, unknown and malformed tokens: still 200.
      for (const token of [tokens.access_token, 'wpat_unknown', 'garbage']) await expect(revoke(confidential, token)).resolves.toBeUndefined();
    });

    it('revokes a refresh token with every token refreshed from the same authorization', async () => {
      const first = await tokensFor(publicApp, w.user.tenant, w.user.member);
      const second = await refresh(publicApp, first.refresh_token!);
      await revoke(publicApp, second.refresh_token!);
      expect(await callApi(w.user.tenant, '/api/v1/users/me', first.access_token)).toMatchObject({ status: 401 });
      expect(await callApi(w.user.tenant, '/api/v1/users/me', second.access_token)).toMatchObject({ status: 401 });
      expect(await oauthFailure(refresh(publicApp, second.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
    });

    it('does not revoke another client’s token (but still answers 200)', async () => {
      const tokens = await tokensFor(otherConfidential, w.user.tenant, w.user.member, 'read:goals');
      await expect(revoke(confidential, tokens.access_token)).resolves.toBeUndefined();
      expect((await callApi(w.user.tenant, '/api/v1/goals', tokens.access_token)).status).toBe(200);
    });

    it('needs client authentication', async () => {
      const tokens = await tokensFor(confidential, w.user.tenant, w.user.member, 'read:goals');
      const answer = await oauthFailure(oauth.revocationRequest(as, confidential.client, oauth.ClientSecretBasic('wps_wrong'), tokens.access_token, clientOptions).then((r) => oauth.processRevocationResponse(r)));
      expect(answer).toMatchObject({ error: 'invalid_client', status: 401 });
      expect((await callApi(w.user.tenant, '/api/v1/goals', tokens.access_token)).status).toBe(200);
    });
  });

  describe('grants in the authorizing workspace', () => {
    it('admins see every authorized app and revoke it; its tokens stop at once; audit-logged', async () => {
      const app = await registerApp(w.owner, { name: 'To revoke', clientType: 'confidential' });
      const tokens = await tokensFor(app, w.user.tenant, w.user.member, 'read:goals');
      expect((await callApi(w.user.tenant, '/api/v1/goals', tokens.access_token)).status).toBe(200);
      await flushRequestLog();

      const listed = (await listAuthorizedApps(w.user.tenant, w.user.admin)).find((entry) => entry.app.name === 'To revoke');
      expect(listed).toMatchObject({ app: { ownerWorkspace: w.owner.tenant.name }, user: { email: w.user.member.email }, scopes: ['read:goals'], lastUsedAt: expect.any(String) });
      // A member sees their own authorizations; the owner workspace sees none of this grant.
      expect((await listAuthorizedApps(w.user.tenant, w.user.member)).map((entry) => entry.grantId)).toContain(listed!.grantId);
      expect((await listAuthorizedApps(w.user.tenant, w.user.viewer)).map((entry) => entry.grantId)).not.toContain(listed!.grantId);
      expect((await listAuthorizedApps(w.owner.tenant, w.owner.admin)).map((entry) => entry.grantId)).not.toContain(listed!.grantId);

      await expect(revokeGrant(w.owner.tenant, w.owner.admin, listed!.grantId)).rejects.toMatchObject({ status: 404 });
      await expect(revokeGrant(w.user.tenant, w.user.viewer, listed!.grantId)).rejects.toMatchObject({ status: 404 });
      await revokeGrant(w.user.tenant, w.user.admin, listed!.grantId);
      expect(await callApi(w.user.tenant, '/api/v1/goals', tokens.access_token)).toMatchObject({ status: 401, body: { code: 'token_revoked' } });
      expect(await oauthFailure(refresh(app, tokens.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
      expect(await introspect(app, tokens.access_token)).toEqual({ active: false });
      expect((await listAuthorizedApps(w.user.tenant, w.user.admin)).map((entry) => entry.grantId)).not.toContain(listed!.grantId);
      const audit = await db.auditLog.findFirst({ where: { tenantId: w.user.tenant.id, action: 'oauth.grant_revoked', targetId: listed!.grantId } });
      expect(audit).toMatchObject({ actorId: w.user.admin.userId });
    });

    it("a member's token stops when they leave the workspace, and shrinks with their role", async () => {
      const { memberIn } = await import('../support/workspace.ts');
      const leaver = await memberIn(w.user.tenant, 'member');
      const tokens = await tokensFor(confidential, w.user.tenant, leaver, 'read:goals write:goals');
      expect(tokens.scope).toBe('read:goals write:goals');
      await db.membership.update({ where: { id: leaver.membershipId }, data: { role: 'viewer' } });
      expect(await introspect(confidential, tokens.access_token)).toMatchObject({ active: true, scope: 'read:goals' });
      await db.membership.delete({ where: { id: leaver.membershipId } });
      expect(await callApi(w.user.tenant, '/api/v1/goals', tokens.access_token)).toMatchObject({ status: 401, body: { code: 'invalid_token' } });
      expect(await oauthFailure(refresh(confidential, tokens.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
    });

    it('requests are logged against the grant', async () => {
      const tokens = await tokensFor(confidential, w.user.tenant, w.user.member, 'read:goals');
      await callApi(w.user.tenant, '/api/v1/goals', tokens.access_token);
      await flushRequestLog();
      const grant = await db.oAuthGrant.findFirstOrThrow({ where: { appId: confidential.view.id, userId: w.user.member.userId, revokedAt: null } });
      expect(await db.apiRequestLog.count({ where: { oauthGrantId: grant.id, route: '/api/v1/goals' } })).toBeGreaterThan(0);
    });
  });
});
