import { env } from '../../config/env.ts';
import { ProviderError } from '../provider-error.ts';
import type { ConnectedAccount, OAuthAdapter, ProviderTokens } from '../types.ts';
import { slackBase, slackCall, slackClient } from './slack-client.ts';
import { manifest } from './manifest.ts';

// Slack's OAuth v2 for a workspace install: the admin approves the bot scopes on Slack's page,
// we exchange the code with oauth.v2.access (client id and secret) for a bot token. No PKCE:
// Slack takes it only from apps switched to "public client" (a one-way setting meant for
// desktop and mobile apps); a server with a client secret is a confidential client. Bot
// tokens do not expire unless the Slack app turns on token rotation, in which case the
// answer carries a refresh token and expires_in, and refresh() below keeps it going.

function credentials() {
  const { SLACK_CLIENT_ID, SLACK_CLIENT_SECRET } = env();
  if (!SLACK_CLIENT_ID || !SLACK_CLIENT_SECRET) throw new ProviderError('invalid', 'Slack is not configured on this installation.');
  return { client_id: SLACK_CLIENT_ID, client_secret: SLACK_CLIENT_SECRET };
}

function expiry(expiresIn: number | undefined): Date | null {
  return expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
}

function scopesOf(scope: string | undefined): string[] {
  return scope ? scope.split(',').map((entry) => entry.trim()).filter(Boolean) : [];
}

export const slackOAuth: OAuthAdapter = {
  pkce: false,

  authorizationUrl({ state, redirectUri, scopes }) {
    const url = new URL(`${slackBase()}/oauth/v2/authorize`);
    url.searchParams.set('client_id', credentials().client_id);
    url.searchParams.set('scope', (scopes.length ? scopes : manifest.providerScopes).join(','));
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('state', state);
    return url.toString();
  },

  async exchangeCode({ code, redirectUri }): Promise<ConnectedAccount> {
    const result = await slackCall('oauth.v2.access', () => slackClient().oauth.v2.access({ ...credentials(), code, redirect_uri: redirectUri }));
    if (!result.access_token || !result.team?.id) throw new ProviderError('invalid', 'Slack oauth.v2.access: no bot token or team in the answer');
    return {
      accessToken: result.access_token,
      refreshToken: result.refresh_token ?? null,
      expiresAt: expiry(result.expires_in),
      scopes: scopesOf(result.scope),
      account: { id: result.team.id, name: result.team.name ?? null },
      settings: { teamId: result.team.id, teamName: result.team.name ?? null, botUserId: result.bot_user_id ?? null, appId: result.app_id ?? null, enterpriseId: result.enterprise?.id ?? null },
    };
  },

  async refresh(refreshToken): Promise<ProviderTokens> {
    const result = await slackCall('oauth.v2.access', () => slackClient().oauth.v2.access({ ...credentials(), grant_type: 'refresh_token', refresh_token: refreshToken }));
    if (!result.access_token) throw new ProviderError('invalid_grant', 'Slack oauth.v2.access: no token in the refresh answer');
    return { accessToken: result.access_token, refreshToken: result.refresh_token ?? refreshToken, expiresAt: expiry(result.expires_in), scopes: scopesOf(result.scope) };
  },

  async revoke({ accessToken }) {
    // auth.revoke takes the token it revokes as its credential; the bot token is the grant.
    if (!accessToken) return;
    await slackCall('auth.revoke', () => slackClient(accessToken).auth.revoke({}));
  },
};
