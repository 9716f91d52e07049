import * as jose from 'jose';
import * as oauth from 'oauth4webapi';
import { beforeAll, describe, expect, it } from 'vitest';
import { issuerFor } from '../../lib/oauth/issuer.ts';
import { serverMetadata } from '../../lib/oauth/server-metadata.ts';
import { db } from '../../lib/db/client.ts';
import { publishedKeys, rotateDueSigningKeys, rotateSigningKey, SIGNING_KEY_LIFETIME_DAYS } from '../../lib/oauth/signing-keys.ts';
import { ID_TOKEN_LIFETIME } from '../../lib/oauth/token-lifetimes.ts';
import {
  authorizationRequest,
  authorizeAs,
  clientOptions,
  discover,
  inProcessFetch,
  oauthFailure,
  REDIRECT_URI,
  registerApp,
  tokensFor,
  world,
  type RegisteredApp,
  type World,
} from '../support/oauth-client.ts';
import { memberIn } from '../support/workspace.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import type { Member } from '../../lib/auth/session.ts';

// OpenID Connect on each workspace's authorization server, driven by oauth4webapi (discovery,
// code flow with PKCE and nonce, refresh, userinfo); ID tokens are verified with jose against
// the JWKS the workspace serves.

/** The workspace's JWKS, fetched by jose from the served /oauth/jwks. */
const remoteJwks = (as: oauth.AuthorizationServer) => jose.createRemoteJWKSet(new URL(as.jwks_uri!), { [jose.customFetch]: inProcessFetch as unknown as typeof fetch });

/** A full code flow with PKCE and a nonce; returns the token response and the nonce sent. */
async function signIn(as: oauth.AuthorizationServer, app: RegisteredApp, tenant: TenantContext, member: Member, scope = 'openid profile email') {
  const nonce = oauth.generateRandomNonce();
  const attempt = await authorizationRequest(app, scope, { nonce });
  const callback = oauth.validateAuthResponse(as, app.client, await authorizeAs(tenant, member, attempt.params), attempt.state);
  const response = await oauth.authorizationCodeGrantRequest(as, app.client, app.auth, callback, REDIRECT_URI, attempt.verifier, clientOptions);
  const tokens = await oauth.processAuthorizationCodeResponse(as, app.client, response, { expectedNonce: nonce, requireIdToken: scope.split(' ').includes('openid') });
  return { tokens, nonce };
}

async function userinfo(tenant: TenantContext, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const response = await inProcessFetch(`${issuerFor(tenant)}/oauth/userinfo`, init);
  return { status: response.status, challenge: response.headers.get('www-authenticate'), body: (await response.json()) as Record<string, unknown> };
}

