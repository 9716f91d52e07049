import * as oauth from 'oauth4webapi';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { prepareAuthorization } from '../../lib/oauth/authorize.ts';
import { issuerFor } from '../../lib/oauth/issuer.ts';
import { loadTenantById } from '../../lib/tenancy/load-tenant.ts';
import {
  authorizationRequest,
  authorizeAs,
  callApi,
  clientOptions,
  consent,
  discover,
  oauthFailure,
  REDIRECT_URI,
  registerApp,
  tokensFor,
  world,
  type RegisteredApp,
  type World,
} from '../support/oauth-client.ts';
import { failure } from '../support/workspace.ts';

// The authorization code grant with PKCE, driven by oauth4webapi: an app registered by one
// workspace is authorized by users of another (third-party), on that workspace's host.

const validate = (as: oauth.AuthorizationServer, app: RegisteredApp, url: URL, state: string) => Promise.resolve().then(() => oauth.validateAuthResponse(as, app.client, url, state));

describe('authorization code + PKCE', () => {
  let w: World;
  let publicApp: RegisteredApp;
  let confidentialApp: RegisteredApp;
  let as: oauth.AuthorizationServer;

  beforeAll(async () => {
    w = await world();
    publicApp = await registerApp(w.owner);
    confidentialApp = await registerApp(w.owner, { name: 'Acme Server', clientType: 'confidential' });
    as = await discover(w.user.tenant);
  });

  it('publishes RFC 8414 metadata with the workspace host as issuer', async () => {
    const issuer = issuerFor(w.user.tenant);
    expect(as).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/oauth/authorize`,
      token_endpoint: `${issuer}/oauth/token`,
      revocation_endpoint: `${issuer}/oauth/revoke`,
      introspection_endpoint: `${issuer}/oauth/introspect`,
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      response_types_supported: ['code'],
    });
    expect(as.scopes_supported).not.toContain('admin:all');
  });

  it('a public client: consent, code, tokens, and the API as the consenting user', async () => {
    const attempt = await authorizationRequest(publicApp, 'read:users read:goals');
    const prompt = await prepareAuthorization(w.user.tenant, w.user.member, attempt.params);
    expect(prompt).toMatchObject({
      kind: 'consent',
      app: { name: 'Acme Sync', ownerWorkspace: w.owner.tenant.name },
      scopes: [
        { scope: 'read:users', description: expect.any(String) },
        { scope: 'read:goals', description: 'See goals' },
      ],
    });
    const callback = await validate(as, publicApp, await consent(w.user.tenant, w.user.member, prompt), attempt.state);
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      publicApp.client,
      await oauth.authorizationCodeGrantRequest(as, publicApp.client, oauth.None(), callback, REDIRECT_URI, attempt.verifier, clientOptions),
    );
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'read:users read:goals', expires_in: expect.any(Number) });
    expect(tokens.expires_in).toBeGreaterThan(3590);
    expect(tokens.expires_in).toBeLessThanOrEqual(3600);
    expect(tokens.access_token).toMatch(/^wpat_/);
    expect(tokens.refresh_token).toMatch(/^wprt_/);

    const me = await callApi(w.user.tenant, '/api/v1/users/me', tokens.access_token);
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body).toMatchObject({ email: w.user.member.email });

    // Stored hashed only.
    const stored = await db.oAuthToken.findFirstOrThrow({ where: { grant: { appId: publicApp.view.id, userId: w.user.member.userId } } });
    expect(JSON.stringify(stored)).not.toContain(tokens.access_token);

    const audit = await db.auditLog.findFirst({ where: { tenantId: w.user.tenant.id, action: 'oauth.consent_granted', actorId: w.user.member.userId } });
    expect(audit?.metadata).toMatchObject({ clientId: publicApp.view.clientId, scopes: ['read:users', 'read:goals'] });
  });

  it('enforces the granted scopes at the API', async () => {
    const tokens = await tokensFor(publicApp, w.user.tenant, w.user.admin, 'read:users');
    expect((await callApi(w.user.tenant, '/api/v1/users/me', tokens.access_token)).status).toBe(200);
    const goals = await callApi(w.user.tenant, '/api/v1/goals', tokens.access_token);
    expect(goals.status).toBe(403);
    expect(goals.body).toMatchObject({ code: 'insufficient_scope' });
  });

  it("refuses the token on another workspace's host (wrong_workspace)", async () => {
    const tokens = await tokensFor(publicApp, w.user.tenant, w.user.admin, 'read:users');
    const elsewhere = await callApi(w.owner.tenant, '/api/v1/users/me', tokens.access_token);
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body).toMatchObject({ code: 'wrong_workspace' });
  });

  it('remembers consent for the same or fewer scopes, and asks again for more', async () => {
    const app = await registerApp(w.owner, { name: 'Remembered' });
    await tokensFor(app, w.user.tenant, w.user.member, 'read:users read:goals');
    for (const scope of ['read:users read:goals', 'read:goals']) {
      const attempt = await authorizationRequest(app, scope);
      const prompt = await prepareAuthorization(w.user.tenant, w.user.member, attempt.params);
      expect(prompt.kind).toBe('redirect');
      const callback = await validate(as, app, new URL((prompt as { to: string }).to), attempt.state);
      expect(callback.get('code')).toMatch(/^wpac_/);
    }
    const more = await prepareAuthorization(w.user.tenant, w.user.member, (await authorizationRequest(app, 'read:goals write:goals')).params);
    expect(more).toMatchObject({ kind: 'consent', scopes: [{ scope: 'read:goals' }, { scope: 'write:goals' }] });
    // Someone else in the workspace is asked for themselves.
    expect((await prepareAuthorization(w.user.tenant, w.user.admin, (await authorizationRequest(app, 'read:goals')).params)).kind).toBe('consent');
    // One consent, one audit entry: the remembered ones add none.
    expect(await db.auditLog.count({ where: { tenantId: w.user.tenant.id, action: 'oauth.consent_granted', metadata: { path: ['appId'], equals: app.view.id } } })).toBe(1);
  });

  it("caps scopes by the consenting user's role", async () => {
    const app = await registerApp(w.owner, { name: 'Role capped' });
    const attempt = await authorizationRequest(app, 'read:goals write:goals');
    const prompt = await prepareAuthorization(w.user.tenant, w.user.viewer, attempt.params);
    expect(prompt).toMatchObject({ kind: 'consent', scopes: [{ scope: 'read:goals' }] });
    const callback = await validate(as, app, await consent(w.user.tenant, w.user.viewer, prompt), attempt.state);
    const tokens = await oauth.processAuthorizationCodeResponse(as, app.client, await oauth.authorizationCodeGrantRequest(as, app.client, oauth.None(), callback, REDIRECT_URI, attempt.verifier, clientOptions));
    expect(tokens.scope).toBe('read:goals');

    const onlyWrite = await authorizationRequest(app, 'write:goals');
    expect(await oauthFailure(validate(as, app, await authorizeAs(w.user.tenant, w.user.viewer, onlyWrite.params), onlyWrite.state))).toMatchObject({ error: 'invalid_scope' });
  });

  it('a confidential client with client_secret_basic (PKCE accepted, not required)', async () => {
    const tokens = await tokensFor(confidentialApp, w.user.tenant, w.user.member, 'read:goals');
    expect(tokens.scope).toBe('read:goals');
    expect((await callApi(w.user.tenant, '/api/v1/goals', tokens.access_token)).status).toBe(200);

    const attempt = await authorizationRequest(confidentialApp, 'read:goals', { code_challenge: null, code_challenge_method: null });
    const callback = await validate(as, confidentialApp, await authorizeAs(w.user.tenant, w.user.member, attempt.params), attempt.state);
    const withoutPkce = await oauth.processAuthorizationCodeResponse(
      as,
      confidentialApp.client,
      await oauth.authorizationCodeGrantRequest(as, confidentialApp.client, confidentialApp.auth, callback, REDIRECT_URI, oauth.nopkce, clientOptions),
    );
    expect(withoutPkce.access_token).toMatch(/^wpat_/);
  });

  it('a confidential client without its secret is invalid_client', async () => {
    const attempt = await authorizationRequest(confidentialApp, 'read:goals');
    const callback = await validate(as, confidentialApp, await authorizeAs(w.user.tenant, w.user.member, attempt.params), attempt.state);
    const answer = await oauthFailure(
      oauth.processAuthorizationCodeResponse(as, confidentialApp.client, await oauth.authorizationCodeGrantRequest(as, confidentialApp.client, oauth.None(), callback, REDIRECT_URI, attempt.verifier, clientOptions)),
    );
    expect(answer).toMatchObject({ error: 'invalid_client', status: 401 });
  });

  it('a wrong PKCE verifier is invalid_grant, and the code is spent', async () => {
    const attempt = await authorizationRequest(publicApp, 'read:goals');
    const callback = await validate(as, publicApp, await authorizeAs(w.user.tenant, w.user.member, attempt.params), attempt.state);
    const exchange = (verifier: string) => oauth.authorizationCodeGrantRequest(as, publicApp.client, oauth.None(), callback, REDIRECT_URI, verifier, clientOptions).then((r) => oauth.processAuthorizationCodeResponse(as, publicApp.client, r));
    expect(await oauthFailure(exchange(oauth.generateRandomCodeVerifier()))).toMatchObject({ error: 'invalid_grant', status: 400 });
    expect(await oauthFailure(exchange(attempt.verifier))).toMatchObject({ error: 'invalid_grant' });
  });

  it('a public client must use PKCE, and plain is refused (invalid_request to the redirect URI, state kept)', async () => {
    const cases: Record<string, string | null>[] = [{ code_challenge: null, code_challenge_method: null }, { code_challenge_method: 'plain' }, { code_challenge_method: null }];
    for (const extra of cases) {
      const attempt = await authorizationRequest(publicApp, 'read:goals', extra);
      const url = await authorizeAs(w.user.tenant, w.user.member, attempt.params);
      expect(url.origin + url.pathname).toBe(REDIRECT_URI);
      const error = await oauthFailure(validate(as, publicApp, url, attempt.state));
      expect(error.error, JSON.stringify(extra)).toBe('invalid_request');
    }
    const plain = await authorizationRequest(confidentialApp, 'read:goals', { code_challenge_method: 'plain' });
    const url = await authorizeAs(w.user.tenant, w.user.member, plain.params);
    expect(url.searchParams.get('error_description')).toMatch(/plain/);
    expect(url.searchParams.get('state')).toBe(plain.state);
  });

  it('a second use of a code is invalid_grant and revokes the tokens it issued', async () => {
    const attempt = await authorizationRequest(confidentialApp, 'read:goals');
    const callback = await validate(as, confidentialApp, await authorizeAs(w.user.tenant, w.user.member, attempt.params), attempt.state);
    const exchange = () => oauth.authorizationCodeGrantRequest(as, confidentialApp.client, confidentialApp.auth, callback, REDIRECT_URI, attempt.verifier, clientOptions).then((r) => oauth.processAuthorizationCodeResponse(as, confidentialApp.client, r));
    const first = await exchange();
    expect((await callApi(w.user.tenant, '/api/v1/goals', first.access_token)).status).toBe(200);
    const refreshed = await oauth.processRefreshTokenResponse(as, confidentialApp.client, await oauth.refreshTokenGrantRequest(as, confidentialApp.client, confidentialApp.auth, first.refresh_token!, clientOptions));

    expect(await oauthFailure(exchange())).toMatchObject({ error: 'invalid_grant', description: expect.stringMatching(/already used/) });
    for (const token of [first.access_token, refreshed.access_token]) {
      const api = await callApi(w.user.tenant, '/api/v1/goals', token);
      expect(api.status).toBe(401);
      expect(api.body).toMatchObject({ code: 'token_revoked' });
    }
    expect(await oauthFailure(oauth.refreshTokenGrantRequest(as, confidentialApp.client, confidentialApp.auth, refreshed.refresh_token!, clientOptions).then((r) => oauth.processRefreshTokenResponse(as, confidentialApp.client, r)))).toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('two concurrent exchanges of one code: at most one succeeds, and nothing it issued survives the other', async () => {
    const attempt = await authorizationRequest(confidentialApp, 'read:goals');
    const callback = await validate(as, confidentialApp, await authorizeAs(w.user.tenant, w.user.member, attempt.params), attempt.state);
    const exchange = () =>
      oauth
        .authorizationCodeGrantRequest(as, confidentialApp.client, confidentialApp.auth, callback, REDIRECT_URI, attempt.verifier, clientOptions)
        .then((r) => oauth.processAuthorizationCodeResponse(as, confidentialApp.client, r))
        .then(
          (tokens) => tokens.access_token,
          () => null,
        );
    const results = await Promise.all([exchange(), exchange(), exchange()]);
    expect(results.filter(Boolean).length).toBeLessThanOrEqual(1);
    for (const token of results.filter((t): t is string => t !== null)) expect((await callApi(w.user.tenant, '/api/v1/goals', token)).status).toBe(401);
  });

  it('an expired code is invalid_grant', async () => {
    const attempt = await authorizationRequest(publicApp, 'read:goals');
    const callback = await validate(as, publicApp, await authorizeAs(w.user.tenant, w.user.member, attempt.params), attempt.state);
    const code = await db.oAuthAuthorizationCode.findFirstOrThrow({ where: { grant: { appId: publicApp.view.id } }, orderBy: { createdAt: 'desc' } });
    expect(code.expiresAt.getTime() - code.createdAt.getTime()).toBeGreaterThan(9.9 * 60_000);
    expect(code.expiresAt.getTime() - code.createdAt.getTime()).toBeLessThanOrEqual(10 * 60_000 + 1_000);
    await db.oAuthAuthorizationCode.update({ where: { id: code.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const answer = await oauthFailure(
      oauth.authorizationCodeGrantRequest(as, publicApp.client, oauth.None(), callback, REDIRECT_URI, attempt.verifier, clientOptions).then((r) => oauth.processAuthorizationCodeResponse(as, publicApp.client, r)),
    );
    expect(answer).toMatchObject({ error: 'invalid_grant', description: expect.stringMatching(/expired/) });
  });

  it("a code works only on the host of the workspace it was issued in", async () => {
    const attempt = await authorizationRequest(publicApp, 'read:goals');
    const callback = await validate(as, publicApp, await authorizeAs(w.user.tenant, w.user.member, attempt.params), attempt.state);
    const ownerAs = await discover(w.owner.tenant);
    const answer = await oauthFailure(
      oauth.authorizationCodeGrantRequest(ownerAs, publicApp.client, oauth.None(), callback, REDIRECT_URI, attempt.verifier, clientOptions).then((r) => oauth.processAuthorizationCodeResponse(ownerAs, publicApp.client, r)),
    );
    expect(answer.error).toBe('invalid_grant');
  });

  it('a redirect URI mismatch or an unknown client is shown on the page, never redirected', async () => {
    const cases: [Record<string, string | null>, string][] = [
      [{ redirect_uri: 'https://evil.example.test/callback' }, 'invalid_redirect_uri'],
      [{ redirect_uri: `${REDIRECT_URI}/` }, 'invalid_redirect_uri'],
      [{ redirect_uri: `${REDIRECT_URI}?x=1` }, 'invalid_redirect_uri'],
      [{ client_id: 'wpc_000000000000000000000000' }, 'invalid_client'],
      [{ client_id: 'not-a-client' }, 'invalid_client'],
      [{ client_id: null }, 'invalid_request'],
    ];
    for (const [extra, error] of cases) {
      const prompt = await prepareAuthorization(w.user.tenant, w.user.member, (await authorizationRequest(publicApp, 'read:goals', extra)).params);
      expect(prompt, JSON.stringify(extra)).toEqual({ kind: 'error_page', error, description: expect.any(String) });
    }
    const twice = (await authorizationRequest(publicApp, 'read:goals')).params;
    twice.append('redirect_uri', 'https://evil.example.test/callback');
    expect(await prepareAuthorization(w.user.tenant, w.user.member, twice)).toMatchObject({ kind: 'error_page', error: 'invalid_request' });
  });

  it('a scope beyond the app’s allowance is invalid_scope at the redirect URI, with the state untouched', async () => {
    const state = 'a b/c?d=e&f=ü'.replace('ü', '~');
    for (const scope of ['read:goals webhooks:manage', 'admin:all', 'read:goals nonsense', '']) {
      const attempt = await authorizationRequest(publicApp, scope, { state });
      const url = await authorizeAs(w.user.tenant, w.user.admin, attempt.params);
      expect(url.searchParams.get('state')).toBe(state);
      expect(url.searchParams.get('iss')).toBe(issuerFor(w.user.tenant));
      expect(await oauthFailure(validate(as, publicApp, url, state)), scope).toMatchObject({ error: 'invalid_scope' });
    }
  });

  it('an unsupported response type is unsupported_response_type at the redirect URI', async () => {
    const attempt = await authorizationRequest(publicApp, 'read:goals', { response_type: 'token' });
    expect(await oauthFailure(validate(as, publicApp, await authorizeAs(w.user.tenant, w.user.member, attempt.params), attempt.state))).toMatchObject({ error: 'unsupported_response_type' });
  });

  it('deny sends access_denied with the state', async () => {
    const other = await registerApp(w.owner, { name: 'Never allowed' });
    const attempt = await authorizationRequest(other, 'read:goals');
    const url = await authorizeAs(w.user.tenant, w.user.member, attempt.params, 'deny');
    expect(await oauthFailure(validate(as, other, url, attempt.state))).toMatchObject({ error: 'access_denied' });
    expect(await db.oAuthGrant.count({ where: { appId: other.view.id } })).toBe(0);
  });

  it('the app’s own query in the redirect URI is kept', async () => {
    const app = await registerApp(w.owner, { name: 'With query', redirectUris: ['https://app.example.test/cb?tenant=42'] });
    const attempt = await authorizationRequest(app, 'read:goals', { redirect_uri: 'https://app.example.test/cb?tenant=42' });
    const url = await authorizeAs(w.user.tenant, w.user.member, attempt.params);
    expect(url.searchParams.get('tenant')).toBe('42');
    expect(url.searchParams.get('code')).toMatch(/^wpac_/);
  });

  it('the decision is refused for another user, an altered form or an expired one (CSRF)', async () => {
    const attempt = await authorizationRequest(publicApp, 'read:goals write:goals');
    const prompt = await prepareAuthorization(w.user.tenant, w.user.admin, attempt.params);
    if (prompt.kind !== 'consent') throw new Error('expected consent');
    const { decideAuthorization } = await import('../../lib/oauth/authorize.ts');
    const fields = prompt.hiddenFields;
    const cases = [
      decideAuthorization(w.user.tenant, w.user.member, { ...fields, decision: 'allow' }),
      decideAuthorization(w.user.tenant, w.user.admin, { ...fields, scope: 'read:goals write:goals read:users', decision: 'allow' }),
      decideAuthorization(w.user.tenant, w.user.admin, { ...fields, redirect_uri: 'https://evil.example.test/', decision: 'allow' }),
      decideAuthorization(w.user.tenant, w.user.admin, { ...fields, consent_token: `1.${fields.consent_token.split('.')[1]}`, decision: 'allow' }),
      decideAuthorization(w.user.tenant, w.user.admin, { ...fields, consent_token: '', decision: 'allow' }),
      decideAuthorization(w.owner.tenant, w.user.admin, { ...fields, decision: 'allow' }),
    ];
    for (const attemptDecision of cases) expect(await failure(attemptDecision)).toMatchObject({ status: 403, code: 'consent_expired' });
    expect(await failure(decideAuthorization(w.user.tenant, w.user.admin, { ...fields, decision: 'maybe' }))).toMatchObject({ status: 400 });
  });

  it("the consent screen speaks the workspace's terminology", async () => {
    await db.branding.update({ where: { tenantId: w.user.tenant.id }, data: { terminology: { goal: 'objective', goals: 'objectives', habit: 'ritual', habits: 'rituals' } } });
    const tenant = (await loadTenantById(w.user.tenant.id))!;
    const other = await registerApp(w.owner, { name: 'Words', allowedScopes: ['read:goals', 'write:goals', 'read:habits'] });
    const prompt = await prepareAuthorization(tenant, w.user.member, (await authorizationRequest(other, 'read:goals write:goals read:habits')).params);
    if (prompt.kind !== 'consent') throw new Error(JSON.stringify(prompt));
    const words = prompt.scopes.map((scope) => scope.description).join(' | ');
    expect(words).toMatch(/objectives/);
    expect(words).toMatch(/rituals/);
    expect(words).not.toMatch(/goal|habit/i);
  });

  it('a token request whose redirect_uri differs from the authorization request is invalid_grant', async () => {
    const app = await registerApp(w.owner, { name: 'Two callbacks', redirectUris: [REDIRECT_URI, 'https://app.example.test/other'] });
    const attempt = await authorizationRequest(app, 'read:goals');
    const callback = oauth.validateAuthResponse(as, app.client, await authorizeAs(w.user.tenant, w.user.member, attempt.params), attempt.state);
    const answer = await oauthFailure(
      oauth.authorizationCodeGrantRequest(as, app.client, app.auth, callback, 'https://app.example.test/other', attempt.verifier, clientOptions).then((r) => oauth.processAuthorizationCodeResponse(as, app.client, r)),
    );
    expect(answer).toMatchObject({ error: 'invalid_grant', status: 400 });
  });

  it('omitting redirect_uri uses the only registered one, and the token request need not repeat it', async () => {
    const attempt = await authorizationRequest(publicApp, 'read:goals', { redirect_uri: null });
    const url = await authorizeAs(w.user.tenant, w.user.member, attempt.params);
    expect(url.origin + url.pathname).toBe(REDIRECT_URI);
    const code = url.searchParams.get('code')!;
    const response = await (clientOptions[oauth.customFetch] as unknown as (u: string, i: object) => Promise<Response>)(`${issuerFor(w.user.tenant)}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: publicApp.client.client_id, code_verifier: attempt.verifier }).toString(),
    });
    expect(response.status, await response.clone().text()).toBe(200);
  });

  describe('native apps (RFC 8252)', () => {
    const exchange = async (app: RegisteredApp, attempt: { state: string; verifier: string }, url: URL, redirectUri: string) => {
      const callback = oauth.validateAuthResponse(as, app.client, url, attempt.state);
      return oauth.processAuthorizationCodeResponse(as, app.client, await oauth.authorizationCodeGrantRequest(as, app.client, app.auth, callback, redirectUri, attempt.verifier, clientOptions));
    };

    it('a loopback redirect URI matches on any port, and the token request repeats the port', async () => {
      const app = await registerApp(w.owner, { name: 'Desktop', redirectUris: ['http://127.0.0.1/callback', 'http://[::1]:8080/callback'] });
      for (const redirectUri of ['http://127.0.0.1:51234/callback', 'http://127.0.0.1/callback', 'http://[::1]:61000/callback']) {
        const attempt = await authorizationRequest(app, 'read:goals', { redirect_uri: redirectUri });
        const url = await authorizeAs(w.user.tenant, w.user.member, attempt.params);
        expect(`${url.origin}${url.pathname}`, redirectUri).toBe(redirectUri);
        expect((await exchange(app, attempt, url, redirectUri)).access_token).toMatch(/^wpat_/);
      }
      // Another port at the token endpoint than at /oauth/authorize is a mismatch.
      const attempt = await authorizationRequest(app, 'read:goals', { redirect_uri: 'http://127.0.0.1:40000/callback' });
      const url = await authorizeAs(w.user.tenant, w.user.member, attempt.params);
      expect(await oauthFailure(exchange(app, attempt, url, 'http://127.0.0.1:40001/callback'))).toMatchObject({ error: 'invalid_grant' });
    });

    it('only the port is free: path, scheme and host still match exactly', async () => {
      const app = await registerApp(w.owner, { name: 'Desktop strict', redirectUris: ['http://127.0.0.1/callback', 'http://localhost:8000/callback'] });
      for (const redirectUri of ['http://127.0.0.1:5000/other', 'https://127.0.0.1:5000/callback', 'http://127.0.0.2:5000/callback', 'http://localhost:8001/callback', 'http://127.0.0.1:5000/callback?x=1']) {
        const prompt = await prepareAuthorization(w.user.tenant, w.user.member, (await authorizationRequest(app, 'read:goals', { redirect_uri: redirectUri })).params);
        expect(prompt, redirectUri).toMatchObject({ kind: 'error_page', error: 'invalid_redirect_uri' });
      }
    });

    it('a private-use URI scheme receives the code, and the code works', async () => {
      const app = await registerApp(w.owner, { name: 'Phone', redirectUris: ['com.example.app:/oauth2redirect'] });
      const attempt = await authorizationRequest(app, 'read:goals', { redirect_uri: 'com.example.app:/oauth2redirect' });
      const url = await authorizeAs(w.user.tenant, w.user.member, attempt.params);
      expect(url.protocol).toBe('com.example.app:');
      expect(url.pathname).toBe('/oauth2redirect');
      expect((await exchange(app, attempt, url, 'com.example.app:/oauth2redirect')).access_token).toMatch(/^wpat_/);
    });
  });
});
