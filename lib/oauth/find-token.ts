import { db } from '../db/client.ts';
import { hashOAuthSecret } from './hash-client-secret.ts';
import { looksLike } from './oauth-credentials.ts';

// Looks a presented access or refresh token up by its hash (the prefix says which it is), for
// revocation and introspection.

const select = {
  id: true,
  tenantId: true,
  scopes: true,
  createdAt: true,
  accessTokenExpiresAt: true,
  refreshTokenExpiresAt: true,
  refreshedAt: true,
  revokedAt: true,
  authorizationCodeId: true,
  grant: { select: { id: true, kind: true, userId: true, revokedAt: true, app: { select: { id: true, clientId: true, allowedScopes: true } } } },
} as const;

export type FoundToken = NonNullable<Awaited<ReturnType<typeof lookup>>> & { type: 'access_token' | 'refresh_token' };

function lookup(where: { accessTokenHash: string } | { refreshTokenHash: string }) {
  return db.oAuthToken.findUnique({ where, select });
}

export async function findToken(value: string): Promise<FoundToken | null> {
  if (looksLike('accessToken', value)) {
    const row = await lookup({ accessTokenHash: hashOAuthSecret(value) });
    return row ? { ...row, type: 'access_token' } : null;
  }
  if (looksLike('refreshToken', value)) {
    const row = await lookup({ refreshTokenHash: hashOAuthSecret(value) });
    return row ? { ...row, type: 'refresh_token' } : null;
  }
  return null;
}

/** Usable now: not revoked (itself or its grant), not expired, a refresh token not yet rotated. */
export function isLive(token: FoundToken, now = new Date()): boolean {
  if (token.revokedAt || token.grant.revokedAt) return false;
  if (token.type === 'access_token') return token.accessTokenExpiresAt > now;
  return !token.refreshedAt && (!token.refreshTokenExpiresAt || token.refreshTokenExpiresAt > now);
}
