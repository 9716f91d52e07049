import type { TenantContext } from '../tenancy/tenant-context.ts';
import { requestClient } from './client-authentication.ts';
import { findToken, isLive } from './find-token.ts';
import { issuerFor } from './issuer.ts';
import { roleIn } from './member-role.ts';
import { InvalidRequestError, oauthErrorResponse, oauthJson } from './oauth-errors.ts';
import { readOAuthRequest } from './oauth-request.ts';
import { capByRole } from './oauth-scopes.ts';

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * POST /oauth/introspect (RFC 7662), for confidential clients about their own tokens. Tokens of
 * other apps or workspaces, and expired, revoked or rotated ones, are {"active": false}. The
 * scope is what the token can do now: its scopes within the app's allowance and the user's
 * current role.
 */
export async function handleIntrospectionRequest(req: Request, host: TenantContext): Promise<Response> {
  try {
    const request = await readOAuthRequest(req);
    const client = await requestClient(request, { confidentialOnly: true });
    const value = (request.body as Record<string, string>).token;
    if (!value) throw new InvalidRequestError('Missing parameter: `token`');
    const token = await findToken(value);
    if (!token || token.tenantId !== host.id || token.grant.app.clientId !== client.id || !isLive(token)) return oauthJson({ active: false });
    const role = await roleIn(token.grant.userId, token.tenantId);
    if (!role) return oauthJson({ active: false });
    const scopes = capByRole(token.scopes.filter((scope) => token.grant.app.allowedScopes.includes(scope)), role);
    const expiresAt = token.type === 'access_token' ? token.accessTokenExpiresAt : token.refreshTokenExpiresAt;
    return oauthJson({
      active: true,
      scope: scopes.join(' '),
      client_id: client.id,
      ...(token.type === 'access_token' ? { token_type: 'Bearer' } : {}),
      ...(expiresAt ? { exp: seconds(expiresAt) } : {}),
      iat: seconds(token.createdAt),
      // The consenting user; for client credentials, the app itself (it acts for its workspace).
      sub: token.grant.kind === 'client_credentials' ? client.id : token.grant.userId,
      iss: issuerFor(host),
    });
  } catch (error) {
    return oauthErrorResponse(error);
  }
}