describe('OpenID Connect', () => {
  let w: World;
  let app: RegisteredApp;
  let as: oauth.AuthorizationServer;

  beforeAll(async () => {
    w = await world();
    app = await registerApp(w.owner, { allowedScopes: ['openid', 'profile', 'email', 'read:goals'] });
    as = await discover(w.user.tenant, 'oidc');
  });

  it('publishes OpenID Connect Discovery metadata, the same document as RFC 8414', async () => {
    const issuer = issuerFor(w.user.tenant);
    expect(as).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/oauth/authorize`,
      token_endpoint: `${issuer}/oauth/token`,
      userinfo_endpoint: `${issuer}/oauth/userinfo`,
      jwks_uri: `${issuer}/oauth/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    });
    expect(as.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email']));
    expect(as.claims_supported).toEqual(expect.arrayContaining(['sub', 'iss', 'auth_time', 'email', 'email_verified', 'name']));
    expect(await discover(w.user.tenant, 'oauth2')).toEqual(as);
    expect(as).toEqual(serverMetadata(w.user.tenant));
  });

  it('code flow with PKCE and nonce: an ID token that verifies against the served JWKS', async () => {
    const { tokens, nonce } = await signIn(as, app, w.user.tenant, w.user.member);
    expect(tokens.scope).toBe('openid profile email');
    const { payload, protectedHeader } = await jose.jwtVerify(tokens.id_token!, remoteJwks(as), { issuer: as.issuer, audience: app.client.client_id, algorithms: ['RS256'] });
    expect(protectedHeader.kid).toEqual(expect.any(String));
    expect(payload).toMatchObject({ iss: issuerFor(w.user.tenant), sub: w.user.member.userId, aud: app.client.client_id, nonce, email: w.user.member.email, email_verified: expect.any(Boolean) });
    expect(payload.name).toBe(w.user.member.name ?? undefined);
    expect(payload.exp! - payload.iat!).toBe(ID_TOKEN_LIFETIME);
    expect(payload.auth_time).toBeLessThanOrEqual(payload.iat!);
    // at_hash: the left half of the SHA-256 of the access token.
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(tokens.access_token)));
    expect(payload.at_hash).toBe(Buffer.from(digest.subarray(0, 16)).toString('base64url'));
  });

  it('the sub is stable per user across sign-ins, and claims follow the scopes', async () => {
    const first = await signIn(as, app, w.user.tenant, w.user.member, 'openid');
    const second = await signIn(as, app, w.user.tenant, w.user.member, 'openid read:goals');
    const [a, b] = await Promise.all([first, second].map(({ tokens }) => jose.jwtVerify(tokens.id_token!, remoteJwks(as), { issuer: as.issuer, audience: app.client.client_id })));
    expect(a.payload.sub).toBe(w.user.member.userId);
    expect(b.payload.sub).toBe(a.payload.sub);
    expect(a.payload).not.toHaveProperty('email');
    expect(a.payload).not.toHaveProperty('name');
  });

  it('a refresh brings a new ID token with the same sub and auth_time and no nonce (Core §12.2)', async () => {
    const { tokens } = await signIn(as, app, w.user.tenant, w.user.member);
    const original = jose.decodeJwt(tokens.id_token!);
    const refreshed = await oauth.processRefreshTokenResponse(as, app.client, await oauth.refreshTokenGrantRequest(as, app.client, app.auth, tokens.refresh_token!, clientOptions));
    const { payload } = await jose.jwtVerify(refreshed.id_token!, remoteJwks(as), { issuer: as.issuer, audience: app.client.client_id });
    expect(payload).toMatchObject({ sub: original.sub, auth_time: original.auth_time });
    expect(payload).not.toHaveProperty('nonce');
  });

  it('no ID token without openid', async () => {
    const tokens = await tokensFor(app, w.user.tenant, w.user.member, 'read:goals');
    expect(tokens.id_token).toBeUndefined();
  });

  it('client credentials cannot ask for openid', async () => {
    const confidential = await registerApp(w.owner, { name: 'Acme Server', clientType: 'confidential', allowedScopes: ['openid', 'read:goals'] });
    const owner = await discover(w.owner.tenant);
    const request = oauth.clientCredentialsGrantRequest(owner, confidential.client, confidential.auth, new URLSearchParams({ scope: 'openid read:goals' }), clientOptions);
    expect(await oauthFailure(request.then((response) => oauth.processClientCredentialsResponse(owner, confidential.client, response)))).toMatchObject({ error: 'invalid_scope' });
    const tokens = await oauth.processClientCredentialsResponse(owner, confidential.client, await oauth.clientCredentialsGrantRequest(owner, confidential.client, confidential.auth, new URLSearchParams(), clientOptions));
    expect(tokens.scope).toBe('read:goals');
    expect(tokens.id_token).toBeUndefined();
  });

  it('a nonce longer than 255 characters goes back to the app as invalid_request', async () => {
    const attempt = await authorizationRequest(app, 'openid', { nonce: 'x'.repeat(256) });
    const url = await authorizeAs(w.user.tenant, w.user.member, attempt.params);
    expect(url.searchParams.get('error')).toBe('invalid_request');
  });

  it('rotation: a new key signs, ID tokens signed with the old one still verify', async () => {
    const tenant = (await world()).user.tenant;
    const member = await memberIn(tenant);
    const tenantAs = await discover(tenant, 'oidc');
    const before = await signIn(tenantAs, app, tenant, member);
    const oldKid = jose.decodeProtectedHeader(before.tokens.id_token!).kid;
    const newKid = await rotateSigningKey(tenant.id);
    expect(newKid).not.toBe(oldKid);
    const after = await signIn(tenantAs, app, tenant, member);
    expect(jose.decodeProtectedHeader(after.tokens.id_token!).kid).toBe(newKid);
    const jwks = remoteJwks(tenantAs);
    for (const { tokens } of [before, after]) await expect(jose.jwtVerify(tokens.id_token!, jwks, { issuer: tenantAs.issuer, audience: app.client.client_id })).resolves.toBeDefined();
    expect((await publishedKeys(tenant.id)).keys.map((key) => key.kid)).toEqual([newKid, oldKid]);
    // Once every ID token the old key signed has expired, it is no longer published.
    expect((await publishedKeys(tenant.id, new Date(Date.now() + (ID_TOKEN_LIFETIME + 1) * 1000))).keys.map((key) => key.kid)).toEqual([newKid]);
    const jwksBody = await (await inProcessFetch(tenantAs.jwks_uri!)).json();
    expect(jwksBody.keys.every((key: jose.JWK) => key.d === undefined && key.p === undefined)).toBe(true);
  });

  it(`the daily job rotates keys that have signed for ${SIGNING_KEY_LIFETIME_DAYS} days, and only those`, async () => {
    const [old, fresh] = [(await world()).user.tenant, (await world()).user.tenant];
    const [oldKid, freshKid] = await Promise.all([old, fresh].map(async (tenant) => (await publishedKeys(tenant.id)).keys[0].kid));
    await db.oidcSigningKey.update({ where: { id: oldKid }, data: { createdAt: new Date(Date.now() - (SIGNING_KEY_LIFETIME_DAYS + 1) * 86_400_000) } });
    expect(await rotateDueSigningKeys()).toBeGreaterThanOrEqual(1);
    const oldKeys = (await publishedKeys(old.id)).keys.map((key) => key.kid);
    expect(oldKeys).toHaveLength(2);
    expect(oldKeys[1]).toBe(oldKid);
    expect((await publishedKeys(fresh.id)).keys.map((key) => key.kid)).toEqual([freshKid]);
  });

  it('userinfo: sub and the scoped claims for a token with openid', async () => {
    const { tokens } = await signIn(as, app, w.user.tenant, w.user.member);
    const response = await oauth.userInfoRequest(as, app.client, tokens.access_token, clientOptions);
    const claims = await oauth.processUserInfoResponse(as, app.client, w.user.member.userId, response);
    expect(claims).toMatchObject({ sub: w.user.member.userId, email: w.user.member.email, email_verified: expect.any(Boolean) });
    const post = await userinfo(w.user.tenant, { method: 'POST', headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(post).toMatchObject({ status: 200, body: { sub: w.user.member.userId } });
  });

  it('userinfo: refused without openid, without a token, and with a bad token', async () => {
    const tokens = await tokensFor(app, w.user.tenant, w.user.member, 'read:goals');
    expect(await userinfo(w.user.tenant, { headers: { authorization: `Bearer ${tokens.access_token}` } })).toMatchObject({
      status: 403,
      challenge: expect.stringMatching(/^Bearer .*error="insufficient_scope"/),
      body: { error: 'insufficient_scope' },
    });
    // An app whose allowance no longer includes openid loses userinfo for the tokens it holds.
    const withdrawn = await registerApp(w.owner, { name: 'Acme Withdrawn', allowedScopes: ['openid', 'email'] });
    const { tokens: held } = await signIn(as, withdrawn, w.user.tenant, w.user.member, 'openid email');
    await db.oAuthApp.update({ where: { clientId: withdrawn.client.client_id }, data: { allowedScopes: ['email'] } });
    expect(await userinfo(w.user.tenant, { headers: { authorization: `Bearer ${held.access_token}` } })).toMatchObject({ status: 403, body: { error: 'insufficient_scope' } });
    expect(await userinfo(w.user.tenant)).toMatchObject({ status: 401, challenge: expect.stringMatching(/^Bearer realm=/) });
    expect(await userinfo(w.user.tenant, { headers: { authorization: 'Bearer wpat_nosuchtoken' } })).toMatchObject({
      status: 401,
      challenge: expect.stringContaining('error="invalid_token"'),
      body: { error: 'invalid_token' },
    });
  });

  it('cross-tenant: another workspace neither validates this one\'s ID tokens nor answers userinfo for its tokens', async () => {
    const { tokens } = await signIn(as, app, w.user.tenant, w.user.member);
    const other = w.owner.tenant;
    const otherAs = await discover(other, 'oidc');
    expect(otherAs.issuer).not.toBe(as.issuer);
    // Another workspace signs with its own keys (made by signing in there).
    await signIn(otherAs, app, other, w.owner.admin);
    await expect(jose.jwtVerify(tokens.id_token!, remoteJwks(otherAs), { issuer: otherAs.issuer, audience: app.client.client_id })).rejects.toBeInstanceOf(jose.errors.JWKSNoMatchingKey);
    await expect(jose.jwtVerify(tokens.id_token!, remoteJwks(as), { issuer: otherAs.issuer, audience: app.client.client_id })).rejects.toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'iss' });
    expect(await userinfo(other, { headers: { authorization: `Bearer ${tokens.access_token}` } })).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
  });
});
