import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { db } from '../db/client.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { hashOAuthSecret } from './hash-client-secret.ts';
import { issuerFor } from './issuer.ts';
import { activeSigningKey } from './signing-keys.ts';
import { ID_TOKEN_LIFETIME } from './token-lifetimes.ts';

// OpenID Connect ID tokens (Core §2), issued by the token endpoint with the access token of a
// grant that includes `openid`. The subject is the user id: stable, and the same for every app.

/** The claims the `profile` and `email` scopes release (ID token and userinfo alike). */
export function identityClaims(user: { name: string | null; email: string; emailVerifiedAt: Date | null }, scopes: readonly string[]): Record<string, unknown> {
  return {
    ...(scopes.includes('profile') ? { name: user.name ?? undefined } : {}),
    ...(scopes.includes('email') ? { email: user.email, email_verified: user.emailVerifiedAt !== null } : {}),
  };
}

/** Core §3.1.3.6: the left half of the SHA-256 of the access token, base64url. */
const atHash = (accessToken: string) => createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');

/**
 * The ID token for an access token the token endpoint has just issued, or null when its grant
 * did not include `openid`. On a refresh (Core §12.2) auth_time stays the original sign-in's and
 * there is no nonce.
 */
export async function idTokenFor(tenant: Pick<TenantContext, 'id' | 'slug'>, accessToken: string, grantType: string): Promise<string | null> {
  const row = await db.oAuthToken.findUnique({
    where: { accessTokenHash: hashOAuthSecret(accessToken) },
    select: {
      tenantId: true,
      scopes: true,
      authorizationCode: { select: { nonce: true, authTime: true } },
      grant: { select: { kind: true, app: { select: { clientId: true } }, user: { select: { id: true, name: true, email: true, emailVerifiedAt: true } } } },
    },
  });
  if (!row || row.tenantId !== tenant.id || row.grant.kind !== 'authorization_code' || !row.scopes.includes('openid')) return null;
  const { user, app } = row.grant;
  const code = row.authorizationCode;
  const key = await activeSigningKey(tenant.id);
  return new SignJWT({
    ...identityClaims(user, row.scopes),
    ...(code?.authTime ? { auth_time: Math.floor(code.authTime.getTime() / 1000) } : {}),
    ...(grantType === 'authorization_code' && code?.nonce ? { nonce: code.nonce } : {}),
    at_hash: atHash(accessToken),
  })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(issuerFor(tenant))
    .setSubject(user.id)
    .setAudience(app.clientId)
    .setIssuedAt()
    .setExpirationTime(`${ID_TOKEN_LIFETIME}s`)
    .sign(key.key);
}
