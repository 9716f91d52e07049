import { auth } from '@googleapis/calendar';
import { env } from '../../config/env.ts';
import { ProviderError } from '../provider-error.ts';
import type { ConnectedAccount, OAuthAdapter, ProviderTokens } from '../types.ts';
import { GOOGLE_TIMEOUT_MS, googleEndpoints } from './google-endpoints.ts';
import { googleError } from './google-errors.ts';

// Google's OAuth 2.0 for web server apps through google-auth-library's OAuth2Client (the copy
// @googleapis/calendar ships, reached as its `auth.OAuth2`, so the Calendar client and this
// agree on one version). Offline access for a refresh token, PKCE S256, the account's email
// from the OpenID userinfo endpoint.

type OAuth2Client = InstanceType<typeof auth.OAuth2>;
type AuthUrlOptions = NonNullable<Parameters<OAuth2Client['generateAuthUrl']>[0]>;

function oauthClient(redirectUri?: string): OAuth2Client {
  const endpoints = googleEndpoints();
  return new auth.OAuth2({
    clientId: env().GOOGLE_CLIENT_ID,
    clientSecret: env().GOOGLE_CLIENT_SECRET,
    redirectUri,
    endpoints: { oauth2AuthBaseUrl: endpoints.authorize, oauth2TokenUrl: endpoints.token, oauth2RevokeUrl: endpoints.revoke },
    transporterOptions: { timeout: GOOGLE_TIMEOUT_MS },
  });
}

function tokensFrom(credentials: { access_token?: string | null; refresh_token?: string | null; expiry_date?: number | null; scope?: string | null }): ProviderTokens {
  if (!credentials.access_token) throw new ProviderError('invalid', 'Google answered without an access token.');
  return {
    accessToken: credentials.access_token,
    refreshToken: credentials.refresh_token ?? null,
    expiresAt: credentials.expiry_date ? new Date(credentials.expiry_date) : null,
    scopes: credentials.scope ? credentials.scope.split(' ').filter(Boolean) : undefined,
  };
}

export const googleOAuth: OAuthAdapter = {
  pkce: true,

  authorizationUrl({ state, codeChallenge, redirectUri, scopes }) {
    return oauthClient(redirectUri).generateAuthUrl({
      // A refresh token, and asked again on reconnect so Google issues a new one.
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: true,
      scope: scopes,
      state,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256' as AuthUrlOptions['code_challenge_method'],
    });
  },

  async exchangeCode({ code, codeVerifier, redirectUri }): Promise<ConnectedAccount> {
    const client = oauthClient(redirectUri);
    let tokens: ProviderTokens;
    try {
      const { tokens: credentials } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });
      tokens = tokensFrom(credentials);
    } catch (error) {
      throw googleError(error, 'Exchanging the authorization code');
    }
    client.setCredentials({ access_token: tokens.accessToken });
    let profile: { sub?: string; email?: string; name?: string };
    try {
      ({ data: profile } = await client.request<{ sub?: string; email?: string; name?: string }>({ url: googleEndpoints().userinfo, retry: false }));
    } catch (error) {
      throw googleError(error, 'Reading the Google account');
    }
    if (!profile.email) throw new ProviderError('invalid', 'Google did not say which account this is (no email): the email scope is missing.');
    return { ...tokens, account: { id: profile.email, name: profile.name ?? profile.email } };
  },

  async refresh(refreshToken) {
    const client = oauthClient();
    client.setCredentials({ refresh_token: refreshToken });
    try {
      const { credentials } = await client.refreshAccessToken();
      // Google keeps the refresh token unless it sends a new one.
      return { ...tokensFrom(credentials), refreshToken: credentials.refresh_token && credentials.refresh_token !== refreshToken ? credentials.refresh_token : null };
    } catch (error) {
      throw googleError(error, 'Refreshing the access token');
    }
  },

  async revoke({ accessToken, refreshToken }) {
    // Revoking the refresh token ends the whole grant (its access tokens too).
    const token = refreshToken ?? accessToken;
    if (!token) return;
    try {
      await oauthClient().revokeToken(token);
    } catch (error) {
      const failure = googleError(error, 'Revoking the grant');
      // Already revoked or expired: nothing left to end.
      if (failure.status === 400) return;
      throw failure;
    }
  },
};
