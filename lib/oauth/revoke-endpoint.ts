import { db } from '../db/client.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { requestClient } from './client-authentication.ts';
import { findToken } from './find-token.ts';
import { InvalidRequestError, NO_STORE, oauthErrorResponse } from './oauth-errors.ts';
import { readOAuthRequest } from './oauth-request.ts';

/**
 * POST /oauth/revoke (RFC 7009). The client authenticates (public clients: client_id); the
 * answer is 200 whether or not the token existed, was already revoked, or belongs to another
 * client (which it is then not revoked for). Revoking an access token ends it and the refresh
 * token issued with it; revoking a refresh token ends its whole chain (every token refreshed
 * from the same authorization code), as §2.1 suggests.
 */
export async function handleRevocationRequest(req: Request, host: TenantContext): Promise<Response> {
  try {
    const request = await readOAuthRequest(req);
    const client = await requestClient(request);
    const value = (request.body as Record<string, string>).token;
    if (!value) throw new InvalidRequestError('Missing parameter: `token`');
    const token = await findToken(value);
    if (token && token.tenantId === host.id && token.grant.app.clientId === client.id && !token.revokedAt) {
      const chain = token.type === 'refresh_token' && token.authorizationCodeId ? { authorizationCodeId: token.authorizationCodeId } : { id: token.id };
      await db.oAuthToken.updateMany({ where: { ...chain, grantId: token.grant.id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    return new Response(null, { status: 200, headers: NO_STORE });
  } catch (error) {
    return oauthErrorResponse(error);
  }
}
