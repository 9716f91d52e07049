import { db } from '../db/client.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { hashOAuthSecret } from './hash-client-secret.ts';
import { identityClaims } from './id-token.ts';
import { roleIn } from './member-role.ts';
import { looksLike } from './oauth-credentials.ts';
import { oauthJson } from './oauth-errors.ts';

// GET/POST /oauth/userinfo (OpenID Connect Core §5.3): the signed-in user's claims for a bearer
// access token of this workspace that carries `openid`. Failures follow RFC 6750 §3: a
// WWW-Authenticate challenge, 401 for a missing or unusable token, 403 for a missing scope.

function challenge(status: 401 | 403, error?: 'invalid_token' | 'insufficient_scope', description?: string): Response {
  const params = ['realm="waypoint"', ...(error ? [`error="${error}"`, `error_description="${description}"`] : []), ...(error === 'insufficient_scope' ? ['scope="openid"'] : [])];
  const headers = { 'www-authenticate': `Bearer ${params.join(', ')}` };
  return error ? oauthJson({ error, error_description: description }, status, headers) : oauthJson({ error: 'invalid_request', error_description: 'Send the access token as Authorization: Bearer <token>' }, status, headers);
}

export async function handleUserinfoRequest(req: Request, host: TenantContext, now = new Date()): Promise<Response> {
  const match = /^Bearer\s+([\x21-\x7e]+)\s*$/i.exec(req.headers.get('authorization') ?? '');
  if (!match) return challenge(401);
  const token = match[1];
  const row = looksLike('accessToken', token)
    ? await db.oAuthToken.findUnique({
        where: { accessTokenHash: hashOAuthSecret(token) },
        select: {
          tenantId: true,
          scopes: true,
          accessTokenExpiresAt: true,
          revokedAt: true,
          grant: { select: { kind: true, revokedAt: true, app: { select: { allowedScopes: true } }, user: { select: { id: true, name: true, email: true, emailVerifiedAt: true } } } },
        },
      })
    : null;
  // Another workspace's token is unknown here, exactly like one that does not exist.
  if (!row || row.tenantId !== host.id || row.revokedAt || row.grant.revokedAt || row.accessTokenExpiresAt <= now || !(await roleIn(row.grant.user.id, host.id))) {
    return challenge(401, 'invalid_token', 'The access token is not valid, has expired or was revoked');
  }
  // Like the API, the app's current allowance applies: an app no longer allowed openid loses userinfo.
  const scopes = row.scopes.filter((scope) => row.grant.app.allowedScopes.includes(scope));
  if (row.grant.kind !== 'authorization_code' || !scopes.includes('openid')) return challenge(403, 'insufficient_scope', 'The access token was not granted the openid scope');
  return oauthJson({ sub: row.grant.user.id, ...identityClaims(row.grant.user, scopes) });
}
