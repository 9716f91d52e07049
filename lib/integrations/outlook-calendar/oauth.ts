import { env } from '../../config/env.ts';
import { kindForStatus, ProviderError } from '../provider-error.ts';
import type { ConnectedAccount, OAuthAdapter, ProviderTokens } from '../types.ts';
import { graphCall, graphClient, retryAfterSeconds } from './graph-client.ts';
import { manifest } from './manifest.ts';

// The Microsoft identity platform (v2 endpoints): authorization code with PKCE, then refresh.
// Plain HTTP to the token endpoint: MSAL is not part of the stack, and we need no id_token
// (the account comes from Graph /me), so there is nothing to validate beyond the JSON answer.

const TOKEN_TIMEOUT_MS = 15_000;

/** https://login.microsoftonline.com/<tenant>, or <MICROSOFT_API_BASE>/<tenant> in tests. */
export function authorityUrl(): string {
  const { MICROSOFT_API_BASE, MICROSOFT_TENANT } = env();
  const base = (MICROSOFT_API_BASE ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
  return `${base}/${encodeURIComponent(MICROSOFT_TENANT || 'common')}`;
}

function credentials(): { clientId: string; clientSecret: string } {
  const { MICROSOFT_CLIENT_ID, MICROSOFT_CLIENT_SECRET } = env();
  if (!MICROSOFT_CLIENT_ID || !MICROSOFT_CLIENT_SECRET) throw new ProviderError('invalid', 'Outlook Calendar is not configured (MICROSOFT_CLIENT_ID / MICROSOFT_CLIENT_SECRET).');
  return { clientId: MICROSOFT_CLIENT_ID, clientSecret: MICROSOFT_CLIENT_SECRET };
}

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
  error?: string;
  error_description?: string;
}

async function tokenRequest(params: Record<string, string>): Promise<ProviderTokens> {
  const { clientId, clientSecret } = credentials();
  let response: Response;
  try {
    response = await fetch(`${authorityUrl()}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ ...params, client_id: clientId, client_secret: clientSecret }),
      redirect: 'error',
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ProviderError('unavailable', `Microsoft sign-in: the token endpoint did not answer (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
  const body = (await response.json().catch(() => ({}))) as TokenResponse;
  if (!response.ok || !body.access_token) {
    const code = body.error ?? 'unknown_error';
    // invalid_grant: the code or refresh token was revoked, expired or already used; a person has to reconnect.
    const kind = code === 'invalid_grant' ? 'invalid_grant' : response.ok ? 'invalid' : kindForStatus(response.status);
    throw new ProviderError(kind, `Microsoft sign-in: ${code}${body.error_description ? `: ${body.error_description.split(/\r?\n/)[0]}` : ''}`, {
      status: response.status,
      retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after')),
    });
  }
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? null,
    expiresAt: typeof body.expires_in === 'number' ? new Date(Date.now() + body.expires_in * 1000) : null,
    scopes: body.scope ? body.scope.split(' ').filter(Boolean) : undefined,
  };
}

interface GraphMe {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
}

export const outlookOAuth: OAuthAdapter = {
  pkce: true,

  authorizationUrl({ state, codeChallenge, redirectUri, scopes }) {
    const { clientId } = credentials();
    const url = new URL(`${authorityUrl()}/oauth2/v2.0/authorize`);
    url.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      response_mode: 'query',
      scope: scopes.join(' '),
      state,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
      prompt: 'select_account',
    }).toString();
    return url.toString();
  },

  async exchangeCode({ code, codeVerifier, redirectUri }): Promise<ConnectedAccount> {
    const tokens = await tokenRequest({ grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: redirectUri, scope: manifest.providerScopes.join(' ') });
    const me = await graphCall('reading the signed-in account', () => graphClient(tokens.accessToken).api('/me').select(['id', 'displayName', 'mail', 'userPrincipalName']).get() as Promise<GraphMe>);
    return {
      ...tokens,
      account: { id: me.mail || me.userPrincipalName || me.id, name: me.displayName ?? null },
      settings: { microsoftUserId: me.id },
    };
  },

  async refresh(refreshToken) {
    // Microsoft rotates refresh tokens: the answer carries a new one, which the caller stores.
    return tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken, scope: manifest.providerScopes.join(' ') });
  },

  // The Microsoft identity platform has no endpoint to revoke one app's grant (revokeSignInSessions
  // would sign the person out of every app and device). Disconnecting deletes our tokens; the person
  // can remove the app's consent at https://myapps.microsoft.com (work) or account.live.com/consent (personal).
  async revoke() {},
};
